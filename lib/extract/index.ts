/**
 * DOM → blocks in reading order (paragraphs and tables as resolved grids).
 *
 * One iterative walk over the nodes (no recursion, so deep nesting cannot overflow the stack),
 * reading only nodeType/localName/attributes/text data: never innerText (forces layout in the
 * browser), never innerHTML, at most one native query (`[hidden]`), no Array.prototype.map/forEach, so page-patched
 * prototypes have little to bite on. The walk builds a light "flow" (text runs, breaks, tables);
 * tables are decided (data grid vs. layout wrapper) when they close, and blocks are emitted at the end.
 */
import { builtinMethod, byTag, docBody, docElement, queryAll } from '../dom/safe';
import { buildGridSteps, parseSpan, type RawCell, type GridResult, type RawRow } from './grid';
import { cleanText } from './text';
import type { Block, ExtractedDocument, TableBlock } from './types';
import { memoByText } from '../memo';
import { sanitizeText } from '../sanitize';

export type { Block, ExtractedDocument, ParagraphBlock, TableBlock, SourceCell, GridSlot } from './types';
export { buildGrid } from './grid';
export { computedHidden, stylesheetHiding } from './visibility';
import { stylesheetHiding } from './visibility';

export interface ExtractOptions {
  /** Extra visibility test (e.g. computed style in the browser); called once per element, top-down. */
  isHidden?: (el: Element) => boolean;
  /**
   * Frames (`<iframe>`/`<frame>`) whose document this walk could not read (cross-origin or not
   * loaded), appended here so the caller can say what was not checked. Same-origin frames and open
   * shadow roots are walked in place (issue 21).
   */
  unread?: Element[];
}

/** Shadow roots and frames inside shadow roots and frames: deeper ones are not walked. */
const MAX_SUB_DEPTH = 4;

/**
 * What renders in place of `el`'s children: its open shadow root, or a same-origin frame's
 * document (null for a cross-origin or detached frame). undefined: `el` is neither.
 */
function subRoot(el: Element, name: string): Node | null | undefined {
  if (name === 'iframe' || name === 'frame') {
    try {
      const d = (el as HTMLIFrameElement).contentDocument;
      return d ? (docBody(d) ?? docElement(d)) : null;
    } catch {
      return null;
    }
  }
  // A read of a native getter; the light DOM of a shadow host renders only through its slots.
  const sr = (el as Element & { shadowRoot?: ShadowRoot | null }).shadowRoot;
  return sr ? sr : undefined;
}

// Tag categories.
const SKIP = 1;
const BLOCK = 2;
const BR = 3;
const TABLE = 4;
const GROUP = 5;
const ROW = 6;
const CELL = 7;
const CAPTION = 8;
const COLS = 9;
const HEAD = 10;
const FLOAT = 11;

const TAGS: Record<string, number> = Object.create(null);
const SKIP_TAGS = [
  'script', 'style', 'noscript', 'template', 'svg', 'iframe', 'object', 'embed', 'canvas',
  'select', 'textarea', 'datalist', 'title', 'audio', 'video', 'noframes', 'frameset', 'xml', 'meta', 'link',
];
const BLOCK_TAGS = [
  'address', 'article', 'aside', 'blockquote', 'body', 'center', 'dd', 'details', 'dialog', 'dir', 'div',
  'dl', 'dt', 'fieldset', 'figcaption', 'figure', 'footer', 'form', 'header', 'hgroup', 'hr', 'html',
  'legend', 'li', 'main', 'menu', 'nav', 'ol', 'p', 'pre', 'section', 'summary', 'ul',
  'h1', 'h2', 'h3', 'h4', 'h5', 'h6',
];
for (let i = 0; i < SKIP_TAGS.length; i++) TAGS[SKIP_TAGS[i]] = SKIP;
for (let i = 0; i < BLOCK_TAGS.length; i++) TAGS[BLOCK_TAGS[i]] = BLOCK;
TAGS.head = HEAD;
TAGS.br = BR;
TAGS.table = TABLE;
TAGS.thead = GROUP;
TAGS.tbody = GROUP;
TAGS.tfoot = GROUP;
TAGS.tr = ROW;
TAGS.td = CELL;
TAGS.th = CELL;
TAGS.caption = CAPTION;
TAGS.colgroup = COLS;
TAGS.col = COLS;

const IS_HEADING: Record<string, boolean> = Object.create(null);
for (let i = 1; i <= 6; i++) IS_HEADING['h' + i] = true;

/**
 * Layout-table heuristics (portal templates wrap whole articles in tables).
 * A table is "layout" — descended into, its cells emitted as paragraphs and inner tables as their
 * own blocks — when its nested tables hold at least as many cells as it does itself, or when one of
 * its cells holds article-like content (a heading plus more blocks, or ≥ LAYOUT_BLOCKS paragraphs,
 * or ≥ 2 paragraphs in a table of ≤ 2 cells). A data table with a small nested table stays a grid;
 * the nested table's text is flattened into its cell.
 */
const LAYOUT_BLOCKS = 10;

