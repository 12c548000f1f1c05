/**
 * The checker a rule compares cells with (sum, equal, atMost, linear, restates …): every comparison
 * goes through lib/money; a comparison that fails becomes a finding with expected vs stated,
 * difference and tolerance; every comparison, passing or not, is declared as a relation for
 * lib/localize.
 */
import type Decimal from 'decimal.js';
import { compareAtMost, compareEqual, compareLinear, compareRestatement, compareSum, exact, verdictOf, wanHalfUp, yuanToWan } from '../money';
import type { Amount, Comparison } from '../money';
import type { Disclosure, ModelCell, TableKey } from '../model/types';
import type { Bilingual, CellRef, CellRole, Finding, RuleContext, RuleMeta, Severity } from './types';
import type { Relation, RelationTerm } from '../localize/relation';
import { EMPTY, amountOf } from './amount';
import { TABLE_NAMES } from './names';
import { describeCell, fmt, shown, tableNameOf, tol } from './describe';

// Relation coefficients and the tolerance of 0 = 0 (shared, immutable).
const ONE = exact(1);
const MINUS_ONE = exact(-1);
const ZERO = exact(0);
const WAN_PER_YUAN = exact('0.0001');
const HALF_CENT = exact('0.005');

// ---------------------------------------------------------------------------------------------
// Participation tracing (used by the mutation test to enumerate every cell in an identity).

export type ParticipationKind = 'equality' | 'at-most-part' | 'at-most-whole';
type Tracer = (cell: ModelCell, kind: ParticipationKind, rule: string) => void;
let tracer: Tracer | null = null;

/** Observe every cell that takes part in a comparison (tests only); returns an unsubscribe. */
export function traceParticipation(fn: Tracer): () => void {
  tracer = fn;
  return () => {
    if (tracer === fn) tracer = null;
  };
}

// ---------------------------------------------------------------------------------------------
// The checker: comparisons → findings

export interface Checker {
  readonly d: Disclosure;
  /** stated total = Σ parts. Returns the verdict, or null when skipped (no total cell / unreadable). */
  sum(total: ModelCell | undefined, parts: Array<ModelCell | undefined>, partsLabel: Bilingual | (() => Bilingual)): Comparison | null;
  /** One quantity printed twice: `stated` vs `reference` (one unit of the last printed decimal). */
  equal(stated: ModelCell | undefined, reference: ModelCell | undefined, referenceLabel?: Bilingual): Comparison | null;
  /** part ≤ whole; only a strict excess beyond tolerance is an error. */
  atMost(part: ModelCell | undefined, whole: ModelCell | undefined): Comparison | null;
  /** result = Σ sign·terms (年末 = 年初 + 本年收入 − 本年支出). */
  linear(
    result: ModelCell | undefined,
    terms: Array<{ cell: ModelCell | undefined; sign: 1 | -1 }>,
    termsLabel: Bilingual,
  ): Comparison | null;
  /** A notice or finding not produced by a comparison. */
  report(severity: Severity, message: Bilingual, cells: CellRef[], extra?: { expected?: string | null; actual?: string | null }): void;
  /** part ≤ whole where one is printed in 元 and the other in 万元 (budget BT8 ↔ BT9): the 元 cell is converted exactly. */
  atMostAcross(part: ModelCell | undefined, whole: ModelCell | undefined): Comparison | null;
  /** A 万元 cell restating a 元 cell: equal to half-up(元 / 10⁴, 2) exactly (budget.md, B-21). */
  restates(wan: ModelCell | undefined, yuan: ModelCell | undefined): Comparison | null;
}

export interface CheckerOptions {
  /**
   * Whole-元 tables hide the 分 (budget.md): in a sum whose operands are all printed without decimals
   * in a 元 table, a gap of up to 1 元 per summed term is a notice, not an error.
   */
  wholeYuanPerTerm?: boolean;
}

export function checker(ctx: RuleContext, meta: RuleMeta, options: CheckerOptions = {}): Checker {
  return new RuleChecker(ctx, meta, options);
}

type Decided = Exclude<Comparison, { verdict: 'unreadable' }>;
type Term = [ModelCell | undefined, 1 | -1 | Decimal, RelationTerm['role']];

