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

/** Split at 。！？ (kept with the sentence); a closing bracket/quote right after stays with it. */
export function splitSentences(text: string): Sentence[] {
  const out: Sentence[] = [];
  let start = 0;
  const re = /[。！？!?]+[”’"）)]*/g;
  let m: RegExpExecArray | null;
  while ((m = re.exec(text))) {
    const end = m.index + m[0].length;
    push(start, end);
    start = end;
  }
  push(start, text.length);
  function push(s: number, e: number) {
    // Trim leading/trailing whitespace but keep offsets exact.
    while (s < e && /\s/.test(text[s])) s++;
    while (e > s && /\s/.test(text[e - 1])) e--;
    if (e > s) out.push({ text: text.slice(s, e), start: s, end: e });
  }
  return out;
}

const CN = '[一二三四五六七八九十]+';
const HEADING_LEVELS: [number, RegExp][] = [
  [1, new RegExp(`^\\s*第${CN}部分`)],
  [2, new RegExp(`^\\s*${CN}[、．.]`)],
  [3, new RegExp(`^\\s*[（(]${CN}[）)]`)],
  [4, /^\s*[（(]\d+[）)]/],
  [4, /^\s*\d+[、．.](?!\d)/],
];

export function headingLevel(text: string): number | null {
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
  const fromSections = new Map<number, string[]>();
  const walk = (ss: Section[], chain: string[]) => {
    for (const s of ss) {
      const c = [...chain, s.title];
      fromSections.set(s.heading.index, c);
      for (const p of s.paragraphs) fromSections.set(p.index, c);
      walk(s.children, c);
    }
  };
  walk(d.sections ?? [], []);
  const out: ParaContext[] = [];
  const stack: { level: number; title: string }[] = [];
  for (const p of paras) {
    const lvl = headingLevel(p.text);
    if (lvl !== null) {
      while (stack.length && stack[stack.length - 1].level >= lvl) stack.pop();
      stack.push({ level: lvl, title: headingTitle(p.text) });
    }
    const own = stack.map((s) => s.title);
    const sec = fromSections.get(p.index);
    // The scan also sees 1、/（1） item headings; prefer it when it is at least as deep.
    out.push({ paragraph: p, headings: sec && sec.length > own.length ? sec : own });
  }
  return out;
}
