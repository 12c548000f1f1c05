/**
 * lib/money — parsing printed amounts and rounding-aware comparisons (domain.md, "Rounding").
 *
 * A number printed with d decimals stands for the interval v ± ½·10⁻ᵈ. Sums add intervals; a
 * relation holds when the stated interval meets the computed one (the XBRL Calculations 1.1 model,
 * as in Arelle's ValidateXbrlCalcs). Exactly equal → pass; inside the tolerance → notice (尾数差异);
 * outside → error. No ad-hoc thresholds. All arithmetic is exact decimal (decimal.js).
 */
import Decimal from 'decimal.js';
import type { Amount, Interval, Verdict } from './types';
import { memoByText } from '../memo';

export type { Amount, Interval, Verdict } from './types';

/**
 * Private Decimal constructor: 34 significant digits (decimal128; sums of printed amounts stay
 * exact far beyond any budget) and plain (non-exponential) toString for any amount a page prints.
 */
const PRECISION = 34;
const D = Decimal.clone({
  precision: PRECISION,
  rounding: Decimal.ROUND_HALF_UP,
  toExpNeg: -80,
  toExpPos: 80,
});

const ZERO = new D(0);

/** An exact decimal in this module's context (34 digits), e.g. relation coefficients. */
export function exact(v: Decimal.Value): Decimal {
  return new D(v);
}

/** Longest compact numeric text accepted; anything longer is not a printed amount. */
const MAX_NUMBER_CHARS = 80;

// ---------------------------------------------------------------------------------------------
// Normalisation

/** Characters folded before parsing. Full-width forms, minus look-alikes, dashes, spaces. */
function foldChar(code: number): string | null {
  // Full-width digits ０–９.
  if (code >= 0xff10 && code <= 0xff19) return String.fromCharCode(code - 0xff10 + 48);
  switch (code) {
    case 0xff0e: // ．
      return '.';
    case 0xff0c: // ，
      return ',';
    case 0xff0d: // －
    case 0x2212: // − minus sign
    case 0x2010: // ‐ hyphen
    case 0x2011: // ‑ non-breaking hyphen
    case 0x2013: // – en dash
    case 0xfe63: // ﹣ small hyphen-minus
      return '-';
    case 0x2014: // — em dash
    case 0x2015: // ― horizontal bar
    case 0x2500: // ─ box drawing (Word tables)
    case 0x2e3a: // ⸺
    case 0x2e3b: // ⸻
    case 0xfe58: // ﹘
      return '—';
    case 0xff08: // （
      return '(';
    case 0xff09: // ）
      return ')';
    case 0xff0f: // ／
      return '/';
    case 0xff0b: // ＋
      return '+';
    case 0xff05: // ％
      return '%';
    case 0x200b: // zero-width space / joiners / BOM / word joiner: invisible junk
    case 0x200c:
    case 0x200d:
    case 0x2060:
    case 0xfeff:
      return '';
    default:
      return null;
  }
}

const WS = /\s/; // JS \s covers U+3000, NBSP, U+2000–200A, U+1680, U+202F, U+205F …

/** Fold to ASCII-ish form; every whitespace becomes one ASCII space; result is trimmed. */
function normalize(text: string): string {
  let out = '';
  let plain = true;
  for (let i = 0; i < text.length; i++) {
    const c = text.charCodeAt(i);
    if (c < 128 && c !== 9 && c !== 10 && c !== 11 && c !== 12 && c !== 13) continue;
    plain = false;
    break;
  }
  if (plain) return text.trim();
  for (let i = 0; i < text.length; i++) {
    const ch = text[i];
    const folded = foldChar(text.charCodeAt(i));
    if (folded !== null) out += folded;
    else if (WS.test(ch)) out += ' ';
    else out += ch;
  }
  return out.trim();
}

/** Blank-like placeholders: "-", "—", "— —", "——", "--", "/", "／" (after folding). */
const EMPTY_RE = /^(?:[-—]+|\/+)$/;
/** The plain fast path: "123", "-1.5", "0.00". */
const PLAIN_RE = /^-?\d+(?:\.\d+)?$/;
/** Sign, optional parentheses, grouped or plain integer part, optional fraction. */
const NUMBER_RE = /^([-+]?)(\(?)(\d{1,3}(?:,\d{3})+|\d*)(?:\.(\d*))?(\)?)$/;