class RuleChecker implements Checker {
  readonly d: Disclosure;
  // Created on first use: most rules never meet a nan cell or a unit clash.
  private nanReported: Set<ModelCell> | null = null;
  private clashReported: Set<string> | null = null;

  constructor(
    private readonly ctx: RuleContext,
    private readonly meta: RuleMeta,
    private readonly options: CheckerOptions,
  ) {
    this.d = ctx.disclosure;
  }

  sum(total: ModelCell | undefined, parts: Array<ModelCell | undefined>, partsLabel: Bilingual | (() => Bilingual)): Comparison | null {
    if (!total) return null;
    if (tracer) this.trace([total, ...parts], 'equality');
    const d = this.d;
    // Blank check, unit check and operands in one pass, without building [total, ...parts].
    let blank = total.value.kind === 'empty';
    const unit = d.tables[total.table]?.unit ?? null;
    let mixedUnits = false;
    const amounts: Amount[] = new Array(parts.length);
    for (let i = 0; i < parts.length; i++) {
      const x = parts[i];
      if (!x) {
        amounts[i] = EMPTY;
        continue;
      }
      amounts[i] = x.value;
      if (x.value.kind !== 'empty') blank = false;
      if (x.table !== total.table) {
        const u = d.tables[x.table]?.unit;
        if (u && unit && u !== unit) mixedUnits = true;
      }
    }
    const sumTerms = (): Term[] => [[total, 1, 'total'], ...parts.map((p): Term => [p, -1, 'part'])];
    if (blank) {
      // 0 = 0 holds exactly; a value typed into any of these cells would break it.
      if (this.ctx.relate) this.relate('eq', sumTerms(), ZERO, 'pass', null);
      return null;
    }
    if ((mixedUnits || unit === null) && this.unitClash([total, ...parts])) return null;
    let cmp = compareSum(total.value, amounts);
    if (this.options.wholeYuanPerTerm && cmp.verdict === 'error' && unit === '元') cmp = perTermSlack(cmp, total.value, amounts);
    // A label may be given lazily: it is only needed for a finding (most sums pass).
    const label = () => (typeof partsLabel === 'function' ? partsLabel() : partsLabel);
    if (cmp.verdict === 'unreadable') {
      const l = label();
      const st = this.stated(total);
      this.unreadable([total, ...parts], { zh: `${st.zh} = ${l.zh}`, en: `${st.en} = ${l.en}` });
      return null;
    }
    const finding = this.severityOf(cmp) ? this.emit(cmp, refs(total, 'total', parts, 'part'), this.stated(total), '≠', label(), total) : null;
    if (this.ctx.relate) this.relate('eq', sumTerms(), cmp.tolerance, cmp.verdict, finding);
    return cmp;
  }

  equal(a: ModelCell | undefined, b: ModelCell | undefined, referenceLabel?: Bilingual): Comparison | null {
    if (!a || !b) return null;
    if (tracer) this.trace([a, b], 'equality');
    const terms: Term[] = [[a, 1, 'value'], [b, -1, 'value']];
    if (a.value.kind === 'empty' && b.value.kind === 'empty') {
      if (this.ctx.relate) this.relate('eq', terms, ZERO, 'pass', null);
      return null;
    }
    if (!this.sameUnit(a, b) && this.unitClash([a, b])) return null;
    const cmp = compareEqual(a.value, b.value);
    if (cmp.verdict === 'unreadable') {
      const label = referenceLabel ?? this.stated(b);
      this.unreadable([a, b], { zh: `${this.stated(a).zh} = ${label.zh}`, en: `${this.stated(a).en} = ${label.en}` });
      return null;
    }
    const finding = this.severityOf(cmp) ? this.emit(cmp, refs(a, 'value', [b], 'value'), this.stated(a), '≠', referenceLabel ?? this.stated(b), a, b) : null;
    if (this.ctx.relate) this.relate('eq', terms, cmp.tolerance, cmp.verdict, finding);
    return cmp;
  }

