/**
 * Notices when the page changes what was checked (issue 21): a single-page framework re-rendering
 * the article, an accessibility toolbar resetting `innerHTML`, a cell's text updated in place. The
 * marks then point at nodes that are gone or at numbers that are no longer shown, so the caller
 * takes them off and offers a fresh check ("页面内容已变化，重新校验").
 *
 * One MutationObserver per root (document body, shadow roots and frame documents holding checked
 * content), childList and characterData only — the marks are attributes, so our own marking never
 * triggers it. Each batch of records costs a walk up from each target to the nearest watched
 * element (a Set lookup per ancestor, at most MAX_RECORDS records per batch). It fires once, after
 * the page has been quiet for `quietMs`, and disconnects: no loop, no polling.
 */

import { docBody, docElement, docView } from '../dom/safe';

/** Records looked at per batch: a page rewriting thousands of nodes has changed anyway. */
const MAX_RECORDS = 500;
/** Ancestors climbed from a record's target. */
const MAX_DEPTH = 64;

export interface StaleWatchOptions {
  /** Wait this long after the last relevant change before reporting (ms). */
  quietMs?: number;
}

export class StaleWatch {
  private observers: MutationObserver[] = [];
  private readonly watched: Set<Node>;
  private timer: ReturnType<typeof setTimeout> | null = null;
  private fired = false;

  /**
   * `watched`: the checked tables and marked elements. `onChange` runs at most once.
   */
  constructor(
    watched: Iterable<Element>,
    private readonly onChange: () => void,
    private readonly opts: StaleWatchOptions = {},
  ) {
    this.watched = new Set(watched);
    const roots = new Set<Node>();
    for (const el of this.watched) {
      if (!el.isConnected) continue;
      const r: Node | null = typeof el.getRootNode === 'function' ? el.getRootNode() : el.ownerDocument;
      if (!r) continue;
      // A document: its body (our tooltip, chip and stylesheet live outside it).
      const target = r.nodeType === 9 ? (docBody(r as Document) ?? docElement(r as Document)) : r;
      if (target) roots.add(target);
    }
    for (const root of roots) {
      // This world's observer; else the document's window's (a DOM without globals: tests).
      const view = docView(root.nodeType === 9 ? (root as Document) : root.ownerDocument) as { MutationObserver?: typeof MutationObserver } | null;
      const MO = (globalThis as { MutationObserver?: typeof MutationObserver }).MutationObserver ?? view?.MutationObserver;
      if (!MO) continue;
      const mo = new MO((records) => this.onRecords(records));
      mo.observe(root, { childList: true, characterData: true, subtree: true });
      this.observers.push(mo);
    }
  }

  /** Whether a record touches checked content: a change inside it, or its removal. */
  private touches(r: MutationRecord): boolean {
    let n: Node | null = r.target;
    for (let d = 0; n && d < MAX_DEPTH; d++, n = n.parentNode) if (this.watched.has(n)) return true;
    for (let i = 0; i < r.removedNodes.length; i++) {
      const gone = r.removedNodes[i];
      if (gone.nodeType !== 1) continue;
      if (this.watched.has(gone)) return true;
      for (const w of this.watched) if (!w.isConnected && gone.contains(w)) return true;
    }
    return false;
  }

  private onRecords(records: MutationRecord[]): void {
    if (this.fired) return;
    let hit = false;
    for (let i = 0; !hit && i < records.length && i < MAX_RECORDS; i++) hit = this.touches(records[i]);
    if (!hit) return;
    // Let the re-render finish, then report once.
    if (this.timer) clearTimeout(this.timer);
    this.timer = setTimeout(() => {
      this.timer = null;
      this.fired = true;
      this.stop();
      this.onChange();
    }, this.opts.quietMs ?? 300);
  }

  stop(): void {
    for (const mo of this.observers) mo.disconnect();
    this.observers = [];
    if (this.timer) clearTimeout(this.timer);
    this.timer = null;
  }
}
