import type { CheckRun } from '../run';
import type { Report, ReportCause, ReportFinding } from './schema';
import type { Finding } from '../checks/types';
import type { Disclosure } from '../model/types';
import { cellCite, cellLabel } from '../checks/helpers';
import type { ModelCell } from '../model/types';
import { spanPlace } from './place';
import { toInt } from '../int';
import type { Cause, Change } from '../localize';
import type { Relation } from '../localize/relation';
import { describeCause, plain } from '../localize/describe';

/** The finding → cause id map: the first cause (most certain first) that explains it. */
export function causeOfFindings(causes: readonly Cause[]): Map<number, string> {
  const out = new Map<number, string>();
  for (const c of causes) {
    if (c.confidence === 'none') continue;
    for (const i of c.explains) if (!out.has(i)) out.set(i, c.id);
  }
  return out;
}

function changeCell(d: Disclosure, ch: Change) {
  if (ch.x.kind !== 'cell') return null;
  const { cell } = ch.x;
  return { table: cell.table, row: cell.row, col: cell.col, text: cell.text, label: cellLabel(d, cell).zh, cite: citeOf(d, cell), labelEn: cellLabel(d, cell).en };
}

/** The label's parts, in Chinese (as the label). */
function citeOf(d: Disclosure, cell: ModelCell) {
  const c = cellCite(d, cell);
  return { table: c.table.zh, rowCode: c.rowCode, rowName: c.rowName, column: c.column.zh };
}

function changeQuote(ch: Change): string | null {
  if (ch.x.kind !== 'text') return null;
  const n = ch.x.num;
  return n.paragraph.text.slice(n.sentenceStart, n.sentenceEnd);
}

export function causeToReport(d: Disclosure, c: Cause): ReportCause {
  const text = describeCause(d, c);
  const changes = c.alternatives.flat();
  const cells: NonNullable<ReturnType<typeof changeCell>>[] = [];
  for (const ch of changes) {
    const cell = changeCell(d, ch);
    if (cell && !cells.some((x) => x.table === cell.table && x.row === cell.row && x.col === cell.col)) cells.push(cell);
  }
  const quote = changes.map(changeQuote).find((q) => q !== null) ?? null;
  const one = c.confidence === 'unique' ? c.alternatives[0][0] : null;
  return {
    id: c.id,
    cells,
    quote,
    stated: one ? plain(one, one.stated) : null,
    suggested: one ? plain(one, one.suggested) : null,
    pattern: one?.pattern ?? null,
    confidence: c.confidence,
    explains: c.explains,
    ...(one?.bound ? { bound: true } : {}),
    message: text.zh,
    messageEn: text.en,
    ...(c.confidence === 'ambiguous'
      ? {
          alternatives: c.alternatives.flatMap((alt, option) =>
            alt.map((ch) => ({
              option,
              cell: changeCell(d, ch),
              quote: changeQuote(ch),
              stated: plain(ch, ch.stated),
              suggested: plain(ch, ch.suggested),
              pattern: ch.pattern,
              bound: ch.bound,
            })),
          ),
        }
      : {}),
  };
}

/** A PDF-derived element carries data-page and data-box (PDF points, top-left origin); HTML elements do not. */
function placeOnPage(el: Element | null | undefined): { page: number; box: number[] } | null {
  const page = el?.getAttribute('data-page');
  const box = el?.getAttribute('data-box');
  if (!page || !box) return null;
  // eslint-disable-next-line no-restricted-syntax -- PDF coordinates in points, not money
  const nums = box.trim().split(/\s+/).map((x) => Number.parseFloat(x));
  if (nums.length !== 4 || nums.some((n) => !Number.isFinite(n))) return null;
  return { page: toInt(page), box: nums };
}

