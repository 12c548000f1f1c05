/**
 * Narrative claims of a budget (budget.md, "Narrative claims", B-N01…): the 预算编制说明 and the
 * 其他相关情况说明 read sentence by sentence with the numbers lib/claims finds (amounts in 万元).
 * The 决算 concept table does not apply to budgets: each B-N rule picks its fixed phrases here and
 * compares through BudgetClaims, which reports on the sentence, names the cells and declares every
 * comparison as a relation (lib/localize) — text numbers and cells alike.
 */
import Decimal from 'decimal.js';
import type { ParagraphBlock } from '../extract/types';
import type { Disclosure, ModelCell } from '../model/types';
import type { Bilingual, CellRef, Finding, RuleContext, RuleMeta, Severity } from '../checks/types';
import type { RelationTerm, StatedNumber } from '../localize/relation';
import { compareRestatement, exact, formatAmount, halfUnit } from '../money';
import type { Num } from './numbers';
import { paragraphNumbers } from './facts';
import type { Sentence } from './text';
import { paragraphContexts, splitSentences } from './text';
import { compareSum, compareValues } from '../money/operands';
import { toInt } from '../int';
import type { Check } from '../money/operands';
import type { Rule } from '../checks/types';
import { numKey } from './index';
import { messageEn } from './english';

export interface BSentence {
  paragraph: ParagraphBlock;
  sentence: Sentence;
  /** The sentence text (offsets into it + sentence.start = paragraph offsets). */
  text: string;
  /** Numbers of the sentence (amounts in 万元), in order. */
  nums: Num[];
  headings: string[];
}

export interface BudgetText {
  d: Disclosure;
  year: number | null;
  sentences: BSentence[];
  /** Keys (numKey) of every number of the narrative: the report's claims `found`. */
  found: Set<number>;
  /** Numbers some rule compared (whatever the outcome): `reconciled`. */
  reconciled: Set<number>;
  /** Rules that have run on this text (budgetClaimStats runs the others once). */
  ran: Set<string>;
}

const cache = new WeakMap<Disclosure, BudgetText>();

/** The budget narrative's sentences (not the 目录, not table titles or notes), memoised per disclosure. */
export function budgetText(d: Disclosure): BudgetText {
  const hit = cache.get(d);
  if (hit) return hit;
  const notes = new Set<number>();
  for (const t of Object.values(d.tables)) for (const n of t?.notes ?? []) notes.add(n.index);
  const sentences: BSentence[] = [];
  const found = new Set<number>();
  const toc = new Set(d.tocBlocks);
  for (const c of paragraphContexts(d)) {
    const p = c.paragraph;
    if (notes.has(p.index)) continue;
    const nums = paragraphNumbers(p.text);
    // The 目录's page numbers are no claims.
    if (!toc.has(p.index)) for (const n of nums) found.add(numKey(p, n));
    for (const s of splitSentences(p.text)) {
      sentences.push({
        paragraph: p,
        sentence: s,
        text: s.text,
        nums: nums.filter((n) => n.start >= s.start && n.end <= s.end),
        headings: c.headings,
      });
    }
  }
  const v: BudgetText = { d, year: d.info.year, sentences, found, reconciled: new Set(), ran: new Set() };
  cache.set(d, v);
  return v;
}

/** The number printed right after a match of `re` ending at sentence offset `at` (spaces skipped). */
function numAt(bs: BSentence, at: number): Num | undefined {
  let pos = bs.sentence.start + at;
  while (/[\s\u00a0\u3000]/.test(bs.paragraph.text[pos] ?? '')) pos++;
  return bs.nums.find((n) => n.start === pos);
}

/** Mark numbers as compared (the report's reconciled count). */
export function markCompared(t: BudgetText, p: ParagraphBlock, ...nums: (Num | undefined)[]): void {
  for (const n of nums) if (n) t.reconciled.add(numKey(p, n));
}

