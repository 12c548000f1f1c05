/**
 * Typing slips (issue 14): a way a stated value can come from the right one by a slip of the hand.
 * A pattern is a weight and a name for an explanation the relations already support, never proof.
 */
import type Decimal from 'decimal.js';
import { exact, halfUnit } from '../money';

export type Pattern =
  | 'dropped-digit'
  | 'extra-digit'
  | 'swapped-digits'
  | 'decimal-shift'
  | 'unit-10000'
  | 'repeated-total'
  | 'copied-neighbour'
  | 'sign';

export const PATTERN_TEXT: Record<Pattern, { zh: string; en: string }> = {
  'dropped-digit': { zh: '疑少录一位数字', en: 'a digit seems to have been dropped' },
  'extra-digit': { zh: '疑多录一位数字', en: 'a digit seems to have been added' },
  'swapped-digits': { zh: '疑两位数字颠倒', en: 'two digits seem swapped' },
  'decimal-shift': { zh: '疑小数点错位', en: 'the decimal point seems shifted' },
  'unit-10000': { zh: '疑元/万元混用', en: '元 and 万元 seem mixed up (×10,000)' },
  'repeated-total': { zh: '疑将合计数填入明细行', en: 'the total seems to have been entered on an item line' },
  'copied-neighbour': { zh: '疑抄录相邻行（列）数字', en: 'the neighbouring row or column seems copied' },
  sign: { zh: '疑正负号错误', en: 'the sign seems wrong' },
};

export interface PatternContext {
  /** Values of the totals of sums this value is a part of. */
  totals?: readonly Decimal[];
  /** Values of the neighbouring cells (row above/below, column left/right). */
  neighbours?: readonly Decimal[];
}

/** Digits of |v| at `decimals` places without the point or leading zeros ("0.56" → "56"). */
function digits(v: Decimal, decimals: number): string {
  return v.abs().toFixed(decimals).replace('.', '').replace(/^0+/, '');
}

/** `short` is `long` with one character removed. */
function oneRemoved(long: string, short: string): boolean {
  if (long.length !== short.length + 1) return false;
  let i = 0;
  while (i < short.length && long[i] === short[i]) i++;
  return long.slice(i + 1) === short.slice(i);
}

function swappedAdjacent(a: string, b: string): boolean {
  if (a.length !== b.length || a === b) return false;
  let i = 0;
  while (a[i] === b[i]) i++;
  return i + 1 < a.length && a[i] === b[i + 1] && a[i + 1] === b[i] && a.slice(i + 2) === b.slice(i + 2);
}

/** stated ≈ suggested × k at the stated precision. */
function scaled(stated: Decimal, suggested: Decimal, k: Decimal, decimals: number): boolean {
  return stated.minus(suggested.times(k)).abs().lte(halfUnit(decimals).times(k.gt(1) ? k : 1));
}

const POW10 = [1, 10, 100, 1000, 10000].map((k) => exact(k));
const INV10 = [1, 10, 100, 1000, 10000].map((k) => exact(1).div(k));

/** The slip that turns `suggested` into `stated`, if one does (most telling first). */
export function detectPattern(stated: Decimal, suggested: Decimal, decimals: number, ctx: PatternContext = {}): Pattern | null {
  if (stated.eq(suggested)) return null;
  if (!stated.isZero() && stated.eq(suggested.neg())) return 'sign';
  if (!suggested.isZero() && !stated.isZero()) {
    if (scaled(stated, suggested, POW10[4], decimals) || scaled(stated, suggested, INV10[4], decimals)) return 'unit-10000';
    for (let k = 1; k <= 3; k++)
      if (scaled(stated, suggested, POW10[k], decimals) || scaled(stated, suggested, INV10[k], decimals)) return 'decimal-shift';
  }
  if (!stated.isZero()) {
    if (ctx.totals?.some((t) => t.eq(stated))) return 'repeated-total';
    if (ctx.neighbours?.some((t) => t.eq(stated))) return 'copied-neighbour';
  }
  if (stated.isNeg() !== suggested.isNeg() && !stated.isZero() && !suggested.isZero()) return null;
  const s = digits(stated, decimals);
  const t = digits(suggested, decimals);
  if (swappedAdjacent(s, t)) return 'swapped-digits';
  if (oneRemoved(t, s)) return 'dropped-digit';
  if (oneRemoved(s, t)) return 'extra-digit';
  return null;
}
