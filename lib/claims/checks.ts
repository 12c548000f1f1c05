/**
 * The checks a claim rule runs on its own claims: against the table cell a claim restates, and its
 * internal arithmetic (share, change and growth, completion rate, 其中 parts, direction words).
 * Every check marks the numbers it used as reconciled, whatever the outcome.
 */
import type { CellRef, Finding, RuleContext, Severity, TextSpan } from '../checks/types';
import type { ClauseAt } from './clause';
import { clauseOf, clauseOfStated } from './clause';
import type { ParagraphBlock } from '../extract/types';
import type { Analysis, Claim, SentenceItem } from './index';
import { markReconciled } from './index';
import type { Check, Operand } from '../money/operands';
import { checkPercent, combine, compareSum, compareValues } from '../money/operands';
import type { Concept, Topic } from './concepts';
import { TOPIC_RULE, tableValueOf } from './concepts';
import type { Fact } from './facts';
import { residueRange } from './facts';
import type { Num } from './numbers';
import type { Sentence } from './text';
import type { TableValue } from './tables';
import { shownInTableUnit } from './tables';
import type { RelationSink, RelationTerm, StatedNumber } from '../localize/relation';
import { exact } from '../money';
import { half } from './numbers';
import { cellLabel } from '../checks/describe';
import type { Disclosure } from '../model/types';
import { messageEn, unitsEn } from './english';

export type Report = RuleContext['report'];

const BASE_NAMES: Record<string, string> = {
  'T3.total': '本年支出合计',
  'T1.income': '本年收入合计',
  'T6.basic': '基本支出',
  'T5.total': '一般公共预算财政拨款支出',
  'T9.actual.total': '“三公”经费决算数',
};
const BASE_NAMES_EN: Record<string, string> = {
  'T3.total': 'total expenditure of the year',
  'T1.income': 'total income of the year',
  'T6.basic': 'basic expenditure',
  'T5.total': 'general public budget appropriation expenditure',
  'T9.actual.total': 'the "three public expenses" actual',
};

/**
 * Where a table value is, in English: each cell as cited in the English UI (the table's standard
 * name, row code and name as printed, the column), one table named once.
 */
export function placeEn(d: Disclosure, tv: TableValue): string {
  const labels = tv.cells.map((c) => cellLabel(d, c).en);
  if (labels.length < 2) return labels[0] ?? '';
  const head = labels[0].split(' · ')[0];
  if (!labels.every((l) => l.startsWith(`${head} · `))) return labels.join(' + ');
  return `${head} · ${labels.map((l) => l.slice(head.length + 3)).join(' + ')}`;
}

export const opNum = (n: Num): Operand => ({ value: n.value, decimals: n.kind === 'count' ? null : n.decimals });

/** Rule that owns a claim's checks: its concept's rule, counts → N-16, else its section's rule. */
export function ruleOf(c: { concept: Concept | null; topic: Topic; fact?: Fact }): string | null {
  if (c.concept) return c.concept.rule;
  if (c.fact?.num.kind === 'count') return 'N-16';
  return c.topic ? TOPIC_RULE[c.topic] : null;
}

export function sentenceFinding(
  p: ParagraphBlock,
  s: Sentence,
  severity: Severity,
  zh: string,
  en: string,
  expected: string | null,
  actual: string | null,
  cells: CellRef[] = [],
  mark?: ClauseAt,
): Omit<Finding, 'rule'> {
  // The clause at fault: the numbers the check names, else the stated value found in the sentence.
  const found = (mark && clauseOf(p.text, s, mark)) ?? clauseOfStated(p.text, s, actual);
  const sentence = found?.sentence ?? s;
  const span: TextSpan = { paragraph: p, start: sentence.start, end: sentence.end };
  if (found && (found.clause.start > sentence.start || found.clause.end < sentence.end)) span.clause = found.clause;
  return {
    severity,
    // Units said in English (896.57万元 → 896.57 (10k yuan)); the page's words in quotes stay as printed.
    message: { zh, en: messageEn(en) },
    expected,
    actual,
    cells,
    spans: [span],
    quote: p.text.slice(sentence.start, sentence.end),
  };
}

const sev = (c: Check, soft = false): Severity | null =>
  c.outcome === 'pass' ? null : c.outcome === 'notice' ? 'notice' : soft ? 'warning' : 'error';