/** Mark the number starting at a paragraph offset as compared (rules that read the paragraph text). */
export function markComparedAt(d: Disclosure, p: ParagraphBlock, start: number): void {
  const t = budgetText(d);
  for (const n of paragraphNumbers(p.text)) if (n.start === start) t.reconciled.add(numKey(p, n));
}

/**
 * The report's claim counts for a budget: every number of the narrative (not the 目录's, not table
 * notes') found, and those a B-N rule or B-21 compared with a cell or with another stated number.
 * Runs the given rules silently first when they have not run on this disclosure.
 */
export function budgetClaimStats(d: Disclosure, rules: readonly Rule[]): { found: number; reconciled: number; skipped: number } {
  const t = budgetText(d);
  for (const r of rules) {
    if (t.ran.has(r.meta.id)) continue;
    try {
      r.run({ disclosure: d, report: () => {}, notApplicable: () => {} });
    } catch {
      // The runner reports rule failures; counting must not crash the report.
    }
  }
  let reconciled = 0;
  for (const k of t.reconciled) if (t.found.has(k)) reconciled++;
  return { found: t.found.size, reconciled, skipped: t.found.size - reconciled };
}

export interface Hit {
  bs: BSentence;
  m: RegExpExecArray;
  num: Num;
}

/** Every "keyword + number" of a sentence: `re` must end right before the number (global flag not needed). */
export function after(bs: BSentence, re: RegExp, kind: Num['kind'] = 'amount'): Hit[] {
  const out: Hit[] = [];
  const g = new RegExp(re.source, re.flags.includes('g') ? re.flags : re.flags + 'g');
  for (let m = g.exec(bs.text); m; m = g.exec(bs.text)) {
    const num = numAt(bs, m.index + m[0].length);
    if (num && num.kind === kind) out.push({ bs, m, num });
    if (m[0].length === 0) g.lastIndex++;
  }
  return out;
}

/** The first "keyword + number" in the sentences. */
export function first(ss: readonly BSentence[], re: RegExp, kind: Num['kind'] = 'amount'): Hit | undefined {
  for (const bs of ss) {
    const h = after(bs, re, kind)[0];
    if (h) return h;
  }
  return undefined;
}

export interface Change {
  /** 增加/增长 = 1, 减少/下降 = -1, 持平 = 0. */
  dir: 1 | -1 | 0;
  word: string;
  /** The year compared with ("比2024年预算"). */
  year: number | null;
  /** The stated change (absent for 持平 or a bare word). */
  num?: Num;
  /** Offsets of the phrase in the sentence. */
  start: number;
  end: number;
}

const CHANGE = /(?:比|较|与)(\d{4})\s*年度?(?:当年)?(?:预算(?:执行数)?|执行数)(?:相比)?[，,]?\s*(增加|增长|减少|下降|持平)/g;

/** The year-on-year change stated after `from` (a sentence offset) and before the next amount. */
export function changeAfter(bs: BSentence, from: number): Change | undefined {
  CHANGE.lastIndex = from;
  const m = CHANGE.exec(bs.text);
  if (!m) return undefined;
  // Another amount in between belongs to another quantity.
  const between = bs.nums.some((n) => n.kind === 'amount' && n.start >= bs.sentence.start + from && n.end <= bs.sentence.start + m.index);
  if (between) return undefined;
  const word = m[2];
  const dir = word === '持平' ? 0 : word === '增加' || word === '增长' ? 1 : -1;
  const num = dir === 0 ? undefined : numAt(bs, m.index + m[0].length);
  return { dir, word, year: toInt(m[1]), num: num && num.kind === 'amount' ? num : undefined, start: m.index, end: m.index + m[0].length + (num ? num.end - num.start : 0) };
}

/** A change as a signed amount in 万元 (持平 = exactly 0); null when its size is not stated. */
export function signed(c: Change | undefined): { value: Decimal; decimals: number | null } | null {
  if (!c) return null;
  if (c.dir === 0) return { value: new Decimal(0), decimals: null };
  if (!c.num) return null;
  return { value: c.num.value.mul(c.dir), decimals: c.num.decimals };
}

