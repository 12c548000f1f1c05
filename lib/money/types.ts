import type Decimal from 'decimal.js';

/**
 * A parsed cell. Three distinct kinds, never conflated:
 * - number: a printed amount, with the decimals it was printed with (interval ±½·10⁻ᵈ);
 * - empty: blank / "-" / "—" / "— —" / "/" — counts as exact 0 in sums, but is not a printed 0;
 * - nan: text in a numeric place ("单位不需填列", "见附表") — never silently 0. `label`: the text is a
 *   table label printed where an amount belongs (the Shanghai template prints 合计 / 基本支出 /
 *   项目支出 in the 本年支出 cells of T7/T8's 合计 row): no value, and a relation with it is simply
 *   not applicable on that row (nothing to report).
 */
export type Amount =
  | {
      kind: 'number';
      value: Decimal;
      /** Precision the value stands for: max(printed decimals, the table's precision). */
      decimals: number;
      /** Decimals as printed ("10" → 0, "880.8" → 1, "880.80" → 2). */
      printedDecimals: number;
      text: string;
    }
  | { kind: 'empty'; text: string }
  /** `unreadable`: the cell's displayed text may differ from its DOM text (SourceCell.unreadable). */
  | { kind: 'nan'; text: string; label?: boolean; unreadable?: 'bidi' | 'hidden' };

/** Outcome of a rounding-aware comparison (domain.md, "Rounding"). */
export type Verdict = 'pass' | 'notice' | 'error';

/** A closed interval [lo, hi] of exact decimals. */
export interface Interval {
  lo: Decimal;
  hi: Decimal;
}
