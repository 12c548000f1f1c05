/**
 * Apply a mark plan to the page and remove it without trace (design.md, "Marks on the page").
 * Every attribute we touch is recorded with its original value and restored on removal; the
 * stylesheet, tooltip host and highlights are ours alone and are removed entirely.
 */
import type { MarkPlan, ElementMark } from './plan';
import { locateTextRange } from './text-range';
import { markStylesheet, STYLE_ID, HIGHLIGHT_PREFIX } from './style';
import { Tooltip, type TooltipEntry } from './tooltip';
import { createEl, createRange, docElement, docHead, docView, listen, queryAll, unlisten } from '../dom/safe';
import type { Severity } from '../checks/types';

export const MARK_ATTRS = [
  'data-dc-severity',
  'data-dc-finding',
  'data-dc-findings',
  'data-dc-kind',
  'data-dc-role',
  'data-dc-flash',
  'data-dc-lit',
  'data-dc-cause',
  'data-dc-affected',
  'tabindex',
] as const;
type MarkAttr = (typeof MARK_ATTRS)[number];

export interface MarkOptions {
  /**
   * Tooltip entries for the findings on an element (most severe first); `mark` says whether the
   * element is a cause's culprit or affected by one.
   */
  describe?: (findings: number[], mark: { cause: string | null; affected: string | null }) => TooltipEntry[];
  /** "{n} more findings" text for the tooltip, when entries are cut. */
  moreText?: (n: number) => string;
  /** Max entries shown in one tooltip. */
  maxEntries?: number;
}

interface HighlightApi {
  highlights: Map<string, unknown>;
  Highlight: new (...ranges: Range[]) => unknown;
}

function highlightApi(doc: Document): HighlightApi | null {
  const view = docView(doc) as (Window & { CSS?: { highlights?: Map<string, unknown> }; Highlight?: unknown }) | null;
  const highlights = view?.CSS?.highlights;
  const Highlight = view?.Highlight ?? (globalThis as { Highlight?: unknown }).Highlight;
  if (!highlights || typeof Highlight !== 'function') return null;
  return { highlights, Highlight: Highlight as HighlightApi['Highlight'] };
}

/** The document or shadow root an element lives in. */
function rootOf(el: Element): Node | null {
  return typeof el.getRootNode === 'function' ? el.getRootNode() : el.ownerDocument;
}

export class MarkSession {
  private readonly originals = new Map<Element, Map<MarkAttr, string | null>>();
  private readonly marks = new Map<Element, ElementMark>();
  private readonly byFinding = new Map<number, Element[]>();
  private readonly byCause = new Map<string, Element[]>();
  private style: HTMLStyleElement | null = null;
  private tooltip: Tooltip | null = null;
  private highlightNames: string[] = [];
  private flashTimers = new Map<Element, ReturnType<typeof setTimeout>>();
  private listeners: [Document, string, EventListener][] = [];
  /** Copies of the stylesheet in shadow roots and frame documents holding marks (issue 21). */
  private extraStyles: HTMLStyleElement[] = [];
  /** Frame documents holding marks: their events are listened to as well. */
  private extraDocs: Document[] = [];
  /** Until when scrolling leaves the tooltip of a jump open (ms since the epoch). */
  private keepTipUntil = 0;
  /** Parts lit while their total is pointed at. */
  private lit: Element[] = [];
  private active = false;

  constructor(
    private readonly doc: Document,
    private readonly opts: MarkOptions = {},
  ) {}

  get isActive(): boolean {
    return this.active;
  }

  /** Number of elements currently carrying a mark. */
  get size(): number {
    return this.marks.size;
  }