const enum It {
  Text,
  Brk,
  Table,
  Grid,
  /** Roots walked on their own and spliced in here: a shadow root, a frame's body, a slot's nodes. */
  Sub,
}
type Item =
  | { k: It.Text; s: string; owner: Element | null }
  | { k: It.Brk }
  | { k: It.Table; t: TableInfo }
  | { k: It.Grid; t: TableInfo }
  | { k: It.Sub; roots: Node[] };

const BRK: Item = { k: It.Brk };
const SPACE: Item = { k: It.Text, s: ' ', owner: null };

interface CellInfo extends RawCell {
  el: Element;
  flow: Item[];
  isHeader: boolean;
  colSpan: number;
  rowSpan: number;
  blocks: number;
  heading: boolean;
}
interface RowInfo {
  cells: CellInfo[];
}
interface GroupInfo {
  kind: 'head' | 'body' | 'foot';
  rows: RowInfo[];
  implicit: boolean;
}
interface TableInfo {
  el: Element;
  groups: GroupInfo[];
  caption: Item[];
  /** Content inside the table but outside any cell (browsers hoist it before the table). */
  stray: Item[];
  ownCells: number;
  /** Cells of all nested tables, transitively. */
  nestedCells: number;
  layout: boolean;
}

interface Frame {
  el: Element;
  kind: number;
  flow: Item[];
  owner: Element | null;
  table: TableInfo | null;
  group: GroupInfo | null;
  row: RowInfo | null;
  cell: CellInfo | null;
}

// Lower-cased tag names by raw localName: HTML pages give them lower-case already, but XHTML/XML
// or odd DOMs may not; a lookup in this cache is cheaper than toLowerCase on every element.
let LOWER: Record<string, string> = Object.create(null);
let lowerCount = 0;

function lowerName(el: Element): string {
  return lowerOf(el.localName || el.tagName || '');
}

/**
 * lowerName for a name read by the caller. Hot loops read `localName` (and `getAttribute('style')`)
 * at their own call site: a site that only ever sees <td>s or <span>s stays monomorphic, while one
 * shared helper sees every element interface and goes megamorphic (measured ~25 % slower in Chromium).
 */
function lowerOf(n: string): string {
  const hit = LOWER[n];
  if (hit !== undefined) return hit;
  // Bounded: a hostile page could use endless distinct tag names.
  if (++lowerCount > 4096) {
    LOWER = Object.create(null);
    lowerCount = 0;
  }
  return (LOWER[n] = n.toLowerCase());
}

// Only these properties matter; Word puts long styles on every element, so filter before normalising.
// font-size:0 and unicode-bidi for what readers see vs what is read (issue 21); "font-size:0" only as
// its own property (not mso-bidi-font-size:0pt), and not 0.5pt.
const STYLE_HINT = /display|visibility|mso-hide|mso-element|float|unicode-bidi|(?:^|[;\s])font-size\s*:\s*0(?![.\d])/i;

function styleOf(s: string): string {
  if (!STYLE_HINT.test(s)) return '';
  return ';' + s.toLowerCase().replace(/\s+/g, '');
}

/** Relevant inline style, lower-cased and without whitespace, prefixed with ';' for boundary checks. */
function normStyle(s: string | null): string {
  return s ? styleMemo(s) : '';
}
// Word repeats a handful of long style strings on thousands of cells, so the regex runs once per
// distinct style; bounded lower, as generated pages can carry a distinct style on every element.
const styleMemo = memoByText((s) => styleOf(s), 4096);

/**
 * Whether an element's descendants are all plain inline elements (span, font, o:p, a …): no
 * block, break, table part or skipped tag, no hidden attribute, no relevant inline style. Then
 * the walk would only collect their text nodes, in order, under one owner: `textContent` gives
 * exactly that text without visiting them from script.
 */
function plainBelow(e: Element, hidden: Set<Element> | null): boolean {
  let x: Element | null = e.firstElementChild;
  // Depth below e, so that climbing back to e needs no parentElement read (each read crosses
  // into the DOM; most children here are leaf spans).
  let depth = 1;
  while (x !== null) {
    const xn = x.localName || x.tagName || '';
    // A custom element may host a shadow root (what renders is not its textContent): walked.
    if (TAGS[lowerOf(xn)] !== undefined || xn.indexOf('-') >= 0 || xn === 'bdo' || xn === 'BDO' || visibleStyleOf(x, x.getAttribute('style'), hidden) !== '') return false;
    let next: Element | null = x.firstElementChild;
    if (next !== null) {
      depth++;
    } else {
      for (;;) {
        next = x.nextElementSibling;
        if (next !== null) break;
        if (--depth === 0) return true;
        const up: Element | null = x.parentElement;
        if (up === null) return true;
        x = up;
      }
    }
    x = next;
  }
  return true;
}

/**
 * Fast path for a data cell (issue 6: extraction is most of the cost in the browser): when its
 * children are text, skipped tags, <br>s, and plain inline or block elements (see plainBelow),
 * fill its flow exactly as the walk would — one text run per child, a break around each block
 * (counted for the layout heuristics) — and return true. Otherwise leave the cell untouched and
 * return false (the walk descends). No field codes can start inside (no relevant style), so the
 * field state the walk resets at the cell boundary is unaffected.
 */
