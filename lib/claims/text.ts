/**
 * Sentences and the heading context of narrative paragraphs.
 */
import type { ParagraphBlock } from '../extract/types';
import type { Disclosure, Section } from '../model/types';

export interface Sentence {
  text: string;
  /** Offsets into the paragraph text. */
  start: number;
  end: number;
}

/** Is this UTF-16 unit matched by \s (WhiteSpace or LineTerminator)? A char-code test for hot loops. */
export function isSpaceCode(c: number): boolean {
  return (
    (c >= 9 && c <= 13) || c === 32 || c === 0xa0 || c === 0x1680 || (c >= 0x2000 && c <= 0x200a) || c === 0x2028 || c === 0x2029 || c === 0x202f || c === 0x205f || c === 0x3000 || c === 0xfeff
  );
}

const SENTENCE_END = /[。！？!?]+[”’"）)]*/g;

/** Split at 。！？ (kept with the sentence); a closing bracket/quote right after stays with it. */
export function splitSentences(text: string): Sentence[] {
  const out: Sentence[] = [];
  let start = 0;
  const re = SENTENCE_END;
  re.lastIndex = 0;
  // test() leaves lastIndex at the match end, all a split needs (exec built a match array per sentence).
  while (re.test(text)) {
    const end = re.lastIndex;
    pushSentence(out, text, start, end);
    start = end;
  }
  pushSentence(out, text, start, text.length);
  return out;
}

/** Trim leading/trailing whitespace but keep offsets exact. */
function pushSentence(out: Sentence[], text: string, s: number, e: number): void {
  while (s < e && isSpaceCode(text.charCodeAt(s))) s++;
  while (e > s && isSpaceCode(text.charCodeAt(e - 1))) e--;
  if (e > s) out.push({ text: text.slice(s, e), start: s, end: e });
}

/** 一 … 十 (the Chinese numerals of section numbers). */
function isCnNumeral(c: number): boolean {
  // 一 二 三 四 五 六 七 八 九 十
  return c === 0x4e00 || c === 0x4e8c || c === 0x4e09 || c === 0x56db || c === 0x4e94 || c === 0x516d || c === 0x4e03 || c === 0x516b || c === 0x4e5d || c === 0x5341;
}
const isAsciiDigit = (c: number): boolean => c >= 48 && c <= 57;
/** 、．. after a list number. */
const isListMark = (c: number): boolean => c === 0x3001 || c === 0xff0e || c === 0x2e;
const isOpen = (c: number): boolean => c === 0xff08 || c === 0x28;
const isClose = (c: number): boolean => c === 0xff09 || c === 0x29;

/** Index after the run of chars passing `ok` from j (j itself when none). */
function runEnd(text: string, j: number, ok: (c: number) => boolean): number {
  while (j < text.length && ok(text.charCodeAt(j))) j++;
  return j;
}

/**
 * Numbering level of a heading line: 1 第…部分, 2 一、, 3 （一）, 4 （1） or 1、 (not 1.5); else null.
 * Char codes, not five anchored regexes: every paragraph is asked, and in a first (cold) check each
 * regex was compiled for this one use.
 */
export function headingLevel(text: string): number | null {
  const n = text.length;
  let i = 0;
  while (i < n && isSpaceCode(text.charCodeAt(i))) i++;
  if (i === n) return null;
  const c = text.charCodeAt(i);
  if (c === 0x7b2c) {
    // 第…部分
    const j = runEnd(text, i + 1, isCnNumeral);
    return j > i + 1 && text.startsWith('部分', j) ? 1 : null;
  }
  if (isCnNumeral(c)) {
    const j = runEnd(text, i + 1, isCnNumeral);
    return j < n && isListMark(text.charCodeAt(j)) ? 2 : null;
  }
  if (isOpen(c)) {
    const k = runEnd(text, i + 1, isCnNumeral);
    if (k > i + 1) return k < n && isClose(text.charCodeAt(k)) ? 3 : null;
    const d = runEnd(text, i + 1, isAsciiDigit);
    return d > i + 1 && d < n && isClose(text.charCodeAt(d)) ? 4 : null;
  }
  if (isAsciiDigit(c)) {
    const j = runEnd(text, i + 1, isAsciiDigit);
    return j < n && isListMark(text.charCodeAt(j)) && !(j + 1 < n && isAsciiDigit(text.charCodeAt(j + 1))) ? 4 : null;
  }
  return null;
}

/** The heading's title: the text up to the first full stop (a heading line may carry body text). */
export function headingTitle(text: string): string {
  const i = text.indexOf('。');
  return (i >= 0 ? text.slice(0, i) : text).trim();
}

export interface ParaContext {
  paragraph: ParagraphBlock;
  /** Heading titles from the outermost to the innermost section containing this paragraph (its own if a heading). */
  headings: string[];
}

/**
 * Heading chain for every narrative paragraph. Uses Disclosure.sections when the section recogniser
 * produced them; otherwise the same numbering levels are scanned here so claims never depend on it.
 */
export function paragraphContexts(d: Disclosure): ParaContext[] {
  const toc = new Set(d.tocBlocks);
  const paras = d.paragraphs.filter((p) => !toc.has(p.index));
  // Chains by block index, in an array allocated at its full length (stores far past the end of an
  // empty array can turn it into a slow dictionary).
  let maxIndex = 0;
  for (const p of d.paragraphs) if (p.index > maxIndex) maxIndex = p.index;
  const fromSections = new Array<string[] | undefined>(maxIndex + 1);
  const walk = (ss: Section[], chain: string[]) => {
    for (const s of ss) {
      // Copy and push: Array.prototype.concat takes a slow generic path (spreadable checks).
      const c = chain.slice();
      c.push(s.title);
      fromSections[s.heading.index] = c;
      for (const p of s.paragraphs) fromSections[p.index] = c;
      walk(s.children, c);
    }
  };
  walk(d.sections ?? [], []);
  const out: ParaContext[] = [];
  const stack: { level: number; title: string }[] = [];
  // The chain changes only at a heading: paragraphs in between share one array (never mutated).
  let own: string[] = [];
  for (const p of paras) {
    const lvl = headingLevel(p.text);
    if (lvl !== null) {
      while (stack.length && stack[stack.length - 1].level >= lvl) stack.pop();
      stack.push({ level: lvl, title: headingTitle(p.text) });
      own = stack.map((s) => s.title);
    }
    const sec = fromSections[p.index];
    // The scan also sees 1、/（1） item headings; prefer it when it is at least as deep.
    out.push({ paragraph: p, headings: sec && sec.length > own.length ? sec : own });
  }
  return out;
}