  atMost(part: ModelCell | undefined, whole: ModelCell | undefined): Comparison | null {
    if (!part || !whole) return null;
    this.traceAtMost(part, whole);
    const terms: Term[] = [[part, 1, 'part'], [whole, -1, 'total']];
    if (part.value.kind === 'empty' && whole.value.kind === 'empty') {
      if (this.ctx.relate) this.relate('le', terms, ZERO, 'pass', null);
      return null;
    }
    if (!this.sameUnit(part, whole) && this.unitClash([part, whole])) return null;
    const cmp = compareAtMost(part.value, whole.value);
    if (cmp.verdict === 'unreadable') {
      this.unreadableAtMost(part, whole);
      return null;
    }
    const finding = this.severityOf(cmp)
      ? this.emit(cmp, [{ cell: whole, role: 'total' }, { cell: part, role: 'part' }], this.stated(part), '>', this.stated(whole), part, whole)
      : null;
    if (this.ctx.relate) this.relate('le', terms, cmp.tolerance, cmp.verdict, finding);
    return cmp;
  }

  linear(result: ModelCell | undefined, terms: Array<{ cell: ModelCell | undefined; sign: 1 | -1 }>, termsLabel: Bilingual): Comparison | null {
    if (!result) return null;
    const cells = [result, ...terms.map((t) => t.cell)];
    if (tracer) this.trace(cells, 'equality');
    const linearTerms = (): Term[] => [[result, 1, 'total'], ...terms.map((t): Term => [t.cell, t.sign === 1 ? -1 : 1, 'part'])];
    if (cells.every((x) => !x || x.value.kind === 'empty')) {
      // 0 = 0: when every operand is blank the relation holds exactly (and lib/money is not cheap).
      if (this.ctx.relate) this.relate('eq', linearTerms(), ZERO, 'pass', null);
      return null;
    }
    if (this.unitClash(cells)) return null;
    const cmp = compareLinear(
      result.value,
      terms.map((t) => ({ amount: amountOf(t.cell), sign: t.sign })),
    );
    if (cmp.verdict === 'unreadable') {
      const st = this.stated(result);
      this.unreadable(cells, { zh: `${st.zh} = ${termsLabel.zh}`, en: `${st.en} = ${termsLabel.en}` });
      return null;
    }
    const finding = this.severityOf(cmp)
      ? this.emit(cmp, refs(result, 'total', terms.map((t) => t.cell), 'part'), this.stated(result), '≠', termsLabel, result)
      : null;
    if (this.ctx.relate) this.relate('eq', linearTerms(), cmp.tolerance, cmp.verdict, finding);
    return cmp;
  }

  atMostAcross(part: ModelCell | undefined, whole: ModelCell | undefined): Comparison | null {
    if (!part || !whole) return null;
    this.traceAtMost(part, whole);
    if (part.value.kind === 'empty' && whole.value.kind === 'empty') return null;
    const pu = this.d.tables[part.table]?.unit;
    const wu = this.d.tables[whole.table]?.unit;
    if (pu === wu) return this.atMost(part, whole);
    if (!(pu === '元' && wu === '万元') && !(pu === '万元' && wu === '元')) {
      this.unitClash([part, whole]);
      return null;
    }
    const partAmount = pu === '元' ? yuanToWan(part.value) : part.value;
    const wholeAmount = wu === '元' ? yuanToWan(whole.value) : whole.value;
    let cmp = compareAtMost(partAmount, wholeAmount);
    // A 万元 figure that is exactly half-up of the 元 amount is that amount, not "more" than it.
    if (cmp.verdict === 'notice' && pu === '万元' && whole.value.kind === 'number' && cmp.actual.eq(wanHalfUp(whole.value.value))) {
      cmp = { ...cmp, verdict: 'pass' };
    }
    if (cmp.verdict === 'unreadable') {
      this.unreadableAtMost(part, whole);
      return null;
    }
    const inWan = (cell: ModelCell, u: string | undefined): Bilingual => {
      const st = this.stated(cell);
      return u === '元' ? { zh: `${st.zh}（${cell.text} 元折合万元）`, en: `${st.en} (${cell.text} yuan in 10k yuan)` } : st;
    };
    const finding = this.severityOf(cmp)
      ? this.emit(cmp, [{ cell: whole, role: 'total' }, { cell: part, role: 'part' }], inWan(part, pu), '>', inWan(whole, wu), part, whole)
      : null;
    if (this.ctx.relate)
      this.relate('le', [[part, pu === '元' ? WAN_PER_YUAN : ONE, 'part'], [whole, wu === '元' ? WAN_PER_YUAN.neg() : MINUS_ONE, 'total']], cmp.tolerance, cmp.verdict, finding);
    return cmp;
  }

