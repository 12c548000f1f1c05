/**
 * Tables continued over pages: when a page's first block is a table whose column boundaries match
 * those of the previous page's last table (same count, each within `columnMatch`), the two are one
 * table. Header rows the continuation repeats (same texts as the first rows) are dropped.
 */
import type { PdfSettings } from './settings';
import type { PdfCell, PdfTable } from './types';
import { joinPieces } from './textlines';

export function sameColumns(a: readonly number[], b: readonly number[], tol: number): boolean {
  if (a.length !== b.length) return false;
  for (let i = 0; i < a.length; i++) if (Math.abs(a[i] - b[i]) > tol) return false;
  return true;
}

function rowTexts(t: PdfTable, row: number): string {
  return t.cells
    .filter((c) => c.row === row)
    .sort((a, b) => a.col - b.col)
    .map((c) => `${c.colSpan}:${c.rowSpan}:${joinPieces(c.pieces).replace(/\s+/g, '')}`)
    .join('|');
}

/** How many leading rows of `next` repeat the leading rows of `first` (whole rows, no span leaving the block). */
export function repeatedHeaderRows(first: PdfTable, next: PdfTable): number {
  let n = 0;
  while (n < next.rows && n < first.rows && rowTexts(first, n) === rowTexts(next, n) && rowTexts(next, n).replace(/[\d:|]/g, '') !== '') n++;
  // Never cut through a cell spanning past the repeated block.
  while (n > 0 && next.cells.some((c) => c.row < n && c.row + c.rowSpan > n)) n--;
  return n;
}

/** Whether every cell starting in `row` is empty and none spans out of it. */
function emptyRow(t: PdfTable, row: number): boolean {
  return t.cells.every((c) => (c.row === row ? c.pieces.length === 0 && c.rowSpan === 1 : !(c.row < row && c.row + c.rowSpan > row)));
}

/** Drops a row (mutates t); rows below move up. */
function dropRow(t: PdfTable, row: number): void {
  t.cells = t.cells.filter((c) => c.row !== row);
  for (const c of t.cells) if (c.row > row) c.row--;
  t.rows--;
}

/**
 * Appends `next` below `first` (mutates first). Empty rows at the seam (the slack a page break
 * leaves under the last row) go.
 */
export function appendTable(first: PdfTable, next: PdfTable): void {
  while (first.rows > 1 && emptyRow(first, first.rows - 1)) dropRow(first, first.rows - 1);
  while (next.rows > 1 && emptyRow(next, 0)) dropRow(next, 0);
  const skip = repeatedHeaderRows(first, next);
  const offset = first.rows - skip;
  for (const c of next.cells) {
    if (c.row < skip) continue;
    const moved: PdfCell = { ...c, row: c.row + offset };
    first.cells.push(moved);
  }
  first.rows += next.rows - skip;
  first.lastPage = next.lastPage;
}

export function continues(prev: PdfTable, next: PdfTable, s: PdfSettings): boolean {
  return next.page === prev.lastPage + 1 && sameColumns(prev.xs, next.xs, s.columnMatch);
}