  /**
   * Insert the marks' stylesheet now and have the browser take it in (a forced style update), so
   * that its cost falls in this task and not in the frame that shows the marks: Chromium revisits
   * every element of the page when a stylesheet is added (≈ 200 ms on a 27 MB page, ≈ 27 ms on a
   * 2.7 MB one). apply() does it itself when it was not done; remove() takes the sheet out again.
   */
  prepare(): void {
    if (this.style?.isConnected) return;
    const doc = this.doc;
    const style = createEl(doc, 'style');
    style.id = STYLE_ID;
    style.textContent = markStylesheet();
    const root = docElement(doc);
    (docHead(doc) ?? root)?.append(style);
    this.style = style;
    const view = docView(doc);
    if (root && typeof view?.getComputedStyle === 'function') void view.getComputedStyle(root).color;
  }

  apply(plan: MarkPlan): void {
    // Re-applying (a setting changed) keeps the stylesheet: taking it out and in again would cost
    // the page-wide walk prepare() moves out of this task.
    if (this.active) this.clearMarks();
    this.active = true;
    const doc = this.doc;
    this.prepare();

    const hl = highlightApi(doc);
    const ranges: Record<Severity, Range[]> = { error: [], warning: [], notice: [] };
    const wholeText = new Set<Element>();
    for (const s of plan.sentences) {
      let ok = false;
      // The page's highlight registry paints its own tree only: a sentence in a shadow root or a
      // frame gets its whole paragraph tinted.
      if (hl && s.el.isConnected && rootOf(s.el) === doc) {
        const loc = locateTextRange(s.el, s.text, s.start, s.end);
        if (loc) {
          try {
            const r = createRange(doc);
            r.setStart(loc.start.node, loc.start.offset);
            r.setEnd(loc.end.node, loc.end.offset);
            ranges[s.severity].push(r);
            ok = true;
          } catch {
            ok = false;
          }
        }
      }
      if (!ok) wholeText.add(s.el);
    }
    if (hl) {
      for (const sev of ['notice', 'warning', 'error'] as const) {
        if (ranges[sev].length === 0) continue;
        const name = HIGHLIGHT_PREFIX + sev;
        hl.highlights.set(name, new hl.Highlight(...ranges[sev]));
        this.highlightNames.push(name);
      }
    }

    for (const m of plan.elements) {
      if (!m.el.isConnected) continue; // removed by the page meanwhile: nothing to mark
      this.marks.set(m.el, m);
      this.set(m.el, 'data-dc-severity', m.severity);
      this.set(m.el, 'data-dc-finding', String(m.primary));
      this.set(m.el, 'data-dc-findings', m.findings.join(' '));
      this.set(m.el, 'data-dc-kind', m.kind === 'text' && wholeText.has(m.el) ? 'text-whole' : m.kind);
      if (m.kind === 'cell') this.set(m.el, 'data-dc-role', m.blank && m.role === 'part' ? 'blank' : (m.role ?? 'value'));
      if (m.cause) {
        this.set(m.el, 'data-dc-cause', m.cause);
        const list = this.byCause.get(m.cause) ?? [];
        list.push(m.el);
        this.byCause.set(m.cause, list);
      }
      if (m.affected) this.set(m.el, 'data-dc-affected', m.affected);
      if (m.stop && !m.el.hasAttribute('tabindex')) this.set(m.el, 'tabindex', '0');
      for (const f of m.findings) {
        const list = this.byFinding.get(f) ?? [];
        list.push(m.el);
        this.byFinding.set(f, list);
      }
    }

    this.reachRoots([...plan.elements.map((m) => m.el), ...plan.sentences.map((s) => s.el)]);

    if (this.opts.describe) {
      this.tooltip = new Tooltip(doc);
      const over = (ev: Event) => this.onOver(ev);
      const out = (ev: Event) => this.onOut(ev);
      const hide = () => {
        // The scroll a jump itself caused (reported a frame later) must not close what it opened.
        if (Date.now() < this.keepTipUntil) return;
        this.tooltip?.hide();
        this.unlight();
      };
      this.listen('mouseover', over);
      this.listen('focusin', over);
      this.listen('mouseout', out);
      this.listen('focusout', out);
      this.listen('scroll', hide);
    }
    // A click on a cell affected by a cause jumps to the cell to fix.
    if (this.byCause.size > 0) this.listen('click', (ev: Event) => this.onClick(ev));
  }