interface ParsedNumber {
  value: Decimal;
  printedDecimals: number;
}

// Decimal construction dominates parsing; tables repeat the same texts ("0.00", totals across
// tables), and Decimals are immutable, so parsed values are memoised (bounded).
const CACHE_MAX = 8192;
const parseCompactMemo = memoByText((s) => parseCompactUncached(s), CACHE_MAX);

function parseCompact(s: string): ParsedNumber | null {
  if (s.length === 0 || s.length > MAX_NUMBER_CHARS) return null;
  return parseCompactMemo(s);
}

function parseCompactUncached(s: string): ParsedNumber | null {
  if (PLAIN_RE.test(s)) {
    const dot = s.indexOf('.');
    return { value: nonNegZero(new D(s)), printedDecimals: dot < 0 ? 0 : s.length - dot - 1 };
  }
  const m = NUMBER_RE.exec(s);
  if (!m) return null;
  const [, sign, open, intPart, frac, close] = m;
  if (open !== close.replace(')', '(')) return null; // parentheses must pair
  if (open && sign) return null; // "-(1.23)" is ambiguous
  const fracDigits = frac ?? '';
  if (intPart.length === 0 && fracDigits.length === 0) return null; // ".", "-", "()"
  const digits = `${intPart.replace(/,/g, '') || '0'}.${fracDigits || '0'}`;
  let value = new D(digits);
  if (sign === '-' || open) value = value.neg();
  return { value: nonNegZero(value), printedDecimals: fracDigits.length };
}

/** "-0.00" is 0: never print or compare a negative zero. */
function nonNegZero(d: Decimal): Decimal {
  return d.isZero() ? ZERO : d;
}

/** Remove spaces; a space between two digits acts as a thousands separator ("1 234.56"). */
function compact(s: string): string {
  if (s.indexOf(' ') < 0) return s;
  return s.replace(/(\d) +(?=\d)/g, '$1,').replace(/ +/g, '');
}

// ---------------------------------------------------------------------------------------------
// Parsing

export interface ParseOptions {
  /**
   * Decimals the table prints its amounts with (e.g. 2). An integer "10" in a 2-decimal table
   * stands for 10.00 ± 0.005: decimals = max(printed decimals, precision).
   */
  precision?: number;
}

/**
 * Parse a cell's text. Never throws.
 * - number: thousands separators (, ，), full-width digits/dot/comma, minus look-alikes (－ − ‐ –)
 *   when leading, "(1.23)" / "（1.23）" negatives, any spaces (U+3000, NBSP …) around or inside;
 * - empty: blank, "-", "—", "— —", "——", "－", "/", "／" (exact 0 in sums, not a printed 0);
 * - nan: anything else ("单位不需填列", "见附表", "1.2.3", "12a", "98%") — never 0.
 */
export function parseAmount(text: string, opts?: ParseOptions): Amount {
  const raw = typeof text === 'string' ? text : String(text ?? '');
  if (opts?.precision === undefined || opts.precision === 0) {
    // Recognition reads every cell (often more than once) and pages repeat the same texts: the
    // Amount for a text without a table precision is immutable, so it is shared (bounded cache).
    return raw.length <= MAX_NUMBER_CHARS * 2 ? sharedAmount(raw) : frozenAmount(raw);
  }
  return parseAmountUncached(raw, opts.precision);
}

const frozenAmount = (raw: string): Amount => Object.freeze(parseAmountUncached(raw, 0)) as Amount;
const sharedAmount = memoByText(frozenAmount, CACHE_MAX);

function parseAmountUncached(raw: string, p: number | undefined): Amount {
  // Recognition parses every label cell too ("一般公共服务支出"): a CJK ideograph (never folded,
  // never a space, digit or placeholder) makes the text nan without the per-char fold loop.
  if (IDEOGRAPH.test(raw)) return LABEL_TEXT.test(raw.replace(ALL_SPACE, '')) ? { kind: 'nan', text: raw, label: true } : { kind: 'nan', text: raw };
  const s = normalize(raw);
  const c = compact(s);
  if (c.length === 0 || EMPTY_RE.test(c)) return { kind: 'empty', text: raw };
  const n = parseCompact(c);
  if (!n) return { kind: 'nan', text: raw };
  const precision = sanitizePrecision(p);
  return {
    kind: 'number',
    value: n.value,
    decimals: Math.max(n.printedDecimals, precision),
    printedDecimals: n.printedDecimals,
    text: raw,
  };
}

