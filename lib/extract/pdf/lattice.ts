/**
 * Ruling lines → tables (lattice): lines that touch form one table; its row and column boundaries
 * are the lines' positions (and the ends of lines, where an outer border is missing); a boundary
 * between two neighbouring slots that no line covers is a merged cell. Cells come out in the
 * shape lib/extract's grids use: origin slot + rowSpan/colSpan.
 */
import { clusterValues } from './lines';
import type { PdfSettings } from './settings';
import type { Box, Edge } from './types';

export interface LatticeCell {
  row: number;
  col: number;
  rowSpan: number;
  colSpan: number;
  box: Box;
}

export interface Lattice {
  box: Box;
  xs: number[];
  ys: number[];
  cells: LatticeCell[];
}

function touches(h: Edge, v: Edge, tol: number): boolean {
  return v.pos >= h.from - tol && v.pos <= h.to + tol && h.pos >= v.from - tol && h.pos <= v.to + tol;
}

/** Connected groups of lines (union-find over intersections). */
export function groupLines(h: readonly Edge[], v: readonly Edge[], tol: number): { h: Edge[]; v: Edge[] }[] {
  const n = h.length + v.length;
  const parent = Array.from({ length: n }, (_, i) => i);
  const find = (i: number): number => {
    while (parent[i] !== i) i = parent[i] = parent[parent[i]];
    return i;
  };
  for (let i = 0; i < h.length; i++) {
    for (let j = 0; j < v.length; j++) {
      if (touches(h[i], v[j], tol)) {
        const a = find(i), b = find(h.length + j);
        if (a !== b) parent[a] = b;
      }
    }
  }
  const groups = new Map<number, { h: Edge[]; v: Edge[] }>();
  for (let i = 0; i < n; i++) {
    const r = find(i);
    let g = groups.get(r);
    if (!g) groups.set(r, (g = { h: [], v: [] }));
    if (i < h.length) g.h.push(h[i]);
    else g.v.push(v[i - h.length]);
  }
  return [...groups.values()];
}

/** Share of [a, b] covered by lines at position pos (within tol). */
function covered(lines: readonly Edge[], pos: number, a: number, b: number, tol: number): number {
  const spans: [number, number][] = [];
  for (const l of lines) {
    if (Math.abs(l.pos - pos) > tol) continue;
    const f = Math.max(a, l.from), t = Math.min(b, l.to);
    if (t > f) spans.push([f, t]);
  }
  spans.sort((p, q) => p[0] - q[0]);
  let total = 0, end = a;
  for (const [f, t] of spans) {
    if (t <= end) continue;
    total += t - Math.max(f, end);
    end = t;
  }
  return b > a ? total / (b - a) : 0;
}

/** One group of lines → a table grid, or null when it is not a table (a lone frame, an underline). */
export function buildLattice(h: readonly Edge[], v: readonly Edge[], s: PdfSettings): Lattice | null {
  if (h.length === 0 || v.length === 0) return null;
  const xsRaw = v.map((l) => l.pos);
  const ysRaw = h.map((l) => l.pos);
  // Missing outer borders: the lines' ends bound the table.
  xsRaw.push(Math.min(...h.map((l) => l.from)), Math.max(...h.map((l) => l.to)));
  ysRaw.push(Math.min(...v.map((l) => l.from)), Math.max(...v.map((l) => l.to)));
  const xs = clusterValues(xsRaw, s.gridMerge);
  const ys = clusterValues(ysRaw, s.gridMerge);
  const R = ys.length - 1;
  const C = xs.length - 1;
  if (R < s.minRows || C < s.minCols) return null;
  const tol = s.gridMerge;
  // right[r][c]: a boundary on the right of slot (r, c); below[r][c]: a boundary under it.
  const right: boolean[][] = [];
  const below: boolean[][] = [];
  for (let r = 0; r < R; r++) {
    right.push([]);
    below.push([]);
    for (let c = 0; c < C; c++) {
      right[r].push(c === C - 1 || covered(v, xs[c + 1], ys[r], ys[r + 1], tol) >= 0.5);
      below[r].push(r === R - 1 || covered(h, ys[r + 1], xs[c], xs[c + 1], tol) >= 0.5);
    }
  }
  const owner: number[][] = Array.from({ length: R }, () => new Array<number>(C).fill(-1));
  const cells: LatticeCell[] = [];
  for (let r = 0; r < R; r++) {
    for (let c = 0; c < C; c++) {
      if (owner[r][c] !== -1) continue;
      // Grow right along the top row while no boundary, then down while no boundary under the whole width.
      let c1 = c;
      while (!right[r][c1] && c1 + 1 < C && owner[r][c1 + 1] === -1) c1++;
      let r1 = r;
      for (;;) {
        if (r1 + 1 >= R) break;
        let open = true;
        for (let k = c; k <= c1; k++) if (below[r1][k] || owner[r1 + 1][k] !== -1) open = false;
        if (!open) break;
        r1++;
      }
      const id = cells.length;
      for (let rr = r; rr <= r1; rr++) for (let cc = c; cc <= c1; cc++) owner[rr][cc] = id;
      cells.push({ row: r, col: c, rowSpan: r1 - r + 1, colSpan: c1 - c + 1, box: { x0: xs[c], y0: ys[r], x1: xs[c1 + 1], y1: ys[r1 + 1] } });
    }
  }
  return { box: { x0: xs[0], y0: ys[0], x1: xs[C], y1: ys[R] }, xs, ys, cells };
}

/** All tables of a page's lines, top to bottom. */
export function findLattices(h: readonly Edge[], v: readonly Edge[], s: PdfSettings): Lattice[] {
  const out: Lattice[] = [];
  for (const g of groupLines(h, v, s.touch)) {
    const t = buildLattice(g.h, g.v, s);
    if (t) out.push(t);
  }
  return out.sort((a, b) => a.box.y0 - b.box.y0 || a.box.x0 - b.box.x0);
}
