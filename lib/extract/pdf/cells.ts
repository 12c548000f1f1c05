/**
 * Text pieces → table cells: pieces inside a table are cut at the column boundaries they cross,
 * then each part goes to the cell its centre lies in. Pieces outside every table are returned.
 */
import type { Lattice } from './lattice';
import { splitPiece } from './pieces';
import type { PdfCell, PdfTable, Piece } from './types';

/** Slack around a table's frame within which a piece still belongs to it. */
const FRAME_SLACK = 1;

function slotOf(sorted: readonly number[], v: number): number {
  // Index i with sorted[i] <= v < sorted[i+1], clamped to the slots.
  let i = 0;
  while (i < sorted.length - 2 && v >= sorted[i + 1]) i++;
  return i;
}

export function fillLattice(lat: Lattice, page: number, pieces: readonly Piece[]): { table: PdfTable; rest: Piece[] } {
  const { box, xs, ys } = lat;
  const R = ys.length - 1, C = xs.length - 1;
  const owner: number[][] = Array.from({ length: R }, () => new Array<number>(C).fill(-1));
  const cells: PdfCell[] = lat.cells.map((c, i) => {
    for (let r = c.row; r < c.row + c.rowSpan; r++) for (let k = c.col; k < c.col + c.colSpan; k++) owner[r][k] = i;
    return { ...c, page, pieces: [] };
  });
  const rest: Piece[] = [];
  const inner = xs.slice(1, -1);
  for (const p of pieces) {
    const cy = (p.top + p.bottom) / 2;
    const cx = (p.x0 + p.x1) / 2;
    if (cy < box.y0 - FRAME_SLACK || cy > box.y1 + FRAME_SLACK || p.x1 < box.x0 - FRAME_SLACK || p.x0 > box.x1 + FRAME_SLACK || cx < box.x0 - FRAME_SLACK || cx > box.x1 + FRAME_SLACK) {
      rest.push(p);
      continue;
    }
    const r = slotOf(ys, cy);
    for (const part of splitPiece(p, inner)) {
      const k = slotOf(xs, (part.x0 + part.x1) / 2);
      const id = owner[r][k];
      // A cut that lands inside a merged cell is undone by joining the parts again in the cell.
      if (id >= 0) cells[id].pieces.push(part);
    }
  }
  for (const c of cells) mergeSplitParts(c);
  return {
    table: { page, lastPage: page, box, xs, ys, rows: R, cols: C, cells, method: 'lattice' },
    rest,
  };
}

/** Parts of one item cut at a boundary inside a merged cell are rejoined (same baseline, touching). */
function mergeSplitParts(c: PdfCell): void {
  if (c.pieces.length < 2) return;
  c.pieces.sort((a, b) => a.baseline - b.baseline || a.x0 - b.x0);
  const out: Piece[] = [c.pieces[0]];
  for (let i = 1; i < c.pieces.length; i++) {
    const p = c.pieces[i];
    const q = out[out.length - 1];
    if (q.baseline === p.baseline && q.font === p.font && Math.abs(p.x0 - q.x1) < 0.01) out[out.length - 1] = { ...q, str: q.str + p.str, x1: p.x1 };
    else out.push(p);
  }
  c.pieces = out;
}
