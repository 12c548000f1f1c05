/**
 * collapse's fast path (issue 6: a char loop returns strings that need no change untouched) must
 * agree with the plain regex collapse on every character and on random mixes.
 */
import { describe, expect, it } from 'vitest';
import fc from 'fast-check';
import { cleanText, collapse } from '../../lib/extract/text';

const JUNK: RegExp[] = [
  /<!--\[if[^\]]{0,200}\]>|<!\[if[^\]]{0,200}\]>|<!\[endif\]-->|<!\[endif\]>|\[endif\]-->/gi,
  /\bPAGEREF\s+_?Toc\d*\s*(?:\\[a-z*]\s*)*/gi,
  /\bHYPERLINK\s+(?:\\l\s+)?"[^"]{0,200}"\s*(?:\\[a-z]\s*)*/gi,
  /\bTOC\s+(?:\\[a-z]\s*(?:"[^"]{0,50}"\s*)?)+/g,
];
/** cleanText as it was before the single-scan fast path. */
const cleanReference = (raw: string) => {
  let s = raw;
  if (/PAGEREF|HYPERLINK|TOC \\|\[(?:end)?if/i.test(s)) for (const re of JUNK) s = s.replace(re, ' ');
  return reference(s);
};
const reference = (s: string) => s.replace(/[\u200b-\u200d\u2060\ufeff\u00ad]/g, '').replace(/[\s\u00a0\u3000]+/g, ' ').trim();

describe('collapse = the regex reference', () => {
  it('on every BMP character alone, between letters and repeated', () => {
    for (let c = 0; c <= 0xffff; c++) {
      const ch = String.fromCharCode(c);
      for (const s of [ch, `a${ch}b`, `${ch}${ch}x`]) if (collapse(s) !== reference(s)) throw new Error(`U+${c.toString(16)} in ${JSON.stringify(s)}`);
    }
    expect(collapse('\u3000合计\u00a0 1.00 ')).toBe('合计 1.00');
    expect(collapse('a\u200bb')).toBe('ab');
  });

  it('on random strings (property)', () => {
    const ch = fc.constantFrom('a', '1', '合', ' ', '\n', '\t', '\u00a0', '\u3000', '\u200b', '\u00ad', '\ufeff', '\u2028', '\u205f', '\u2060', '\u0085', '\u001f', '.');
    fc.assert(
      fc.property(fc.array(ch, { maxLength: 12 }).map((a) => a.join('')), (s) => {
        expect(collapse(s)).toBe(reference(s));
      }),
      { numRuns: 3000 },
    );
  });

  it('cleanText on random Word residue (property)', () => {
    const piece = fc.constantFrom('PAGEREF', 'pageref', 'Pageref', ' _Toc123', ' \\h', ' \\l ', 'HYPERLINK', ' "#_Toc1"', 'TOC', ' \\o "1-3"', '[if', '[endif]', '<!--', '-->', ']>', '<![', ' ', '\u3000', '\u00a0', '\u200b', '合计', '1.00', 'ſ', 'K', 'x', '\n');
    fc.assert(
      fc.property(fc.array(piece, { maxLength: 10 }).map((a) => a.join('')), (s) => {
        expect(cleanText(s)).toBe(cleanReference(s));
      }),
      { numRuns: 5000 },
    );
    expect(cleanText('目录 PAGEREF _Toc12 \\h 3')).toBe('目录 3');
    expect(cleanText('1,234.56')).toBe('1,234.56');
  });
});
