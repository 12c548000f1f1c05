/**
 * HTML table model → rectangular grid (rowspan/colspan resolved).
 *
 * Follows the HTML spec's span rules (colspan 0 → 1, max 1000; rowspan 0 → to the end of the row
 * group, max 65534, always clipped to the row group) but never allocates more than the table needs:
 * - the laid-out width is capped by a slot budget proportional to the real cell count, so a hostile
 *   `colspan=10000` on 200k cells cannot allocate millions of slots;
 * - columns no cell starts or ends at are merged (a lone `<td colspan=3>` becomes one column),
 *   which keeps the structure identical while dropping empty span-only columns.
 * Cells that cannot be placed inside the cap are dropped and reported in `clipped`.
 * Pure: no DOM access, so property tests can drive it with synthetic rows.
 */
import type { GridSlot, SourceCell } from './types';

export interface RawCell {
  el: Element | null;
  text: string;
  /** Parsed attribute value; NaN when absent or not a number. */
  colSpan: number;
  rowSpan: number;
  isHeader: boolean;
}

export interface RawRow {
  cells: RawCell[];
  /** Index of the row group (thead/tbody/tfoot or implicit run of rows) this row belongs to. */
  group: number;
}

export interface GridResult {
  grid: GridSlot[][];
  rows: number;
  cols: number;
  /** Present only when the table exceeded the caps and some cells were dropped or cut. */
  clipped?: { droppedCells: number; maxCols: number };
}

/** Spec limits (HTML "processing model" for tables). */
export const SPEC_MAX_COLSPAN = 1000;
export const SPEC_MAX_ROWSPAN = 65534;
/** Hard cap on the width of any grid; disclosure tables have ~20 columns. */
export const MAX_COLS = 1000;
/** Slot budget: rows × cols ≤ max(MIN_SLOTS, SLOTS_PER_CELL × real cells). */
export const MIN_SLOTS = 4096;
export const SLOTS_PER_CELL = 8;

/** Parse a span attribute like browsers do (leading digits; anything else → NaN). */
export function parseSpan(v: string | null | undefined): number {
  if (v == null) return NaN;
  const m = /^[\s]*\+?(\d{1,9})/.exec(v);
  return m ? Number(m[1]) : NaN;
}

function clampColSpan(n: number): number {
  if (!(n >= 1)) return 1; // NaN, 0, negative
  return n > SPEC_MAX_COLSPAN ? SPEC_MAX_COLSPAN : Math.floor(n);
}

/** Row span clipped to the row group: rowspan=0 (or anything past the group) ends at the group end. */
function clampRowSpan(n: number, row: number, groupEnd: number): number {
  const left = groupEnd - row;
  if (n === 0) return left;
  if (!(n >= 1)) return 1;
  const s = n > SPEC_MAX_ROWSPAN ? SPEC_MAX_ROWSPAN : Math.floor(n);
  return s > left ? left : s;
}

interface Placed {
  cell: SourceCell;
  c0: number; // raw column start
  c1: number; // raw column end (exclusive)
}

export function buildGrid(rawRows: readonly RawRow[]): GridResult {
  const R = rawRows.length;
  let realCells = 0;
  for (let r = 0; r < R; r++) realCells += rawRows[r].cells.length;
  const budget = Math.max(MIN_SLOTS, SLOTS_PER_CELL * realCells);
  const colCap = Math.max(1, Math.min(MAX_COLS, Math.floor(budget / Math.max(1, R))));

  // End (exclusive) of each row's group.
  const groupEnd: number[] = new Array(R);
  for (let r = R - 1; r >= 0; r--) {
    groupEnd[r] = r + 1 < R && rawRows[r + 1].group === rawRows[r].group ? groupEnd[r + 1] : r + 1;
  }

  const occ: (Placed | undefined)[][] = new Array(R);
  for (let r = 0; r < R; r++) occ[r] = [];
  const placed: Placed[] = [];
  let dropped = 0;
  let cut = false;
  let width = 0;

  for (let r = 0; r < R; r++) {
    const row = occ[r];
    const cells = rawRows[r].cells;
    let c = 0;
    for (let i = 0; i < cells.length; i++) {
      const raw = cells[i];
      while (c < colCap && row[c] !== undefined) c++;
      if (c >= colCap) {
        dropped++;
        continue;
      }
      const cs = clampColSpan(raw.colSpan);
      const rs = clampRowSpan(raw.rowSpan, r, groupEnd[r]);
      let end = c + cs;
      if (end > colCap) {
        end = colCap;
        cut = true;
      }
      // A colspan running into a slot already taken by a rowspan from above stops there (no overlaps).
      for (let k = c + 1; k < end; k++) {
        if (row[k] !== undefined) {
          end = k;
          break;
        }
      }
      const cell: SourceCell = {
        el: raw.el,
        text: raw.text,
        row: r,
        col: c,
        rowSpan: rs,
        colSpan: end - c,
        isHeader: raw.isHeader,
      };
      const p: Placed = { cell, c0: c, c1: end };
      placed.push(p);
      for (let rr = r; rr < r + rs; rr++) {
        const target = occ[rr];
        for (let k = c; k < end; k++) if (target[k] === undefined) target[k] = p;
      }
      if (end > width) width = end;
      c = end;
    }
  }

  // Column compression: keep only boundaries some cell starts or ends at.
  const used = new Uint8Array(width + 1);
  used[0] = 1;
  for (let i = 0; i < placed.length; i++) {
    used[placed[i].c0] = 1;
    used[placed[i].c1] = 1;
  }
  const rank = new Int32Array(width + 1); // boundary → compressed boundary index
  const starts: number[] = []; // compressed column → raw start column
  let n = 0;
  for (let b = 0; b <= width; b++) {
    if (used[b]) {
      rank[b] = n++;
      if (b < width) starts.push(b);
    } else {
      rank[b] = -1;
    }
  }
  const cols = width === 0 ? 0 : n - 1;
  for (let i = 0; i < placed.length; i++) {
    const p = placed[i];
    p.cell.col = rank[p.c0];
    p.cell.colSpan = rank[p.c1] - rank[p.c0];
  }

  const grid: GridSlot[][] = new Array(R);
  for (let r = 0; r < R; r++) {
    const src = occ[r];
    const out: GridSlot[] = new Array(cols);
    for (let c = 0; c < cols; c++) {
      const p = src[starts[c]];
      if (p === undefined) {
        out[c] = {
          cell: { el: null, text: '', row: r, col: c, rowSpan: 1, colSpan: 1, isHeader: false },
          isCopy: false,
        };
      } else {
        out[c] = { cell: p.cell, isCopy: p.cell.row !== r || p.cell.col !== c };
      }
    }
    grid[r] = out;
  }

  const result: GridResult = { grid, rows: R, cols };
  if (dropped > 0 || cut) result.clipped = { droppedCells: dropped, maxCols: colCap };
  return result;
}
