/**
 * Edges → ruling lines: edges of one direction whose positions lie within `snap` are moved to
 * their mean position; collinear edges overlapping or with gaps up to `join` become one line.
 * (pdfplumber's snap_tolerance / join_tolerance.)
 */
import type { PdfSettings } from './settings';
import type { Edge } from './types';

/** Groups sorted values into clusters whose neighbours are within tol; returns each value's cluster mean. */
export function clusterValues(values: readonly number[], tol: number): number[] {
  const sorted = [...values].sort((a, b) => a - b);
  const means: number[] = [];
  let start = 0;
  for (let i = 1; i <= sorted.length; i++) {
    if (i === sorted.length || sorted[i] - sorted[i - 1] > tol) {
      let sum = 0;
      for (let k = start; k < i; k++) sum += sorted[k];
      means.push(sum / (i - start));
      start = i;
    }
  }
  return means;
}

function snapDir(edges: Edge[], tol: number): Edge[] {
  const sorted = [...edges].sort((a, b) => a.pos - b.pos);
  const out: Edge[] = [];
  let start = 0;
  for (let i = 1; i <= sorted.length; i++) {
    if (i === sorted.length || sorted[i].pos - sorted[i - 1].pos > tol) {
      let sum = 0;
      for (let k = start; k < i; k++) sum += sorted[k].pos;
      const mean = sum / (i - start);
      for (let k = start; k < i; k++) out.push({ ...sorted[k], pos: mean });
      start = i;
    }
  }
  return out;
}

function joinDir(edges: Edge[], tol: number): Edge[] {
  const sorted = [...edges].sort((a, b) => a.pos - b.pos || a.from - b.from);
  const out: Edge[] = [];
  for (const e of sorted) {
    const last = out[out.length - 1];
    if (last && last.pos === e.pos && e.from <= last.to + tol) {
      if (e.to > last.to) last.to = e.to;
    } else out.push({ ...e });
  }
  return out;
}

/** Snapped and joined horizontal and vertical lines, shorter than minLength dropped. */
export function mergeEdges(edges: readonly Edge[], s: PdfSettings): { h: Edge[]; v: Edge[] } {
  const h = joinDir(snapDir(edges.filter((e) => e.dir === 'h'), s.snap), s.join).filter((e) => e.to - e.from >= s.minLength);
  const v = joinDir(snapDir(edges.filter((e) => e.dir === 'v'), s.snap), s.join).filter((e) => e.to - e.from >= s.minLength);
  return { h, v };
}