  restates(wan: ModelCell | undefined, yuan: ModelCell | undefined): Comparison | null {
    if (!wan || !yuan) return null;
    if (tracer) this.trace([wan, yuan], 'equality');
    if (wan.value.kind === 'empty' && yuan.value.kind === 'empty') return null;
    const cmp = compareRestatement(wan.value, yuan.value);
    if (cmp.verdict === 'unreadable') {
      this.unreadable([wan, yuan], { zh: `${this.stated(wan).zh} = ${this.stated(yuan).zh} ÷ 10000`, en: `${this.stated(wan).en} = ${this.stated(yuan).en} ÷ 10000` });
      return null;
    }
    let finding: Finding | null = null;
    if (this.severityOf(cmp)) {
      const y = this.stated(yuan);
      const truncated = yuan.value.kind === 'number' && cmp.actual.eq(yuan.value.value.div(10000).toDecimalPlaces(2, 1));
      const why = truncated ? { zh: '，应四舍五入而非截尾', en: '; round half-up, do not truncate' } : { zh: '', en: '' };
      finding = this.emit(
        cmp,
        refs(wan, 'value', [yuan], 'value'),
        this.stated(wan),
        '≠',
        { zh: `${y.zh} ${yuan.text} 元折合万元（四舍五入到分${why.zh}）`, en: `${y.en} ${yuan.text} yuan in 10k yuan (half-up to 2 decimals${why.en})` },
        wan,
        yuan,
      );
    }
    // wan = half-up(yuan / 10⁴, 2): |wan − yuan / 10⁴| ≤ 0.005 as a linear relation.
    if (this.ctx.relate) this.relate('eq', [[wan, 1, 'value'], [yuan, WAN_PER_YUAN.neg(), 'value']], HALF_CENT, cmp.verdict, finding);
    return cmp;
  }

  report(severity: Severity, message: Bilingual, cells: CellRef[], extra?: { expected?: string | null; actual?: string | null }): void {
    this.ctx.report({
      severity,
      message,
      expected: extra?.expected ?? null,
      actual: extra?.actual ?? null,
      cells,
      spans: [],
      quote: null,
    });
  }

  private trace(cells: Array<ModelCell | undefined>, kind: ParticipationKind): void {
    if (!tracer) return;
    for (const c of cells) if (c) tracer(c, kind, this.meta.id);
  }

  private traceAtMost(part: ModelCell, whole: ModelCell): void {
    if (!tracer) return;
    tracer(part, 'at-most-part', this.meta.id);
    tracer(whole, 'at-most-whole', this.meta.id);
  }

  /** Warn once per rule about each cell that is not a number; the identity is skipped. */
  private unreadable(cells: Array<ModelCell | undefined>, what: Bilingual): void {
    for (const c of cells) {
      // A label where an amount belongs (合计 / 基本支出 …): the relation does not apply to this row.
      if (!c || c.value.kind !== 'nan' || c.value.label || this.nanReported?.has(c)) continue;
      (this.nanReported ??= new Set()).add(c);
      const t = tableNameOf(c);
      const where = describeCell(this.d, c);
      const shown = c.value.unreadable;
      this.ctx.report({
        severity: 'warning',
        message: shown ? {
          zh: `${t.zh}：${where.zh} 显示的内容与网页文本不一致（${shown === 'bidi' ? '含改变显示顺序的双向控制字符或 bdo 标记' : '含隐藏或零字号的数字'}），无法可靠读取，未核对${what.zh}（已跳过该项校验，不按 0 处理）`,
          en: `${t.en}: ${where.en} shows something other than its text on the page (${shown === 'bidi' ? 'bidi controls or a bdo element reorder it' : 'hidden or zero-size digits'}); it cannot be read reliably, so ${what.en} was not checked (skipped, not treated as 0)`,
        } : {
          zh: `${t.zh}：${where.zh} 的内容「${c.text}」不是数字，无法核对${what.zh}（已跳过该项校验，不按 0 处理）`,
          en: `${t.en}: ${where.en} holds "${c.text}", which is not a number; ${what.en} was not checked (skipped, not treated as 0)`,
        },
        expected: null,
        actual: c.text,
        cells: [{ cell: c, role: 'value' }],
        spans: [],
        quote: null,
      });
    }
  }

