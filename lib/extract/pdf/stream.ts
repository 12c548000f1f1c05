/**
 * Tables without ruling lines (stream). Rows: text lines whose pieces fall into two or more groups
 * separated by gaps wider than `wordGap` × the font size, the last group a number; at least
 * `streamMinRows` such lines one under the other. Columns: the x ranges the groups of those rows
 * (and of header lines just above them) cover, merged where they overlap. Each group goes to the
 * column it overlaps; every row is one grid row (no spans are guessed).
 */
import { joinPieces } from './textlines';
import type { PdfSettings } from './settings';
import type { PdfCell, PdfTable, Piece, TextLine } from './types';

interface Seg {
  pieces: Piece[];
  x0: number;
  x1: number;
}

const NUMBER = /^[-−–(（]?\d[\d,，]*(?:\.\d+)?%?[)）]?$|^[-—–/]$/;

/** A line's pieces grouped by wide gaps. */
export function segments(l: TextLine, s: PdfSettings): Seg[] {
  const out: Seg[] = [];
  for (const p of l.pieces) {
    const last = out[out.length - 1];
    if (last && p.x0 - last.x1 <= s.wordGap * Math.min(p.size, l.size)) {
      last.pieces.push(p);
      last.x1 = Math.max(last.x1, p.x1);
    } else out.push({ pieces: [p], x0: p.x0, x1: p.x1 });
  }
  return out;
}

function isRow(segs: Seg[], s: PdfSettings): boolean {
  if (segs.length < s.minCols) return false;
  return NUMBER.test(joinPieces(segs[segs.length - 1].pieces).replace(/\s+/g, ''));
}

/** Column ranges: the union of overlapping segment ranges. */
export function columnRanges(rows: Seg[][]): [number, number][] {
  const ranges = rows.flat().map((g) => [g.x0, g.x1] as [number, number]).sort((a, b) => a[0] - b[0]);
  const out: [number, number][] = [];
  for (const r of ranges) {
    const last = out[out.length - 1];
    if (last && r[0] <= last[1]) last[1] = Math.max(last[1], r[1]);
    else out.push([r[0], r[1]]);
  }
  return out;
}

export function findStreamTables(lines: TextLine[], page: number, s: PdfSettings): { tables: PdfTable[]; rest: TextLine[] } {
  const segs = lines.map((l) => segments(l, s));
  const used = new Set<number>();
  const tables: PdfTable[] = [];
  for (let i = 0; i < lines.length; i++) {
    if (!isRow(segs[i], s)) continue;
    let j = i;
    while (j + 1 < lines.length && isRow(segs[j + 1], s) && lines[j + 1].top - lines[j].bottom < 2.5 * lines[j].size) j++;
    if (j - i + 1 < s.streamMinRows) {
      i = j;
      continue;
    }
    // Header lines directly above: several groups, close to the rows below.
    let h = i;
    while (h - 1 >= 0 && !used.has(h - 1) && segs[h - 1].length >= s.minCols && lines[h].top - lines[h - 1].bottom < 2.5 * lines[h].size) h--;
    const rowIdx = Array.from({ length: j - h + 1 }, (_, k) => h + k);
    const cols = columnRanges(rowIdx.map((k) => segs[k]));
    if (cols.length < s.minCols) {
      i = j;
      continue;
    }
    const cells: PdfCell[] = [];
    rowIdx.forEach((k, r) => {
      const l = lines[k];
      const byCol: Piece[][] = cols.map(() => []);
      for (const g of segs[k]) {
        const c = cols.findIndex(([a, b]) => g.x0 < b && g.x1 > a);
        byCol[c >= 0 ? c : 0].push(...g.pieces);
      }
      cols.forEach(([a, b], c) => cells.push({ row: r, col: c, rowSpan: 1, colSpan: 1, page, pieces: byCol[c], box: { x0: a, y0: l.top, x1: b, y1: l.bottom } }));
    });
    const first = lines[h], last = lines[j];
    const xs = [...cols.map((c) => c[0]), cols[cols.length - 1][1]];
    const ys = [...rowIdx.map((k) => lines[k].top), last.bottom];
    tables.push({ page, lastPage: page, box: { x0: xs[0], y0: first.top, x1: xs[xs.length - 1], y1: last.bottom }, xs, ys, rows: rowIdx.length, cols: cols.length, cells, method: 'stream' });
    for (const k of rowIdx) used.add(k);
    i = j;
  }
  return { tables, rest: lines.filter((_, k) => !used.has(k)) };
}