function plainCell(td: Element, c: CellInfo, hidden: Set<Element> | null): boolean {
  // Built aside and stored on success; the commonest cell (one block child) gets an exact-size
  // array instead of a grown one (less garbage per cell).
  let items: Item[] | null = null;
  let blocks = 0;
  let heading = false;
  let n: ChildNode | null = td.firstChild;
  let next: ChildNode | null = null;
  for (; n !== null; n = next) {
    next = n.nextSibling;
    const type = n.nodeType;
    if (type === 3) {
      const s = (n as Text).data;
      if (s) (items ??= []).push({ k: It.Text, s, owner: td });
      continue;
    }
    if (type !== 1) continue;
    const e = n as Element;
    const name = lowerOf(e.localName || e.tagName || '');
    const cat = TAGS[name];
    if (cat === SKIP || cat === HEAD) continue;
    if (cat !== undefined && cat !== BLOCK && cat !== BR) break;
    if (name.indexOf('-') >= 0 || name === 'bdo') break;
    if (visibleStyleOf(e, e.getAttribute('style'), hidden) !== '') break;
    if (cat === BR) {
      (items ??= []).push(BRK);
      continue;
    }
    if (!plainBelow(e, hidden)) break;
    const s = e.textContent || '';
    if (cat === undefined) {
      if (s) (items ??= []).push({ k: It.Text, s, owner: td });
      continue;
    }
    blocks++;
    if (IS_HEADING[name]) heading = true;
    if (items === null && next === null) {
      items = s ? [BRK, { k: It.Text, s, owner: e }, BRK] : [BRK, BRK];
      continue;
    }
    items ??= [];
    items.push(BRK);
    if (s) items.push({ k: It.Text, s, owner: e });
    items.push(BRK);
  }
  if (n !== null) return false;
  if (items !== null) c.flow = items;
  c.blocks += blocks;
  if (heading) c.heading = true;
  return true;
}

/**
 * Whether a DOM method is the engine's own. A query only pays off when it runs natively: in a
 * DOM written in JavaScript (linkedom, the CLI's) querySelectorAll visits every element through a
 * selector engine — 4.5 ms on the seed page, over half the cost of reading all its cells — while
 * the walk's own attribute read is cheap there.
 */
export function isNative(fn: unknown): boolean {
  return typeof fn === 'function' && /\{\s*\[native code\]\s*\}\s*$/.test(Function.prototype.toString.call(fn));
}

/**
 * Elements matching a plain attribute-presence selector (here: `hidden`), found by one native
 * query so the walk need not read that attribute of every element from script (each read crosses
 * the JS/DOM binding). Null when the DOM cannot be queried natively (isNative): then every element is asked directly,
 * with the same result. (Span attributes are read per cell: for ~1 in 20 cells carrying one, two
 * reads per cell cost less than two document queries. A query for the elements with a relevant
 * inline style was tried too: Chromium's attribute-substring matching, case-insensitive or not,
 * over every Word-styled element cost more than reading the attributes.)
 */
function withAttribute(root: Document | Element, selector: string): Set<Element> | null {
  try {
    if (!isNative(builtinMethod(root, 'querySelectorAll'))) return null;
    const found = new Set<Element>();
    const list = queryAll(root, selector);
    for (let i = 0, n = list.length; i < n; i++) found.add(list[i]);
    // querySelectorAll does not include an element root itself.
    if (root.nodeType === 1 && (root as Element).matches(selector)) found.add(root as Element);
    return found;
  } catch {
    return null;
  }
}

/**
 * Relevant style of an element ('' when none), or null when it is hidden by attribute or style.
 * `hidden`: the elements with a hidden attribute if known (withAttribute), else null.
 */
function visibleStyle(el: Element, hidden: Set<Element> | null): string | null {
  return visibleStyleOf(el, el.getAttribute('style'), hidden);
}

/** visibleStyle for a style attribute read by the caller (see lowerOf). */
function visibleStyleOf(el: Element, style: string | null, hidden: Set<Element> | null): string | null {
  if (hidden === null ? el.hasAttribute('hidden') : hidden.size !== 0 && hidden.has(el)) return null;
  const st = normStyle(style);
  if (st && styleHides(st)) return null;
  return st;
}

/** A zero-size font (font-size:0, 0px, 0pt …): its text is in the DOM but not seen. */
function styleZeroSize(st: string): boolean {
  return /;font-size:0(?![.\d])/.test(st);
}

/** A bidi override: the characters are shown in the reverse of their DOM order. */
function styleOverridesBidi(st: string): boolean {
  return st.indexOf(';unicode-bidi:bidi-override') >= 0 || st.indexOf(';unicode-bidi:isolate-override') >= 0;
}

/** Bidi embeddings, overrides and isolates (U+202A–U+202E, U+2066–U+2069). */
const BIDI_CONTROLS = /[\u202a-\u202e\u2066-\u2069]/;
const DIGIT = /[0-9０-９]/;

