/**
 * Which page elements to mark for a list of findings (pure, DOM references only).
 * The plan keeps each finding's index into the run's findings array: that index is the
 * `data-dc-finding` value of the design.md marks contract.
 */
import type { Finding, Severity } from '../checks/types';

export type MarkRole = 'total' | 'part' | 'value' | 'text';

/** The part of a Finding the marks need (so tests can build it without the whole core). */
export interface MarkableFinding {
  severity: Severity;
  /** `blank`: the cell shows no value (a blank is "no value": marked, but never framed). */
  cells: { el: Element | null; role: 'total' | 'part' | 'value'; blank?: boolean }[];
  spans: { el: Element | null; text: string; start: number; end: number }[];
}

export function toMarkable(f: Finding): MarkableFinding {
  return {
    severity: f.severity,
    cells: f.cells.map((c) => ({ el: c.cell.source?.el ?? null, role: c.role, blank: c.cell.text.trim() === '' })),
    // The clause at fault when the finding names one, else the whole sentence.
    spans: f.spans.map((s) => ({ el: s.paragraph.el, text: s.paragraph.text, start: s.clause?.start ?? s.start, end: s.clause?.end ?? s.end })),
  };
}

export const SEVERITY_RANK: Record<Severity, number> = { error: 3, warning: 2, notice: 1 };

export function worse(a: Severity, b: Severity): Severity {
  return SEVERITY_RANK[a] >= SEVERITY_RANK[b] ? a : b;
}

export interface ElementMark {
  el: Element;
  /** The most severe (then earliest) finding on this element: the `data-dc-finding` value. */
  primary: number;
  /** Every finding that references this element, in order. */
  findings: number[];
  severity: Severity;
  kind: 'cell' | 'text';
  /** True when the element is the stated total of a failing (error/warning) comparison. */
  total: boolean;
  /** Cell role shown by the marks: a failing total, a part of a sum, or a single value. */
  role: 'total' | 'part' | 'value' | null;
  /** A blank cell: it carries the mark's attributes but no frame. */
  blank: boolean;
  /**
   * The one element of a finding the keyboard reaches (its total, else its first element): one tab
   * stop per finding, not one per cell of every sum.
   */
  stop: boolean;
  /** The cause naming this element (the value to fix): `data-dc-cause`. */
  cause: string | null;
  /** The cause that explains every failing finding on this element (it is not wrong itself): `data-dc-affected`. */
  affected: string | null;
}

/** A root cause as the marks need it: the elements it names and the findings it explains. */
export interface MarkableCause {
  id: string;
  /** unique: the culprit is the error; ambiguous: each alternative is named, marks unchanged. */
  confidence: 'unique' | 'ambiguous' | 'none';
  /** Culprit cells (td/th) and paragraphs (a stated number). */
  cells: Element[];
  texts: Element[];
  findings: number[];
}

export interface SentenceMark {
  finding: number;
  severity: Severity;
  el: Element;
  /** Paragraph text the offsets refer to. */
  text: string;
  start: number;
  end: number;
}

export interface MarkPlan {
  elements: ElementMark[];
  sentences: SentenceMark[];
}

export interface PlanOptions {
  showNotices?: boolean;
  /** Root causes: culprits get `cause`, the other elements of the findings they explain `affected`. */
  causes?: readonly MarkableCause[];
}

export function planMarks(findings: readonly MarkableFinding[], opts: PlanOptions = {}): MarkPlan {
  const showNotices = opts.showNotices ?? true;
  const byEl = new Map<Element, ElementMark>();
  const sentences: SentenceMark[] = [];
  const add = (
    el: Element,
    index: number,
    severity: Severity,
    kind: 'cell' | 'text',
    total: boolean,
    role: 'part' | 'value' | null,
    blank = false,
  ) => {
    const m = byEl.get(el);
    if (!m) {
      byEl.set(el, { el, primary: index, findings: [index], severity, kind, total, role: total ? 'total' : role, blank, stop: false, cause: null, affected: null });
      return;
    }
    if (total) m.role = 'total';
    else if (role === 'part' && m.role !== 'total') m.role = 'part';
    else if (role && !m.role) m.role = role;
    if (!m.findings.includes(index)) m.findings.push(index);
    if (SEVERITY_RANK[severity] > SEVERITY_RANK[m.severity]) {
      m.severity = severity;
      m.primary = index;
    }
    m.total ||= total;
    if (kind === 'cell') m.kind = 'cell';
  };
  findings.forEach((f, index) => {
    if (f.severity === 'notice' && !showNotices) return;
    const failing = f.severity !== 'notice';
    for (const c of f.cells) {
      if (!c.el) continue;
      const total = failing && c.role === 'total';
      add(c.el, index, f.severity, 'cell', total, c.role === 'part' ? 'part' : 'value', !!c.blank);
    }
    for (const s of f.spans) {
      if (!s.el) continue;
      add(s.el, index, f.severity, 'text', false, null);
      if (s.end > s.start) sentences.push({ finding: index, severity: f.severity, el: s.el, text: s.text, start: s.start, end: s.end });
    }
    const anchor = f.cells.find((c) => c.el && c.role === 'total')?.el ?? f.cells.find((c) => c.el)?.el ?? f.spans.find((s) => s.el)?.el;
    if (anchor) byEl.get(anchor)!.stop = true;
  });
  if (opts.causes?.length) markCauses(byEl, findings, opts.causes, showNotices);
  return { elements: [...byEl.values()], sentences };
}

function markCauses(byEl: Map<Element, ElementMark>, findings: readonly MarkableFinding[], causes: readonly MarkableCause[], showNotices: boolean): void {
  const explainedBy = new Map<number, string>();
  for (const c of causes) {
    if (c.confidence === 'none') continue;
    for (const f of c.findings) if (!explainedBy.has(f)) explainedBy.set(f, c.id);
  }
  // Culprits: named by the cause (an element no finding marks — rare — gets a mark of its own).
  for (const c of causes) {
    if (c.confidence === 'none') continue;
    const primary = c.findings[0] ?? 0;
    const name = (el: Element, kind: 'cell' | 'text') => {
      let m = byEl.get(el);
      if (!m) {
        if (findings[primary]?.severity === 'notice' && !showNotices) return;
        m = { el, primary, findings: [...c.findings], severity: 'error', kind, total: false, role: kind === 'cell' ? 'value' : null, blank: false, stop: true, cause: null, affected: null };
        byEl.set(el, m);
      }
      m.cause ??= c.id;
      if (c.confidence === 'unique') m.severity = 'error';
    };
    for (const el of c.cells) name(el, 'cell');
    for (const el of c.texts) name(el, 'text');
  }
  // Affected: every failing finding on the element is explained by a cause, and it names none.
  for (const m of byEl.values()) {
    if (m.cause || m.kind !== 'cell') continue;
    const failing = m.findings.filter((i) => findings[i]?.severity !== 'notice');
    if (failing.length === 0 || !failing.every((i) => explainedBy.has(i))) continue;
    m.affected = explainedBy.get(failing[0])!;
  }
}
