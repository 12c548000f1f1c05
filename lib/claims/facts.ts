/**
 * Sentence → facts. A fact is one stated quantity (an amount or a count) with what the sentence
 * says about it: its share of a whole (占P%), its change and growth against the previous year or the
 * budget (增加D万元，增长P%), its budget and completion rate (年初预算A，支出决算B，完成P%),
 * 持平 / 一致, the parts listed after 其中, and a stated previous value (上年度…N人，本年度…M人).
 * Fixed patterns only: a number whose role the patterns cannot name is left alone.
 */
import type { ParagraphBlock } from '../extract/types';
import type { Topic } from './topic';
import type { Num } from './numbers';
import { findNumbers } from './numbers';
import type { Sentence } from './text';
import { isSpaceCode } from './text';

export type Dir = 1 | -1;
export type Ref = 'prev' | 'budget';

export interface Rate {
  num: Num;
  dir: Dir;
  ref: Ref;
  /** What the comparison is against, named as the text names it: 上年数, 年初预算数, 全年预算数, 预算数. */
  base: string;
}

export interface Fact {
  /** The number is itself a change (比2024年度增加5.07万元) of a quantity not stated here. */
  changeOnly?: Rate;
  /** Label words before the number within its clause ("财政拨款收入", "年初预算为"). */
  label: string;
  /** The clause text before the number back to the previous number or sentence start. */
  wide: string;
  num: Num;
  sentence: Sentence;
  budget?: { label: string; num: Num };
  completion?: Num;
  share?: { num: Num; base: string };
  change?: Rate;
  growth?: Rate;
  /** 与上年持平 / 与预算数一致 stated about this quantity. */
  flat?: Ref;
  /** A stated previous-year value of the same quantity (上年度…30人 → 本年度…24人). */
  prev?: Fact;
  /** Parts listed after 其中 (same kind of number). */
  parts?: Fact[];
  whole?: Fact;
  /** Parts listed include a catch-all ("其他…") or the whole is "全部为…": the list is exhaustive. */
  exhaustive?: boolean;
  /** Separator style of the 其中 list (set by its second part); a ； in a 、-list closes it. */
  listSep?: 'semi' | 'comma';
  closed?: boolean;
}

/**
 * A fact with every field present from the start: the patterns fill in share, change, parts … later,
 * and objects that grew fields one by one had a dozen shapes, which made every field read in the
 * checks a slow (megamorphic) lookup.
 */
function newFact(label: string, wide: string, num: Num, sentence: Sentence, changeOnly: Rate | undefined): Fact {
  return {
    changeOnly,
    label,
    wide,
    num,
    sentence,
    budget: undefined,
    completion: undefined,
    share: undefined,
    change: undefined,
    growth: undefined,
    flat: undefined,
    prev: undefined,
    parts: undefined,
    whole: undefined,
    exhaustive: undefined,
    listSep: undefined,
    closed: undefined,
  };
}

/** A percentage that names its own rate, e.g. 办结率92.56%. */
export interface NamedRate {
  label: string;
  num: Num;
  sentence: Sentence;
  /** Counts of the same sentence, in order, with their labels. */
  counts: { label: string; num: Num }[];
}

/** A direction word comparing actual with budget or previous year: 决算数大于年初预算数. */
export interface Direction {
  word: 'gt' | 'lt' | 'eq';
  ref: Ref;
  text: string;
  sentence: Sentence;
}

export interface SentenceFacts {
  sentence: Sentence;
  facts: Fact[];
  rates: NamedRate[];
  directions: Direction[];
  /** Every non-year number of the sentence (claims found). */
  nums: Num[];
  /** The text says a percentage cannot be computed (无法计算). */
  cannotCompute: boolean;
  /** Template residue: "增加/减少" left unchosen, "主要原因是" followed by nothing. */
  residue: string[];
}

/** Where a sentence sits (one object per paragraph, shared by its sentences). */
export interface SentenceAt {
  paragraph: ParagraphBlock;
  headings: string[];
  topic: Topic;
  /** Index of the paragraph among analysed paragraphs. */
  pi: number;
}

const UP = /(增加|增长|上升|提高|增)了?$/;
const DOWN = /(减少|下降|降低|节约|减)了?$/;

/** ，,；;：:。！？ — a clause boundary (a char-code test: this runs for every char of every lead). */
function isBoundary(c: number): boolean {
  return c === 0xff0c || c === 0x2c || c === 0xff1b || c === 0x3b || c === 0xff1a || c === 0x3a || c === 0x3002 || c === 0xff01 || c === 0xff1f;
}

