/**
 * pdf.js operator list → straight edges and image coverage, in page space (top-left origin).
 *
 * Only painted paths count: a path ended by `n` (endPath) after `W` is a clipping path, never a
 * rule (ONLYOFFICE clips every table cell). Stroked axis-aligned segments are edges; a filled
 * rectangle thinner than `thinRect` is a rule along its long axis (WPS and Chromium draw every
 * rule that way); a bigger filled, non-white rectangle gives its four sides (a shaded cell is
 * bounded). Curves and slanted segments are ignored.
 */
import type { PdfSettings } from './settings';
import type { Edge } from './types';

export type Matrix = [number, number, number, number, number, number];

export const IDENTITY: Matrix = [1, 0, 0, 1, 0, 0];

/** m × n in PDF's row-vector convention: apply n first, then m. */
export function multiply(m: readonly number[], n: readonly number[]): Matrix {
  return [
    m[0] * n[0] + m[2] * n[1],
    m[1] * n[0] + m[3] * n[1],
    m[0] * n[2] + m[2] * n[3],
    m[1] * n[2] + m[3] * n[3],
    m[0] * n[4] + m[2] * n[5] + m[4],
    m[1] * n[4] + m[3] * n[5] + m[5],
  ];
}

export function apply(m: readonly number[], x: number, y: number): [number, number] {
  return [m[0] * x + m[2] * y + m[4], m[1] * x + m[3] * y + m[5]];
}

/** The subset of pdf.js's OPS the reader needs (passed in so this module stays pure). */
export interface OpCodes {
  save: number;
  restore: number;
  transform: number;
  constructPath: number;
  paintFormXObjectBegin: number;
  paintFormXObjectEnd: number;
  setFillRGBColor: number;
  stroke: number;
  closeStroke: number;
  fill: number;
  eoFill: number;
  fillStroke: number;
  eoFillStroke: number;
  closeFillStroke: number;
  closeEOFillStroke: number;
  paintImageXObject: number;
  paintInlineImageXObject: number;
  paintImageMaskXObject: number;
  paintImageXObjectRepeat?: number;
}

/** pdf.js 5 path data codes (DrawOPS). */
const MOVE = 0;
const LINE = 1;
const CURVE = 2;
const QUAD = 3;
const CLOSE = 4;

export interface OpsResult {
  edges: Edge[];
  images: number;
  /** Largest share of the page one image covers (0..1). */
  imageCover: number;
}

type Pt = [number, number];

function isWhite(color: string | null): boolean {
  return color !== null && /^#f[0-9a-f]f[0-9a-f]f[0-9a-f]$/i.test(color);
}

/** Subpaths of a pdf.js 5 path buffer as point lists (curves cut the subpath: it is not a rule). */
export function subpaths(data: ArrayLike<number>): { pts: Pt[]; curved: boolean; closed: boolean }[] {
  const out: { pts: Pt[]; curved: boolean; closed: boolean }[] = [];
  let cur: { pts: Pt[]; curved: boolean; closed: boolean } | null = null;
  for (let i = 0; i < data.length; ) {
    const op = data[i++];
    if (op === MOVE) {
      cur = { pts: [[data[i], data[i + 1]]], curved: false, closed: false };
      out.push(cur);
      i += 2;
    } else if (op === LINE) {
      if (!cur) {
        cur = { pts: [], curved: false, closed: false };
        out.push(cur);
      }
      cur.pts.push([data[i], data[i + 1]]);
      i += 2;
    } else if (op === CURVE) {
      if (cur) {
        cur.curved = true;
        cur.pts.push([data[i + 4], data[i + 5]]);
      }
      i += 6;
    } else if (op === QUAD) {
      if (cur) {
        cur.curved = true;
        cur.pts.push([data[i + 2], data[i + 3]]);
      }
      i += 4;
    } else if (op === CLOSE) {
      if (cur) {
        cur.closed = true;
        if (cur.pts.length) cur = { pts: [cur.pts[0]], curved: false, closed: false };
      }
    } else {
      break; // unknown code: stop rather than misread the rest
    }
  }
  return out.filter((s) => s.pts.length >= 2);
}

function segmentEdge(a: Pt, b: Pt, s: PdfSettings): Edge | null {
  const dx = Math.abs(a[0] - b[0]);
  const dy = Math.abs(a[1] - b[1]);
  if (dy <= s.snap / 2 && dx >= s.minLength) return { dir: 'h', pos: (a[1] + b[1]) / 2, from: Math.min(a[0], b[0]), to: Math.max(a[0], b[0]) };
  if (dx <= s.snap / 2 && dy >= s.minLength) return { dir: 'v', pos: (a[0] + b[0]) / 2, from: Math.min(a[1], b[1]), to: Math.max(a[1], b[1]) };
  return null;
}

