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
const SPACE = /\s/;

/** Split at 。！？ (kept with the sentence); a closing bracket/quote right after stays with it. */
export function splitSentences(text: string): Sentence[] {
  const out: Sentence[] = [];
  let start = 0;
  const re = SENTENCE_END;
  re.lastIndex = 0;
  let m: RegExpExecArray | null;
  while ((m = re.exec(text))) {
    const end = m.index + m[0].length;
    pushSentence(out, text, start, end);
    start = end;
  }
  pushSentence(out, text, start, text.length);
  return out;
}

/** Trim leading/trailing whitespace but keep offsets exact. */
function pushSentence(out: Sentence[], text: string, s: number, e: number): void {
  while (s < e && SPACE.test(text[s])) s++;
  while (e > s && SPACE.test(text[e - 1])) e--;
  if (e > s) out.push({ text: text.slice(s, e), start: s, end: e });
}

const CN = '[一二三四五六七八九十]+';
const HEADING_LEVELS: [number, RegExp][] = [
  [1, new RegExp(`^\\s*第${CN}部分`)],
  [2, new RegExp(`^\\s*${CN}[、．.]`)],
  [3, new RegExp(`^\\s*[（(]${CN}[）)]`)],
  [4, /^\s*[（(]\d+[）)]/],
  [4, /^\s*\d+[、．.](?!\d)/],
];

/** Characters a heading can start with (after spaces): 第 一…十 （ ( 0-9. */
const HEAD_START = new Set(Array.from('第一二三四五六七八九十（(0123456789', (c) => c.charCodeAt(0)));

export function headingLevel(text: string): number | null {
  // A char test on the first non-space character rules out most body paragraphs before the five patterns run.
  let i = 0;
  while (i < text.length && isSpaceCode(text.charCodeAt(i))) i++;
  if (i === text.length || !HEAD_START.has(text.charCodeAt(i))) return null;
  for (const [lvl, re] of HEADING_LEVELS) if (re.test(text)) return lvl;
  return null;
}

/** The heading's title: the text up to the first full stop (a heading line may carry body text). */
export function headingTitle(text: string): string {
  const i = text.search(/[。]/);
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
  // Chains by block index (an array: a few hundred small integer keys).
  const fromSections: (string[] | undefined)[] = [];
  const walk = (ss: Section[], chain: string[]) => {
    for (const s of ss) {
      const c = chain.concat(s.title);
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