/** Offset of a hit's number in its sentence (for changeAfter). */
export const endOf = (h: Hit): number => h.num.end - h.bs.sentence.start;

export function stated(bs: BSentence, n: Num): StatedNumber {
  return {
    paragraph: bs.paragraph,
    start: n.start,
    end: n.end,
    sentenceStart: bs.sentence.start,
    sentenceEnd: bs.sentence.end,
    text: n.text,
    value: exact(n.value),
    decimals: n.decimals,
    scale: exact(n.unit === '元' ? 10000 : n.unit === '亿元' ? '0.0001' : 1),
  };
}

const ONE = exact(1);
const halfOf = (n: { decimals: number | null }): Decimal => (n.decimals === null ? exact(0) : halfUnit(n.decimals));
const show = (n: Num): string => n.text.trim();

/** The comparisons of one B-N rule: findings on the sentence, cells named, relations declared. */
export class BudgetClaims {
  declare readonly ctx: RuleContext;
  declare readonly meta: RuleMeta;
  declare readonly t: BudgetText;
  /** Something was compared (the rule applies). */
  declare touched: boolean;

  constructor(ctx: RuleContext, meta: RuleMeta) {
    this.ctx = ctx;
    this.meta = meta;
    this.t = budgetText(ctx.disclosure);
    this.t.ran.add(meta.id);
    this.touched = false;
  }

  /** Mark the numbers of a sentence as compared. */
  mark(bs: BSentence, ...nums: (Num | undefined)[]): void {
    markCompared(this.t, bs.paragraph, ...nums);
  }

  /** Every "keyword + number" of a sentence (see after()). */
  after(bs: BSentence, re: RegExp, kind: Num['kind'] = 'amount'): Hit[] {
    return after(bs, re, kind);
  }

  get d(): Disclosure {
    return this.ctx.disclosure;
  }

  /** Sentences whose headings or own text match `re` (a section of the narrative). */
  in(re: RegExp): BSentence[] {
    return this.t.sentences.filter((s) => s.headings.some((h) => re.test(h)) || re.test(s.paragraph.text));
  }

  report(bs: BSentence | BSentence[], severity: Severity, message: Bilingual, expected: string | null, actual: string | null, cells: CellRef[] = []): Finding | null {
    const list = Array.isArray(bs) ? bs : [bs];
    const spans = list.map((s) => ({ paragraph: s.paragraph, start: s.sentence.start, end: s.sentence.end }));
    return (
      this.ctx.report({
        severity,
        // Units said in English (the page's words in quotes stay as printed).
        message: { zh: message.zh, en: messageEn(message.en) },
        expected,
        actual,
        cells,
        spans,
        quote: list.map((s) => s.text).join(''),
      }) ?? null
    );
  }

  private relate(terms: RelationTerm[], tolerance: Decimal, op: 'eq' | 'le', verdict: Check['outcome'], finding: Finding | null): void {
    if (this.ctx.relate && terms.length > 0) this.ctx.relate({ rule: this.meta.id, op, terms, tolerance, verdict, finding });
  }