  private unreadableAtMost(part: ModelCell, whole: ModelCell): void {
    this.unreadable([part, whole], { zh: `${this.stated(part).zh} ≤ ${this.stated(whole).zh}`, en: `${this.stated(part).en} ≤ ${this.stated(whole).en}` });
  }

  private severityOf(cmp: Decided): Severity | null {
    return cmp.verdict === 'pass' ? null : cmp.verdict === 'notice' ? 'notice' : this.meta.severity;
  }

  /**
   * Declares the relation Σ coef·x (= | ≤) 0 a comparison checked, with its tolerance and outcome
   * (lib/localize reads them; passing ones too). `terms` lists [cell, sign, role]; a cell named twice
   * adds its coefficients.
   */
  private relate(op: Relation['op'], terms: Term[], tolerance: Decimal, verdict: Relation['verdict'], finding: Finding | null): void {
    const sink = this.ctx.relate;
    if (!sink) return;
    const out: RelationTerm[] = [];
    for (const [cell, sign, role] of terms) {
      if (!cell) continue;
      const coef = sign === 1 ? ONE : sign === -1 ? MINUS_ONE : sign;
      const i = out.findIndex((t) => t.x.kind === 'cell' && t.x.cell === cell);
      // A cell twice with one sign is 2·x; with both, it cancels out.
      if (i >= 0) out[i] = { ...out[i], coef: out[i].coef.plus(coef) };
      else out.push({ x: { kind: 'cell', cell }, coef, role });
    }
    for (let i = out.length - 1; i >= 0; i--) if (out[i].coef.isZero()) out.splice(i, 1);
    if (out.length > 0) sink({ rule: this.meta.id, op, terms: out, tolerance, verdict, finding });
  }

  private emit(cmp: Decided, cells: CellRef[], stated: Bilingual, op: string, computed: Bilingual, statedCell?: ModelCell, referenceCell?: ModelCell): Finding | null {
    const severity = this.severityOf(cmp);
    if (!severity) return null;
    const actual = shown(statedCell, cmp.actual, cmp.decimals, 'zh');
    const expected = shown(referenceCell, cmp.expected, cmp.decimals, 'zh');
    const actualEn = shown(statedCell, cmp.actual, cmp.decimals, 'en');
    const expectedEn = shown(referenceCell, cmp.expected, cmp.decimals, 'en');
    const diff = fmt(cmp.difference.abs(), cmp.decimals);
    const tolerance = tol(cmp.tolerance);
    const rounding = severity === 'notice';
    const zhTail = rounding ? `（尾数差异：差 ${diff}，容差 ${tolerance}）` : `（差 ${diff}，容差 ${tolerance}）`;
    const enTail = rounding ? ` (rounding difference: ${diff}, within tolerance ${tolerance})` : ` (difference ${diff}, tolerance ${tolerance})`;
    return (
      this.ctx.report({
        severity,
        message: {
          zh: `${stated.zh} ${actual} ${op} ${computed.zh} ${expected}${zhTail}`,
          en: `${stated.en} ${actualEn} ${op} ${computed.en} ${expectedEn}${enTail}`,
        },
        expected,
        actual,
        cells,
        spans: [],
        quote: null,
      }) ?? null
    );
  }

  /** Both cells in one table, or in tables printed in the same unit (the common case, no allocation). */
  private sameUnit(a: ModelCell, b: ModelCell): boolean {
    if (a.table === b.table) return true;
    const u = this.d.tables[a.table]?.unit;
    return !!u && u === this.d.tables[b.table]?.unit;
  }