const IDEOGRAPH = /[\u4e00-\u9fff]/;
const ALL_SPACE = /\s+/g;
/** Column and row labels of the 决算/预算 tables: printed in an amount cell they are not a value. */
const LABEL_TEXT =
  /^(合计|小计|总计|本年(收入|支出)(合计)?|基本支出|项目支出|人员经费|公用经费|(年初|年末)(财政拨款)?结转和结余|(年初)?预算数|决算数|金额|栏次|行次|项目|科目名称|科目编码)$/;

/** A usable decimals count: a non-negative integer, at most 100 (longer numbers are nan anyway). */
function sanitizePrecision(p: number | undefined): number {
  if (p === undefined || !Number.isFinite(p) || p < 0) return 0;
  return Math.min(Math.floor(p), 100);
}

/** The value to use in arithmetic: empty → 0, nan → null (the caller must report it, not guess). */
export function amountDecimal(a: Amount): Decimal | null {
  if (a.kind === 'number') return a.value;
  if (a.kind === 'empty') return ZERO;
  return null;
}

/** True for kind 'empty' (blank-like), as opposed to a printed 0. */
export function isEmptyAmount(a: Amount): boolean {
  return a.kind === 'empty';
}

/** "-1234567.50" → "-1,234,567.50": thousands separators in a plain fixed-point text. */
export function groupThousands(s: string): string {
  const [int, frac] = s.split('.');
  const neg = int.startsWith('-');
  const digits = neg ? int.slice(1) : int;
  return `${neg ? '-' : ''}${digits.replace(/\B(?=(\d{3})+(?!\d))/g, ',')}${frac !== undefined ? `.${frac}` : ''}`;
}

/** Fixed-point text with `decimals` places (half-up), no thousands separators; never "-0.00". */
export function formatAmount(d: Decimal, decimals: number): string {
  const places = sanitizePrecision(decimals);
  const s = new D(d).toFixed(places);
  return /^-0(?:\.0*)?$/.test(s) ? s.slice(1) : s;
}

// ---------------------------------------------------------------------------------------------
// Intervals

/** ½·10⁻ᵈ — half a unit of the last printed decimal. */
export function halfUnit(decimals: number): Decimal {
  const d = sanitizePrecision(decimals);
  return (HALF_UNITS[d] ??= unit(d).div(2));
}

/** One unit of the d-th decimal: 10⁻ᵈ. */
export function unit(decimals: number): Decimal {
  const d = sanitizePrecision(decimals);
  return (UNITS[d] ??= new D(`1e-${d}`));
}

// Memoised 10⁻ᵈ and ½·10⁻ᵈ (exact: constructed from strings, not computed).
const UNITS: Decimal[] = [];
const HALF_UNITS: Decimal[] = [];

/** v ± ½·10⁻ᵈ for a number, [0, 0] for empty, null for nan. */
export function intervalOf(a: Amount): Interval | null {
  if (a.kind === 'empty') return { lo: ZERO, hi: ZERO };
  if (a.kind === 'nan') return null;
  const h = halfUnit(a.decimals);
  return { lo: a.value.minus(h), hi: a.value.plus(h) };
}

/** Sum of intervals. */
export function addIntervals(...xs: Interval[]): Interval {
  let lo: Decimal = ZERO;
  let hi: Decimal = ZERO;
  for (const x of xs) {
    lo = lo.plus(x.lo);
    hi = hi.plus(x.hi);
  }
  return { lo, hi };
}

/** a − b. */
export function subIntervals(a: Interval, b: Interval): Interval {
  return { lo: new D(a.lo).minus(b.hi), hi: new D(a.hi).minus(b.lo) };
}

/** Interval times an exact scalar (e.g. 100 for percentages). */
export function scaleInterval(a: Interval, k: Decimal | number): Interval {
  const x = new D(a.lo).times(k);
  const y = new D(a.hi).times(k);
  return x.lte(y) ? { lo: x, hi: y } : { lo: y, hi: x };
}