/** Axis-aligned box of a subpath if it is a rectangle (4 corners, optionally repeated first point). */
export function rectOf(pts: Pt[]): { x0: number; y0: number; x1: number; y1: number } | null {
  let p = pts;
  if (p.length === 5 && Math.abs(p[0][0] - p[4][0]) < 0.01 && Math.abs(p[0][1] - p[4][1]) < 0.01) p = p.slice(0, 4);
  if (p.length !== 4) return null;
  const xs = p.map((q) => q[0]);
  const ys = p.map((q) => q[1]);
  const x0 = Math.min(...xs), x1 = Math.max(...xs), y0 = Math.min(...ys), y1 = Math.max(...ys);
  const eps = 0.01 + (x1 - x0 + y1 - y0) * 1e-4;
  // Every corner on the box's boundary corners.
  for (const [x, y] of p) {
    if (!((Math.abs(x - x0) < eps || Math.abs(x - x1) < eps) && (Math.abs(y - y0) < eps || Math.abs(y - y1) < eps))) return null;
  }
  return { x0, y0, x1, y1 };
}

function fillEdges(pts: Pt[], s: PdfSettings, out: Edge[]): void {
  const r = rectOf(pts);
  if (!r) return;
  const w = r.x1 - r.x0;
  const h = r.y1 - r.y0;
  if (h <= s.thinRect && w >= s.minLength) out.push({ dir: 'h', pos: (r.y0 + r.y1) / 2, from: r.x0, to: r.x1 });
  else if (w <= s.thinRect && h >= s.minLength) out.push({ dir: 'v', pos: (r.x0 + r.x1) / 2, from: r.y0, to: r.y1 });
  else if (w >= s.minRectSide && h >= s.minRectSide) {
    out.push({ dir: 'h', pos: r.y0, from: r.x0, to: r.x1 }, { dir: 'h', pos: r.y1, from: r.x0, to: r.x1 });
    out.push({ dir: 'v', pos: r.x0, from: r.y0, to: r.y1 }, { dir: 'v', pos: r.x1, from: r.y0, to: r.y1 });
  }
}

/**
 * Walks an operator list. `base` maps PDF user space to page space (the viewport transform at
 * scale 1); `pageArea` is the displayed page's area, for the image cover share.
 */
export function readOps(fnArray: ArrayLike<number>, argsArray: ArrayLike<unknown>, OPS: OpCodes, base: Matrix, pageArea: number, s: PdfSettings): OpsResult {
  const edges: Edge[] = [];
  const stack: { ctm: Matrix; fill: string | null }[] = [];
  let ctm: Matrix = base;
  let fill: string | null = null;
  let images = 0;
  let imageCover = 0;
  const strokes = new Set([OPS.stroke, OPS.closeStroke]);
  const fills = new Set([OPS.fill, OPS.eoFill]);
  const both = new Set([OPS.fillStroke, OPS.eoFillStroke, OPS.closeFillStroke, OPS.closeEOFillStroke]);
  for (let i = 0; i < fnArray.length; i++) {
    const fn = fnArray[i];
    const args = argsArray[i] as unknown[] | null;
    if (fn === OPS.save) stack.push({ ctm, fill });
    else if (fn === OPS.restore) {
      const top = stack.pop();
      if (top) ({ ctm, fill } = top);
    } else if (fn === OPS.transform && args) ctm = multiply(ctm, args as number[]);
    else if (fn === OPS.paintFormXObjectBegin && args) {
      stack.push({ ctm, fill });
      const m = args[0] as number[] | null;
      if (m && m.length === 6) ctm = multiply(ctm, m);
    } else if (fn === OPS.paintFormXObjectEnd) {
      const top = stack.pop();
      if (top) ({ ctm, fill } = top);
    } else if (fn === OPS.setFillRGBColor && args) fill = typeof args[0] === 'string' ? (args[0] as string) : null;
    else if (fn === OPS.constructPath && args) {
      const paint = args[0] as number;
      const isStroke = strokes.has(paint) || both.has(paint);
      const isFill = fills.has(paint) || both.has(paint);
      if (!isStroke && !isFill) continue; // endPath: a clip or nothing
      const bufs = args[1] as ArrayLike<number>[] | null;
      const data = bufs && bufs[0];
      if (!data) continue;
      for (const sp of subpaths(data)) {
        const pts = sp.pts.map((p) => apply(ctm, p[0], p[1]));
        if (isFill && !isWhite(fill) && !sp.curved) fillEdges(pts, s, edges);
        if (isStroke) {
          for (let k = 1; k < pts.length; k++) {
            const e = segmentEdge(pts[k - 1], pts[k], s);
            if (e) edges.push(e);
          }
          if (sp.closed || paint === OPS.closeStroke || paint === OPS.closeFillStroke || paint === OPS.closeEOFillStroke) {
            const e = segmentEdge(pts[pts.length - 1], pts[0], s);
            if (e) edges.push(e);
          }
        }
      }
    } else if (fn === OPS.paintImageXObject || fn === OPS.paintInlineImageXObject || fn === OPS.paintImageMaskXObject || fn === OPS.paintImageXObjectRepeat) {
      images++;
      // The image fills the unit square under the CTM.
      const c = [apply(ctm, 0, 0), apply(ctm, 1, 0), apply(ctm, 0, 1), apply(ctm, 1, 1)];
      const w = Math.max(...c.map((p) => p[0])) - Math.min(...c.map((p) => p[0]));
      const h = Math.max(...c.map((p) => p[1])) - Math.min(...c.map((p) => p[1]));
      if (pageArea > 0) imageCover = Math.max(imageCover, Math.min(1, (w * h) / pageArea));
    }
  }
  return { edges, images, imageCover };
}
