/**
 * Rounding-aware comparisons over bare operands — a value and the decimals it was printed with
 * (narrative numbers, derived bases) — rather than parsed cells (domain.md, "Rounding"). A printed
 * value with d decimals is the interval v ± ½·10⁻ᵈ; ratios get their interval from the operands'
 * intervals. Percentages are judged by classifyPercent, the one semantics lib/money has.
 */
import Decimal from 'decimal.js';
import { classifyPercent, divIntervals, halfUnit as half, intersects, scaleInterval, unit as unitOf } from './index';

export interface Operand {
  value: Decimal;
  /** Decimals the value stands for; `null` = exact (counts, or a derived exact value). */
  decimals: number | null;
  /** Half-width of the interval when derived from several printed values (X − D). */
  half?: Decimal;
}

export type Outcome = 'pass' | 'notice' | 'error';

export interface Check {
  outcome: Outcome;
  /** The computed value, printed at the stated precision. */
  expected: string;
  /** Why a notice: 'truncated' | 'one-unit' (plug / intermediate rounding) | 'rounding'. */
  why?: 'truncated' | 'one-unit' | 'rounding';
}

/** Significant digits of this module's Decimal (decimal.js default): results beyond it are rounded. */
const PRECISION = Decimal.precision;

const ZERO = new Decimal(0);
const h = (o: Operand): Decimal => o.half ?? (o.decimals === null ? ZERO : half(o.decimals));

export function op(value: Decimal | number | string, decimals: number | null): Operand {
  return { value: new Decimal(value), decimals };
}

/** Two printed values of one quantity: equal → pass; intervals meet → notice; else error. */
export function compareValues(stated: Operand, actual: Operand): Check {
  // Most stated values equal their cell: the printed expected value is only built if asked for.
  if (stated.value.eq(actual.value)) return passed(actual.value, Math.max(actual.decimals ?? 0, 0));
  const expected = actual.value.toFixed(Math.max(actual.decimals ?? 0, 0));
  const tol = h(stated).add(h(actual));
  if (stated.value.sub(actual.value).abs().lte(tol)) return { outcome: 'notice', expected, why: 'rounding' };
  return { outcome: 'error', expected };
}

function passed(v: Decimal, places: number): Check {
  return new Passed(v, places);
}

/** A pass whose expected value is printed on first read (an object literal with a getter cost as much as printing). */
class Passed implements Check {
  declare readonly outcome: 'pass';
  declare private readonly v: Decimal;
  declare private readonly places: number;

  constructor(v: Decimal, places: number) {
    this.outcome = 'pass';
    this.v = v;
    this.places = places;
  }

  get expected(): string {
    return this.v.toFixed(this.places);
  }
}

/** Sum of parts against a stated whole (intervals add); `sum` is the exact sum (expected prints it). */
export function compareSum(whole: Operand, parts: Operand[]): Check & { sum: Decimal } {
  let sum = new Decimal(0);
  let tol = h(whole);
  let dec = whole.decimals ?? 0;
  for (const p of parts) {
    sum = sum.add(p.value);
    tol = tol.add(h(p));
    dec = Math.max(dec, p.decimals ?? 0);
  }
  const expected = sum.toFixed(dec);
  if (sum.eq(whole.value)) return { outcome: 'pass', expected, sum };
  if (sum.sub(whole.value).abs().lte(tol)) return { outcome: 'notice', expected, why: 'rounding', sum };
  return { outcome: 'error', expected, sum };
}

/**
 * Interval of num/den·100 from the operands' intervals (lib/money's interval division, rounded
 * outward); null when den's interval reaches 0. A count or amount is never negative: num's lower
 * bound stops at 0.
 */
export function ratioInterval(num: Operand, den: Operand): { lo: Decimal; hi: Decimal; mid: Decimal } | null {
  const d = { lo: den.value.sub(h(den)), hi: den.value.add(h(den)) };
  if (d.lo.lte(0)) return null;
  const r = divIntervals({ lo: Decimal.max(num.value.sub(h(num)), 0), hi: num.value.add(h(num)) }, d);
  if (!r) return null;
  const pct = scaleInterval(r, 100);
  return { lo: pct.lo, hi: pct.hi, mid: num.value.div(den.value).mul(100) };
}

