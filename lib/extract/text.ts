/** Text normalisation shared by paragraphs and cells. */

const ZERO_WIDTH = /[\u200b-\u200d\u2060\ufeff\u00ad]/g;
const HAS_ZERO_WIDTH = /[\u200b-\u200d\u2060\ufeff\u00ad]/;
// \s already covers NBSP, U+3000 and the other Unicode spaces; listed for the reader.
const SPACES = /[\s\u00a0\u3000]+/g;

/**
 * Whether s may change under collapse: holds a character of \s (as JS defines it), a zero-width
 * one or a control character. A char loop: most cell texts (numbers, short CJK labels) hold none,
 * and this is several times cheaper than running the replacements on them.
 */
function needsCollapse(s: string): boolean {
  for (let i = 0; i < s.length; i++) {
    const c = s.charCodeAt(i);
    if (c <= 0x20) return true;
    if (c < 0xa0) continue;
    if (c === 0xa0 || c === 0xad || c === 0x1680 || c === 0x3000 || c === 0xfeff) return true;
    if (c >= 0x2000 && c <= 0x2060 && (c <= 0x200d || c === 0x2028 || c === 0x2029 || c === 0x202f || c === 0x205f || c === 0x2060)) return true;
  }
  return false;
}

/** Collapse every run of whitespace (NBSP, ideographic space included) to one space; trim. */
export function collapse(s: string): string {
  if (!needsCollapse(s)) return s;
  if (HAS_ZERO_WIDTH.test(s)) s = s.replace(ZERO_WIDTH, '');
  return s.replace(SPACES, ' ').trim();
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
  let s = raw;
  if (JUNK_HINT.test(s)) {
    for (let i = 0; i < JUNK.length; i++) s = s.replace(JUNK[i], ' ');
  }
  return collapse(s);
}
