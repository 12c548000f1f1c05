/**
 * Sentence → facts. A fact is one stated quantity (an amount or a count) with what the sentence
 * says about it: its share of a whole (占P%), its change and growth against the previous year or the
 * budget (增加D万元，增长P%), its budget and completion rate (年初预算A，支出决算B，完成P%),
 * 持平 / 一致, the parts listed after 其中, and a stated previous value (上年度…N人，本年度…M人).
 * Fixed patterns only: a number whose role the patterns cannot name is left alone.
 */
import type { Num } from './numbers';
import { findNumbers } from './numbers';
import type { Sentence } from './text';

export type Dir = 1 | -1;
export type Ref = 'prev' | 'budget';

export interface Rate {
  num: Num;
  dir: Dir;
  ref: Ref;
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

const BOUNDARY = /[，,；;：:。！？]/;
const UP = /(增加|增长|上升|提高|增)了?$/;
const DOWN = /(减少|下降|降低|节约|减)了?$/;

function clauseLead(text: string, from: number, to: number): string {
  let i = to;
  while (i > from && !BOUNDARY.test(text[i - 1])) i--;
  return text.slice(i, to).trim();
}

function clean(label: string): string {
  return label
    .replace(/\s+/g, '')
    .replace(/^[、，,；;：:）)]+/, '')
    .replace(/^(其中|主要用于以下方面|主要包括|包括|分别为|另外|此外|以及|和|及|且)+/, '')
    .replace(/(为|是|共计|达到|达)$/, '');
}

const offset = (n: Num, base: number): Num => ({ kind: n.kind, value: n.value, decimals: n.decimals, unit: n.unit, text: n.text, start: n.start + base, end: n.end + base });

const COMPARE = /^(与|比|较|同比)?(上年度?|去年|上年同期|\d{4}年度?|年初预算数?|预算数?)?(相比|相较)?(决算数?|支出决算数?)?/;

/** Is `rest` (a label before a change word) the same quantity as `subject`? Empty = yes. */
function sameQuantity(rest: string, subject: Fact): boolean {
  if (!rest) return true;
  const a = rest.replace(/决算数?|支出|本年度?|\d{4}年度?/g, '');
  const b = subject.label.replace(/决算数?|支出|本年度?|\d{4}年度?/g, '');
  return a.length > 0 && b.length > 0 && (a.includes(b) || b.includes(a));
}

/**
 * Facts of one sentence. Number offsets are rebased onto the paragraph.
 * `carry` is the last fact of the previous sentence of the paragraph: a sentence that opens with a
 * comparison (与上年相比，增加…) or with 其中 continues it.
 */