function styleHides(st: string): boolean {
  return (
    st.indexOf(';display:none') >= 0 ||
    st.indexOf(';visibility:hidden') >= 0 ||
    st.indexOf(';visibility:collapse') >= 0 ||
    st.indexOf(';mso-hide:all') >= 0
  );
}

function docTitle(doc: Document | null | undefined): string {
  if (!doc) return '';
  const html = docElement(doc);
  if (!html) return '';
  for (let h = html.firstChild; h; h = h.nextSibling) {
    if (h.nodeType !== 1 || lowerName(h as Element) !== 'head') continue;
    for (let t = h.firstChild; t; t = t.nextSibling) {
      if (t.nodeType === 1 && lowerName(t as Element) === 'title') return cleanText(t.textContent || '');
    }
  }
  return '';
}

/** Items of a table read as a sequence of blocks: stray content, caption, then every cell. */
function tableItems(t: TableInfo): Item[] {
  const out: Item[] = [];
  const push = (items: Item[]) => {
    for (let i = 0; i < items.length; i++) out.push(items[i]);
    out.push(BRK);
  };
  push(t.stray);
  push(t.caption);
  const groups = orderedGroups(t);
  for (let g = 0; g < groups.length; g++) {
    const rows = groups[g].rows;
    for (let r = 0; r < rows.length; r++) {
      const cells = rows[r].cells;
      for (let c = 0; c < cells.length; c++) push(cells[c].flow);
    }
  }
  return out;
}

/** Rendering order: the first thead on top, the first tfoot at the bottom, the rest in source order. */
function orderedGroups(t: TableInfo): GroupInfo[] {
  let head: GroupInfo | null = null;
  let foot: GroupInfo | null = null;
  const mid: GroupInfo[] = [];
  for (let i = 0; i < t.groups.length; i++) {
    const g = t.groups[i];
    if (g.kind === 'head' && !head) head = g;
    else if (g.kind === 'foot' && !foot) foot = g;
    else mid.push(g);
  }
  const out: GroupInfo[] = [];
  if (head) out.push(head);
  for (let i = 0; i < mid.length; i++) out.push(mid[i]);
  if (foot) out.push(foot);
  return out;
}

/** Plain text of a flow: breaks become spaces, nested tables are flattened cell by cell. */
function flowText(flow: Item[]): string {
  // Commonest cells: one run, or one run between two breaks (a single <p>). cleanText trims and
  // collapses, so the spaces the breaks stand for change nothing.
  const n = flow.length;
  if (n === 1 && flow[0].k === It.Text) return cleanText(flow[0].s);
  if (n === 3 && flow[0].k === It.Brk && flow[2].k === It.Brk && flow[1].k === It.Text) return cleanText(flow[1].s);
  if (n === 0) return '';
  // Fast path: plain text runs and breaks only (nearly every cell).
  let simple = '';
  let i = 0;
  for (; i < flow.length; i++) {
    const it = flow[i];
    if (it.k === It.Text) simple += it.s;
    else if (it.k === It.Brk) simple += ' ';
    else break;
  }
  if (i === flow.length) return cleanText(simple);
  const parts: string[] = [];
  const stack: { items: Item[]; i: number }[] = [{ items: flow, i: 0 }];
  while (stack.length > 0) {
    const top = stack[stack.length - 1];
    if (top.i >= top.items.length) {
      stack.pop();
      continue;
    }
    const it = top.items[top.i++];
    if (it.k === It.Text) parts.push(it.s);
    else if (it.k === It.Brk) parts.push(' ');
    else if (it.k === It.Sub) {
      // A shadow root or frame inside a data cell: its text, as rendered there.
      for (const r of it.roots) parts.push(' ', r.textContent || '', ' ');
    } else {
      parts.push(' ');
      stack.push({ items: tableItems(it.t), i: 0 });
    }
  }
  return cleanText(parts.join(''));
}

function decideLayout(t: TableInfo): boolean {
  if (t.nestedCells > 0 && t.nestedCells >= t.ownCells) return true;
  for (let g = 0; g < t.groups.length; g++) {
    const rows = t.groups[g].rows;
    for (let r = 0; r < rows.length; r++) {
      const cells = rows[r].cells;
      for (let c = 0; c < cells.length; c++) {
        const cell = cells[c];
        if ((cell.heading && cell.blocks >= 2) || cell.blocks >= LAYOUT_BLOCKS) return true;
        if (t.ownCells <= 2 && cell.blocks >= 2) return true;
      }
    }
  }
  return false;
}