/**
 * A printed percentage P (p decimals) against num/den, judged by classifyPercent: pass when P is
 * num/den·100 rounded half-up; notice when the intervals meet otherwise (尾数差异), when P is the
 * truncated value, or one unit off (a share plugged to make 100 — `plug` — or, with at least one
 * decimal, a rate computed from rounded intermediates); error otherwise. The caller handles den = 0.
 */
export function checkPercent(stated: Operand, num: Operand, den: Operand, opts: { plug?: boolean } = {}): Check {
  const p = stated.decimals ?? 0;
  const exactDen = den.value;
  if (exactDen.lte(0)) throw new Error('checkPercent: zero base');
  // Fast pass without a division (the costliest Decimal operation): P is mid = num/den·100 rounded
  // half-up to p places exactly when P − ½u ≤ num·100/den < P + ½u, i.e. (P − ½u)·den ≤ num·100 <
  // (P + ½u)·den for den > 0 and num ≥ 0. The products are exact when their digits fit the working
  // precision (checked), and P must have at most p decimals. A pass prints P itself, which is what
  // mid rounded to p places prints. Same verdict as the interval test (property-tested).
  if (!num.value.isNeg() && stated.value.dp() <= p) {
    const hp = half(p);
    const pLo = stated.value.sub(hp);
    const pHi = stated.value.add(hp);
    const dsd = exactDen.sd();
    if (num.value.sd() <= PRECISION && pLo.sd() + dsd <= PRECISION && pHi.sd() + dsd <= PRECISION) {
      const n100 = num.value.mul(100);
      // (-0 prints as "-0.00"; the rounded mid never does.)
      if (pLo.mul(exactDen).lte(n100) && n100.lt(pHi.mul(exactDen))) return passed(stated.value.isNeg() ? stated.value.abs() : stated.value, p);
    }
  }
  const mid = num.value.div(exactDen).mul(100);
  const expected = mid.toFixed(p, Decimal.ROUND_HALF_UP);
  const iv = ratioInterval(num, den);
  const computed = iv ? { lo: iv.lo, hi: iv.hi } : { lo: mid, hi: mid };
  const hp = half(p);
  const u = unitOf(p);
  const sv = stated.value;
  const truncInterval = sv.isZero() ? { lo: u.neg(), hi: u } : sv.isPositive() ? { lo: sv, hi: sv.add(u) } : { lo: sv.sub(u), hi: sv };
  const meets = intersects({ lo: sv.sub(hp), hi: sv.add(hp) }, computed);
  const truncated = intersects(truncInterval, computed);
  const plug = intersects({ lo: sv.sub(hp).sub(u), hi: sv.add(hp).add(u) }, computed);
  // One unit off is a plug (a share made to sum to 100) or intermediate rounding; a whole-percent
  // rate one unit off ("完成预算的101%" for 100%, "减少21%" for 6 of 30) is neither: an error.
  const { verdict, reason } = classifyPercent(sv, p, mid, truncated, plug, meets, Boolean(opts.plug) || p >= 1);
  if (verdict === 'pass') return { outcome: 'pass', expected };
  const why = reason === 'rounding' ? 'rounding' : reason === 'truncated' ? 'truncated' : reason === 'plug' ? 'one-unit' : undefined;
  return why ? { outcome: verdict, expected, why } : { outcome: verdict, expected };
}

/** a + k·b with the interval widths added (a derived quantity, e.g. previous year = X − D). */
export function combine(a: Operand, b: Operand, k: 1 | -1): Operand {
  const dec = a.decimals === null && b.decimals === null ? null : Math.max(a.decimals ?? 0, b.decimals ?? 0);
  return { value: a.value.add(b.value.mul(k)), decimals: dec, half: h(a).add(h(b)) };
}

export function fmt(v: Decimal, decimals: number): string {
  return v.toFixed(Math.max(0, decimals));
}
