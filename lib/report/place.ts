/**
 * Where a quoted span sits on a PDF page. The PDF reader puts each word/number of a paragraph in
 * its own element with data-page/data-box; the span's offsets (into the paragraph's collapsed
 * text) are mapped back to those elements, and the boxes on the span's first page are united.
 * HTML paragraphs carry no data-box: null.
 */
import type { TextSpan } from '../checks/types';
import { toInt } from '../int';

function parseBox(s: string | null): number[] | null {
  if (!s) return null;
  const nums = s.trim().split(/\s+/).map(Number);
  return nums.length === 4 && nums.every((n) => Number.isFinite(n)) ? nums : null;
}

export function spanPlace(span: TextSpan | undefined): { page: number; box: number[] } | null {
  const el = span?.paragraph.el;
  if (!span || !el || !el.hasAttribute('data-page')) return null;
  // Rebuild the paragraph's collapsed text (runs of blanks → one space, leading blanks dropped),
  // noting the range each boxed element covers.
  let len = 0;
  let pendingSpace = false;
  const ranges: { start: number; end: number; page: number; box: number[] }[] = [];
  const walk = (node: Node, boxed: { page: number; box: number[]; start: number } | null) => {
    for (let c = node.firstChild; c; c = c.nextSibling) {
      if (c.nodeType === 3) {
        for (const ch of c.nodeValue ?? '') {
          if (/\s/.test(ch)) {
            if (len > 0) pendingSpace = true;
          } else {
            if (pendingSpace) len++;
            pendingSpace = false;
            len++;
          }
        }
      } else if (c.nodeType === 1) {
        const e = c as Element;
        const box = parseBox(e.getAttribute('data-box'));
        if (box && !boxed) {
          const start = len + (pendingSpace ? 1 : 0);
          walk(e, { page: toInt(e.getAttribute('data-page') ?? ''), box, start });
          ranges.push({ start, end: len, page: toInt(e.getAttribute('data-page') ?? ''), box });
        } else walk(e, boxed);
      }
    }
  };
  walk(el, null);
  const hit = ranges.filter((r) => r.end > span.start && r.start < span.end);
  if (hit.length === 0) return null;
  const page = hit[0].page;
  const on = hit.filter((r) => r.page === page);
  const r2 = (v: number) => Math.round(v * 100) / 100;
  return {
    page,
    box: [r2(Math.min(...on.map((r) => r.box[0]))), r2(Math.min(...on.map((r) => r.box[1]))), r2(Math.max(...on.map((r) => r.box[2]))), r2(Math.max(...on.map((r) => r.box[3])))],
  };
}
