/**
 * Where a finding sits on a PDF's pages: the boxes of the cells and sentences it references, read
 * from the `data-page` / `data-box` attributes the PDF reader puts on the DOM it builds (design.md:
 * page 1-based, box [x0, y0, x1, y1] in PDF points, origin top-left of the page). Pure: no pdf.js, no
 * extension APIs — the viewer turns each place into an overlay box and marks those with lib/marks.
 */
import type { Finding, CellRole } from '../checks/types';

export type Box = readonly [number, number, number, number];

export interface Place {
  /** Stable key: the same source element (or piece of it) gives the same key. */
  key: string;
  /** 1-based page number. */
  page: number;
  box: Box;
  kind: 'cell' | 'text';
}

export interface FindingPlaces {
  cells: { key: string; role: CellRole }[];
  /** Boxes of the sentence(s) the finding quotes, line by line. */
  texts: string[];
}

export interface PlaceMap {
  places: Map<string, Place>;
  /** One entry per finding, in findings order (index = data-dc-finding). */
  findings: FindingPlaces[];
}

/** The place an element carries, or null when it has no (valid) data-page / data-box. */
export function readPlace(el: Element): { page: number; box: Box } | null {
  const page = Number(el.getAttribute('data-page'));
  const parts = (el.getAttribute('data-box') ?? '').trim().split(/\s+/).map(Number);
  if (!Number.isInteger(page) || page < 1 || parts.length !== 4 || parts.some((n) => !Number.isFinite(n))) return null;
  const [x0, y0, x1, y1] = parts;
  if (!(x1 >= x0 && y1 >= y0)) return null;
  return { page, box: [x0, y0, x1, y1] };
}

/** The element's own place, else the union of its descendants' places on its first page. */
function placeOfCell(el: Element): { page: number; box: Box } | null {
  const own = readPlace(el);
  if (own) return own;
  let page = 0;
  let box: [number, number, number, number] | null = null;
  for (const d of el.querySelectorAll('[data-box]')) {
    const p = readPlace(d);
    if (!p || (page && p.page !== page)) continue;
    page = p.page;
    box = box ? [Math.min(box[0], p.box[0]), Math.min(box[1], p.box[1]), Math.max(box[2], p.box[2]), Math.max(box[3], p.box[3])] : [...p.box];
  }
  return box ? { page, box } : null;
}

const WS = /\s/;

interface Piece {
  el: Element;
  page: number;
  box: Box;
  /** [start, end) in the walked (whitespace-collapsed) paragraph text. */
  start: number;
  end: number;
}

/**
 * The paragraph's text, whitespace collapsed and trimmed as lib/extract does, with the boxed
 * element (the innermost ancestor carrying data-box) each character came from.
 */
function walkPieces(root: Element): { text: string; pieces: Piece[] } {
  const chars: string[] = [];
  const pieces: Piece[] = [];
  let pending = false;
  const visit = (node: Node, owner: Piece | null) => {
    if (node.nodeType === 3) {
      const data = (node as Text).data;
      for (let i = 0; i < data.length; i++) {
        const ch = data[i];
        if (WS.test(ch) || ch === '\u00a0' || ch === '\u3000') {
          if (chars.length > 0) pending = true;
          continue;
        }
        if (pending) {
          chars.push(' ');
          pending = false;
        }
        chars.push(ch);
        if (owner) {
          if (owner.start < 0) owner.start = chars.length - 1;
          owner.end = chars.length;
        }
      }
      return;
    }
    if (node.nodeType !== 1) return;
    const el = node as Element;
    let own = owner;
    const p = el !== root ? readPlace(el) : null;
    if (p) {
      own = { el, page: p.page, box: p.box, start: -1, end: -1 };
      pieces.push(own);
    }
    for (let c = el.firstChild; c; c = c.nextSibling) visit(c, own);
  };
  visit(root, null);
  return { text: chars.join(''), pieces: pieces.filter((p) => p.start >= 0) };
}