// Directed rounding for interval division (constructors are created once: cloning is costly).
const Lo = D.clone({ rounding: Decimal.ROUND_FLOOR });
const Hi = D.clone({ rounding: Decimal.ROUND_CEIL });

/**
 * a ÷ b, or null when b contains 0 (the ratio is unbounded). Bounds are rounded outward so the
 * result always contains the exact ratio interval.
 */
export function divIntervals(a: Interval, b: Interval): Interval | null {
  const blo = b.lo;
  const bhi = b.hi;
  if (blo.lte(0) && bhi.gte(0)) return null;
  if (blo.isNegative()) {
    // a ÷ b = −(a ÷ −b); the negated bounds swap.
    const r = divPositive(a, new D(bhi).neg(), new D(blo).neg());
    return { lo: r.hi.neg(), hi: r.lo.neg() };
  }
  return divPositive(a, blo, bhi);
}

/** a ÷ [dlo, dhi] with 0 < dlo ≤ dhi: two divisions, rounded outward. */
function divPositive(a: Interval, dlo: Decimal, dhi: Decimal): Interval {
  // The smallest quotient divides a.lo by the largest divisor if a.lo ≥ 0, else by the smallest.
  const lo = new Lo(a.lo).div(a.lo.isNegative() ? dlo : dhi);
  const hi = new Hi(a.hi).div(a.hi.isNegative() ? dhi : dlo);
  return { lo: new D(lo), hi: new D(hi) };
}

/** Closed intervals meet. */
export function intersects(a: Interval, b: Interval): boolean {
  return a.lo.lte(b.hi) && b.lo.lte(a.hi);
}

/** x ∈ [lo, hi]. */
export function contains(a: Interval, x: Decimal): boolean {
  return a.lo.lte(x) && x.lte(a.hi);
}

// ---------------------------------------------------------------------------------------------
// Comparisons

/** Result of a rounding-aware comparison; 'unreadable' when an operand is not a number. */
export type Comparison =
  | {
      verdict: Verdict;
      /** The computed value (Σ parts, the other printing, the whole …). */
      expected: Decimal;
      /** The stated value being checked. */
      actual: Decimal;
      /** actual − expected. */
      difference: Decimal;
      /** Largest |difference| explained by rounding. */
      tolerance: Decimal;
      /** Decimals to print expected/actual/difference with in messages. */
      decimals: number;
    }
  | { verdict: 'unreadable'; texts: string[] };

/** A term of a linear identity: +amount or −amount. */
export interface Term {
  amount: Amount;
  sign: 1 | -1;
}

/** pass if difference is exactly 0, notice if |difference| ≤ tolerance, error beyond. */
export function verdictOf(difference: Decimal, tolerance: Decimal): Verdict {
  if (difference.isZero()) return 'pass';
  return difference.abs().lte(tolerance) ? 'notice' : 'error';
}

function unreadableTexts(amounts: readonly Amount[]): string[] | null {
  let bad: string[] | null = null;
  for (let i = 0; i < amounts.length; i++) {
    const a = amounts[i];
    if (a.kind === 'nan') (bad ??= []).push(a.text);
  }
  return bad;
}

/** Texts of the nan operands among `first` and `rest` (in that order), or null. */
function unreadableOf(first: Amount, rest: readonly Amount[]): string[] | null {
  const bad = first.kind === 'nan' ? [first.text] : null;
  const more = unreadableTexts(rest);
  return bad ? (more ? bad.concat(more) : bad) : more;
}

/**
 * Σ ½·10⁻ᵈⁱ over the printed operands, computed as k·½·10⁻ᵈᵐᵃˣ with k = Σ 10^(dmax − dᵢ)
 * (an exact small integer) — one Decimal multiplication instead of one addition per operand,
 * and none for the (dmax, k) pairs seen before (memoised: tables repeat the same shapes).
 */