const cellRefs = (tv: TableValue | null, role: CellRef['role']): CellRef[] => (tv ? tv.cells.map((cell) => ({ cell, role })) : []);

const BASE_EN: Record<string, string> = { 上年数: 'previous year', 年初预算数: 'initial budget', 全年预算数: 'full-year budget', 预算数: 'budget' };

const WHY_ZH: Record<string, string> = { truncated: '（截断而非四舍五入）', 'one-unit': '（末位相差一个单位，尾数差异）', rounding: '（尾数差异）' };
const WHY_EN: Record<string, string> = { truncated: ' (truncated, not rounded)', 'one-unit': ' (one unit off in the last digit)', rounding: ' (rounding difference)' };

/** Shared empty list of a rule without claims (never mutated). */
const NO_CLAIMS: Claim[] = [];

/** The check runner of one claim rule. */
export class ClaimChecker {
  // Fields assigned in the constructor: class-field initialisers and parameter properties are lowered
  // by the bundler to Object.defineProperty calls.
  declare readonly a: Analysis;
  declare readonly rule: string;
  declare readonly report: Report;
  /** Something was checked (a number or a sentence), so the rule applies. */
  declare touched: boolean;
  /** Where stated-vs-cell comparisons are declared as relations (lib/localize), if anyone listens. */
  declare relate: RelationSink | undefined;

  constructor(a: Analysis, rule: string, report: Report) {
    this.a = a;
    this.rule = rule;
    this.report = report;
    this.touched = false;
    this.relate = undefined;
  }

  /**
   * Declares "stated number = the cells it restates" (Σ, converted to 万元 as compared) with the
   * tolerance compareValues used, and the finding it produced.
   */
  relateStated(p: ParagraphBlock, s: Sentence, n: Num, tv: TableValue, outcome: Check['outcome'], finding: Finding | null | void) {
    const sink = this.relate;
    if (!sink) return;
    const d = this.a.disclosure;
    const hOf = (o: Operand) => o.half ?? (o.decimals === null ? exact(0) : half(o.decimals));
    const num: StatedNumber = {
      paragraph: p,
      start: n.start,
      end: n.end,
      sentenceStart: s.start,
      sentenceEnd: s.end,
      text: n.text,
      value: exact(n.value),
      decimals: n.decimals,
      scale: exact(n.unit === '元' ? 10000 : n.unit === '亿元' ? '0.0001' : 1),
    };
    const terms: RelationTerm[] = [{ x: { kind: 'text', num }, coef: exact(1), role: 'value' }];
    for (const cell of tv.cells) {
      const unit = d.tables[cell.table]?.unit;
      const k = unit === '元' ? '-0.0001' : unit === '亿元' ? -10000 : -1;
      terms.push({ x: { kind: 'cell', cell }, coef: exact(k), role: 'value' });
    }
    const tolerance = exact(hOf(opNum(n)).plus(hOf(tv.op)));
    sink({ rule: this.rule, op: 'eq', terms, tolerance, verdict: outcome, finding: finding ?? null });
  }

  /** The claims this rule owns (computed once per analysis; the list is shared — do not mutate). */
  mine(): Claim[] {
    const by = this.a.byRule;
    if (by.size === 0) {
      // Every rule's claims in one pass (each rule asks; twelve filters over all claims before).
      for (const c of this.a.claims) {
        const r = ruleOf(c);
        if (r === null) continue;
        const list = by.get(r);
        if (list) list.push(c);
        else by.set(r, [c]);
      }
      if (by.size === 0) by.set('', []);
    }
    return by.get(this.rule) ?? NO_CLAIMS;
  }


  mark(p: ParagraphBlock, ...n: (Num | undefined)[]) {
    this.touched = true;
    for (const x of n) if (x) markReconciled(this.a, p, x);
  }

  /** `at`: the numbers the finding is about, the stated value at fault first (the clause marked). */
  emit(c: { paragraph: ParagraphBlock; fact: Fact }, severity: Severity, zh: string, en: string, expected: string | null, actual: string | null, cells: CellRef[] = [], at: (Num | undefined)[] = []): Finding | void {
    return this.report({ rule: this.rule, ...sentenceFinding(c.paragraph, c.fact.sentence, severity, zh, en, expected, actual, cells, at.length ? { at } : undefined) });
  }

