/** Text normalisation shared by paragraphs and cells. */

const ZERO_WIDTH = /[\u200b-\u200d\u2060\ufeff\u00ad]/g;
// \s already covers NBSP, U+3000 and the other Unicode spaces; listed for the reader.
const SPACES = /[\s\u00a0\u3000]+/g;

const NEEDS_COLLAPSE = 1;
const MAY_HOLD_JUNK = 2;
const HAS_ZW = 4;

/** A character of JS's \s (= SPACES' class). */
function isSpace(c: number): boolean {
  if (c <= 0x20) return c === 0x20 || (c >= 0x09 && c <= 0x0d);
  if (c < 0xa0) return false;
  return (
    c === 0xa0 || c === 0x1680 || (c >= 0x2000 && c <= 0x200a) || c === 0x2028 || c === 0x2029 || c === 0x202f || c === 0x205f || c === 0x3000 || c === 0xfeff
  );
}

/**
 * One pass over s: NEEDS_COLLAPSE when it holds a character of \s (as JS defines it), a zero-width
 * one or a control character; HAS_ZW for a zero-width one; MAY_HOLD_JUNK when it holds a letter or
 * bracket every JUNK_HINT match starts with (p h t [, either case; /i without /u folds no non-ASCII
 * character to these). Most cell texts (numbers, short CJK labels) set none, and this loop is
 * several times cheaper than the regular expressions it spares.
 */
function scan(s: string): number {
  let flags = 0;
  for (let i = 0; i < s.length; i++) {
    const c = s.charCodeAt(i);
    if (c <= 0x20) flags |= NEEDS_COLLAPSE;
    else if (c < 0x80) {
      const l = c | 0x20;
      if (l === 0x70 || l === 0x68 || l === 0x74 || c === 0x5b) flags |= MAY_HOLD_JUNK;
    } else if (c < 0xa0) continue;
    else if (c === 0xad || (c >= 0x200b && c <= 0x200d) || c === 0x2060 || c === 0xfeff) flags |= NEEDS_COLLAPSE | HAS_ZW;
    else if (isSpace(c)) flags |= NEEDS_COLLAPSE;
  }
  return flags;
}

/**
 * Zero-width characters dropped, whitespace runs collapsed to one space, trimmed. Without a regular
 * expression when the only whitespace to change is at the ends (a bare NBSP cell, a padded label):
 * over half the cells of a Word table.
 */
function collapseAll(s: string, flags: number): string {
  if ((flags & HAS_ZW) !== 0) s = s.replace(ZERO_WIDTH, '');
  let a = 0;
  let b = s.length;
  while (a < b && isSpace(s.charCodeAt(a))) a++;
  while (b > a && isSpace(s.charCodeAt(b - 1))) b--;
  if (a === b) return '';
  for (let i = a + 1; i < b - 1; i++) {
    const c = s.charCodeAt(i);
    // Interior whitespace other than a lone ' ' needs the replacement (the ends are not spaces).
    if (isSpace(c) && (c !== 0x20 || isSpace(s.charCodeAt(i + 1)))) return s.slice(a, b).replace(SPACES, ' ');
  }
  return a === 0 && b === s.length ? s : s.slice(a, b);
}

/** Collapse every run of whitespace (NBSP, ideographic space included) to one space; trim. */
export function collapse(s: string): string {
  const flags = scan(s);
  return (flags & NEEDS_COLLAPSE) === 0 ? s : collapseAll(s, flags);
}

// Word/WPS residue that survives as literal text when a CMS escapes or strips markup.
// All patterns are linear (no nested quantifiers over the same characters).
const JUNK_HINT = /PAGEREF|HYPERLINK|TOC \\|\[(?:end)?if/i;
const JUNK: RegExp[] = [
  /<!--\[if[^\]]{0,200}\]>|<!\[if[^\]]{0,200}\]>|<!\[endif\]-->|<!\[endif\]>|\[endif\]-->/gi,
  /\bPAGEREF\s+_?Toc\d*\s*(?:\\[a-z*]\s*)*/gi,
  /\bHYPERLINK\s+(?:\\l\s+)?"[^"]{0,200}"\s*(?:\\[a-z]\s*)*/gi,
  /\bTOC\s+(?:\\[a-z]\s*(?:"[^"]{0,50}"\s*)?)+/g,
];

/** Strip recognisable Word field-code and conditional-comment residue, then collapse. */
export function cleanText(raw: string): string {
  const flags = scan(raw);
  if ((flags & MAY_HOLD_JUNK) !== 0 && JUNK_HINT.test(raw)) {
    let s = raw;
    for (let i = 0; i < JUNK.length; i++) s = s.replace(JUNK[i], ' ');
    return collapseAll(s, HAS_ZW);
  }
  return (flags & NEEDS_COLLAPSE) === 0 ? raw : collapseAll(raw, flags);
}
