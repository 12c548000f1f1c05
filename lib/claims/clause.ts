/**
 * The clause a narrative finding is about: the smallest span of its sentence that holds the numbers
 * (or words) the finding names and the subject words before them. The marks highlight it instead of
 * the whole sentence, so a list sentence with several claims shows the wrong item, not the list.
 */
import { splitSentences } from './text';

export interface Range {
  start: number;
  end: number;
}

export interface ClauseAt {
  /** The ranges (paragraph offsets) the finding names; the first is the stated value at fault. */
  at: readonly (Range | null | undefined)[];
  /** Mark the ranges only (a name or a placeholder), not back to the clause start. */
  exact?: boolean;
}

/** ，,；;：:。！？!?、 — where a clause (or a list item) starts. */
function isClauseBoundary(c: number): boolean {
  return (
    c === 0xff0c || c === 0x2c || c === 0xff1b || c === 0x3b || c === 0xff1a || c === 0x3a || c === 0x3002 || c === 0xff01 || c === 0xff1f || c === 0x21 || c === 0x3f || c === 0x3001
  );
}

const isSpace = (c: number): boolean => c === 0x20 || c === 0xa0 || c === 0x3000 || (c >= 9 && c <= 13);

/** The sentence of `text` holding offset `pos`: `s` itself when it does. */
export function sentenceAt(text: string, s: Range, pos: number): Range {
  if (pos >= s.start && pos < s.end) return s;
  return splitSentences(text).find((x) => pos >= x.start && pos < x.end) ?? s;
}

/**
 * The clause of `text` (a paragraph) holding `mark.at` within one sentence, and that sentence.
 * The sentence is the one holding the first range (the stated value at fault), which is not always
 * `s`: a fact carried over from the sentence before is checked against numbers of this one.
 * Ranges outside that sentence are left out. Null when no range lies in the paragraph.
 */
export function clauseOf(text: string, s: Range, mark: ClauseAt): { clause: Range; sentence: Range } | null {
  const ranges = mark.at.filter((r): r is Range => !!r && r.end > r.start && r.start >= 0 && r.end <= text.length);
  if (ranges.length === 0) return null;
  const sentence = sentenceAt(text, s, ranges[0].start);
  const inside = ranges.filter((r) => r.start >= sentence.start && r.end <= sentence.end);
  if (inside.length === 0) return null;
  let start = Math.min(...inside.map((r) => r.start));
  const end = Math.max(...inside.map((r) => r.end));
  if (!mark.exact) {
    while (start > sentence.start && !isClauseBoundary(text.charCodeAt(start - 1))) start--;
    while (start < end && isSpace(text.charCodeAt(start))) start++;
  }
  return { clause: { start, end }, sentence };
}

const NUMERIC = /^[-−+]?[0-9０-９]/;

/**
 * A finding's own stated value (its `actual`) found in its sentence, when it occurs there exactly
 * once: the clause of a number, or the words themselves. Null when absent or ambiguous.
 */
export function clauseOfStated(text: string, s: Range, actual: string | null): { clause: Range; sentence: Range } | null {
  const needle = actual?.trim() ?? '';
  const numeric = NUMERIC.test(needle);
  if (!needle || (!numeric && needle.length < 2)) return null;
  const sentence = text.slice(s.start, s.end);
  const first = sentence.indexOf(needle);
  if (first < 0 || sentence.indexOf(needle, first + 1) >= 0) return null;
  // A number must not be part of a longer one (8.5 inside 18.52).
  if (numeric) {
    const before = sentence.charCodeAt(first - 1);
    const after = sentence.charCodeAt(first + needle.length);
    const digitish = (c: number) => (c >= 48 && c <= 57) || (c >= 0xff10 && c <= 0xff19) || c === 0x2e || c === 0xff0e;
    if (digitish(before) || digitish(after)) return null;
  }
  const at = { start: s.start + first, end: s.start + first + needle.length };
  return clauseOf(text, s, { at: [at], exact: !numeric });
}