  /**
   * Marked elements in open shadow roots or same-origin frames: the stylesheet of the document does
   * not reach them, so each such root gets a copy; a frame's document is listened to as well.
   */
  private reachRoots(els: Element[]): void {
    const seen = new Set<Node>([this.doc]);
    for (const el of els) {
      const r = el.isConnected ? rootOf(el) : null;
      if (!r || seen.has(r)) continue;
      seen.add(r);
      const owner = r.nodeType === 9 ? (r as Document) : el.ownerDocument;
      const style = createEl(owner, 'style');
      style.id = STYLE_ID;
      style.textContent = markStylesheet();
      if (r.nodeType === 9) {
        const d = r as Document;
        (docHead(d) ?? docElement(d))?.append(style);
        this.extraDocs.push(d);
      } else (r as ShadowRoot).append(style);
      this.extraStyles.push(style);
    }
  }

  /** Scroll to the elements a cause names and flash them. Returns false if none is marked. */
  revealCause(id: string): boolean {
    const els = (this.byCause.get(id) ?? []).filter((el) => el.isConnected);
    return this.flashAll(els);
  }

  private onClick(ev: Event): void {
    const m = this.markOf(ev.target, ev);
    if (m?.affected) this.revealCause(m.affected);
  }

  /** Elements marked for a finding (in document order of the plan). */
  elementsFor(finding: number): Element[] {
    return (this.byFinding.get(finding) ?? []).filter((el) => el.isConnected);
  }

  /** Scroll the first element of a finding into view and flash it. Returns false if it has no mark. */
  reveal(finding: number): boolean {
    return this.flashAll(this.elementsFor(finding), finding);
  }

  /** Scroll to the first element, flash them all, focus it and open its tooltip (`finding` on top). */
  private flashAll(els: Element[], finding?: number): boolean {
    if (els.length === 0) return false;
    const first = els[0];
    (first as HTMLElement).scrollIntoView?.({ block: 'center', inline: 'nearest' });
    for (const el of els) {
      const prev = this.flashTimers.get(el);
      if (prev) clearTimeout(prev);
      this.set(el, 'data-dc-flash', '');
      this.flashTimers.set(
        el,
        setTimeout(() => {
          this.flashTimers.delete(el);
          this.restore(el, 'data-dc-flash');
        }, 1900),
      );
    }
    (first as HTMLElement).focus?.({ preventScroll: true });
    // Open its explanation: focus alone does not fire focusin while the popup, not the page, has focus.
    const m = this.marks.get(first);
    if (m) {
      this.keepTipUntil = Date.now() + 400;
      this.showTip(m, finding ?? m.primary);
    }
    return true;
  }

  /** Remove every mark, attribute, stylesheet, highlight and listener this session added. */
  remove(): void {
    const roots: ParentNode[] = [this.doc, ...this.extraStyles.map((st) => st.getRootNode() as unknown as ParentNode)];
    this.clearMarks();
    this.sweep(roots);
    this.style?.remove();
    this.style = null;
  }

  /**
   * Attributes of ours on elements this session never marked: the page cloned a marked cell or
   * table (`cloneNode` copies attributes) or re-inserted marked markup. data-dc-* is ours alone
   * (design.md); a tabindex="0" beside it is the one we added.
   */
  private sweep(roots: ParentNode[]): void {
    for (const root of new Set(roots)) {
      let found: ArrayLike<Element> = [];
      try {
        found = queryAll(root as Element, '[data-dc-severity],[data-dc-finding],[data-dc-findings],[data-dc-kind],[data-dc-role],[data-dc-flash],[data-dc-lit],[data-dc-cause],[data-dc-affected]');
      } catch {
        continue;
      }
      for (let i = 0; i < found.length; i++) {
        const el = found[i];
        if (el.getAttribute('tabindex') === '0' && el.hasAttribute('data-dc-severity')) el.removeAttribute('tabindex');
        for (const a of MARK_ATTRS) if (a !== 'tabindex') el.removeAttribute(a);
      }
    }
  }