  /** Every check of the claims this rule owns. */
  runAll(opts: { table?: boolean } = {}) {
    for (const c of this.mine()) {
      if (opts.table !== false) this.table(c);
      this.share(c);
      this.growth(c);
      this.completion(c);
      this.parts(c);
    }
    this.directions();
    this.residue();
  }

  /** Template residue in the sentences of this rule's section: a warning. */
  residue() {
    const a = this.a;
    if (!a.residueItems) a.residueItems = a.sentences.filter((it) => it.residue.length > 0);
    for (const it of a.residueItems) {
      if (!it.topic || TOPIC_RULE[it.topic] !== this.rule) continue;
      for (const r of it.residue) {
        // "占76.23（缺少%）": a share printed without its sign is a typing slip, not an unfilled template.
        const noSign = /^(占[^（]*)（缺少%）$/.exec(r);
        const at = residueRange(it.sentence.text, r);
        const mark = at ? { at: [{ start: it.sentence.start + at.start, end: it.sentence.start + at.end }], exact: true } : undefined;
        this.report({
          rule: this.rule,
          ...(noSign
            ? sentenceFinding(it.paragraph, it.sentence, 'warning', `“${noSign[1]}”缺少百分号（%）`, `"${noSign[1]}" lacks its % sign`, `${noSign[1]}%`, noSign[1], [], mark)
            : sentenceFinding(it.paragraph, it.sentence, 'warning', `模板残留：“${r}”未按实际情况填写`, `Template residue: "${r}" was left as in the template`, null, r, [], mark)),
        });
      }
    }
  }

  /** A stated amount against the cell it restates. */
  table(c: Claim) {
    const { fact: f, concept } = c;
    if (!concept || f.changeOnly || f.num.kind !== 'amount') return;
    const tv = concept.table(this.a.disclosure);
    if (tv) {
      this.mark(c.paragraph, f.num);
      const r = compareValues(opNum(f.num), tv.op);
      const s = sev(r, concept.soft);
      let finding: Finding | void = undefined;
      if (s) {
        // 元 written for 万元 (or the reverse): the figure agrees once multiplied or divided by 10,000.
        // The printed digits differ (0.30 vs 3,000.00), so the message names the factor, not "the same number".
        const unitSlip =
          s === 'error' &&
          [10000, 0.0001].some((k) => compareValues({ ...opNum(f.num), value: f.num.value.mul(k), decimals: null }, tv.op).outcome === 'pass');
        const shown = shownInTableUnit(tv) ?? r.expected;
        finding = this.emit(
          c,
          s,
          `叙述中${concept.name} ${f.num.text.trim()} 与${tv.where} ${shown} 不一致${s === 'notice' ? '（尾数差异）' : ''}${unitSlip ? '（两数相差一万倍，疑为元与万元混用）' : ''}`,
          `The text states ${concept.nameEn} ${f.num.text.trim()}, but ${placeEn(this.a.disclosure, tv)} shows ${unitsEn(shown)}${s === 'notice' ? ' (rounding difference)' : ''}${unitSlip ? ' (off by a factor of 10,000: yuan and 10,000 yuan likely mixed up)' : ''}`,
          shown,
          f.num.text.trim(),
          cellRefs(tv, 'value'),
          [f.num],
        );
      }
      // A soft concept (N-11: ≈, a warning) is no identity to localize by.
      if (!concept.soft) this.relateStated(c.paragraph, f.sentence, f.num, tv, r.outcome, finding);
    }
    if (f.budget && concept.budget) {
      const bv = concept.budget(this.a.disclosure);
      if (!bv) return;
      this.mark(c.paragraph, f.budget.num);
      const r = compareValues(opNum(f.budget.num), bv.op);
      const s = sev(r);
      let finding: Finding | void = undefined;
      if (s)
        finding = this.emit(
          c,
          s,
          `叙述中预算数 ${f.budget.num.text.trim()} 与${bv.where} ${bv.cells[0]?.text} 不一致`,
          `The text states a budget of ${f.budget.num.text.trim()}, but ${placeEn(this.a.disclosure, bv)} shows ${bv.cells[0]?.text}`,
          bv.cells[0]?.text ?? r.expected,
          f.budget.num.text.trim(),
          cellRefs(bv, 'value'),
          [f.budget.num],
        );
      this.relateStated(c.paragraph, f.sentence, f.budget.num, bv, r.outcome, finding);
    }
  }