  /**
   * A stated 万元 amount against the cell it restates: a 元 cell by half-up (B-21's rule), a 万元 cell
   * (BT9) by intervals. Returns the outcome, or null when the cell holds no number.
   */
  vsCell(h: Hit, cell: ModelCell | undefined, what: Bilingual, where: Bilingual): Check['outcome'] | null {
    if (!cell || cell.value.kind === 'nan') return null;
    this.touched = true;
    this.mark(h.bs, h.num);
    const unit = this.d.tables[cell.table]?.unit;
    const cellValue = cell.value.kind === 'number' ? cell.value.value : new Decimal(0);
    let outcome: Check['outcome'];
    let expected: string;
    let tol: Decimal;
    if (unit === '元') {
      const cmp = compareRestatement({ kind: 'number', value: h.num.value, decimals: h.num.decimals, printedDecimals: h.num.decimals, text: h.num.text }, cell.value.kind === 'empty' ? { kind: 'number', value: new Decimal(0), decimals: 2, printedDecimals: 2, text: '' } : cell.value);
      if (cmp.verdict === 'unreadable') return null;
      outcome = cmp.verdict;
      expected = formatAmount(cmp.expected, 2);
      tol = halfUnit(2);
    } else {
      const dec = cell.value.kind === 'number' ? cell.value.decimals : null;
      const r = compareValues({ value: h.num.value, decimals: h.num.decimals }, { value: cellValue, decimals: dec });
      outcome = r.outcome;
      expected = formatAmount(cellValue, Math.max(dec ?? 0, 0));
      tol = halfOf(h.num).plus(dec === null ? 0 : halfUnit(dec));
    }
    let finding: Finding | null = null;
    if (outcome !== 'pass') {
      const cellText = cell.value.kind === 'empty' ? '（空）' : `${cell.text}${unit === '元' ? ' 元' : ''}`;
      const cellTextEn = cell.value.kind === 'empty' ? '(blank)' : `${cell.text}${unit === '元' ? ' yuan' : ''}`;
      finding = this.report(
        h.bs,
        outcome === 'notice' ? 'notice' : this.meta.severity,
        {
          zh: `叙述中${what.zh} ${show(h.num)} ≠ ${where.zh} ${cellText}${unit === '元' ? `（折合 ${expected} 万元）` : ''}${outcome === 'notice' ? '（尾数差异）' : ''}`,
          en: `the text states ${what.en} ${show(h.num)}, but ${where.en} shows ${cellTextEn}${unit === '元' ? ` (${expected} in 10k yuan)` : ''}${outcome === 'notice' ? ' (rounding difference)' : ''}`,
        },
        expected,
        show(h.num),
        [{ cell, role: 'value' }],
      );
    }
    this.relate(
      [
        { x: { kind: 'text', num: stated(h.bs, h.num) }, coef: ONE, role: 'value' },
        { x: { kind: 'cell', cell }, coef: exact(unit === '元' ? '-0.0001' : -1), role: 'value' },
      ],
      tol,
      'eq',
      outcome,
      finding,
    );
    return outcome;
  }

  /** A stated whole = Σ stated parts (万元, intervals add; 持平-style exact zeros allowed as parts). */
  sum(where: BSentence[], whole: { num: Num; bs: BSentence; label: Bilingual; sign?: 1 | -1 }, parts: Array<{ num?: Num; bs?: BSentence; value?: Decimal; label: Bilingual; sign?: 1 | -1 }>, severity: Severity = this.meta.severity): Check['outcome'] {
    this.touched = true;
    this.mark(whole.bs, whole.num);
    for (const p of parts) if (p.bs) this.mark(p.bs, p.num);
    const sign = (p: { sign?: 1 | -1 }) => p.sign ?? 1;
    const ops = parts.map((p) => (p.num ? { value: p.num.value.mul(sign(p)), decimals: p.num.decimals } : { value: (p.value ?? new Decimal(0)).mul(sign(p)), decimals: null }));
    const wholeSign = whole.sign ?? 1;
    const r = compareSum({ value: whole.num.value.mul(wholeSign), decimals: whole.num.decimals }, ops);
    let finding: Finding | null = null;
    if (r.outcome !== 'pass') {
      const names = parts.map((p) => p.label);
      // The whole is stated as a magnitude with its word (减少 D): the expected value in its orientation.
      const dec = r.expected.includes('.') ? r.expected.length - r.expected.indexOf('.') - 1 : 0;
      r.expected = formatAmount(r.sum.mul(wholeSign), dec);
      finding = this.report(
        where,
        r.outcome === 'notice' ? 'notice' : severity,
        {
          zh: `${whole.label.zh} ${show(whole.num)} ≠ ${names.map((n) => n.zh).join(' + ')} = ${r.expected} 万元${r.outcome === 'notice' ? '（尾数差异）' : ''}`,
          en: `${whole.label.en} ${show(whole.num)} ≠ ${names.map((n) => n.en).join(' + ')} = ${r.expected} (10k yuan)${r.outcome === 'notice' ? ' (rounding difference)' : ''}`,
        },
        r.expected,
        show(whole.num),
      );
    }
    const terms: RelationTerm[] = [{ x: { kind: 'text', num: stated(whole.bs, whole.num) }, coef: exact(wholeSign), role: 'total' }];
    let tol = halfOf(whole.num);
    for (const p of parts) {
      if (!p.num || !p.bs) continue;
      terms.push({ x: { kind: 'text', num: stated(p.bs, p.num) }, coef: exact(-sign(p)), role: 'part' });
      tol = tol.plus(halfOf(p.num));
    }
    this.relate(terms, tol, 'eq', r.outcome, finding);
    return r.outcome;
  }