function sumHalfUnits(amounts: readonly Amount[], first?: Amount): Decimal {
  // Decimals of parsed amounts are small non-negative integers; anything else takes the general path.
  let dmax = -1;
  let dmin = Infinity;
  let n = 0;
  if (first && first.kind === 'number') {
    dmax = dmin = first.decimals;
    n = 1;
  }
  for (let i = 0; i < amounts.length; i++) {
    const a = amounts[i];
    if (a.kind !== 'number') continue;
    const d = a.decimals;
    if (d > dmax) dmax = d;
    if (d < dmin) dmin = d;
    n++;
  }
  if (n === 0) return ZERO;
  if (dmax === dmin && Number.isInteger(dmax) && dmax >= 0 && dmax <= 20 && n <= 4096) {
    // Every operand printed alike (the usual case): k = n.
    const row = (HALF_MULTIPLES[dmax] ??= []);
    return (row[n] ??= halfUnit(dmax).times(n));
  }
  return mixedHalfUnits(amounts, first);
}

function mixedHalfUnits(amounts: readonly Amount[], first?: Amount): Decimal {
  let dmax = first && first.kind === 'number' ? sanitizePrecision(first.decimals) : -1;
  for (let i = 0; i < amounts.length; i++) {
    const a = amounts[i];
    if (a.kind === 'number') dmax = Math.max(dmax, sanitizePrecision(a.decimals));
  }
  if (dmax < 0) return ZERO;
  // k counts operands weighted by their unit (integers, not money).
  let k = first && first.kind === 'number' ? 10 ** (dmax - sanitizePrecision(first.decimals)) : 0;
  for (let i = 0; i < amounts.length; i++) {
    const a = amounts[i];
    if (a.kind === 'number') k += 10 ** (dmax - sanitizePrecision(a.decimals));
  }
  // k stays an exact integer for any realistic operand count (2^53 limit).
  if (!Number.isSafeInteger(k)) return slowSumHalfUnits(first ? [first, ...amounts] : amounts);
  if (k > 4096 || dmax > 20) return halfUnit(dmax).times(k);
  const row = (HALF_MULTIPLES[dmax] ??= []);
  return (row[k] ??= halfUnit(dmax).times(k));
}
const HALF_MULTIPLES: Decimal[][] = [];

function slowSumHalfUnits(amounts: readonly Amount[]): Decimal {
  let t: Decimal = ZERO;
  for (const a of amounts) if (a.kind === 'number') t = t.plus(halfUnit(a.decimals));
  return t;
}

function maxDecimals(amounts: readonly Amount[], first?: Amount): number {
  let d = first && first.kind === 'number' ? first.decimals : 0;
  for (let i = 0; i < amounts.length; i++) {
    const a = amounts[i];
    if (a.kind === 'number' && a.decimals > d) d = a.decimals;
  }
  return d;
}

/**
 * The first term of a sum taken as is (0 + v = v) — unless it has more significant digits than the
 * context keeps, where 0 + v rounds as every later addition does.
 */
function firstTerm(v: Decimal): Decimal {
  return v.sd() > PRECISION ? ZERO.plus(v) : v;
}

/**
 * The comparison of `total` with a computed value: pass when equal (no subtraction needed),
 * else the verdict of the difference against the tolerance.
 */
function finishLinear(total: Amount, expectedRaw: Decimal, tolerance: Decimal, decimals: number): Comparison {
  const actual = amountDecimal(total) as Decimal;
  const expected = nonNegZero(expectedRaw);
  if (actual.eq(expected)) {
    return { verdict: 'pass', expected, actual, difference: ZERO, tolerance, decimals };
  }
  const difference = nonNegZero(actual.minus(expected));
  return { verdict: verdictOf(difference, tolerance), expected, actual, difference, tolerance, decimals };
}

/**
 * total = Σ sign·terms (e.g. 年初 + 本年收入 − 本年支出 = 年末). Tolerance = Σ half-units of every
 * printed operand including the total (empty operands are exact 0 and add nothing): the total's
 * interval must meet the interval of the computed side.
 */
export function compareLinear(total: Amount, terms: Term[]): Comparison {
  const amounts: Amount[] = new Array(terms.length);
  for (let i = 0; i < terms.length; i++) amounts[i] = terms[i].amount;
  const bad = unreadableOf(total, amounts);
  if (bad) return { verdict: 'unreadable', texts: bad };
  let expected: Decimal | null = null;
  for (const t of terms) {
    const a = t.amount;
    if (a.kind !== 'number') continue; // empty: exact 0
    if (expected === null) expected = t.sign === 1 ? firstTerm(a.value) : ZERO.minus(a.value);
    else expected = t.sign === 1 ? expected.plus(a.value) : expected.minus(a.value);
  }
  return finishLinear(total, expected ?? ZERO, sumHalfUnits(amounts, total), maxDecimals(amounts, total));
}

