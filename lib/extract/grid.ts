/**
 * HTML table model → rectangular grid (rowspan/colspan resolved).
 *
 * Follows the HTML spec's span rules (colspan 0 → 1, max 1000; rowspan 0 → to the end of the row
 * group, max 65534, always clipped to the row group) but never allocates more than the table needs:
 * - layout runs on column intervals, never on slots, so `colspan=1000` costs nothing;
 * - a width beyond max(SANE_COLS, 2 × cells + 1) is compressed: a column exists only where some
 *   cell starts, which keeps every cell and their order while dropping span-only columns (a hostile
 *   `colspan=10000` title over six columns leaves six columns; width ≤ cells);
 * - the dense grid is capped by a slot budget proportional to the real cell count (and at MAX_COLS
 *   columns), and the layout work by the same budget (hostile rowspan=0 on every cell).
 * Cells that do not fit are dropped and reported in `clipped`; normal tables never come near.
 * Pure: no DOM access, so property tests can drive it with synthetic rows.
 */
import type { CellUnreadable, GridSlot, SourceCell } from './types';
import { toInt } from '../int';

export interface RawCell {
  el: Element | null;
  text: string;
  /** Parsed attribute value; NaN when absent or not a number. */
  colSpan: number;
  rowSpan: number;
  isHeader: boolean;
  /** See SourceCell.unreadable. */
  unreadable?: CellUnreadable;
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
/** Widths up to this (or 2 × cells + 1) are kept as laid out; wider grids are column-compressed. */
export const SANE_COLS = 64;
/** Hard cap on the width of any grid; disclosure tables have ~20 columns. */
export const MAX_COLS = 1000;
/** Slot budget: rows × cols ≤ max(MIN_SLOTS, SLOTS_PER_CELL × real cells). */
export const MIN_SLOTS = 4096;
export const SLOTS_PER_CELL = 8;

/** Parse a span attribute like browsers do (leading digits; anything else → NaN). */
export function parseSpan(v: string | null | undefined): number {
  if (v == null) return NaN;
  const m = /^[\s]*\+?(\d{1,9})/.exec(v);
  return m ? toInt(m[1]) : NaN;
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

export function buildGrid(rawRows: readonly RawRow[]): GridResult {
  const steps = buildGridSteps(rawRows);
  for (;;) {
    const r = steps.next();
    if (r.done) return r.value;
  }
}

/** Units of work (rows placed, cells and rows filled) between two pauses of buildGridSteps. */
const GRID_STEP = 8192;

/**
 * buildGrid as resumable steps (pauses every GRID_STEP units), so the content script can yield to
 * the page inside one huge table (a 200k-cell grid is tens of ms in one piece). Same result.
 */
export function* buildGridSteps(rawRows: readonly RawRow[]): Generator<void, GridResult, void> {
  let units = 0;
  const R = rawRows.length;
  let realCells = 0;
  for (let r = 0; r < R; r++) realCells += rawRows[r].cells.length;
  const budget = Math.max(MIN_SLOTS, SLOTS_PER_CELL * realCells);

  // End (exclusive) of each row's group.
  const groupEnd = new Int32Array(R);
  for (let r = R - 1; r >= 0; r--) {
    groupEnd[r] = r + 1 < R && rawRows[r + 1].group === rawRows[r].group ? groupEnd[r + 1] : r + 1;
  }

  // Phase 1: layout in raw column coordinates without allocating slots. Each row is placed against
  // the sorted, disjoint intervals of cells spanning down from above, so the cost is
  // O(cells + Σ active spans), itself capped by the budget (hostile rowspan=0 everywhere).
  // Placed cells live in parallel arrays (index = placement order) to keep allocation low.
  const cellsOut: SourceCell[] = [];
  const c0s: number[] = [];
  const c1s: number[] = [];
  const lasts: number[] = [];
  let active: number[] = [];
  let here: number[] = [];
  let next: number[] = [];
  let work = 0;
  let dropped = 0;
  for (let r = 0; r < R; r++) {
    const cells = rawRows[r].cells;
    units += cells.length + 1;
    if (units >= GRID_STEP) {
      units = 0;
      yield;
    }
    work += active.length + cells.length;
    if (work > budget) {
      dropped += cells.length;
      continue;
    }
    let cursor = 0;
    let ai = 0;
    here.length = 0;
    for (let i = 0; i < cells.length; i++) {
      const raw = cells[i];
      while (ai < active.length && c0s[active[ai]] <= cursor) {
        const e = c1s[active[ai]];
        if (e > cursor) cursor = e;
        ai++;
      }
      const rs = clampRowSpan(raw.rowSpan, r, groupEnd[r]);
      let end = cursor + clampColSpan(raw.colSpan);
      // A colspan running into a cell spanning down from above stops there (no overlaps).
      if (ai < active.length && c0s[active[ai]] < end) end = c0s[active[ai]];
      const id = cellsOut.length;
      cellsOut.push({ el: raw.el, text: raw.text, row: r, col: 0, rowSpan: rs, colSpan: 1, isHeader: raw.isHeader });
      if (raw.unreadable) cellsOut[id].unreadable = raw.unreadable;
      c0s.push(cursor);
      c1s.push(end);
      lasts.push(r + rs - 1);
      if (rs > 1) here.push(id);
      cursor = end;
    }
    if (active.length === 0 && here.length === 0) continue;
    // Next row's active list: survivors of both lists, merged by column (both are sorted).
    next.length = 0;
    let a = 0;
    let h = 0;
    while (a < active.length || h < here.length) {
      const takeActive = h >= here.length || (a < active.length && c0s[active[a]] < c0s[here[h]]);
      const id = takeActive ? active[a++] : here[h++];
      if (lasts[id] > r) next.push(id);
    }
    const t = active;
    active = next;
    next = t;
  }
  const n = cellsOut.length;

  // Phase 2: column compression — only for absurd widths. A sane width is kept exactly as the
  // browser lays it out (a lone `合计 colspan=2` in a continuation table must still line up with
  // the table it continues); beyond it, columns exist only where some cell starts.
  let maxB = 0;
  for (let i = 0; i < n; i++) if (c1s[i] > maxB) maxB = c1s[i];
  let rankOf: (b: number) => number;
  let cols: number;
  if (maxB <= Math.max(SANE_COLS, 2 * n + 1)) {
    rankOf = (b) => b;
    cols = maxB;
  } else if (maxB <= 4 * n + 64) {
    // Compressed column k runs from the k-th distinct cell start to the next one; a cell covers the
    // columns whose start lies inside it. Dense prefix counts when the raw width is small.
    const isStart = new Uint8Array(maxB + 1);
    for (let i = 0; i < n; i++) isStart[c0s[i]] = 1;
    const before = new Int32Array(maxB + 1); // number of starts < b
    let k = 0;
    for (let b = 0; b <= maxB; b++) {
      before[b] = k;
      if (isStart[b]) k++;
    }
    rankOf = (b) => before[b];
    cols = k;
  } else {
    const starts = c0s.slice().sort((x, y) => x - y);
    const uniq: number[] = [];
    for (let i = 0; i < starts.length; i++) if (i === 0 || starts[i] !== starts[i - 1]) uniq.push(starts[i]);
    rankOf = (b) => {
      let lo = 0;
      let hi = uniq.length; // first index with uniq[i] >= b
      while (lo < hi) {
        const mid = (lo + hi) >> 1;
        if (uniq[mid] < b) lo = mid + 1;
        else hi = mid;
      }
      return lo;
    };
    cols = uniq.length;
  }

  // Slot budget on the compressed grid: clip the width, dropping cells that start past it.
  const colCap = Math.max(1, Math.min(MAX_COLS, Math.floor(budget / Math.max(1, R))));
  let cut = false;
  if (cols > colCap) {
    cols = colCap;
    cut = true;
  }

  // Phase 3: fill the dense grid (≤ budget slots). All copies of a cell share one slot object.
  const grid: GridSlot[][] = new Array(R);
  for (let r = 0; r < R; r++) grid[r] = new Array(cols);
  for (let i = 0; i < n; i++) {
    if (++units >= GRID_STEP) {
      units = 0;
      yield;
    }
    const c0 = rankOf(c0s[i]);
    if (c0 >= cols) {
      dropped++;
      continue;
    }
    const c1 = Math.min(rankOf(c1s[i]), cols);
    const cell = cellsOut[i];
    cell.col = c0;
    cell.colSpan = c1 - c0;
    const row0 = grid[cell.row];
    row0[c0] = { cell, isCopy: false };
    if (c1 - c0 === 1 && cell.rowSpan === 1) continue;
    const copy: GridSlot = { cell, isCopy: true };
    for (let r = cell.row, last = lasts[i]; r <= last; r++) {
      const row = grid[r];
      for (let c = c0; c < c1; c++) if (r !== cell.row || c !== c0) row[c] = copy;
    }
  }
  for (let r = 0; r < R; r++) {
    units += cols;
    if (units >= GRID_STEP) {
      units = 0;
      yield;
    }
    const row = grid[r];
    for (let c = 0; c < cols; c++) {
      if (row[c] === undefined) {
        row[c] = {
          cell: { el: null, text: '', row: r, col: c, rowSpan: 1, colSpan: 1, isHeader: false },
          isCopy: false,
        };
      }
    }
  }

  const result: GridResult = { grid, rows: R, cols };
  if (dropped > 0 || cut) result.clipped = { droppedCells: dropped, maxCols: colCap };
  return result;
}