  /** A stated amount ≤ a 元 cell (converted exactly); only a strict excess beyond the printed precision fails. */
  atMostCell(h: Hit, cell: ModelCell | undefined, what: Bilingual, where: Bilingual): Check['outcome'] | null {
    if (!cell || cell.value.kind !== 'number') return null;
    this.touched = true;
    this.mark(h.bs, h.num);
    const unit = this.d.tables[cell.table]?.unit;
    const whole = unit === '元' ? cell.value.value.div(10000) : cell.value.value;
    const tol = halfOf(h.num).plus(unit === '元' ? 0 : halfUnit(cell.value.decimals));
    const excess = h.num.value.minus(whole);
    const outcome: Check['outcome'] = excess.lte(0) ? 'pass' : excess.lte(tol) ? 'notice' : 'error';
    let finding: Finding | null = null;
    if (outcome === 'error') {
      const w = formatAmount(whole, 2);
      finding = this.report(
        h.bs,
        this.meta.severity,
        {
          zh: `叙述中${what.zh} ${show(h.num)} 超过${where.zh} ${cell.text}${unit === '元' ? ` 元（${w} 万元）` : ''}，应不超过 ${w} 万元`,
          en: `the text states ${what.en} ${show(h.num)}, more than ${where.en} ${cell.text}${unit === '元' ? ` yuan (${w} in 10k yuan)` : ''}; expected at most ${w}`,
        },
        `≤ ${w}`,
        show(h.num),
        [{ cell, role: 'total' }],
      );
    }
    this.relate(
      [
        { x: { kind: 'text', num: stated(h.bs, h.num) }, coef: ONE, role: 'part' },
        { x: { kind: 'cell', cell }, coef: exact(unit === '元' ? '-0.0001' : -1), role: 'total' },
      ],
      tol,
      'le',
      outcome,
      finding,
    );
    return outcome;
  }

  /** A stated part ≤ a stated whole (both 万元). */
  atMost(part: Hit, whole: Hit, labels: { part: Bilingual; whole: Bilingual }): Check['outcome'] {
    this.touched = true;
    this.mark(part.bs, part.num);
    this.mark(whole.bs, whole.num);
    const tol = halfOf(part.num).plus(halfOf(whole.num));
    const excess = part.num.value.minus(whole.num.value);
    const outcome: Check['outcome'] = excess.lte(0) ? 'pass' : excess.lte(tol) ? 'notice' : 'error';
    let finding: Finding | null = null;
    if (outcome === 'error')
      finding = this.report(
        part.bs === whole.bs ? part.bs : [whole.bs, part.bs],
        this.meta.severity,
        {
          zh: `${labels.part.zh} ${show(part.num)} 超过${labels.whole.zh} ${show(whole.num)}（应不超过 ${show(whole.num)}）`,
          en: `${labels.part.en} ${show(part.num)} exceeds ${labels.whole.en} ${show(whole.num)} (expected at most ${show(whole.num)})`,
        },
        `≤ ${show(whole.num)}`,
        show(part.num),
      );
    this.relate(
      [
        { x: { kind: 'text', num: stated(part.bs, part.num) }, coef: ONE, role: 'part' },
        { x: { kind: 'text', num: stated(whole.bs, whole.num) }, coef: exact(-1), role: 'total' },
      ],
      tol,
      'le',
      outcome,
      finding,
    );
    return outcome;
  }
}