function clauseLead(text: string, from: number, to: number): string {
  let i = to;
  while (i > from && !isBoundary(text.charCodeAt(i - 1))) i--;
  return text.slice(i, to).trim();
}

const WS_G = /\s+/g;
const CLEAN_HEAD = /^[、，,；;：:）)]+/;
const CLEAN_WORDS = /^(其中|主要用于以下方面|主要包括|包括|分别为|另外|此外|以及|和|及|且)+/;
const CLEAN_TAIL = /(为|是|共计|达到|达)$/;

function hasSpace(s: string): boolean {
  for (let i = 0; i < s.length; i++) if (isSpaceCode(s.charCodeAt(i))) return true;
  return false;
}

/** First characters CLEAN_HEAD / CLEAN_WORDS can match, last characters CLEAN_TAIL can match (as char codes). */
const HEAD_CHARS = codes('、，,；;：:）)');
const WORD_CHARS = codes('其主包分另此以和及且');
const TAIL_CHARS = codes('为是计到达');

function codes(chars: string): Set<number> {
  const out = new Set<number>();
  for (let i = 0; i < chars.length; i++) out.add(chars.charCodeAt(i));
  return out;
}

// Each replace runs only when its first (or last) character can match: most leads need none.
function clean(label: string): string {
  let s = hasSpace(label) ? label.replace(WS_G, '') : label;
  if (s.length && HEAD_CHARS.has(s.charCodeAt(0))) s = s.replace(CLEAN_HEAD, '');
  if (s.length && WORD_CHARS.has(s.charCodeAt(0))) s = s.replace(CLEAN_WORDS, '');
  if (s.length && TAIL_CHARS.has(s.charCodeAt(s.length - 1))) s = s.replace(CLEAN_TAIL, '');
  return s;
}

const offset = (n: Num, base: number): Num => ({ kind: n.kind, value: n.value, decimals: n.decimals, unit: n.unit, text: n.text, start: n.start + base, end: n.end + base });

const COMPARE = /^(与|比|较|同比)?(上年度?|去年|上年同期|\d{4}年度?|(?:年初|全年|调整后?)预算数?|预算数?)?(相比|相较)?(决算数?|支出决算数?)?/;
const SAME_STRIP = /决算数?|支出|本年度?|\d{4}年度?/g;

/** Is `rest` (a label before a change word) the same quantity as `subject`? Empty = yes. */
function sameQuantity(rest: string, subject: Fact): boolean {
  if (!rest) return true;
  const a = rest.replace(SAME_STRIP, '');
  const b = subject.label.replace(SAME_STRIP, '');
  return a.length > 0 && b.length > 0 && (a.includes(b) || b.includes(a));
}