/**
 * The boxes covering characters [start, end) of a paragraph's text. A piece only partly inside the
 * range is cut in proportion to its characters along x (Chinese text is set in equal widths; a
 * line of mixed digits is cut a little off, never off its line). When the paragraph's own text is
 * not what the core extracted (normalisation differs), the sentence is looked up nearest to `start`;
 * not found, the whole paragraph's boxes stand for it.
 */
export function sentenceBoxes(
  paragraph: Element,
  text: string,
  start: number,
  end: number,
): { key: string; page: number; box: Box }[] {
  const w = walkPieces(paragraph);
  let s = start;
  let e = end;
  if (w.text !== text) {
    const wanted = text.slice(start, end).replace(/\s+/g, ' ').trim();
    let best = -1;
    if (wanted) {
      for (let i = w.text.indexOf(wanted); i >= 0; i = w.text.indexOf(wanted, i + 1)) {
        if (best < 0 || Math.abs(i - start) < Math.abs(best - start)) best = i;
      }
    }
    if (best < 0) {
      s = 0;
      e = w.text.length;
    } else {
      s = best;
      e = best + wanted.length;
    }
  }
  if (!(e > s)) {
    s = 0;
    e = w.text.length;
  }
  const out: { key: string; page: number; box: Box }[] = [];
  w.pieces.forEach((p, i) => {
    const a = Math.max(s, p.start);
    const b = Math.min(e, p.end);
    if (b <= a) return;
    const n = p.end - p.start;
    const [x0, y0, x1, y1] = p.box;
    const cut: Box = a === p.start && b === p.end ? p.box : [x0 + ((x1 - x0) * (a - p.start)) / n, y0, x0 + ((x1 - x0) * (b - p.start)) / n, y1];
    out.push({ key: `t${i}:${a - p.start}-${b - p.start}`, page: p.page, box: cut });
  });
  return out;
}

/**
 * Places of every finding of a run over a PDF-built DOM. Cells and sentences without a place (a
 * DOM not built from a PDF, or a cell the reader could not place) are left out: the list says
 * "not marked on the page" for a finding with no place at all.
 */
export function placeFindings(findings: readonly Finding[]): PlaceMap {
  const places = new Map<string, Place>();
  const cellKeys = new Map<Element, string | null>();
  const paraIds = new Map<Element, number>();
  const out: FindingPlaces[] = [];
  for (const f of findings) {
    const fp: FindingPlaces = { cells: [], texts: [] };
    for (const c of f.cells) {
      const el = c.cell.source?.el;
      if (!el) continue;
      let key = cellKeys.get(el);
      if (key === undefined) {
        const p = placeOfCell(el);
        key = p ? `c${cellKeys.size}` : null;
        cellKeys.set(el, key);
        if (p && key) places.set(key, { key, page: p.page, box: p.box, kind: 'cell' });
      }
      if (key && !fp.cells.some((x) => x.key === key)) fp.cells.push({ key, role: c.role });
    }
    for (const s of f.spans) {
      const el = s.paragraph.el;
      if (!el) continue;
      let pid = paraIds.get(el);
      if (pid === undefined) paraIds.set(el, (pid = paraIds.size));
      for (const b of sentenceBoxes(el, s.paragraph.text, s.clause?.start ?? s.start, s.clause?.end ?? s.end)) {
        const key = `p${pid}${b.key}`;
        if (!places.has(key)) places.set(key, { key, page: b.page, box: b.box, kind: 'text' });
        if (!fp.texts.includes(key)) fp.texts.push(key);
      }
    }
    out.push(fp);
  }
  return { places, findings: out };
}

/** Percent offsets of a box on a page of `width` × `height` points, for an overlay at any zoom. */
export function boxStyle(box: Box, width: number, height: number): { left: string; top: string; width: string; height: string } {
  const pct = (v: number, of: number) => `${((100 * v) / of).toFixed(4)}%`;
  return {
    left: pct(box[0], width),
    top: pct(box[1], height),
    width: pct(Math.max(0, box[2] - box[0]), width),
    height: pct(Math.max(0, box[3] - box[1]), height),
  };
}