/** The direction word of a change against the sign of a reference (增加 with a negative figure …). */
export const DIR_ZH: Record<string, string> = { '1': '增加', '-1': '减少', '0': '持平' };
export const DIR_EN: Record<string, string> = { '1': 'an increase', '-1': 'a decrease', '0': 'no change' };

// ---------------------------------------------------------------------------------------------
// The 预算编制说明's fixed sentences (收入预算 X，其中：财政拨款收入 …，比Y−1年预算减少 D …).

const HEAD_RE = {
  income: /(?<!拨款|财政|事业|经营|其他)收入预算(?:总额|总计)?(?:为|是)?/,
  fiscalIncome: /财政拨款收入(?:预算)?(?:为|是)?/,
  business: /(?<!单位)事业收入(?:预算)?(?:为|是)?/,
  operating: /(?:事业单位)?经营收入(?:预算)?(?:为|是)?/,
  other: /其他收入(?:预算)?(?:为|是)?/,
  expense: /(?<!拨款|财政|基本|项目)支出预算(?:总额|总计)?(?:为|是)?/,
  fiscalExpense: /财政拨款支出预算(?:为|是)?/,
  general: /一般公共预算(?:财政)?拨款支出预算(?:为|是)?/,
  govfund: /政府性基金(?:预算)?(?:财政)?拨款支出预算(?:为|是)?/,
  soe: /国有资本经营预算(?:财政)?拨款支出预算(?:为|是)?/,
} as const;

export type HeadKey = keyof typeof HEAD_RE;

export const HEAD_LABEL: Record<HeadKey, Bilingual> = {
  income: { zh: '收入预算', en: 'budgeted income' },
  fiscalIncome: { zh: '财政拨款收入', en: 'fiscal appropriation income' },
  business: { zh: '事业收入', en: 'public-service revenue' },
  operating: { zh: '事业单位经营收入', en: 'operating income' },
  other: { zh: '其他收入', en: 'other income' },
  expense: { zh: '支出预算', en: 'budgeted expenditure' },
  fiscalExpense: { zh: '财政拨款支出预算', en: 'fiscal appropriation expenditure' },
  general: { zh: '一般公共预算拨款支出预算', en: 'general public budget expenditure' },
  govfund: { zh: '政府性基金拨款支出预算', en: 'government fund expenditure' },
  soe: { zh: '国有资本经营预算拨款支出预算', en: 'state capital expenditure' },
};

export interface Head {
  hit: Hit;
  change?: Change;
}

const headCache = new WeakMap<Disclosure, Partial<Record<HeadKey, Head>>>();

/** The first statement of each headline quantity, with the change stated right after it. */
export function headlines(t: BudgetText): Partial<Record<HeadKey, Head>> {
  const hit = headCache.get(t.d);
  if (hit) return hit;
  const out: Partial<Record<HeadKey, Head>> = {};
  for (const bs of t.sentences) {
    if (!bs.text.includes('万元') && !bs.text.includes('元')) continue;
    for (const k of Object.keys(HEAD_RE) as HeadKey[]) {
      if (out[k]) continue;
      const h = after(bs, HEAD_RE[k])[0];
      if (!h) continue;
      out[k] = { hit: h, change: changeAfter(bs, endOf(h)) };
    }
  }
  headCache.set(t.d, out);
  return out;
}
