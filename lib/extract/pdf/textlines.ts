/**
 * Text pieces → lines → paragraphs.
 *
 * Lines: pieces whose vertical extents overlap by `lineOverlap` of the smaller height are on one
 * line, so digits set in another font a few points off the Chinese baseline stay in their
 * sentence. Paragraphs: a new one starts at a wide vertical gap, an indented first line, after a
 * line that stops short of the right edge, or at a change of font size.
 */
import { isCjk } from './pieces';
import type { PdfSettings } from './settings';
import type { Paragraph, Piece, TextLine } from './types';

function overlap(a0: number, a1: number, b0: number, b1: number): number {
  return Math.min(a1, b1) - Math.max(a0, b0);
}

function makeLine(pieces: Piece[]): TextLine {
  pieces.sort((a, b) => a.x0 - b.x0);
  // The line's own size and baseline: those of its widest piece (the body text, not an inserted number).
  let main = pieces[0];
  for (const p of pieces) if (p.x1 - p.x0 > main.x1 - main.x0) main = p;
  return {
    pieces,
    x0: Math.min(...pieces.map((p) => p.x0)),
    x1: Math.max(...pieces.map((p) => p.x1)),
    top: Math.min(...pieces.map((p) => p.top)),
    bottom: Math.max(...pieces.map((p) => p.bottom)),
    baseline: main.baseline,
    size: main.size,
    page: main.page,
  };
}

/** Groups pieces of one page (or one cell) into lines, top to bottom. */
export function groupLines(pieces: readonly Piece[], s: PdfSettings): TextLine[] {
  const sorted = [...pieces].sort((a, b) => (a.top + a.bottom) / 2 - (b.top + b.bottom) / 2 || a.x0 - b.x0);
  const groups: { top: number; bottom: number; pieces: Piece[] }[] = [];
  for (const p of sorted) {
    const h = p.bottom - p.top;
    // Compare with the last few lines: an inserted number may sort just before its line.
    let hit: (typeof groups)[number] | null = null;
    for (let k = groups.length - 1; k >= 0 && k >= groups.length - 3; k--) {
      const g = groups[k];
      const need = s.lineOverlap * Math.min(h, g.bottom - g.top);
      if (overlap(p.top, p.bottom, g.top, g.bottom) >= need && !collides(g.pieces, p)) {
        hit = g;
        break;
      }
    }
    if (hit) {
      // The band stays that of the line's first piece, so it cannot creep down to the next line.
      hit.pieces.push(p);
    } else groups.push({ top: p.top, bottom: p.bottom, pieces: [p] });
  }
  return groups.map((g) => makeLine(g.pieces)).sort((a, b) => a.top - b.top || a.x0 - b.x0);
}

/** A piece overlapping another horizontally by more than half is on another line (stacked text). */
function collides(pieces: readonly Piece[], p: Piece): boolean {
  for (const q of pieces) {
    const o = overlap(p.x0, p.x1, q.x0, q.x1);
    if (o > 0.5 * Math.min(p.x1 - p.x0, q.x1 - q.x0)) return true;
  }
  return false;
}

/** Text of pieces in reading order: a space only where a visible gap separates non-CJK text. */
export function joinPieces(pieces: readonly Piece[]): string {
  let out = '';
  let prev: Piece | null = null;
  for (const p of pieces) {
    if (prev && p.x0 - prev.x1 > 0.25 * Math.min(p.size, prev.size)) out += ' ';
    out += p.str;
    prev = p;
  }
  return out;
}

/** Separator between two lines of one paragraph or cell: none where either side is CJK. */
export function lineJoin(before: string, after: string): string {
  const a = before[before.length - 1];
  const b = after[0];
  if (a === undefined || b === undefined || isCjk(a) || isCjk(b) || /\s/.test(a)) return '';
  // A number or word broken at the line end (e.g. "1,234." + "56") joins without a space.
  if (/[\d.,%-]/.test(a) && /[\d.,%]/.test(b)) return '';
  return ' ';
}

export interface Margins {
  left: number;
  right: number;
  size: number;
}