/** Pauses every NODES_PER_STEP cells while reading cell texts (see extractDocumentSteps). */
function* buildTableBlock(t: TableInfo, index: number, work: { done: number }): Generator<number, TableBlock, void> {
  const groups = orderedGroups(t);
  const rawRows: RawRow[] = [];
  let done = 0;
  for (let g = 0; g < groups.length; g++) {
    const rows = groups[g].rows;
    for (let r = 0; r < rows.length; r++) {
      const cells = rows[r].cells;
      for (let c = 0; c < cells.length; c++) {
        const text = flowText(cells[c].flow);
        if (BIDI_CONTROLS.test(text)) {
          // Shown reordered: unreadable, and the controls made visible (popup, tooltip, exports).
          cells[c].text = sanitizeText(text);
          cells[c].unreadable ??= 'bidi';
        } else {
          cells[c].text = text;
        }
      }
      rawRows.push({ cells, group: g });
      done += cells.length;
      work.done += cells.length;
      if (done >= NODES_PER_STEP) {
        done = 0;
        yield work.done;
      }
    }
  }
  // The grid in steps too (one 200k-cell table is tens of ms of pure layout work).
  const grid = buildGridSteps(rawRows);
  let res: GridResult;
  for (;;) {
    const s = grid.next();
    if (s.done) {
      res = s.value;
      break;
    }
    yield work.done;
  }
  const block: TableBlock = {
    kind: 'table',
    index,
    el: t.el,
    grid: res.grid,
    rows: res.rows,
    cols: res.cols,
    caption: flowText(t.caption),
  };
  if (res.clipped) block.clipped = res.clipped;
  return block;
}

export function extractDocument(root: Document | Element, opts: ExtractOptions = {}): ExtractedDocument {
  const steps = extractDocumentSteps(root, opts);
  for (;;) {
    const r = steps.next();
    if (r.done) return r.value;
  }
}

/** Nodes walked between two pause points of extractDocumentSteps. */
const NODES_PER_STEP = 1024;

/**
 * The elements extraction takes as hidden, from native queries (null: no native query, every
 * element is asked): `[hidden]`, and those the page's own stylesheets hide (stylesheetHiding: a
 * class with display:none, or a zero font size on an element without element children). A cell
 * with digits among them is unreadable (issue 21). A selector the engine refuses leaves the
 * stylesheet part out.
 */
function hiddenElements(root: Document | Element): Set<Element> | null {
  const found = withAttribute(root, '[hidden]');
  if (found === null) return null;
  const { hide, zero } = stylesheetHiding(root);
  if (hide) for (const el of withAttribute(root, hide) ?? []) found.add(el);
  if (zero) for (const el of withAttribute(root, zero) ?? []) if (el.firstElementChild === null) found.add(el);
  return found;
}

/**
 * Units of work extractDocumentSteps reports progress in (each table cell counts twice: walked,
 * then its text read), from one native count; 0 when the DOM cannot say. Only for progress display.
 */
export function extractionWork(root: Document | Element): number {
  try {
    return 2 * (byTag(root, 'td').length + byTag(root, 'th').length);
  } catch {
    return 0;
  }
}

/**
 * extractDocument as resumable steps: pauses every NODES_PER_STEP nodes and after each table is
 * built, yielding the work done so far (see extractionWork), so the content script can yield to
 * the page between steps and show progress (a 200k-cell table otherwise
 * freezes the tab for seconds). Same result as extractDocument when the DOM does not change meanwhile.
 */
export function* extractDocumentSteps(root: Document | Element, opts: ExtractOptions = {}): Generator<number, ExtractedDocument, void> {
  return yield* extractSteps(root, opts, 0);
}

/**
 * Word field codes: text between mso-element:field-begin and field-separator (or field-end) is the
 * field instruction ("PAGEREF _Toc… \h"), not visible content. Reset at every block boundary so a
 * stray begin marker can never swallow more than its own paragraph.
 */
class FieldCodes {
  private stack: number[] = [];
  /** > 0 while inside a field instruction: its text is dropped. */
  suppress = 0;

  reset(): void {
    if (this.stack.length > 0) this.stack.length = 0;
    this.suppress = 0;
  }

  /** Follows the field markers in an element's (normalised) style. */
  style(st: string): void {
    if (st.indexOf('mso-element:field-') < 0) return;
    const stack = this.stack;
    if (st.indexOf('mso-element:field-begin') >= 0) {
      stack.push(1);
      this.suppress++;
    } else if (st.indexOf('mso-element:field-separator') >= 0) {
      if (stack.length > 0 && stack[stack.length - 1] === 1) {
        stack[stack.length - 1] = 0;
        this.suppress--;
      }
    } else if (st.indexOf('mso-element:field-end') >= 0) {
      if (stack.length > 0 && stack.pop() === 1) this.suppress--;
    }
  }
}

/**
 * One walk over a root: collects the flow (text runs, breaks, tables, sub-roots) that the blocks are
 * emitted from. State is where text goes now (`flow`, `owner`) and the open table structure; entering
 * a table, group, row, cell, caption or block saves it in a frame that leaving restores.
 */
class Walk {
  readonly rootFlow: Item[] = [];
  readonly work = { done: 0 };
  private flow: Item[] = this.rootFlow;
  private owner: Element | null = null;
  private table: TableInfo | null = null;
  private group: GroupInfo | null = null;
  private row: RowInfo | null = null;
  private cell: CellInfo | null = null;
  private readonly frames: Frame[] = [];
  private readonly fields = new FieldCodes();
  /** Nodes walked since the last pause (the row fast path counts the cells it takes). */
  private walked = 0;
  /** Where the walk descends after enter returned true: undefined = the node's first child. */
  private jump: Node | null | undefined;