// Module-level regexes (no per-call literal objects); none is global or sticky, so .test keeps no state.
const OPENING = /^[；;，,。\s]+/;
const CONTINUES = /^(与|比|较|同比|其中)/;
const SHARE_BASE_HEAD = /^.*?占/;
const COMPLETION = /完成[^，,；;]*预算|预算[^，,；;]*完成|执行率/;
const RESIDUE_PCT = /(增加|增长|上升)[/／（(、](减少|下降)|(减少|下降)[/／（(、](增加|增长)/;
const GROWTH_UP = /(增长|上升|增加|提高)了?$/;
const GROWTH_DOWN = /(下降|减少|降低)了?$/;
const EXPLANATION = /^(由于|因为|因(?!公))/;
const RESIDUE_AMOUNT = /(增加|增长|上升)\s*[/／（(、]\s*(减少|下降)|(减少|下降)\s*[/／（(、]\s*(增加|增长)/;
const TOTAL_WORD = /^(总体|整体|总计|合计|共计|共|净)$/;
const BUDGET_END = /预算数?$/;
const ACTUAL_OR_EXEC = /决算|执行/;
const ACTUAL_WORD = /决算|执行数|实际/;
const THIS_YEAR = /^本年度?|^本年末|^今年/;
const LAST_YEAR = /^上年度?|^去年/;
const SEMI = /[；;]/;
const EMPTY_REASON = /(主要)?原因(是|为|：|:)[：:]?\s*[。；;]?\s*$/;
const OPEN_LIST_END = /其中[：:]?\s*$/;
const GT_WORD = /大于|高于|超过/;

// The characters an anchored pattern can end (or start) with: a char-code test before the regex,
// which most labels fail.
const UP_END = codes('加长升高增了');
const DOWN_END = codes('少降低约减了');
const GROWTH_UP_END = codes('长升加高了');
const GROWTH_DOWN_END = codes('降少低了');
const BUDGET_END_CHARS = codes('算数');
const EXPLANATION_START = codes('由因');
const THIS_YEAR_START = codes('本今');

/** Every template-residue pattern pairs 增加/增长 with 减少 or 下降: without either it cannot match. */
const hasDecrease = (s: string): boolean => s.includes('减少') || s.includes('下降');
const endsIn = (s: string, set: Set<number>): boolean => set.has(s.charCodeAt(s.length - 1));
const startsIn = (s: string, set: Set<number>): boolean => set.has(s.charCodeAt(0));
const LT_WORD = /小于|低于|少于/;

/** Non-year numbers of a paragraph text (offsets into it): analyse() finds them once per paragraph. */
export function paragraphNumbers(text: string): Num[] {
  return findNumbers(text, false);
}

/**
 * Facts of one sentence. Number offsets are rebased onto the paragraph.
 * `carry` is the last fact of the previous sentence of the paragraph: a sentence that opens with a
 * comparison (与上年相比，增加…) or with 其中 continues it.
 * `own` are the sentence's non-year numbers with paragraph offsets (from paragraphNumbers; a number
 * never spans a sentence end, so they are the sentence's own); found here when not given.
 */
export function sentenceFacts(s: Sentence, carry: Fact | null = null, own?: Num[]): SentenceFacts {
  return analyseSentence(s, carry, own, undefined);
}

/** sentenceFacts with the sentence's place, in one object (analyse() keeps it as the sentence's item). */
export function sentenceItem(s: Sentence, carry: Fact | null, own: Num[], at: SentenceAt): SentenceFacts & SentenceAt {
  return analyseSentence(s, carry, own, at) as SentenceFacts & SentenceAt;
}

function analyseSentence(s: Sentence, carry: Fact | null, own: Num[] | undefined, at: SentenceAt | undefined): SentenceFacts & Partial<SentenceAt> {
  const text = s.text;
  const base = s.start;
  let nums: Num[];
  if (own) nums = own;
  else {
    nums = [];
    for (const n of findNumbers(text, false)) nums.push(offset(n, base));
  }
  // A sentence without numbers states no fact (the shared empty list; never mutated).
  const facts: Fact[] = nums.length ? [] : NONE;
  // Rates, directions and residue are rare: allocated on first use, else the shared empty list.
  let rates: NamedRate[] | null = null;
  let directions: Direction[] | null = null;
  const flags = keyChars(text);
  // The carried fact matters only to this sentence's numbers.
  const continues = carry !== null && nums.length > 0 && CONTINUES.test(text.replace(OPENING, ''));
  let subject: Fact | null = continues ? carry : null;
  // Only 其中 can reach the previous sentence's fact (a part of its whole).
  const carryInPool = continues && /^其中/.test(text.replace(OPENING, ''));
  let pendingBudget: { label: string; num: Num } | null = null;
  let prevEnd = 0;
  // Counts before a named rate (allocated on the first count).
  let counts: { label: string; num: Num }[] | null = null;
  for (let ni = 0; ni < nums.length; ni++) {
    const num = nums[ni];
    const start = num.start - base;
    const end = num.end - base;
    const lead = clauseLead(text, prevEnd, start);
    const wide = text.slice(prevEnd, start).trim();
    prevEnd = end;
    if (num.kind === 'percent') {
      const l = lead.replace(WS_G, '');
      if (l.includes('占')) {
        if (subject) subject.share = { num, base: l.replace(SHARE_BASE_HEAD, '').replace(/的$/, '') };
      } else if ((l.includes('执行率') || (l.includes('预算') && l.includes('完成'))) && COMPLETION.test(l)) {
        if (subject) subject.completion = num;
      } else if (l.endsWith('率')) {
        (rates ??= []).push({ label: l, num, sentence: s, counts: counts ? counts.slice() : [] });
      } else if (hasDecrease(l) && RESIDUE_PCT.test(l)) {
        // template residue: no direction
      } else if (endsIn(l, GROWTH_UP_END) && GROWTH_UP.test(l)) {
        if (subject) subject.growth = growthRate(num, 1, subject, wide);
      } else if (endsIn(l, GROWTH_DOWN_END) && GROWTH_DOWN.test(l)) {
        if (subject) subject.growth = growthRate(num, -1, subject, wide);
      }
      continue;
    }
    const l = clean(lead);
    // "由于预算数为0万元，无法计算…": an explanation, not a claim.
    if (startsIn(l, EXPLANATION_START) && EXPLANATION.test(l)) continue;
    if (num.kind === 'count') (counts ??= []).push({ label: l, num });
    // Template residue "增加/减少", "增加（减少）": no direction is stated, so no change claim.
    if (hasDecrease(lead) && RESIDUE_AMOUNT.test(lead)) continue;
    const up = endsIn(l, UP_END) && UP.test(l);
    if ((up || (endsIn(l, DOWN_END) && DOWN.test(l))) && !lead.endsWith('为')) {
      const dir: Dir = up ? 1 : -1;
      const rest = l.replace(UP, '').replace(DOWN, '').replace(COMPARE, '').replace(COMPARE, '').replace(TOTAL_WORD, '');
      const refText = wide + l;
      const ref = refOf(refText);
      const refBase = baseNameOf(refText, ref);
      // "减少6人" right after "本年度公务员24人" is the change of that quantity.
      if (subject && !subject.change && !subject.changeOnly && subject.num.kind === num.kind && sameQuantity(rest, subject)) {
        subject.change = { num, dir, ref, base: refBase };
        continue;
      }
      // "…支出决算数比2024年度增加5.07万元": the change of a quantity the sentence does not state.
      const f = newFact(rest, wide, num, s, { num, dir, ref, base: refBase });
      const q = flags & K_QI ? text.lastIndexOf('其中', start) : -1;
      if (q >= 0) {
        // The last fact of the same kind before 其中 that is not itself a part.
        for (let i = facts.length - 1; i >= 0; i--) {
          const x = facts[i];
          if (x.num.start - base < q && x.num.kind === num.kind && !x.whole) {
            f.whole = x;
            (x.parts ??= []).push(f);
            break;
          }
        }
      }
      facts.push(f);
      subject = f;
      continue;
    }
    if (num.kind === 'amount' && endsIn(l, BUDGET_END_CHARS) && BUDGET_END.test(l) && !ACTUAL_OR_EXEC.test(l)) {
      pendingBudget = { label: l, num };
      const f = newFact(l, wide, num, s, undefined);
      facts.push(f);
      subject = f;
      continue;
    }
    const f = newFact(l, wide, num, s, undefined);
    if (pendingBudget && num.kind === 'amount' && ACTUAL_WORD.test(l)) {
      // 年初预算A，支出决算B: B is the actual of A's quantity; drop the separate budget fact.
      f.budget = pendingBudget;
      const i = facts.findIndex((x) => x.num === pendingBudget!.num);
      if (i >= 0) facts.splice(i, 1);
      pendingBudget = null;
    }
    // 上年度…30人，本年度…24人: a stated previous value.
    if (subject && startsIn(l, THIS_YEAR_START) && THIS_YEAR.test(l) && LAST_YEAR.test(subject.label) && subject.num.kind === num.kind) {
      f.prev = subject;
      const i = facts.indexOf(subject);
      if (i >= 0) facts.splice(i, 1);
    }
    // 其中 parts: a number after 其中 is a part of the last fact of its kind (and count unit) before 其中.
    const qi = flags & K_QI ? text.lastIndexOf('其中', start) : -1;
    // A number inside brackets opened after 其中 ("国内接待0.5万元（含外宾接待0.1万元）") is a part of a part.
    if (qi >= 0 && depth(text, qi, start) === 0) {
      // Search back through this sentence's facts, then the carried fact (it precedes them all).
      let w: Fact | undefined;
      for (let i = facts.length - 1; i >= 0 && !w; i--) if (isWholeFor(facts[i], facts[i].num.start - base, qi, num)) w = facts[i];
      if (!w && carryInPool && isWholeFor(carry!, -1, qi, num)) w = carry!;
      // A number followed by its own 其中 starts a new list; it is not a part of the previous one.
      const nextStart = ni + 1 < nums.length ? nums[ni + 1].start - base : text.length;
      const own = text.indexOf('其中', end);
      const ownList = own >= 0 && own + 2 <= nextStart;
      if (w && !w.closed && !ownList) {
        const lastEnd = w.parts?.length ? w.parts[w.parts.length - 1].num.end - base : qi;
        const sep = SEMI.test(text.slice(Math.max(0, lastEnd), start)) ? 'semi' : 'comma';
        if (w.parts?.length === 1) w.listSep = sep;
        if (w.parts && w.parts.length >= 2 && sep === 'semi' && w.listSep !== 'semi') w.closed = true;
        else {
          f.whole = w;
          (w.parts ??= []).push(f);
          if (l.startsWith('其他')) w.exhaustive = true;
          if (text.slice(Math.max(0, w.num.end - base), qi).includes('全部为')) w.exhaustive = true;
        }
      }
    }
    facts.push(f);
    subject = f;
  }
  // Cheap substring tests first (most sentences have none of these words), and exec loops over
  // module-level regexes: matchAll clones its regex on every call. None can match the empty string.
  const hasWith = (flags & K_WITH) !== 0;
  if ((flags & K_JUE && text.includes('决算')) || (flags & K_ZHI && text.includes('执行数'))) {
    for (let m = firstMatch(DIRECTION_RE, text); m; m = DIRECTION_RE.exec(text)) {
      const w = m[1];
      (directions ??= []).push({
        word: GT_WORD.test(w) ? 'gt' : LT_WORD.test(w) ? 'lt' : 'eq',
        ref: m[2] === '上年' ? 'prev' : 'budget',
        text: m[0],
        sentence: s,
      });
    }
  }
  if (hasWith) for (let m = firstMatch(SAME_AS_RE, text); m; m = SAME_AS_RE.exec(text)) (directions ??= []).push({ word: 'eq', ref: m[1] === '上年' ? 'prev' : 'budget', text: m[0], sentence: s });
  // 与上年持平 right after a quantity: its change is 0.
  if (hasWith && flags & K_CHI && text.includes('持平')) {
    for (let m = firstMatch(FLAT_RE, text); m; m = FLAT_RE.exec(text)) {
      const at = m.index;
      for (let i = facts.length - 1; i >= 0; i--) {
        if (facts[i].num.start - base < at) {
          facts[i].flat = 'prev';
          break;
        }
      }
    }
  }
  let residue: string[] | null = null;
  if ((flags & K_JIAN && text.includes('减少')) || (flags & K_XIA && text.includes('下降'))) for (let m = firstMatch(UNCHOSEN_RE, text); m; m = UNCHOSEN_RE.exec(text)) (residue ??= []).push(m[0]);
  if (flags & K_YUAN && text.includes('原因') && EMPTY_REASON.test(text) && !OPEN_LIST_END.test(text)) (residue ??= []).push('主要原因是（空）');
  // "占98.24；": a share printed without its % sign.
  if (flags & K_ZHAN) for (let m = firstMatch(SHARE_NO_SIGN_RE, text); m; m = SHARE_NO_SIGN_RE.exec(text)) (residue ??= []).push(`占${m[1]}（缺少%）`);
  // One object per sentence: analyse() keeps it as the sentence's item (no copy with its place).
  return {
    sentence: s,
    facts,
    rates: rates ?? NONE,
    directions: directions ?? NONE,
    nums,
    cannotCompute: (flags & K_WU) !== 0 && text.includes('无法计算'),
    residue: residue ?? NONE,
    paragraph: at?.paragraph,
    headings: at?.headings,
    topic: at?.topic,
    pi: at?.pi,
  };
}

// First characters of the words sentenceFacts looks for, found in one pass over the sentence
// (nine substring searches per sentence cost more than one scan).
const K_WITH = 1; // 与
const K_JUE = 2; // 决算
const K_ZHI = 4; // 执行数
const K_CHI = 8; // 持平
const K_JIAN = 16; // 减少
const K_XIA = 32; // 下降
const K_YUAN = 64; // 原因
const K_ZHAN = 128; // 占
const K_WU = 256; // 无法计算
const K_QI = 512; // 其中

function keyChars(text: string): number {
  // indexOf is a native scan in every tier (a JS char loop was slow until optimised).
  let f = 0;
  if (text.indexOf('与') !== -1) f |= K_WITH;
  if (text.indexOf('决') !== -1) f |= K_JUE;
  if (text.indexOf('执') !== -1) f |= K_ZHI;
  if (text.indexOf('持') !== -1) f |= K_CHI;
  if (text.indexOf('减') !== -1) f |= K_JIAN;
  if (text.indexOf('下') !== -1) f |= K_XIA;
  if (text.indexOf('原') !== -1) f |= K_YUAN;
  if (text.indexOf('占') !== -1) f |= K_ZHAN;
  if (text.indexOf('无') !== -1) f |= K_WU;
  if (text.indexOf('其') !== -1) f |= K_QI;
  return f;
}

/** Can `x` (its number at sentence offset `pos`) be the whole of a part `num` listed after 其中 at `qi`? */
function isWholeFor(x: Fact, pos: number, qi: number, num: Num): boolean {
  return pos < qi && x.num.kind === num.kind && (num.kind !== 'count' || x.num.unit === num.unit) && !x.whole;
}

const DIRECTION_RE = /(?:决算数?|执行数)(?:[^，,。；;]{0,6}?)(大于|小于|高于|低于|超过|少于|等于)(上年|年初预算|预算)/g;
const SAME_AS_RE = /与(上年|年初预算|预算)数?(一致|持平|相等|相同)/g;
const FLAT_RE = /与(上年|\s*\d{4}\s*年度?)(?:相比)?持平/g;
/**
 * Where a residue entry of sentenceFacts sits in its sentence's text (offsets into that text), so a
 * finding can mark it: the unchosen "增加/减少", the "占76.23" without its %, the empty "原因是".
 */
export function residueRange(text: string, r: string): { start: number; end: number } | null {
  const share = /^占(.*)（缺少%）$/.exec(r);
  if (share) {
    const re = new RegExp(SHARE_NO_SIGN_RE.source, 'g');
    for (let m = re.exec(text); m; m = re.exec(text)) if (m[1] === share[1]) return { start: m.index, end: m.index + m[0].trimEnd().length };
    return null;
  }
  if (r === '主要原因是（空）') {
    const i = text.lastIndexOf('原因');
    return i < 0 ? null : { start: text.lastIndexOf('主要', i) === i - 2 ? i - 2 : i, end: i + 3 <= text.length ? i + 3 : i + 2 };
  }
  const i = text.indexOf(r);
  return i < 0 ? null : { start: i, end: i + r.length };
}

const UNCHOSEN_RE = /(增加|增长|上升)\s*[/／（(、]\s*(减少|下降)[）)]?|(减少|下降)\s*[/／（(、]\s*(增加|增长)[）)]?/g;
const SHARE_NO_SIGN_RE = /占[^0-9０-９，,；;。%％]{0,12}?([0-9０-９]+(?:[.．][0-9０-９]+)?)\s*(?=[，,；;。]|$)/g;
/** The empty rates/directions/residue of most sentences (shared; never mutated). */
const NONE: never[] = [];

/** The first match of a global regex from the start; loop on with re.exec (no array of all matches). */
function firstMatch(re: RegExp, text: string): RegExpExecArray | null {
  re.lastIndex = 0;
  return re.exec(text);
}

/** Bracket depth of `to` relative to `from`. */
function depth(text: string, from: number, to: number): number {
  let d = 0;
  // Char codes: indexing a CJK string by text[i] makes a new one-char string each time.
  for (let i = from; i < to; i++) {
    const c = text.charCodeAt(i);
    if (c === 0xff08 || c === 0x28) d++;
    else if ((c === 0xff09 || c === 0x29) && d > 0) d--;
  }
  return d;
}

/**
 * What a change or rate is measured against: the nearest clause (back from the number) that names a
 * reference — 上年/去年/同期/a year (the previous year) or 预算 (the budget). A budget named earlier in
 * the sentence ("完成预算的81.22%；与上年相比增加7.09万元") does not make a year-on-year change a
 * budget one.
 */
function refOf(text: string): Ref {
  if (!text.includes('预算')) return 'prev';
  const clauses = text.split(/[，,；;。：:]/);
  for (let i = clauses.length - 1; i >= 0; i--) {
    const c = clauses[i];
    if (c.includes('预算')) return 'budget';
    if (/上年|去年|同期|上一年|\d{4}\s*年/.test(c)) return 'prev';
  }
  return 'budget';
}

/** The rate's denominator named by what it is (issue 16, class 10). */
function baseNameOf(text: string, ref: Ref): string {
  if (ref === 'prev') return '上年数';
  const clauses = text.split(/[，,；;。：:]/);
  for (let i = clauses.length - 1; i >= 0; i--) {
    const c = clauses[i];
    if (!c.includes('预算')) continue;
    if (c.includes('年初预算')) return '年初预算数';
    if (c.includes('全年预算') || c.includes('调整预算') || c.includes('调整后预算')) return '全年预算数';
    return '预算数';
  }
  return '预算数';
}

function growthRate(num: Num, dir: Dir, subject: Fact, wide: string): Rate {
  const ch = subject.change ?? subject.changeOnly;
  if (ch) return { num, dir, ref: ch.ref, base: ch.base };
  const ref = refOf(wide);
  return { num, dir, ref, base: baseNameOf(wide, ref) };
}