  /** The base a share 占P% is taken of. */
  base(c: Claim): { op: Operand; num?: Num; p?: ParagraphBlock; tv?: TableValue; label: string; labelEn: string } | null {
    const f = c.fact;
    const b = f.share!.base;
    const d = this.a.disclosure;
    const stated = (x: Claim | undefined) =>
      x ? { op: opNum(x.fact.num), num: x.fact.num, p: x.paragraph, label: x.fact.label, labelEn: x.concept?.nameEn ?? `"${x.fact.label}"` } : null;
    const fromTable = (k: string) => {
      const tv = tableValueOf(d, k);
      return tv ? { op: tv.op, tv, label: BASE_NAMES[k] ?? k, labelEn: BASE_NAMES_EN[k] ?? k } : null;
    };
    // The other claims of the same topic, searched in place (no filtered copy per share: that was
    // quadratic on long pages).
    const topicClaims = this.a.byTopic.get(c.topic) ?? [];
    const firstKey = (key: string) => topicClaims.find((x) => x !== c && x.concept?.key === key);
    if (b.includes('支出合计')) return fromTable('T3.total') ?? null;
    if (b.includes('收入合计')) return stated(firstKey('T1.income')) ?? fromTable('T1.income');
    if (b.includes('基本支出')) return stated(firstKey('T6.basic')) ?? fromTable('T6.basic');
    const before = (x: Claim) => x.paragraph.index < c.paragraph.index || (x.paragraph === c.paragraph && x.fact.num.start < f.num.start);
    if (b.includes('中小企业')) {
      for (let i = topicClaims.length - 1; i >= 0; i--) {
        const x = topicClaims[i];
        if (x !== c && x.concept?.key === 'proc.sme' && before(x)) return stated(x);
      }
      return stated(undefined);
    }
    if (b.includes('采购')) return stated(firstKey('proc.total'));
    if (b.includes('财政拨款支出')) return stated(firstKey('T5.total')) ?? fromTable('T5.total');
    if (b.includes('三公')) return stated(firstKey('T9.actual.total')) ?? fromTable('T9.actual.total');
    if (b) return null;
    if (f.whole) {
      const whole = f.whole;
      const w = (this.a.byParagraph.get(c.paragraph) ?? []).find((x) => x.fact === whole);
      if (w) return stated(w);
    }
    const first = (this.a.byParagraph.get(c.paragraph) ?? []).find((x) => x.fact.sentence === f.sentence);
    if (first && first !== c && !first.fact.share && first.fact.num.kind === f.num.kind) return stated(first);
    const defaults: Partial<Record<Exclude<Topic, null>, string>> = {
      income: 'T1.income',
      expense: 'T3.total',
      'gpb.structure': 'T5.total',
      basic: 'T6.basic',
      sangong: 'T9.actual.total',
    };
    const k = c.topic ? defaults[c.topic] : undefined;
    if (!k) return null;
    return stated(firstKey(k)) ?? fromTable(k);
  }

  share(c: Claim) {
    const f = c.fact;
    if (!f.share) return;
    const base = this.base(c);
    if (!base) return;
    this.mark(c.paragraph, f.num, f.share.num);
    if (base.num && base.p) this.mark(base.p, base.num);
    const P = opNum(f.share.num);
    const cells = base.tv ? cellRefs(base.tv, 'total') : [];
    if (base.op.value.isZero()) {
      if (P.value.isZero() && f.num.value.isZero()) return;
      this.emit(c, 'error', `${base.label}为0，占比 ${f.share.num.text.trim()} 无从计算`, `The base (${base.labelEn}) is 0, so the share ${f.share.num.text.trim()} cannot be computed`, '无法计算', f.share.num.text.trim(), cells, [f.share.num, f.num]);
      return;
    }
    const r = checkPercent(P, opNum(f.num), base.op, { plug: true });
    const s = sev(r);
    if (s)
      this.emit(
        c,
        s,
        `占比应为 ${f.num.text.trim()} ÷ ${base.label} ${base.op.value.toString()} = ${r.expected}%，叙述为 ${f.share.num.text.trim()}${s === 'notice' ? WHY_ZH[r.why!] : ''}`,
        `The share should be ${f.num.text.trim()} / ${base.op.value.toString()} = ${r.expected}%, the text states ${f.share.num.text.trim()}${s === 'notice' ? WHY_EN[r.why!] : ''}`,
        `${r.expected}%`,
        f.share.num.text.trim(),
        cells,
        [f.share.num, f.num],
      );
  }

