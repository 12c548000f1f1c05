/** Text for a finding's tooltip and list entry: rule, expected vs stated, difference. */
import Decimal from 'decimal.js';
import { parseAmount } from '../money';

/** stated − expected, printed with the larger precision of the two; null when either is not a number. */
export function difference(expected: string | null, actual: string | null): string | null {
  if (expected == null || actual == null) return null;
  const e = parseAmount(expected);
  const a = parseAmount(actual);
  if (e.kind !== 'number' || a.kind !== 'number') return null;
  const d: Decimal = a.value.minus(e.value);
  const decimals = Math.max(e.printedDecimals, a.printedDecimals);
  const s = d.toFixed(decimals);
  return d.isPositive() && !d.isZero() ? `+${s}` : s;
}
