/**
 * pdf.js text items → pieces in page space, and cutting a piece at an x position (a text item
 * that runs over two table cells is split between them).
 */
import { multiply, type Matrix } from './ops';
import type { Piece } from './types';

export interface TextItemLike {
  str: string;
  transform: number[];
  width: number;
  height: number;
  fontName?: string;
}

/** Share of the font size above and below the baseline that glyph boxes take. */
const ASCENT = 0.86;
const DESCENT = 0.14;

/**
 * One item → a piece, or null for blank items (spaces carry no text here and some producers give
 * them absurd widths). Text running vertically on the displayed page is kept with its box.
 */
export function toPiece(item: TextItemLike, view: Matrix, page: number): Piece | null {
  const str = item.str;
  if (!str || !/\S/.test(str)) return null;
  const m = multiply(view, item.transform);
  const size = Math.hypot(m[2], m[3]) || Math.abs(item.height) || 1;
  const dirLen = Math.hypot(m[0], m[1]) || 1;
  const ux = m[0] / dirLen, uy = m[1] / dirLen;
  const w = item.width;
  if (Math.abs(uy) < 0.2 && ux > 0) {
    const baseline = m[5];
    return { str, x0: m[4], x1: m[4] + w * ux, top: baseline - size * ASCENT, bottom: baseline + size * DESCENT, baseline, size, font: item.fontName ?? '', page };
  }
  // Rotated or vertical text: the box of the rotated glyph run.
  const nx = -uy, ny = ux; // normal, pointing "up" from the baseline in page space is -n
  const pts = [
    [m[4] - nx * size * ASCENT, m[5] - ny * size * ASCENT],
    [m[4] + nx * size * DESCENT, m[5] + ny * size * DESCENT],
    [m[4] + ux * w - nx * size * ASCENT, m[5] + uy * w - ny * size * ASCENT],
    [m[4] + ux * w + nx * size * DESCENT, m[5] + uy * w + ny * size * DESCENT],
  ];
  const xs = pts.map((p) => p[0]);
  const ys = pts.map((p) => p[1]);
  const top = Math.min(...ys), bottom = Math.max(...ys);
  return { str, x0: Math.min(...xs), x1: Math.max(...xs), top, bottom, baseline: bottom, size, font: item.fontName ?? '', page };
}

/** Relative advance of a character: CJK and full-width forms take a full em, the rest half. */
export function charWeight(ch: string): number {
  const c = ch.codePointAt(0) ?? 0;
  if (c >= 0x2e80 && c <= 0x9fff) return 2;
  if (c >= 0xac00 && c <= 0xd7af) return 2;
  if (c >= 0xf900 && c <= 0xfaff) return 2;
  if (c >= 0xfe30 && c <= 0xfe4f) return 2;
  if (c >= 0xff00 && c <= 0xff60) return 2;
  if (c >= 0xffe0 && c <= 0xffe6) return 2;
  if (c >= 0x20000) return 2;
  if (c === 0x2026 || c === 0x2014) return 2;
  return 1;
}

/** x positions of each character's left edge (and the end), by character weights. */
export function charStops(p: Piece): number[] {
  const chars = Array.from(p.str);
  const weights = chars.map(charWeight);
  const total = weights.reduce((a, b) => a + b, 0) || 1;
  const stops = [p.x0];
  let acc = 0;
  for (const w of weights) {
    acc += w;
    stops.push(p.x0 + ((p.x1 - p.x0) * acc) / total);
  }
  return stops;
}

/**
 * Splits a piece at the given x cuts (sorted): each character goes to the side its centre lies on.
 * Returns the piece itself when no cut falls inside it.
 */
export function splitPiece(p: Piece, cuts: readonly number[]): Piece[] {
  const inside = cuts.filter((x) => x > p.x0 && x < p.x1);
  if (inside.length === 0) return [p];
  const chars = Array.from(p.str);
  const stops = charStops(p);
  const out: Piece[] = [];
  let start = 0;
  let seg = -1;
  for (let i = 0; i <= chars.length; i++) {
    let k = -2;
    if (i < chars.length) {
      const centre = (stops[i] + stops[i + 1]) / 2;
      k = 0;
      while (k < inside.length && centre > inside[k]) k++;
    }
    if (k !== seg) {
      if (i > start) out.push({ ...p, str: chars.slice(start, i).join(''), x0: stops[start], x1: stops[i] });
      start = i;
      seg = k;
    }
  }
  return out.filter((q) => /\S/.test(q.str)).map((q) => trimPiece(q));
}

/** Drops leading/trailing blanks of a piece, moving its edges accordingly. */
export function trimPiece(p: Piece): Piece {
  if (!/^\s|\s$/.test(p.str)) return p;
  const chars = Array.from(p.str);
  const stops = charStops(p);
  let a = 0, b = chars.length;
  while (a < b && /\s/.test(chars[a])) a++;
  while (b > a && /\s/.test(chars[b - 1])) b--;
  return { ...p, str: chars.slice(a, b).join(''), x0: stops[a], x1: stops[b] };
}

/** True for characters that join without a space (CJK text and full-width punctuation). */
export function isCjk(ch: string | undefined): boolean {
  return ch !== undefined && charWeight(ch) === 2;
}