  constructor(
    private readonly opts: ExtractOptions,
    private readonly depth: number,
    /** Elements with a [hidden] attribute; null when opts.isHidden asks every element instead. */
    private readonly hiddenEls: Set<Element> | null,
  ) {}

  /** The iterative pre/post-order walk from `start`; yields work done every NODES_PER_STEP nodes. */
  *run(start: Node | null): Generator<number, void, void> {
    let node: Node | null = start;
    while (node) {
      if (++this.walked >= NODES_PER_STEP) {
        this.walked = 0;
        yield this.work.done;
      }
      if (this.enter(node)) {
        let child: Node | null;
        if (this.jump !== undefined) {
          child = this.jump;
          this.jump = undefined;
        } else child = node.firstChild;
        if (child) {
          node = child;
          continue;
        }
      }
      while (node) {
        this.leave(node);
        if (node === start) {
          node = null;
          break;
        }
        const next: Node | null = node.nextSibling;
        if (next) {
          node = next;
          break;
        }
        node = node.parentNode;
      }
    }
    // Malformed input can leave frames open (e.g. a detached start); close them in order.
    while (this.frames.length > 0) this.leave(this.frames[this.frames.length - 1].el);
  }

  private pushFrame(el: Element, kind: number): void {
    this.frames.push({ el, kind, flow: this.flow, owner: this.owner, table: this.table, group: this.group, row: this.row, cell: this.cell });
  }

  private newImplicitGroup(t: TableInfo): GroupInfo {
    const g: GroupInfo = { kind: 'body', rows: [], implicit: true };
    t.groups.push(g);
    return g;
  }

  /**
   * Row fast path (issue 6): take the row's cells in one loop, exactly as enter would one by one —
   * whitespace between cells dropped, comments and skipped tags ignored, hidden cells dropped, plain
   * cells read natively (plainCell) — with DOM reads at call sites that only ever see cells (see
   * lowerOf), and without a walk step per cell. Returns the first child it cannot take so (anything
   * else: stray text, a styled or non-plain cell, …): the walk continues there. Null when it took
   * every child.
   */
  private fastRow(tr: Element, r: RowInfo, t: TableInfo, g: GroupInfo): Node | null {
    // Text in a row is dropped only when it is whitespace in the table's stray flow.
    if (this.fields.suppress > 0 || this.flow !== t.stray) return tr.firstChild;
    const head = g.kind === 'head';
    const hiddenEls = this.hiddenEls;
    let n: ChildNode | null = tr.firstChild;
    for (; n !== null; n = n.nextSibling) {
      const type = n.nodeType;
      if (type === 3) {
        const s = (n as Text).data;
        if (s && /\S/.test(s)) break;
        continue;
      }
      if (type !== 1) continue;
      const e = n as Element;
      const name = lowerOf(e.localName || e.tagName || '');
      const cat = TAGS[name];
      if (cat === SKIP || cat === HEAD) continue;
      if (cat !== CELL) break;
      const st = visibleStyleOf(e, e.getAttribute('style'), hiddenEls);
      if (st === null) continue;
      if (st !== '') break;
      const c = newCell(e, head || name === 'th');
      if (!plainCell(e, c, hiddenEls)) break;
      r.cells.push(c);
      t.ownCells++;
      this.work.done++;
      this.walked++;
      this.fields.reset();
    }
    return n;
  }