export function findingToReport(f: Finding, d: Disclosure): ReportFinding {
  const quotePlace = spanPlace(f.spans[0]) ?? placeOnPage(f.spans[0]?.paragraph.el);
  return {
    rule: f.rule,
    severity: f.severity,
    message: f.message.zh,
    messageEn: f.message.en,
    expected: f.expected,
    actual: f.actual,
    cells: f.cells.map(({ cell, role }) => ({
      table: cell.table,
      row: cell.row,
      col: cell.col,
      text: cell.text,
      role,
      label: cellLabel(d, cell).zh,
      cite: citeOf(d, cell),
      labelEn: cellLabel(d, cell).en,
      ...placeOnPage(cell.source.el),
    })),
    quote: f.quote,
    ...(f.quote !== null ? quotePlace : null),
    cause: null,
  };
}

/** What each table finding compared (ReportFinding.basis), from the relation that produced it. */
export function basisOfFindings(relations: readonly Relation[]): Map<Finding, NonNullable<ReportFinding['basis']>> {
  const out = new Map<Finding, NonNullable<ReportFinding['basis']>>();
  for (const r of relations) {
    if (!r.finding || out.has(r.finding) || r.terms.some((t) => t.x.kind !== 'cell')) continue;
    const total = r.terms.find((t) => t.role === 'total');
    if (r.op === 'le') out.set(r.finding, 'bound');
    else if (!total) out.set(r.finding, 'equal');
    else {
      const sign = total.coef.isPositive();
      out.set(r.finding, r.terms.every((t) => t === total || t.coef.isPositive() !== sign) ? 'sum' : 'formula');
    }
  }
  return out;
}

/**
 * Comparisons per table (report tables[].checks): each relation counts once for every table whose
 * cells it reads — as a narrative one when it also reads a number stated in the text.
 */
export function checksByTable(relations: readonly Relation[]): Map<string, { identities: number; claims: number }> {
  const out = new Map<string, { identities: number; claims: number }>();
  for (const r of relations) {
    const narrative = r.terms.some((t) => t.x.kind === 'text');
    const tables = new Set<string>();
    for (const t of r.terms) if (t.x.kind === 'cell') tables.add(t.x.cell.table);
    for (const id of tables) {
      const c = out.get(id) ?? { identities: 0, claims: 0 };
      if (narrative) c.claims++;
      else c.identities++;
      out.set(id, c);
    }
  }
  return out;
}

/** The JSON report of design.md's contract for one checked document. */
export function toReport(run: CheckRun, source: string): Report {
  const { disclosure } = run;
  const count = (s: Finding['severity']) => run.findings.filter((f) => f.severity === s).length;
  const causeOf = causeOfFindings(run.causes);
  const basisOf = basisOfFindings(run.relations);
  const checks = checksByTable(run.relations);
  return {
    source,
    document: {
      title: disclosure.info.title,
      department: disclosure.info.department,
      year: disclosure.info.year,
      unit: disclosure.info.unit,
      kind: disclosure.info.kind,
      scope: disclosure.info.scope,
      format: disclosure.info.format,
      ...(disclosure.info.template ? { template: true } : {}),
    },
    tables: Object.values(disclosure.tables).map((t) => ({
      id: t!.key,
      name: t!.name,
      marker: t!.marker,
      rows: t!.rows,
      cols: t!.cols,
      checks: checks.get(t!.key) ?? { identities: 0, claims: 0 },
    })),
    unrecognised: disclosure.unrecognised.map((u) => ({ title: u.title, reason: u.reason })),
    sections: run.sections,
    findings: run.findings.map((f, i) => {
      const basis = basisOf.get(f);
      return { ...findingToReport(f, disclosure), ...(basis ? { basis } : {}), cause: causeOf.get(i) ?? null };
    }),
    causes: run.causes.map((c) => causeToReport(disclosure, c)),
    rules: run.rules.map((r) => (r.detail ? { id: r.id, outcome: r.outcome, detail: r.detail } : { id: r.id, outcome: r.outcome })),
    ...(run.claims ? { claims: run.claims } : {}),
    summary: {
      errors: count('error'),
      warnings: count('warning'),
      notices: count('notice'),
      rulesRun: run.rules.filter((r) => r.outcome === 'pass' || r.outcome === 'fail').length,
      causes: run.causes.filter((c) => c.confidence !== 'none').length,
      relations: run.relations.length,
    },
  };
}