  /** Tables printed in different units (元 vs 万元) cannot be compared cell by cell: say so once, skip. */
  private unitClash(cells: Array<ModelCell | undefined>): boolean {
    const d = this.d;
    // Fast path without allocation: one unit among the cells (almost always).
    let first: string | null = null;
    let mixed = false;
    for (const x of cells) {
      const u = x ? d.tables[x.table]?.unit : null;
      if (!u) continue;
      if (first === null) first = u;
      else if (u !== first) {
        mixed = true;
        break;
      }
    }
    if (!mixed) return false;
    const units = new Map<string, string>();
    for (const x of cells) {
      const u = x ? d.tables[x.table]?.unit : null;
      if (x && u) units.set(x.table, u);
    }
    const key = [...units.entries()].map(([t, u]) => `${t}:${u}`).sort().join(' ');
    if (!this.clashReported?.has(key)) {
      (this.clashReported ??= new Set()).add(key);
      const list = [...units.entries()].map(([t, u]) => `${TABLE_NAMES[t as TableKey]?.zh ?? t}（${u}）`).join('、');
      const listEn = [...units.entries()].map(([t, u]) => `${t} (${u})`).join(', ');
      this.ctx.report({
        severity: 'notice',
        message: { zh: `${list}金额单位不同，未做跨表核对`, en: `${listEn} are printed in different units; not compared across tables` },
        expected: null,
        actual: null,
        cells: cells.filter((x): x is ModelCell => !!x).map((cell) => ({ cell, role: 'value' as const })),
        spans: [],
        quote: null,
      });
    }
    return true;
  }

  /** "表名 行 列": how a compared cell is named in a message. */
  private stated(cell: ModelCell): Bilingual {
    const t = tableNameOf(cell);
    const w = describeCell(this.d, cell);
    return { zh: `${t.zh} ${w.zh}`, en: `${t.en} ${w.en}` };
  }
}

function refs(total: ModelCell, totalRole: CellRole, parts: Array<ModelCell | undefined>, partRole: CellRole): CellRef[] {
  const out: CellRef[] = [{ cell: total, role: totalRole }];
  for (const p of parts) if (p && !out.some((r) => r.cell === p)) out.push({ cell: p, role: partRole });
  return out;
}

/**
 * A whole-元 sum (budget.md): every operand printed without decimals hides up to 1 元 of 分, so a
 * gap of up to 1 元 per summed term is a notice. Operands with decimals keep the interval rule.
 */
function perTermSlack(cmp: Exclude<Comparison, { verdict: 'unreadable' }>, total: Amount, parts: readonly Amount[]): Comparison {
  let terms = 0;
  let whole = total.kind === 'number' && total.printedDecimals === 0 ? 1 : 0;
  for (const a of parts) {
    if (a.kind !== 'number') continue;
    terms++;
    if (a.printedDecimals === 0) whole++;
  }
  if (whole === 0) return cmp;
  // All whole: 1 元 per summed term. Mixed precision in one table (22,118,861 beside 20,272,981.00):
  // each operand printed without decimals may hide up to 1 元, on top of the interval rule.
  const slack = whole === terms + 1 ? cmp.tolerance.mul(0).plus(terms) : cmp.tolerance.plus(whole);
  if (slack.lte(cmp.tolerance) || cmp.difference.abs().gt(slack)) return cmp;
  return { ...cmp, tolerance: slack, verdict: verdictOf(cmp.difference, slack) };
}

/** Label "A + B + C" from cells, for sums across rows. */
export function sumLabel(d: Disclosure, cells: Array<ModelCell | undefined>, fallback: Bilingual): Bilingual {
  const present = cells.filter((c): c is ModelCell => !!c);
  if (present.length === 0 || present.length > 4) return fallback;
  const parts = present.map((c) => describeCell(d, c));
  return {
    zh: `${fallback.zh}（${parts.map((p) => p.zh).join(' + ')}）`,
    en: `${fallback.en} (${parts.map((p) => p.en).join(' + ')})`,
  };
}