  /** Returns whether to descend into the node's children (from `jump` when set). */
  private enter(node: Node): boolean {
    const type = node.nodeType;
    if (type === 3) {
      if (this.fields.suppress > 0) return false;
      const s = (node as Text).data;
      if (!s) return false;
      const table = this.table;
      if (table !== null && this.cell === null && this.flow === table.stray && !/\S/.test(s)) return false;
      this.flow.push({ k: It.Text, s, owner: this.owner });
      return false;
    }
    if (type !== 1) return type === 11; // descend into a DocumentFragment root; skip comments etc.
    const el = node as Element;
    const name = lowerName(el);
    const cat = TAGS[name];
    const outsideGrid = this.table === null || this.cell !== null;
    // A shadow host or a frame outside a table's cells: what it renders is walked on its own and
    // spliced in here (a paragraph boundary either side). Inside a cell it is read as before.
    if (this.depth < MAX_SUB_DEPTH && cat !== HEAD && outsideGrid) {
      const sub = subRoot(el, name);
      if (sub !== undefined) {
        if (sub === null) {
          if (cat === SKIP) this.opts.unread?.push(el);
        } else if (visibleStyle(el, this.hiddenEls) !== null) {
          this.fields.reset();
          this.flow.push(BRK, { k: It.Sub, roots: [sub] }, BRK);
        }
        return false;
      }
    }
    // A slot in a walked shadow root: the light nodes assigned to it render here.
    if (name === 'slot' && this.depth > 0 && outsideGrid) {
      const assigned = (el as HTMLSlotElement).assignedNodes?.({ flatten: true }) ?? [];
      if (assigned.length > 0) {
        this.flow.push(BRK, { k: It.Sub, roots: assigned.slice() }, BRK);
        return false;
      }
    }
    if (cat === SKIP || cat === HEAD) return false;
    const st = visibleStyle(el, this.hiddenEls);
    if (st === null) {
      // Digits hidden inside a cell: what is shown is not what the DOM says (issue 21).
      if (this.cell !== null && DIGIT.test(el.textContent || '')) this.cell.unreadable ??= 'hidden';
      return false;
    }
    const isHidden = this.opts.isHidden;
    if (isHidden) {
      let hidden = false;
      try {
        hidden = isHidden(el);
      } catch {
        hidden = false;
      }
      if (hidden) {
        if (this.cell !== null && DIGIT.test(el.textContent || '')) this.cell.unreadable ??= 'hidden';
        return false;
      }
    }
    const cell = this.cell;
    if (cell !== null) {
      if (name === 'bdo' || (st !== '' && styleOverridesBidi(st))) cell.unreadable ??= 'bidi';
      else if (st !== '' && styleZeroSize(st) && DIGIT.test(el.textContent || '')) cell.unreadable ??= 'hidden';
    }
    this.fields.style(st);
    if (cat === BR) {
      this.flow.push(BRK);
      return false;
    }
    if (cat === TABLE) {
      this.pushFrame(el, TABLE);
      this.fields.reset();
      const t: TableInfo = { el, groups: [], caption: [], stray: [], ownCells: 0, nestedCells: 0, layout: false };
      this.table = t;
      this.group = null;
      this.row = null;
      this.cell = null;
      this.flow = t.stray;
      return true;
    }
    // Table structure (only directly inside a table, i.e. not within one of its cells).
    if (this.table !== null && this.cell === null) {
      const descend = this.enterTablePart(el, name, cat, this.table, st);
      if (descend !== null) return descend;
    }
    if (cat === undefined) {
      // Inline (span, a, o:p, font, b …): same paragraph. A floated inline box is visually apart
      // ("部门：… <span style=float:right>单位：万元</span>"), so keep a word boundary around it.
      if (st.indexOf(';float:') >= 0 && st.indexOf(';float:none') < 0) {
        this.flow.push(SPACE);
        this.pushFrame(el, FLOAT);
      }
      return true;
    }
    return this.enterBlock(el, name, st);
  }

  /** A group, row, cell, caption or col directly in the open table; null for anything else. */
  private enterTablePart(el: Element, name: string, cat: number | undefined, table: TableInfo, st: string): boolean | null {
    if (cat === COLS) return false;
    if (cat === GROUP) {
      this.pushFrame(el, GROUP);
      this.group = { kind: name === 'thead' ? 'head' : name === 'tfoot' ? 'foot' : 'body', rows: [], implicit: false };
      table.groups.push(this.group);
      this.row = null;
      return true;
    }
    if (cat === ROW) {
      // The implicit group must outlive this row (saved in the frame), so create it first.
      const group = (this.group ??= this.newImplicitGroup(table));
      this.pushFrame(el, ROW);
      const row: RowInfo = { cells: [] };
      this.row = row;
      group.rows.push(row);
      if (this.opts.isHidden === undefined) this.jump = this.fastRow(el, row, table, group);
      return true;
    }
    if (cat === CELL) {
      const group = (this.group ??= this.newImplicitGroup(table));
      let row = this.row;
      if (row === null) {
        row = { cells: [] };
        this.row = row;
        group.rows.push(row);
      }
      // Read directly: cheaper than a document query for the few cells with spans (measured).
      const c = newCell(el, name === 'th' || group.kind === 'head');
      // The cell's own style: a zero-size or bidi-overridden cell shows other than it reads.
      if (st !== '') {
        if (styleOverridesBidi(st)) c.unreadable = 'bidi';
        else if (styleZeroSize(st)) c.unreadable = 'hidden';
      }
      row.cells.push(c);
      table.ownCells++;
      this.work.done++;
      this.fields.reset();
      // Most cells hold plain text in a paragraph or two: read them natively (no descent). The
      // walk state is then untouched, as entering and leaving the cell would leave it.
      if (this.opts.isHidden === undefined && plainCell(el, c, this.hiddenEls)) return false;
      this.pushFrame(el, CELL);
      this.cell = c;
      this.flow = c.flow;
      this.owner = el;
      return true;
    }
    if (cat === CAPTION) {
      this.pushFrame(el, CAPTION);
      this.flow = table.caption;
      this.owner = el;
      return true;
    }
    return null;
  }

  /** Any other block (including stray tr/td outside a table): a paragraph boundary. */
  private enterBlock(el: Element, name: string, st: string): boolean {
    const cell = this.cell;
    if (cell !== null) {
      cell.blocks++;
      if (IS_HEADING[name]) cell.heading = true;
    }
    this.fields.reset();
    this.flow.push(BRK);
    // A paragraph of plain inline text (most narrative): read it natively, as one run owned by the
    // block, exactly what the walk would collect. Not directly in a table's structure, where the
    // walk drops whitespace-only text node by node.
    if (this.opts.isHidden === undefined && st === '' && (this.table === null || cell !== null) && plainBelow(el, this.hiddenEls)) {
      const s = el.textContent || '';
      if (s) this.flow.push({ k: It.Text, s, owner: el });
      this.flow.push(BRK);
      return false;
    }
    this.pushFrame(el, BLOCK);
    this.owner = el;
    return true;
  }

