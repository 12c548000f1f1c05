/**
 * Blocks → a DOM the HTML path reads unchanged: <table> with rowspan/colspan, <p>/<h1> paragraphs.
 * Every cell and every word/number span carries data-page (1-based) and data-box="x0 y0 x1 y1"
 * (PDF points, origin top-left of the page as displayed). Text is set as text nodes, never HTML.
 */
import type { Box, Flow, Paragraph, PdfCell, PdfTable, Piece } from './types';
import { groupLines, joinPieces, lineJoin } from './textlines';
import type { PdfSettings } from './settings';

const r2 = (v: number) => Math.round(v * 100) / 100;

export function boxAttr(b: Box): string {
  return `${r2(b.x0)} ${r2(b.y0)} ${r2(b.x1)} ${r2(b.y1)}`;
}

export function pieceBox(p: Piece): Box {
  return { x0: p.x0, y0: p.top, x1: p.x1, y1: p.bottom };
}

/** Text of a cell: its lines top to bottom, CJK joined without spaces. */
export function cellText(c: PdfCell, s: PdfSettings): string {
  let out = '';
  for (const line of groupLines(c.pieces, s)) {
    const t = joinPieces(line.pieces);
    out += out ? lineJoin(out, t) + t : t;
  }
  return out;
}

function tableEl(doc: Document, t: PdfTable, s: PdfSettings): Element {
  const table = doc.createElement('table');
  table.setAttribute('data-page', String(t.page));
  table.setAttribute('data-box', boxAttr(t.box));
  const tbody = doc.createElement('tbody');
  table.appendChild(tbody);
  const byRow: PdfCell[][] = Array.from({ length: t.rows }, () => []);
  for (const c of t.cells) byRow[c.row]?.push(c);
  for (const row of byRow) {
    const tr = doc.createElement('tr');
    row.sort((a, b) => a.col - b.col);
    for (const c of row) {
      const td = doc.createElement('td');
      if (c.rowSpan > 1) td.setAttribute('rowspan', String(c.rowSpan));
      if (c.colSpan > 1) td.setAttribute('colspan', String(c.colSpan));
      td.setAttribute('data-page', String(c.page));
      td.setAttribute('data-box', boxAttr(c.box));
      const text = cellText(c, s);
      if (text) td.appendChild(doc.createTextNode(text));
      tr.appendChild(td);
    }
    tbody.appendChild(tr);
  }
  return table;
}

function paragraphEl(doc: Document, p: Paragraph): Element {
  const el = doc.createElement(p.heading ? 'h1' : 'p');
  el.setAttribute('data-page', String(p.page));
  let text = '';
  for (const line of p.lines) {
    const lt = joinPieces(line.pieces);
    if (text) {
      const sep = lineJoin(text, lt);
      if (sep) el.appendChild(doc.createTextNode(sep));
    }
    let prev: Piece | null = null;
    for (const piece of line.pieces) {
      if (prev && piece.x0 - prev.x1 > 0.25 * Math.min(piece.size, prev.size)) el.appendChild(doc.createTextNode(' '));
      const span = doc.createElement('span');
      span.setAttribute('data-page', String(piece.page));
      span.setAttribute('data-box', boxAttr(pieceBox(piece)));
      span.appendChild(doc.createTextNode(piece.str));
      el.appendChild(span);
      prev = piece;
    }
    text += lt;
  }
  return el;
}

export function buildDom(doc: Document, flow: readonly Flow[], s: PdfSettings): Element {
  const root = doc.createElement('body');
  for (const f of flow) root.appendChild(f.kind === 'table' ? tableEl(doc, f.table, s) : paragraphEl(doc, f.para));
  return root;
}