  /** remove() except the stylesheet. */
  private clearMarks(): void {
    for (const [d, type, fn] of this.listeners) unlisten(d, type, fn, true);
    this.listeners = [];
    for (const st of this.extraStyles) st.remove();
    this.extraStyles = [];
    this.extraDocs = [];
    this.unlight();
    for (const t of this.flashTimers.values()) clearTimeout(t);
    this.flashTimers.clear();
    this.tooltip?.destroy();
    this.tooltip = null;
    const hl = highlightApi(this.doc);
    for (const name of this.highlightNames) hl?.highlights.delete(name);
    this.highlightNames = [];
    for (const [el, attrs] of this.originals) {
      for (const [name, value] of attrs) {
        if (value === null) el.removeAttribute(name);
        else el.setAttribute(name, value);
      }
    }
    this.originals.clear();
    this.marks.clear();
    this.byFinding.clear();
    this.byCause.clear();
    this.active = false;
  }

  private set(el: Element, name: MarkAttr, value: string): void {
    let attrs = this.originals.get(el);
    if (!attrs) this.originals.set(el, (attrs = new Map()));
    if (!attrs.has(name)) attrs.set(name, el.getAttribute(name));
    el.setAttribute(name, value);
  }

  private restore(el: Element, name: MarkAttr): void {
    const attrs = this.originals.get(el);
    if (!attrs || !attrs.has(name)) return;
    const value = attrs.get(name)!;
    if (value === null) el.removeAttribute(name);
    else el.setAttribute(name, value);
    attrs.delete(name);
  }

  private listen(type: string, fn: EventListener): void {
    for (const d of [this.doc, ...this.extraDocs]) {
      listen(d, type, fn, true);
      this.listeners.push([d, type, fn]);
    }
  }

  private markOf(target: EventTarget | null, ev?: Event): ElementMark | null {
    // Inside an open shadow root the document sees the event retargeted to the host: the node
    // that was hovered is the first of the composed path.
    const path = ev && typeof ev.composedPath === 'function' ? ev.composedPath() : null;
    if (path && path.length > 0 && path[0] !== target) target = path[0];
    // Not `instanceof`: in a Firefox content script the page's nodes are Xray wrappers, whose
    // prototypes are not this script's (an instanceof test rejected every event target there).
    let el = target != null && typeof (target as Partial<Node>).nodeType === 'number' ? (target as Node) : null;
    while (el && el.nodeType !== 1) el = el.parentNode;
    for (let e = el as Element | null; e; e = e.parentElement) {
      const m = this.marks.get(e);
      if (m) return m;
    }
    return null;
  }

  private onOver(ev: Event): void {
    const m = this.markOf(ev.target, ev);
    if (!m) return;
    this.showTip(m, m.primary);
  }

  /** Tooltip for a mark, `first` finding on top; the parts of that finding's sum lit. */
  private showTip(m: ElementMark, first: number): void {
    if (!this.tooltip || !this.opts.describe) return;
    this.unlight();
    for (const el of this.elementsFor(first)) {
      const role = this.marks.get(el)?.role;
      if (el !== m.el && (role === 'part' || (this.marks.get(el)?.blank ?? false))) {
        this.set(el, 'data-dc-lit', '');
        this.lit.push(el);
      }
    }
    const max = this.opts.maxEntries ?? 3;
    const order = [first, ...m.findings.filter((f) => f !== first)];
    const entries = this.opts.describe(order, { cause: m.cause, affected: m.affected });
    const shown = entries.slice(0, max);
    const more = entries.length > max && this.opts.moreText ? this.opts.moreText(entries.length - max) : null;
    this.tooltip.show(m.el, shown, more);
  }

  private onOut(ev: Event): void {
    const m = this.markOf(ev.target, ev);
    const related = (ev as MouseEvent).relatedTarget ?? null;
    if (m && this.markOf(related) === m) return;
    this.tooltip?.hide();
    this.unlight();
  }

  private unlight(): void {
    for (const el of this.lit) this.restore(el, 'data-dc-lit');
    this.lit = [];
  }
}
