/**
 * Page furniture: running headers/footers (the same text, digits aside, in the top or bottom band
 * of many pages) and page numbers ("3", "- 3 -", "第 3 页 共 25 页", "3/25") are dropped.
 */
import type { PdfSettings } from './settings';
import type { TextLine } from './types';
import { joinPieces } from './textlines';

export interface PageLines {
  page: number;
  height: number;
  lines: TextLine[];
}

const PAGE_NUMBER = /^(?:[-—–―－~·•\s]*\d{1,4}[-—–―－~·•\s]*|第\s*\d{1,4}\s*页(?:\s*[,，/]?\s*共\s*\d{1,4}\s*页)?|\d{1,4}\s*\/\s*\d{1,4}|page\s*\d{1,4}(?:\s*of\s*\d{1,4})?|[-—–]?\s*[ivxlc]{1,6}\s*[-—–]?)$/i;

export function isPageNumber(text: string): boolean {
  return PAGE_NUMBER.test(text.trim());
}

function key(text: string): string {
  return text.replace(/\s+/g, '').replace(/\d+/g, '#');
}

function inBand(l: TextLine, height: number, s: PdfSettings): boolean {
  return l.bottom < height * s.marginBand || l.top > height * (1 - s.marginBand);
}

/** Removes running headers/footers and page numbers in place; returns how many lines were dropped. */
export function dropFurniture(pages: PageLines[], s: PdfSettings): number {
  const seen = new Map<string, Set<number>>();
  for (const p of pages) {
    for (const l of p.lines) {
      if (!inBand(l, p.height, s)) continue;
      const k = key(joinPieces(l.pieces));
      let set = seen.get(k);
      if (!set) seen.set(k, (set = new Set()));
      set.add(p.page);
    }
  }
  const need = Math.max(3, Math.ceil(pages.length * s.runningShare));
  let dropped = 0;
  for (const p of pages) {
    p.lines = p.lines.filter((l) => {
      if (!inBand(l, p.height, s)) return true;
      const text = joinPieces(l.pieces);
      const drop = isPageNumber(text) || (seen.get(key(text))?.size ?? 0) >= need;
      if (drop) dropped++;
      return !drop;
    });
  }
  return dropped;
}