/**
 * total = Σ parts (I-01, I-06 …). Exactly equal → pass; |diff| ≤ Σ half-units of all printed
 * operands (total included) → notice; beyond → error. 880.81 vs 582.12 + 298.68 → notice (±0.015).
 */
export function compareSum(total: Amount, parts: readonly Amount[]): Comparison {
  const bad = unreadableOf(total, parts);
  if (bad) return { verdict: 'unreadable', texts: bad };
  let expected: Decimal | null = null;
  for (let i = 0; i < parts.length; i++) {
    const a = parts[i];
    if (a.kind !== 'number') continue; // empty: exact 0
    expected = expected === null ? firstTerm(a.value) : expected.plus(a.value);
  }
  return finishLinear(total, expected ?? ZERO, sumHalfUnits(parts, total), maxDecimals(parts, total));
}

/**
 * result = minuend − Σ subtrahends + Σ addends (I-24: 年末 = 年初 + 本年收入 − 本年支出).
 */
export function compareDifference(
  result: Amount,
  minuend: Amount,
  subtrahends: Amount[],
  addends: Amount[] = [],
): Comparison {
  return compareLinear(result, [
    { amount: minuend, sign: 1 },
    ...subtrahends.map((amount) => ({ amount, sign: -1 as const })),
    ...addends.map((amount) => ({ amount, sign: 1 as const })),
  ]);
}

/**
 * The same quantity printed in two places (I-09, I-10 …): `a` is the stated value, `b` the
 * reference. They agree when |a − b| ≤ 10⁻ᵈ, d = the coarser (smaller) decimals of the two.
 */
export function compareEqual(a: Amount, b: Amount): Comparison {
  if (a.kind === 'nan' || b.kind === 'nan') {
    const texts: string[] = [];
    if (a.kind === 'nan') texts.push(a.text);
    if (b.kind === 'nan') texts.push(b.text);
    return { verdict: 'unreadable', texts };
  }
  const an = a.kind === 'number';
  const bn = b.kind === 'number';
  const tolerance = an && bn ? unit(Math.min(a.decimals, b.decimals)) : an ? unit(a.decimals) : bn ? unit(b.decimals) : ZERO;
  const actual = amountDecimal(a) as Decimal;
  const expected = amountDecimal(b) as Decimal;
  const decimals = Math.max(an ? a.decimals : 0, bn ? b.decimals : 0);
  if (actual.eq(expected)) return { verdict: 'pass', expected, actual, difference: ZERO, tolerance, decimals };
  const difference = nonNegZero(actual.minus(expected));
  return { verdict: verdictOf(difference, tolerance), expected, actual, difference, tolerance, decimals };
}

/**
 * part ≤ whole (I-15, I-21, I-23: a subset cannot exceed its whole). One-sided: any shortfall
 * passes; an excess within the summed half-units is a notice; beyond is an error.
 */
export function compareAtMost(part: Amount, whole: Amount): Comparison {
  if (part.kind === 'nan' || whole.kind === 'nan') {
    const texts: string[] = [];
    if (part.kind === 'nan') texts.push(part.text);
    if (whole.kind === 'nan') texts.push(whole.text);
    return { verdict: 'unreadable', texts };
  }
  const pair = [whole];
  const tolerance = sumHalfUnits(pair, part);
  const actual = amountDecimal(part) as Decimal;
  const expected = amountDecimal(whole) as Decimal;
  const difference = nonNegZero(actual.minus(expected));
  const verdict: Verdict = difference.lte(0) ? 'pass' : difference.lte(tolerance) ? 'notice' : 'error';
  return { verdict, expected, actual, difference, tolerance, decimals: maxDecimals(pair, part) };
}

// ---------------------------------------------------------------------------------------------
// 元 and 万元 (budget.md, "Rounding specific to budgets")

const TEN_THOUSAND = new D(10000);