/** Body text margins of a page: the most common left edge, the right edge most lines reach. */
export function margins(lines: readonly TextLine[]): Margins {
  if (lines.length === 0) return { left: 0, right: 0, size: 12 };
  // The body's left edge: the leftmost edge shared by several lines (first lines are indented,
  // centred headings each start elsewhere); the most common edge when none repeats.
  const count = new Map<number, number>();
  for (const l of lines) count.set(Math.round(l.x0), (count.get(Math.round(l.x0)) ?? 0) + 1);
  let mode = Math.round(lines[0].x0), best = -1;
  for (const [x, c] of count) if (c > best || (c === best && x < mode)) (best = c), (mode = x);
  let left = mode;
  const need = Math.max(2, Math.ceil(lines.length * 0.15));
  for (const [x, c] of count) if (c >= need && x < left) left = x;
  // Ragged right edges (CJK lines break where a character no longer fits): take a high percentile.
  const rights = lines.map((l) => l.x1).sort((a, b) => a - b);
  const right = rights[Math.floor((rights.length - 1) * 0.9)];
  const sizes = lines.map((l) => l.size).sort((a, b) => a - b);
  return { left, right, size: sizes[Math.floor(sizes.length / 2)] };
}

/**
 * The usual distance between baselines of consecutive lines, as a multiple of the font size
 * (1.15 for Word's single spacing, ~1.8 for a browser's printout): the most common ratio.
 */
export function linePitch(pages: readonly (readonly TextLine[])[]): number {
  const count = new Map<number, number>();
  for (const lines of pages) {
    for (let i = 1; i < lines.length; i++) {
      const a = lines[i - 1], b = lines[i];
      if (Math.abs(a.size - b.size) > 0.05 * a.size) continue;
      const r = Math.round(((b.baseline - a.baseline) / a.size) * 20) / 20;
      if (r >= 1 && r <= 3) count.set(r, (count.get(r) ?? 0) + 1);
    }
  }
  let best = 1.2, n = 0;
  for (const [r, c] of count) if (c > n || (c === n && r < best)) (best = r), (n = c);
  return best;
}

/** Whether a line is set in a heading size (relative to the document's body size). */
export function isHeadingSize(l: TextLine, bodySize: number): boolean {
  return l.size >= 1.3 * bodySize;
}

/**
 * Lines of one page → paragraphs. `bodySize` is the document's body text size (headings are
 * larger). A line ending mid-sentence (on '：' or '，') continues into a following line at the left
 * margin even across a wide gap: authors put blank lines there, the sentence is one.
 */
export function groupParagraphs(lines: readonly TextLine[], m: Margins, s: PdfSettings, bodySize = m.size, pitchRatio = 1.2): Paragraph[] {
  const out: Paragraph[] = [];
  let cur: Paragraph | null = null;
  let prev: TextLine | null = null;
  let prevText = '';
  for (const l of lines) {
    let start = cur === null || prev === null;
    const text = joinPieces(l.pieces);
    l.indented = l.x0 - m.left >= s.indent * l.size;
    l.full = l.x1 >= m.right - s.shortLine * l.size;
    if (!start && prev) {
      const pitch = l.baseline - prev.baseline;
      const heading = isHeadingSize(l, bodySize);
      const indented = l.x0 - m.left >= s.indent * l.size;
      if (heading !== isHeadingSize(prev, bodySize)) start = true;
      else if (heading) start = pitch > 2 * Math.max(l.size, prev.size) || Math.abs(l.size - prev.size) > 0.1 * l.size;
      else if (pitch < 0) start = true;
      else if (pitch > s.paragraphGap * pitchRatio * Math.max(l.size, prev.size)) start = indented || !/[：:，,]$/.test(prevText) || pitch > 4 * l.size;
      else if (indented) start = true;
      else if (prev.x1 < m.right - s.shortLine * prev.size) start = true;
    }
    if (start) {
      cur = { lines: [l], page: l.page, heading: isHeadingSize(l, bodySize) };
      out.push(cur);
    } else cur!.lines.push(l);
    prev = l;
    prevText = text;
  }
  return out;
}

/** Table-of-contents leaders ("……… 12", "........ 3") and the page number after them. */
const LEADERS = /\s*(?:[.．·…⋯]{4,}|…{2,}|\.{2,}\s*\.{2,}|[-_]{6,})\s*\d{0,4}\s*$/;

export function stripLeaders(text: string): string {
  return text.replace(LEADERS, '');
}

export function hasLeaders(text: string): boolean {
  return LEADERS.test(text);
}