  /** Current value of a fact: the stated number, or for a change-only statement the table value. */
  current(c: Claim): { op: Operand; tv?: TableValue } | null {
    const f = c.fact;
    if (!f.changeOnly) return { op: opNum(f.num) };
    const tv = c.concept?.table(this.a.disclosure);
    return tv ? { op: tv.op, tv } : null;
  }

  growth(c: Claim) {
    const f = c.fact;
    const ch = f.change ?? f.changeOnly;
    if (!ch && !f.prev && !f.growth) return;
    const cur = this.current(c);
    if (!cur) return;
    const cells = cur.tv ? cellRefs(cur.tv, 'value') : [];
    let prev: Operand | null = null;
    if (f.prev) {
      // A stated previous-year value is the base only of year-on-year words: a change or rate
      // "比年初预算…" is against a budget this sentence does not give (never judged on last year's figure).
      if ((ch && ch.ref === 'budget') || (f.growth && f.growth.ref === 'budget')) return;
      prev = opNum(f.prev.num);
      this.mark(c.paragraph, f.prev.num);
      if (ch) {
        this.mark(c.paragraph, f.num, ch.num);
        const diff = cur.op.value.sub(prev.value);
        const stated = ch.num.value.mul(ch.dir);
        if (!diff.eq(stated)) {
          const r = compareValues({ ...opNum(ch.num), value: stated }, combine(cur.op, prev, -1));
          const s = sev(r);
          if (s)
            this.emit(c, s, `${f.prev.num.text.trim()}→${f.num.text.trim()} 的变动应为 ${diff.toString()}，叙述为${ch.dir > 0 ? '增加' : '减少'}${ch.num.text.trim()}`, `From ${f.prev.num.text.trim()} to ${f.num.text.trim()} the change is ${diff.toString()}, the text states ${ch.dir > 0 ? '+' : '-'}${ch.num.text.trim()}`, diff.toString(), `${ch.dir > 0 ? '' : '-'}${ch.num.text.trim()}`, cells, [ch.num, f.prev.num, f.num]);
        }
      }
    } else if (ch) {
      prev = combine(cur.op, opNum(ch.num), ch.dir > 0 ? -1 : 1);
    }
    if (f.flat && ch && !ch.num.value.isZero()) {
      this.mark(c.paragraph, ch.num);
      this.emit(c, 'error', `叙述称“持平”，但同时写明变动 ${ch.num.text.trim()}`, `The text says "unchanged" but also states a change of ${ch.num.text.trim()}`, '0', ch.num.text.trim(), cells, [ch.num]);
    }
    if (!f.growth || !prev) return;
    const g = f.growth;
    this.mark(c.paragraph, g.num, ch?.num, f.changeOnly ? undefined : f.num);
    const changeVal = ch && !f.prev ? ch.num.value.mul(ch.dir) : cur.op.value.sub(prev.value);
    const dirOfNumbers = changeVal.isZero() ? 0 : changeVal.isPositive() ? 1 : -1;
    if (dirOfNumbers !== 0 && dirOfNumbers !== g.dir) {
      this.emit(c, 'error', `方向词与数字矛盾：数字为${dirOfNumbers > 0 ? '增加' : '减少'}，叙述为${g.dir > 0 ? '增长' : '下降'} ${g.num.text.trim()}`, `Direction word contradicts the numbers: they ${dirOfNumbers > 0 ? 'increase' : 'decrease'}, the text says ${g.dir > 0 ? 'up' : 'down'} ${g.num.text.trim()}`, dirOfNumbers > 0 ? '增长' : '下降', g.dir > 0 ? '增长' : '下降', cells, [g.num, ch?.num, f.changeOnly ? undefined : f.num]);
      return;
    }
    if (prev.value.lte(0)) {
      if (g.dir > 0 && g.num.value.eq(100))
        this.emit(c, 'warning', `上年数为0，“增长100%”只是惯例写法，增长率无从计算`, `The previous value is 0: "grew 100%" is a convention, the growth rate cannot be computed`, '无法计算', g.num.text.trim(), cells, [g.num]);
      else this.emit(c, 'error', `上年数为0，增长率无从计算，叙述为 ${g.num.text.trim()}`, `The previous value is 0, so no growth rate exists; the text states ${g.num.text.trim()}`, '无法计算', g.num.text.trim(), cells, [g.num]);
      return;
    }
    // With a stated previous value the rate is judged on the stated values (a wrong D is reported above).
    const derived = combine(cur.op, prev, -1);
    const abs: Operand = ch && !f.prev ? opNum(ch.num) : { value: derived.value.abs(), decimals: derived.decimals, half: derived.half };
    const r = checkPercent(opNum(g.num), abs, prev);
    // The base as the text names it: the stated previous value is 上年数, else the rate's own word.
    const base = f.prev ? '上年数' : g.base;
    const s = sev(r);
    if (s)
      this.emit(
        c,
        s,
        `${g.dir > 0 ? '增长' : '下降'}率应为 ${abs.value.toString()} ÷ ${prev.value.toString()}（${base}）= ${r.expected}%，叙述为 ${g.num.text.trim()}${s === 'notice' ? WHY_ZH[r.why!] : ''}`,
        `The rate should be ${abs.value.toString()} / ${prev.value.toString()} (${BASE_EN[base] ?? 'budget'}) = ${r.expected}%, the text states ${g.num.text.trim()}${s === 'notice' ? WHY_EN[r.why!] : ''}`,
        `${r.expected}%`,
        g.num.text.trim(),
        cells,
        [g.num, ch?.num, f.changeOnly ? undefined : f.num],
      );
  }