/** A 元 amount expressed in 万元, exactly: value / 10⁴, standing for its 元 interval (decimals + 4). */
export function yuanToWan(a: Amount): Amount {
  if (a.kind !== 'number') return a;
  return { kind: 'number', value: a.value.div(TEN_THOUSAND), decimals: a.decimals + 4, printedDecimals: a.printedDecimals + 4, text: a.text };
}

/** half-up(元 / 10⁴, 2): the one correct 万元 restatement of a 元 amount (never truncated). */
export function wanHalfUp(yuan: Decimal): Decimal {
  return new D(yuan).div(TEN_THOUSAND).toDecimalPlaces(2, Decimal.ROUND_HALF_UP);
}

/**
 * A 万元 figure restating a 元 amount must equal half-up(元 / 10⁴, 2) exactly — compared as values,
 * so "4,614" restates 46,140,000.00 元 — with no rounding tolerance: the 元 amount is exact, and
 * half-up leaves one right answer (1,839,485 元 → 183.95, never 183.94).
 */
export function compareRestatement(wan: Amount, yuan: Amount): Comparison {
  if (wan.kind === 'nan' || yuan.kind === 'nan') {
    const texts: string[] = [];
    if (wan.kind === 'nan') texts.push(wan.text);
    if (yuan.kind === 'nan') texts.push(yuan.text);
    return { verdict: 'unreadable', texts };
  }
  const expected = wanHalfUp(amountDecimal(yuan) as Decimal);
  const actual = amountDecimal(wan) as Decimal;
  const decimals = Math.max(2, wan.kind === 'number' ? wan.decimals : 0);
  if (actual.eq(expected)) return { verdict: 'pass', expected, actual, difference: ZERO, tolerance: ZERO, decimals };
  return { verdict: 'error', expected, actual, difference: nonNegZero(actual.minus(expected)), tolerance: ZERO, decimals };
}

// ---------------------------------------------------------------------------------------------
// Percentages

/** A printed percentage: value in percent units (98.24 for "98.24%") and its printed decimals. */
export interface Percent {
  value: Decimal;
  decimals: number;
}

/**
 * Parse "98.24%", "0.00 %", "100%", "－5.2％", "12.3 ％". The % sign is required unless
 * `requireSign: false` (a bare number is then read as percent units). Returns null otherwise.
 */
export function parsePercent(text: string, opts?: { requireSign?: boolean }): Percent | null {
  const raw = typeof text === 'string' ? text : String(text ?? '');
  let s = normalize(raw);
  if (s.endsWith('%')) s = s.slice(0, -1).trimEnd();
  else if (opts?.requireSign !== false) return null;
  const n = parseCompact(compact(s));
  return n ? { value: n.value, decimals: n.printedDecimals } : null;
}

/** An operand of a ratio: a parsed cell, a value with its decimals, or a value with an interval. */
export type RatioOperand = Amount | { value: Decimal; decimals: number } | { value: Decimal; interval: Interval };

/**
 * A derived operand for ratios whose base is itself computed, e.g. N-01's previous year X − D:
 * value = Σ sign·amount, interval = Σ of the operand intervals. Null if any operand is nan.
 */
export function linearOperand(terms: Term[]): { value: Decimal; interval: Interval } | null {
  let value: Decimal = ZERO;
  let lo: Decimal = ZERO;
  let hi: Decimal = ZERO;
  for (const t of terms) {
    const v = amountDecimal(t.amount);
    const i = intervalOf(t.amount);
    if (v === null || i === null) return null;
    if (t.sign === 1) {
      value = value.plus(v);
      lo = lo.plus(i.lo);
      hi = hi.plus(i.hi);
    } else {
      value = value.minus(v);
      lo = lo.minus(i.hi);
      hi = hi.minus(i.lo);
    }
  }
  return { value, interval: { lo, hi } };
}

function operandOf(x: RatioOperand): { value: Decimal; interval: Interval } | { nan: string } {
  if ('kind' in x) {
    if (x.kind === 'nan') return { nan: x.text };
    return { value: amountDecimal(x) as Decimal, interval: intervalOf(x) as Interval };
  }
  if ('interval' in x) return { value: new D(x.value), interval: x.interval };
  const h = halfUnit(x.decimals);
  const v = new D(x.value);
  return { value: v, interval: { lo: v.minus(h), hi: v.plus(h) } };
}