  private leave(node: Node): void {
    const frames = this.frames;
    if (frames.length === 0 || frames[frames.length - 1].el !== node) return;
    const f = frames.pop()!;
    const closing = this.table;
    if (f.kind === FLOAT) this.flow.push(SPACE);
    if (f.kind === BLOCK) {
      this.flow.push(BRK);
      this.fields.reset();
    }
    this.flow = f.flow;
    this.owner = f.owner;
    this.table = f.table;
    this.group = f.group;
    this.row = f.row;
    this.cell = f.cell;
    if (f.kind === CELL) {
      this.fields.reset();
    } else if (f.kind === TABLE && closing !== null) {
      this.fields.reset();
      closing.layout = decideLayout(closing);
      if (this.table !== null) this.table.nestedCells += closing.ownCells + closing.nestedCells;
      this.flow.push({ k: It.Table, t: closing });
    }
  }
}

function newCell(el: Element, isHeader: boolean): CellInfo {
  return {
    el,
    text: '',
    flow: [],
    isHeader,
    colSpan: parseSpan(el.getAttribute('colspan')),
    rowSpan: parseSpan(el.getAttribute('rowspan')),
    blocks: 0,
    heading: false,
  };
}

/**
 * Blocks from a walked flow, in reading order: text runs joined into paragraphs at breaks, layout
 * tables descended into, data tables built as grids (after their stray content), sub-roots walked
 * on their own. Appends to `blocks`; returns the text of the first h1 (a title when there is none).
 */
function* emitBlocks(rootFlow: Item[], blocks: Block[], opts: ExtractOptions, depth: number, work: { done: number }): Generator<number, string, void> {
  let parts: string[] = [];
  let pOwner: Element | null = null;
  let firstH1 = '';
  const flush = () => {
    if (parts.length === 0) return;
    const text = cleanText(parts.join(''));
    parts = [];
    const el = pOwner;
    pOwner = null;
    if (!text) return;
    if (!firstH1 && el && lowerName(el) === 'h1') firstH1 = text;
    blocks.push({ kind: 'paragraph', index: blocks.length, text, el });
  };
  const stack: { items: Item[]; i: number }[] = [{ items: rootFlow, i: 0 }];
  while (stack.length > 0) {
    const top = stack[stack.length - 1];
    if (top.i >= top.items.length) {
      stack.pop();
      continue;
    }
    const it = top.items[top.i++];
    if (it.k === It.Text) {
      if (pOwner === null && /\S/.test(it.s)) pOwner = it.owner;
      parts.push(it.s);
    } else if (it.k === It.Brk) {
      flush();
    } else if (it.k === It.Table) {
      flush();
      if (it.t.layout) {
        stack.push({ items: tableItems(it.t), i: 0 });
      } else {
        // Stray content first (browsers render it before the table), then the grid.
        const seq: Item[] = [];
        for (let i = 0; i < it.t.stray.length; i++) seq.push(it.t.stray[i]);
        seq.push(BRK, { k: It.Grid, t: it.t });
        stack.push({ items: seq, i: 0 });
      }
    } else if (it.k === It.Sub) {
      flush();
      for (const r of it.roots) {
        if (r.nodeType === 3) {
          const text = cleanText((r as Text).data);
          if (text) blocks.push({ kind: 'paragraph', index: blocks.length, text, el: r.parentElement });
          continue;
        }
        if (r.nodeType !== 1 && r.nodeType !== 11) continue;
        const sub = yield* extractSteps(r as Element, opts, depth + 1);
        for (const b of sub.blocks) {
          (b as { index: number }).index = blocks.length;
          blocks.push(b);
        }
      }
    } else {
      flush();
      blocks.push(yield* buildTableBlock(it.t, blocks.length, work));
      yield work.done;
    }
  }
  flush();
  return firstH1;
}

function* extractSteps(root: Document | Element | DocumentFragment, opts: ExtractOptions, depth: number): Generator<number, ExtractedDocument, void> {
  const isDoc = root.nodeType === 9;
  const start: Node | null = isDoc ? docElement(root as Document) : root;
  // With an isHidden (the reference walk in tests) every element is asked directly.
  const hiddenEls = opts.isHidden === undefined ? hiddenElements(root as Element) : null;
  const walk = new Walk(opts, depth, hiddenEls);
  yield* walk.run(start);
  const blocks: Block[] = [];
  const firstH1 = yield* emitBlocks(walk.rootFlow, blocks, opts, depth, walk.work);
  const doc = isDoc ? (root as Document) : depth > 0 ? null : root.ownerDocument;
  const title = docTitle(doc) || firstH1;
  return { title, blocks };
}