  completion(c: Claim) {
    const f = c.fact;
    let budget: Operand | null = null;
    let bNum: Num | undefined;
    let cells: CellRef[] = [];
    if (f.budget) {
      budget = opNum(f.budget.num);
      bNum = f.budget.num;
    } else if (f.completion && c.concept?.budget) {
      const tv = c.concept.budget(this.a.disclosure);
      if (tv) {
        budget = tv.op;
        cells = cellRefs(tv, 'total');
      }
    }
    if (!budget) return;
    const item = c.item;
    if (!f.completion) {
      if (budget.value.isZero() && item?.cannotCompute) this.mark(c.paragraph, f.num, bNum);
      return;
    }
    this.mark(c.paragraph, f.num, bNum, f.completion);
    const P = f.completion;
    if (budget.value.isZero()) {
      if (f.num.value.isZero() && P.value.isZero()) {
        this.emit(c, 'notice', `预算数与决算数均为0，完成率 ${P.text.trim()} 并无意义`, `Budget and actual are both 0: the completion rate ${P.text.trim()} has no meaning`, '无法计算', P.text.trim(), cells, [P]);
        return;
      }
      this.emit(c, 'error', `预算数为0，完成预算的百分比无从计算，叙述为 ${P.text.trim()}`, `The budget is 0, so no completion rate exists; the text states ${P.text.trim()}`, '无法计算', P.text.trim(), cells, [P]);
      return;
    }
    const r = checkPercent(opNum(P), opNum(f.num), budget);
    const s = sev(r);
    if (s)
      this.emit(
        c,
        s,
        `完成率应为 ${f.num.text.trim()} ÷ ${bNum?.text.trim() ?? budget.value.toString()} = ${r.expected}%，叙述为 ${P.text.trim()}${s === 'notice' ? WHY_ZH[r.why!] : ''}`,
        `The completion rate should be ${f.num.text.trim()} / ${bNum?.text.trim() ?? budget.value.toString()} = ${r.expected}%, the text states ${P.text.trim()}${s === 'notice' ? WHY_EN[r.why!] : ''}`,
        `${r.expected}%`,
        P.text.trim(),
        cells,
        [P, f.num, bNum],
      );
  }