/** Why a percentage check was not a plain pass/error. */
export type PercentReason = 'exact' | 'rounding' | 'truncated' | 'plug' | 'mismatch';

/** Outcome of checkPercent. */
export type PercentCheck =
  | {
      verdict: Verdict;
      /**
       * exact: stated = computed rounded half-up; rounding: the intervals meet (尾数差异);
       * truncated: stated = computed truncated (99.868 → 99.86); plug: one unit off (a share
       * adjusted so a set sums to 100); mismatch: none of these.
       */
      reason: PercentReason;
      stated: Decimal;
      decimals: number;
      /** numerator / denominator × 100 (34 significant digits). */
      computed: Decimal;
      /** Interval of the ratio ×100 from the operands' intervals. */
      computedInterval: Interval;
      truncated: boolean;
      plug: boolean;
    }
  | { verdict: 'undefined-base'; stated: Decimal; decimals: number }
  | { verdict: 'unreadable'; texts: string[] };

/**
 * Is `stated` % = numerator / denominator × 100? Pass when stated equals the computed value rounded
 * to its decimals; notice when the intervals still meet (rounding), when it equals the truncated value,
 * or is one unit off (a plug; `allowPlug: false` makes that an error, for shares not summing to 100);
 * error otherwise. A zero or empty denominator → 'undefined-base' (a share of nothing is not a number).
 */
export function checkPercent(
  stated: Percent,
  numerator: RatioOperand,
  denominator: RatioOperand,
  opts?: { allowPlug?: boolean },
): PercentCheck {
  const num = operandOf(numerator);
  const den = operandOf(denominator);
  const texts = [num, den].filter((o): o is { nan: string } => 'nan' in o).map((o) => o.nan);
  if (texts.length > 0) return { verdict: 'unreadable', texts };
  const n = num as { value: Decimal; interval: Interval };
  const d = den as { value: Decimal; interval: Interval };
  const p = sanitizePrecision(stated.decimals);
  const sv = new D(stated.value);
  const ratio = divIntervals(n.interval, d.interval);
  if (d.value.isZero() || ratio === null) return { verdict: 'undefined-base', stated: sv, decimals: p };

  const computed = new D(n.value).div(d.value).times(100);
  const computedInterval = scaleInterval(ratio, 100);
  const u = unit(p);
  const h = halfUnit(p);
  const statedInterval = { lo: sv.minus(h), hi: sv.plus(h) };
  // Truncation toward zero: the stated value is the start of the unit the true value lies in.
  const truncInterval = sv.isZero()
    ? { lo: u.neg(), hi: u }
    : sv.isPositive()
      ? { lo: sv, hi: sv.plus(u) }
      : { lo: sv.minus(u), hi: sv };
  const truncated = intersects(truncInterval, computedInterval);
  // One unit off: the stated interval widened by one unit on each side meets the computed one.
  const plug = intersects({ lo: statedInterval.lo.minus(u), hi: statedInterval.hi.plus(u) }, computedInterval);

  const { verdict, reason } = classifyPercent(sv, p, computed, truncated, plug, intersects(statedInterval, computedInterval), opts?.allowPlug !== false);
  return { verdict, reason, stated: sv, decimals: p, computed, computedInterval, truncated, plug };
}

/**
 * The one percentage semantics (lib/money's checkPercent and the narrative operands' both decide
 * here): the stated value equals the computed one rounded half-up → pass; the intervals meet but the
 * stated value is not the rounded one → notice (尾数差异); the truncated value → notice; one unit
 * off → notice where a plug is allowed, else error; anything else → error.
 */
export function classifyPercent(
  stated: Decimal,
  decimals: number,
  computed: Decimal,
  truncated: boolean,
  plug: boolean,
  meets: boolean,
  allowPlug: boolean,
): { verdict: Verdict; reason: PercentReason } {
  if (computed.toDecimalPlaces(decimals, Decimal.ROUND_HALF_UP).eq(stated)) return { verdict: 'pass', reason: 'exact' };
  if (meets) return { verdict: 'notice', reason: 'rounding' };
  if (truncated) return { verdict: 'notice', reason: 'truncated' };
  if (plug) return { verdict: allowPlug ? 'notice' : 'error', reason: 'plug' };
  return { verdict: 'error', reason: 'mismatch' };
}