export function sentenceFacts(s: Sentence, carry: Fact | null = null): SentenceFacts {
  const text = s.text;
  const all = findNumbers(text);
  const nums = all.filter((n) => n.kind !== 'year');
  const facts: Fact[] = [];
  const rates: NamedRate[] = [];
  const directions: Direction[] = [];
  const opening = text.replace(/^[；;，,。\s]+/, '');
  let subject: Fact | null = carry && /^(与|比|较|同比|其中)/.test(opening) ? carry : null;
  let pendingBudget: { label: string; num: Num } | null = null;
  let prevEnd = 0;
  const counts: { label: string; num: Num }[] = [];
  for (const n of nums) {
    const lead = clauseLead(text, prevEnd, n.start);
    const wide = text.slice(prevEnd, n.start).trim();
    prevEnd = n.end;
    const num = offset(n, s.start);
    if (n.kind === 'percent') {
      const l = lead.replace(/\s+/g, '');
      if (/占/.test(l)) {
        if (subject) subject.share = { num, base: l.replace(/^.*?占/, '').replace(/的$/, '') };
      } else if (/完成[^，,；;]*预算|预算[^，,；;]*完成|执行率/.test(l)) {
        if (subject) subject.completion = num;
      } else if (/率$/.test(l)) {
        rates.push({ label: l, num, sentence: s, counts: [...counts] });
      } else if (/(增加|增长|上升)[/／（(、](减少|下降)|(减少|下降)[/／（(、](增加|增长)/.test(l)) {
        // template residue: no direction
      } else if (/(增长|上升|增加|提高)了?$/.test(l)) {
        if (subject) subject.growth = { num, dir: 1, ref: (subject.change ?? subject.changeOnly)?.ref ?? refOf(wide) };
      } else if (/(下降|减少|降低)了?$/.test(l)) {
        if (subject) subject.growth = { num, dir: -1, ref: (subject.change ?? subject.changeOnly)?.ref ?? refOf(wide) };
      }
      continue;
    }
    const l = clean(lead);
    // "由于预算数为0万元，无法计算…": an explanation, not a claim.
    if (/^(由于|因为|因(?!公))/.test(l)) continue;
    if (n.kind === 'count') counts.push({ label: l, num });
    // Template residue "增加/减少", "增加（减少）": no direction is stated, so no change claim.
    if (/(增加|增长|上升)\s*[/／（(、]\s*(减少|下降)|(减少|下降)\s*[/／（(、]\s*(增加|增长)/.test(lead)) continue;
    if ((UP.test(l) || DOWN.test(l)) && !/为$/.test(lead)) {
      const dir: Dir = UP.test(l) ? 1 : -1;
      const rest = l.replace(UP, '').replace(DOWN, '').replace(COMPARE, '').replace(COMPARE, '').replace(/^(总体|整体|总计|合计|共计|共|净)$/, '');
      const ref = refOf(wide + l);
      // "减少6人" right after "本年度公务员24人" is the change of that quantity.
      if (subject && !subject.change && !subject.changeOnly && subject.num.kind === n.kind && sameQuantity(rest, subject)) {
        subject.change = { num, dir, ref };
        continue;
      }
      // "…支出决算数比2024年度增加5.07万元": the change of a quantity the sentence does not state.
      const f: Fact = { label: rest, wide, num, sentence: s, changeOnly: { num, dir, ref } };
      const q = text.lastIndexOf('其中', n.start);
      const w = q >= 0 ? [...facts].reverse().find((x) => x.num.start - s.start < q && x.num.kind === n.kind && !x.whole) : undefined;
      if (w) {
        f.whole = w;
        (w.parts ??= []).push(f);
      }
      facts.push(f);
      subject = f;
      continue;
    }
    if (n.kind === 'amount' && /预算数?$/.test(l) && !/决算|执行/.test(l)) {
      pendingBudget = { label: l, num };
      const f: Fact = { label: l, wide, num, sentence: s };
      facts.push(f);
      subject = f;
      continue;
    }
    const f: Fact = { label: l, wide, num, sentence: s };
    if (pendingBudget && n.kind === 'amount' && /决算|执行数|实际/.test(l)) {
      // 年初预算A，支出决算B: B is the actual of A's quantity; drop the separate budget fact.
      f.budget = pendingBudget;
      const i = facts.findIndex((x) => x.num === pendingBudget!.num);
      if (i >= 0) facts.splice(i, 1);
      pendingBudget = null;
    }
    // 上年度…30人，本年度…24人: a stated previous value.
    if (/^本年度?|^本年末|^今年/.test(l) && subject && /^上年度?|^去年/.test(subject.label) && subject.num.kind === n.kind) {
      f.prev = subject;
      const i = facts.indexOf(subject);
      if (i >= 0) facts.splice(i, 1);
    }
    // 其中 parts: a number after 其中 is a part of the last fact of its kind (and count unit) before 其中.
    const qi = text.lastIndexOf('其中', n.start);
    // A number inside brackets opened after 其中 ("国内接待0.5万元（含外宾接待0.1万元）") is a part of a part.
    if (qi >= 0 && depth(text, qi, n.start) === 0) {
      const pool = carry && /^其中/.test(opening) ? [carry, ...facts] : facts;
      const w = [...pool]
        .reverse()
        .find((x) => (x === carry ? -1 : x.num.start - s.start) < qi && x.num.kind === n.kind && (n.kind !== 'count' || x.num.unit === n.unit) && !x.whole);
      // A number followed by its own 其中 starts a new list; it is not a part of the previous one.
      const nextStart = nums[nums.indexOf(n) + 1]?.start ?? text.length;
      const ownList = /其中/.test(text.slice(n.end, nextStart));
      if (w && !w.closed && !ownList) {
        const lastEnd = w.parts?.length ? w.parts[w.parts.length - 1].num.end - s.start : qi;
        const sep = /[；;]/.test(text.slice(Math.max(0, lastEnd), n.start)) ? 'semi' : 'comma';
        if (w.parts?.length === 1) w.listSep = sep;
        if (w.parts && w.parts.length >= 2 && sep === 'semi' && w.listSep !== 'semi') w.closed = true;
        else {
          f.whole = w;
          (w.parts ??= []).push(f);
          if (/^其他/.test(l)) w.exhaustive = true;
          if (/全部为/.test(text.slice(Math.max(0, w.num.end - s.start), qi))) w.exhaustive = true;
        }
      }
    }
    facts.push(f);
    subject = f;
  }
  // Cheap substring tests first (most sentences have none of these words), and exec loops over
  // module-level regexes: matchAll clones its regex on every call.
  const hasActual = text.includes('决算') || text.includes('执行数');
  const hasWith = text.includes('与');
  for (const m of hasActual ? execAll(DIRECTION_RE, text) : NO_MATCHES) {
    const w = m[1];
    directions.push({
      word: /大于|高于|超过/.test(w) ? 'gt' : /小于|低于|少于/.test(w) ? 'lt' : 'eq',
      ref: m[2] === '上年' ? 'prev' : 'budget',
      text: m[0],
      sentence: s,
    });
  }
  for (const m of hasWith ? execAll(SAME_AS_RE, text) : NO_MATCHES) {
    directions.push({ word: 'eq', ref: m[1] === '上年' ? 'prev' : 'budget', text: m[0], sentence: s });
  }
  // 与上年持平 right after a quantity: its change is 0.
  for (const m of hasWith && text.includes('持平') ? execAll(FLAT_RE, text) : NO_MATCHES) {
    const at = m.index;
    const before = facts.filter((f) => f.num.start - s.start < at);
    const last = before[before.length - 1];
    if (last) last.flat = 'prev';
  }
  return {
    sentence: s,
    facts,
    rates,
    directions,
    nums: nums.map((n) => offset(n, s.start)),
    cannotCompute: /无法计算/.test(text),
    residue: [
      ...(/减少|下降/.test(text) ? execAll(UNCHOSEN_RE, text) : NO_MATCHES).map((m) => m[0]),
      ...(/(主要)?原因(是|为|：|:)[：:]?\s*[。；;]?\s*$/.test(text) && !/其中[：:]?\s*$/.test(text) ? ['主要原因是（空）'] : []),
      // "占98.24；": a share printed without its % sign.
      ...(text.includes('占') ? execAll(SHARE_NO_SIGN_RE, text) : NO_MATCHES).map((m) => `占${m[1]}（缺少%）`),
    ],
  };
}

const DIRECTION_RE = /(?:决算数?|执行数)(?:[^，,。；;]{0,6}?)(大于|小于|高于|低于|超过|少于|等于)(上年|年初预算|预算)/g;
const SAME_AS_RE = /与(上年|年初预算|预算)数?(一致|持平|相等|相同)/g;
const FLAT_RE = /与(上年|\s*\d{4}\s*年度?)(?:相比)?持平/g;
const UNCHOSEN_RE = /(增加|增长|上升)\s*[/／（(、]\s*(减少|下降)[）)]?|(减少|下降)\s*[/／（(、]\s*(增加|增长)[）)]?/g;
const SHARE_NO_SIGN_RE = /占[^0-9０-９，,；;。%％]{0,12}?([0-9０-９]+(?:[.．][0-9０-９]+)?)\s*(?=[，,；;。]|$)/g;
const NO_MATCHES: RegExpExecArray[] = [];

/** Every match of a global regex (none of these can match the empty string). */
function execAll(re: RegExp, text: string): RegExpExecArray[] {
  const out: RegExpExecArray[] = [];
  re.lastIndex = 0;
  let m: RegExpExecArray | null;
  while ((m = re.exec(text))) out.push(m);
  return out;
}

/** Bracket depth of `to` relative to `from`. */
function depth(text: string, from: number, to: number): number {
  let d = 0;
  for (let i = from; i < to; i++) {
    const c = text[i];
    if (c === '（' || c === '(') d++;
    else if ((c === '）' || c === ')') && d > 0) d--;
  }
  return d;
}

function refOf(text: string): Ref {
  return /预算/.test(text) ? 'budget' : 'prev';
}