  /** Parts listed after 其中 against their whole. A short list is fine unless it is meant to be complete. */
  parts(c: Claim) {
    const f = c.fact;
    if (!f.parts || f.parts.length === 0) return;
    if (f.parts.some((p) => !!p.changeOnly !== !!f.changeOnly) || f.changeOnly) return;
    const complete = f.exhaustive || (f.parts.length >= 2 && ['income', 'expense', 'procurement', 'sangong', 'basic', 'assets', 'govfund', 'soe'].includes(c.topic ?? ''));
    const r = compareSum(opNum(f.num), f.parts.map((p) => opNum(p.num)));
    const over = r.sum.gt(f.num.value);
    if (r.outcome === 'error' && !over && !complete) return;
    this.mark(c.paragraph, f.num, ...f.parts.map((p) => p.num));
    const s = sev(r);
    if (s)
      this.emit(
        c,
        s,
        `其中各项之和 ${r.expected} 与总数 ${f.num.text.trim()} 不符${s === 'notice' ? '（尾数差异）' : ''}`,
        `The parts listed add up to ${r.expected}, not the stated whole ${f.num.text.trim()}${s === 'notice' ? ' (rounding difference)' : ''}`,
        r.expected,
        f.num.text.trim(),
        [],
        [f.num, ...f.parts.map((p) => p.num)],
      );
  }

  /** 决算数大于/小于/等于(年初)预算数, 大于/小于上年数: against the pair it describes. */
  directions() {
    for (const it of this.a.directionItems) {
      for (const dir of it.directions) {
        const target = this.directionTarget(it, dir.ref);
        if (!target || ruleOf(target) !== this.rule) continue;
        const f = target.fact;
        let cmp: number | null = null;
        if (dir.ref === 'budget' && f.budget) {
          // Printed values are compared as printed: equal digits are "一致".
          const diff = f.num.value.sub(f.budget.num.value);
          cmp = diff.isZero() ? 0 : diff.isPositive() ? 1 : -1;
          this.mark(target.paragraph, f.num, f.budget.num);
        } else if (dir.ref === 'prev') {
          const ch = f.change ?? f.changeOnly;
          if (ch) {
            cmp = ch.num.value.isZero() ? 0 : ch.dir;
            this.mark(target.paragraph, ch.num);
          } else if (f.flat) cmp = 0;
        }
        if (cmp === null) continue;
        const want = dir.word === 'gt' ? 1 : dir.word === 'lt' ? -1 : 0;
        if (cmp === want) continue;
        const word = (x: number) => (x > 0 ? '大于' : x < 0 ? '小于' : '等于');
        const wordEn = (x: number) => (x > 0 ? 'greater than' : x < 0 ? 'less than' : 'equal to');
        const other = dir.ref === 'budget' ? `预算数 ${f.budget!.num.text.trim()}` : '上年数';
        const w = it.sentence.text.indexOf(dir.text);
        const wordAt = w < 0 ? undefined : { start: it.sentence.start + w, end: it.sentence.start + w + dir.text.length };
        this.report({
          rule: this.rule,
          ...sentenceFinding(
            it.paragraph,
            it.sentence,
            'error',
            `方向词与数字矛盾：决算数 ${f.num.text.trim()} ${word(cmp)}${other}，叙述为“${dir.text}”`,
            `Direction word contradicts the numbers: the actual ${f.num.text.trim()} is ${wordEn(cmp)} the ${dir.ref === 'budget' ? 'budget' : 'previous year'}, the text says "${dir.text}"`,
            word(cmp),
            word(want),
            [],
            wordAt ? { at: [wordAt, f.num, f.budget?.num] } : undefined,
          ),
        });
      }
    }
  }

  /** The fact a direction sentence talks about: the last budget pair (or change) of its paragraph up to it. */
  directionTarget(it: SentenceItem, ref: 'budget' | 'prev'): Claim | null {
    const inPara = this.a.byParagraph.get(it.paragraph) ?? [];
    for (let i = inPara.length - 1; i >= 0; i--) {
      const f = inPara[i].fact;
      if (f.sentence.start > it.sentence.start) continue;
      if (ref === 'budget' && f.budget) return inPara[i];
      if (ref === 'prev' && (f.change || f.changeOnly || f.flat) && (f.budget || f.changeOnly)) return inPara[i];
    }
    return null;
  }
}
