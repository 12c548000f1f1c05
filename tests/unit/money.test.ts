import { describe, expect, it } from 'vitest';
import Decimal from 'decimal.js';
import {
  addIntervals,
  amountDecimal,
  checkPercent,
  compareAtMost,
  compareDifference,
  compareEqual,
  compareLinear,
  compareSum,
  contains,
  divIntervals,
  formatAmount,
  halfUnit,
  intersects,
  intervalOf,
  linearOperand,
  parseAmount,
  parsePercent,
  subIntervals,
  type Amount,
  type Comparison,
  type Interval,
} from '../../lib/money';

const P = (text: string, precision?: number): Amount => parseAmount(text, { precision });
const dec = (s: string) => new Decimal(s);
const iv = (lo: string, hi: string): Interval => ({ lo: dec(lo), hi: dec(hi) });
const ivText = (i: Interval | null) => (i ? [i.lo.toString(), i.hi.toString()] : null);

describe('parseAmount: table labels where an amount belongs (issue 16 class 7)', () => {
  it.each(['合计', '合 计', '小计', '基本支出', '项目支出', '本年支出', '年末结转和结余', '决算数'])('%s → nan, label', (t) => {
    expect(parseAmount(t)).toMatchObject({ kind: 'nan', label: true });
  });
  it.each(['单位不需填列', '见附表', '合计数见上'])('%s → nan, not a label', (t) => {
    const a = parseAmount(t);
    expect(a.kind).toBe('nan');
    expect(a.kind === 'nan' && a.label).toBeFalsy();
  });
});

describe('parseAmount: numbers', () => {
  // [input, value, printedDecimals]
  const cases: [string, string, number][] = [
    ['0', '0', 0],
    ['0.00', '0', 2],
    ['880.81', '880.81', 2],
    ['880.8', '880.8', 1],
    ['10', '10', 0],
    ['1,234.56', '1234.56', 2],
    ['12,345,678.90', '12345678.9', 2],
    ['1，234.56', '1234.56', 2], // full-width comma
    ['１２３４．５６', '1234.56', 2], // full-width digits and dot
    ['１，２３４', '1234', 0],
    ['-1.23', '-1.23', 2],
    ['－1.23', '-1.23', 2], // full-width minus
    ['−1.23', '-1.23', 2], // U+2212
    ['‐1.23', '-1.23', 2], // U+2010
    ['–1.23', '-1.23', 2], // en dash
    ['(1.23)', '-1.23', 2],
    ['（1.23）', '-1.23', 2],
    ['（１,２３４.００）', '-1234', 2],
    ['+5', '5', 0],
    ['  880.81  ', '880.81', 2],
    ['\u3000880.81\u3000', '880.81', 2], // ideographic space
    ['\u00a0880.81\u00a0', '880.81', 2], // NBSP
    ['\t\n880.81\r\n', '880.81', 2],
    ['\u200b880.81\ufeff', '880.81', 2], // zero-width junk
    ['1 234.56', '1234.56', 2], // space as thousands separator
    ['1, 234.56', '1234.56', 2], // Word run split after the comma
    ['- 5', '-5', 0],
    ['-0.00', '0', 2], // no negative zero
    ['.5', '0.5', 1],
    ['5.', '5', 0],
    ['007', '7', 0],
  ];
  it.each(cases)('%j → %s (%i printed decimals)', (text, value, printed) => {
    const a = parseAmount(text);
    expect(a.kind).toBe('number');
    if (a.kind !== 'number') return;
    expect(a.value.toString()).toBe(value);
    expect(a.printedDecimals).toBe(printed);
    expect(a.decimals).toBe(printed);
    expect(a.text).toBe(text);
  });

  it('negative zero prints as 0', () => {
    const a = parseAmount('-0.00');
    expect(a.kind === 'number' && a.value.isNeg()).toBe(false);
  });
});

describe('parseAmount: table precision', () => {
  const cases: [string, number | undefined, number, number][] = [
    ['10', 2, 2, 0], // integer in a 2-decimal table stands for 10.00 ± 0.005
    ['10.5', 2, 2, 1],
    ['10.555', 2, 3, 3], // more printed decimals than the table: keep them
    ['10', undefined, 0, 0],
    ['10', 0, 0, 0],
    ['10', -3, 0, 0], // nonsense precision ignored
    ['10', Number.NaN, 0, 0],
  ];
  it.each(cases)('%j with precision %s → decimals %i (printed %i)', (text, precision, decimals, printed) => {
    const a = parseAmount(text, { precision });
    expect(a.kind).toBe('number');
    if (a.kind !== 'number') return;
    expect(a.decimals).toBe(decimals);
    expect(a.printedDecimals).toBe(printed);
  });
});

describe('parseAmount: empty placeholders', () => {
  const cases = ['', '   ', '\u3000', '-', '—', '— —', '——', '－', '/', '／', '--', '―', '─', ' - ', '\u00a0—\u00a0'];
  it.each(cases)('%j → empty', (text) => {
    const a = parseAmount(text);
    expect(a.kind).toBe('empty');
    expect(a.text).toBe(text);
    expect(amountDecimal(a)?.toString()).toBe('0');
  });

  it('a printed 0 is distinguishable from a placeholder', () => {
    expect(parseAmount('0').kind).toBe('number');
    expect(parseAmount('0.00').kind).toBe('number');
    expect(parseAmount('-').kind).toBe('empty');
  });
});

describe('parseAmount: not a number (never 0)', () => {
  const cases = [
    '单位不需填列',
    '见附表',
    '1.2.3',
    '12a',
    'a12',
    '98%',
    '12万元',
    '1e5',
    '12,34', // bad grouping
    '1,2345.67',
    '1.234,5',
    '12 34', // a space that is not a thousands separator
    '(1.23',
    '1.23)',
    '-(1.23)',
    '(-1.23)',
    '()',
    '.',
    '-.',
    '+',
    '——1',
    '—5', // an em dash is a placeholder, never a minus
    '1-2',
    '0x10',
    'NaN',
    'Infinity',
    '9'.repeat(200), // absurdly long
  ];
  it.each(cases)('%j → nan', (text) => {
    const a = parseAmount(text);
    expect(a.kind).toBe('nan');
    expect(a.text).toBe(text);
    expect(amountDecimal(a)).toBeNull();
    expect(intervalOf(a)).toBeNull();
  });

  it('never throws on odd input', () => {
    for (const t of ['\ud800', '\u0000', '%%%', '(((((', ',,,,', `${'1,'.repeat(5000)}1`, ' '.repeat(10000)]) {
      expect(() => parseAmount(t)).not.toThrow();
    }
    // Non-strings from untyped callers.
    expect(parseAmount(undefined as unknown as string).kind).toBe('empty');
    expect(parseAmount(12 as unknown as string).kind).toBe('number');
  });
});

describe('formatAmount', () => {
  const cases: [string, number, string][] = [
    ['880.8', 2, '880.80'],
    ['1234567.891', 2, '1234567.89'],
    ['0.005', 2, '0.01'], // half-up
    ['-0.001', 2, '0.00'], // never "-0.00"
    ['-12.5', 0, '-13'],
    ['10', 0, '10'],
  ];
  it.each(cases)('%s with %i decimals → %s', (v, d, out) => {
    expect(formatAmount(dec(v), d)).toBe(out);
  });
});

describe('intervals', () => {
  it('halfUnit', () => {
    expect(halfUnit(0).toString()).toBe('0.5');
    expect(halfUnit(2).toString()).toBe('0.005');
  });

  it('intervalOf: number ± half unit of its decimals; empty is exact 0', () => {
    expect(ivText(intervalOf(P('880.81')))).toEqual(['880.805', '880.815']);
    expect(ivText(intervalOf(P('10', 2)))).toEqual(['9.995', '10.005']);
    expect(ivText(intervalOf(P('10')))).toEqual(['9.5', '10.5']);
    expect(ivText(intervalOf(P('—')))).toEqual(['0', '0']);
  });

  it('add, subtract', () => {
    expect(ivText(addIntervals(iv('1', '2'), iv('10', '20'), iv('-1', '0')))).toEqual(['10', '22']);
    expect(ivText(addIntervals())).toEqual(['0', '0']);
    expect(ivText(subIntervals(iv('10', '20'), iv('1', '2')))).toEqual(['8', '19']);
  });

  it('divide: null when the divisor contains 0; outward-rounded bounds contain the exact ratio', () => {
    expect(divIntervals(iv('1', '2'), iv('-1', '1'))).toBeNull();
    expect(divIntervals(iv('1', '2'), iv('0', '1'))).toBeNull();
    expect(ivText(divIntervals(iv('2', '4'), iv('1', '2')))).toEqual(['1', '4']);
    expect(ivText(divIntervals(iv('-4', '2'), iv('-2', '-1')))).toEqual(['-2', '4']);
    const third = divIntervals(iv('1', '1'), iv('3', '3'))!;
    expect(third.lo.lt(third.hi)).toBe(true);
    expect(third.lo.times(3).lte(1) && third.hi.times(3).gte(1)).toBe(true);
  });

  it('intersects (closed) and contains', () => {
    expect(intersects(iv('0', '1'), iv('1', '2'))).toBe(true);
    expect(intersects(iv('0', '1'), iv('1.0001', '2'))).toBe(false);
    expect(intersects(iv('0', '10'), iv('2', '3'))).toBe(true);
    expect(contains(iv('0', '1'), dec('1'))).toBe(true);
    expect(contains(iv('0', '1'), dec('1.01'))).toBe(false);
  });
});

type Expect = { verdict: string; expected?: string; difference?: string; tolerance?: string };
function expectComparison(c: Comparison, e: Expect) {
  expect(c.verdict).toBe(e.verdict);
  if (c.verdict === 'unreadable') return;
  if (e.expected !== undefined) expect(c.expected.toString()).toBe(e.expected);
  if (e.difference !== undefined) expect(c.difference.toString()).toBe(e.difference);
  if (e.tolerance !== undefined) expect(c.tolerance.toString()).toBe(e.tolerance);
}

describe('compareSum', () => {
  // [total, parts, verdict, expected, difference, tolerance]
  const cases: [string, string[], string, string, string, string][] = [
    ['880.80', ['582.12', '298.68'], 'pass', '880.8', '0', '0.015'],
    ['880.81', ['582.12', '298.68'], 'notice', '880.8', '0.01', '0.015'], // 尾数差异
    ['880.79', ['582.12', '298.68'], 'notice', '880.8', '-0.01', '0.015'],
    ['880.82', ['582.12', '298.68'], 'error', '880.8', '0.02', '0.015'],
    // Boundary: |diff| equal to the tolerance is still rounding (closed intervals).
    ['1.01', ['1.00'], 'notice', '1', '0.01', '0.01'],
    ['1.02', ['1.00'], 'error', '1', '0.02', '0.01'],
    ['1.02', ['0.50', '0.25', '0.25'], 'notice', '1', '0.02', '0.02'],
    ['1.03', ['0.50', '0.25', '0.25'], 'error', '1', '0.03', '0.02'],
    // Mixed printed decimals: each operand contributes its own half unit.
    ['1.0', ['0.5', '0.44'], 'notice', '0.94', '0.06', '0.105'],
    ['1.1', ['0.5', '0.44'], 'error', '0.94', '0.16', '0.105'],
    // A dropped digit in the total.
    ['1,358.48', ['10,661.51', '2,921.97'], 'error', '13583.48', '-12225', '0.015'],
    ['13,583.48', ['10,661.51', '2,921.97'], 'pass', '13583.48', '0', '0.015'],
    // Empty parts are exact 0 and add no tolerance.
    ['5.00', ['5.00', '—', '-'], 'pass', '5', '0', '0.01'],
    ['5.01', ['5.00', '—'], 'notice', '5', '0.01', '0.01'],
    ['5.02', ['5.00', '—'], 'error', '5', '0.02', '0.01'],
    ['—', ['—', '/'], 'pass', '0', '0', '0'],
    ['—', ['0.01'], 'error', '0.01', '-0.01', '0.005'],
    ['0.00', ['—'], 'pass', '0', '0', '0.005'],
    // Negatives.
    ['(1.00)', ['-0.50', '（0.50）'], 'pass', '-1', '0', '0.015'],
  ];
  it.each(cases)('%s vs %j → %s', (total, parts, verdict, expected, difference, tolerance) => {
    expectComparison(
      compareSum(P(total), parts.map((p) => P(p))),
      { verdict, expected, difference, tolerance },
    );
  });

  it('precision of the table widens integers', () => {
    // 100 = 33 + 33 + 33 is off by 1: in a 0-decimal table a notice would need |1| ≤ 2; here 4·0.5 = 2 → notice.
    expectComparison(compareSum(P('100'), [P('33'), P('33'), P('33')]), { verdict: 'notice', tolerance: '2' });
    // The same integers in a 2-decimal table stand for x.00: error.
    expectComparison(compareSum(P('100', 2), [P('33', 2), P('33', 2), P('33', 2)]), {
      verdict: 'error',
      tolerance: '0.02',
    });
  });

  it('unreadable operands are reported, never counted as 0', () => {
    const c = compareSum(P('10'), [P('单位不需填列'), P('10'), P('见附表')]);
    expect(c).toEqual({ verdict: 'unreadable', texts: ['单位不需填列', '见附表'] });
    expect(compareSum(P('x'), []).verdict).toBe('unreadable');
  });

  it('reports decimals for messages', () => {
    const c = compareSum(P('880.81'), [P('582.1'), P('298.68')]);
    expect(c.verdict !== 'unreadable' && c.decimals).toBe(2);
  });
});

describe('compareEqual', () => {
  const cases: [string, string, string, string][] = [
    ['2961.68', '2,961.68', 'pass', '0.01'],
    ['2961.69', '2961.68', 'notice', '0.01'],
    ['2961.67', '2961.68', 'notice', '0.01'],
    ['2961.70', '2961.68', 'error', '0.01'],
    ['880.8', '880.81', 'notice', '0.1'], // coarser printing decides
    ['880.7', '880.81', 'error', '0.1'], // |−0.11| exceeds one unit of the first decimal
    ['0.3', '2961.68', 'error', '0.1'], // narrative "0.3万元" vs the table
    ['—', '0.00', 'pass', '0.01'],
    ['—', '0.01', 'notice', '0.01'],
    ['—', '-', 'pass', '0'],
  ];
  it.each(cases)('%s vs %s → %s (tolerance %s)', (a, b, verdict, tolerance) => {
    expectComparison(compareEqual(P(a), P(b)), { verdict, tolerance });
  });

  it('unreadable', () => {
    expect(compareEqual(P('见附表'), P('1'))).toEqual({ verdict: 'unreadable', texts: ['见附表'] });
  });
});

describe('compareAtMost', () => {
  const cases: [string, string, string][] = [
    ['5.00', '10.00', 'pass'],
    ['10.00', '10.00', 'pass'],
    ['10.01', '10.00', 'notice'], // within 0.005 + 0.005
    ['10.02', '10.00', 'error'],
    ['—', '10.00', 'pass'],
    ['0.01', '—', 'error'], // only the part is printed: tolerance 0.005 < excess 0.01
    ['-100.00', '0.00', 'pass'],
  ];
  it.each(cases)('%s ≤ %s → %s', (part, whole, verdict) => {
    expectComparison(compareAtMost(P(part), P(whole)), { verdict });
  });

  it('unreadable', () => {
    expect(compareAtMost(P('1'), P('/x')).verdict).toBe('unreadable');
  });
});

describe('compareLinear / compareDifference (年初 + 本年收入 − 本年支出 = 年末)', () => {
  const cases: [string, string, string[], string[], string, string][] = [
    ['30.00', '10.00', ['5.00'], ['25.00'], 'pass', '0.02'],
    ['30.01', '10.00', ['5.00'], ['25.00'], 'notice', '0.02'],
    ['30.02', '10.00', ['5.00'], ['25.00'], 'notice', '0.02'],
    ['30.03', '10.00', ['5.00'], ['25.00'], 'error', '0.02'],
    ['—', '10.00', ['10.00'], [], 'pass', '0.01'],
    ['0.00', '—', ['—'], ['—'], 'pass', '0.005'],
  ];
  it.each(cases)('%s = %s − %j + %j → %s', (result, minuend, subs, adds, verdict, tolerance) => {
    const c = compareDifference(
      P(result),
      P(minuend),
      subs.map((s) => P(s)),
      adds.map((s) => P(s)),
    );
    expectComparison(c, { verdict, tolerance });
    const l = compareLinear(P(result), [
      { amount: P(minuend), sign: 1 },
      ...subs.map((s) => ({ amount: P(s), sign: -1 as const })),
      ...adds.map((s) => ({ amount: P(s), sign: 1 as const })),
    ]);
    expect(l).toEqual(c);
  });
});

describe('parsePercent', () => {
  const ok: [string, string, number][] = [
    ['98.24%', '98.24', 2],
    ['0.00 %', '0', 2],
    ['100%', '100', 0],
    ['12.5％', '12.5', 1],
    ['－5.20％', '-5.2', 2],
    ['\u3000７１．７３％\u3000', '71.73', 2],
  ];
  it.each(ok)('%j → %s (%i decimals)', (text, value, decimals) => {
    const p = parsePercent(text);
    expect(p?.value.toString()).toBe(value);
    expect(p?.decimals).toBe(decimals);
  });
  it.each(['98.24', '%', 'abc%', '1.2.3%', '', '—'])('%j → null', (text) => {
    expect(parsePercent(text)).toBeNull();
  });
  it('bare numbers when the sign is not required', () => {
    expect(parsePercent('98.24', { requireSign: false })?.value.toString()).toBe('98.24');
  });
});

describe('checkPercent', () => {
  const pct = (s: string) => parsePercent(s)!;
  // [stated, numerator, denominator, table precision, verdict, reason]
  const cases: [string, string, string, number, string, string | undefined][] = [
    ['87%', '257', '296', 0, 'pass', 'exact'], // 86.82 → 87
    ['86.82%', '257', '296', 0, 'pass', 'exact'],
    ['92.56%', '98', '106', 2, 'error', 'mismatch'], // 98.00/106.00 = 92.45%
    ['84.28%', '742.39', '880.81', 2, 'pass', 'exact'], // 84.2849%
    ['84.29%', '742.39', '880.81', 2, 'notice', 'rounding'], // interval 84.2839…84.2860 meets 84.285
    ['99.86%', '998.68', '1000.00', 2, 'notice', 'truncated'], // 99.868 truncated
    ['99.87%', '998.68', '1000.00', 2, 'pass', 'exact'],
    ['71.73%', '71.65', '100.00', 2, 'error', 'mismatch'], // wrong share (domain.md)
    ['71.67%', '71.65', '100.00', 2, 'notice', 'plug'], // off by one unit (and not a truncation)
    ['9.55%', '9.5575', '100.0000', 4, 'notice', 'truncated'],
    ['0.08%', '0.0853', '100.0000', 4, 'notice', 'truncated'],
    ['-12.5%', '-25', '200', 2, 'pass', 'exact'],
    ['-12.4%', '-24.98', '200', 2, 'notice', 'truncated'], // -12.49 truncated toward 0
    ['-12.4%', '-24.9', '200', 2, 'notice', 'rounding'], // -12.45: intervals touch
    ['50%', '—', '200', 2, 'error', 'mismatch'], // empty numerator is exact 0
    ['0%', '—', '200', 2, 'pass', 'exact'],
  ];
  it.each(cases)('%s of %s / %s (precision %i) → %s %s', (stated, num, den, precision, verdict, reason) => {
    const r = checkPercent(pct(stated), P(num, precision), P(den, precision));
    expect(r.verdict).toBe(verdict);
    if (r.verdict === 'undefined-base' || r.verdict === 'unreadable') return;
    expect(r.reason).toBe(reason);
    // The exact ratio always lies inside the computed interval.
    expect(contains(r.computedInterval, r.computed)).toBe(true);
    expect(r.truncated).toBe(reason === 'truncated' || r.truncated);
  });

  it('computed is the exact ratio ×100', () => {
    const r = checkPercent(pct('87%'), P('257'), P('296'));
    expect(r.verdict !== 'undefined-base' && r.verdict !== 'unreadable' && r.computed.toFixed(4)).toBe('86.8243');
  });

  it('plugs can be refused when the shares do not sum to 100', () => {
    const r = checkPercent(pct('71.67%'), P('71.65'), P('100.00'), { allowPlug: false });
    expect(r.verdict).toBe('error');
  });

  it.each(['0.00', '0', '—', ''])('zero/empty base %j → undefined-base', (den) => {
    expect(checkPercent(pct('100%'), P('5.00'), P(den)).verdict).toBe('undefined-base');
  });

  it('nan operands → unreadable', () => {
    expect(checkPercent(pct('5%'), P('见附表'), P('100'))).toEqual({ verdict: 'unreadable', texts: ['见附表'] });
  });

  it('accepts {value, decimals} and derived operands (N-01: P = D / (X − D))', () => {
    // 总计 X = 1100.00, increase D = 100.00 → previous year 1000.00 → 10.00%.
    const base = linearOperand([
      { amount: P('1100.00'), sign: 1 },
      { amount: P('100.00'), sign: -1 },
    ])!;
    expect(base.value.toString()).toBe('1000');
    expect(ivText(base.interval)).toEqual(['999.99', '1000.01']);
    expect(checkPercent(pct('10.00%'), { value: dec('100'), decimals: 2 }, base).verdict).toBe('pass');
    expect(checkPercent(pct('11.00%'), { value: dec('100'), decimals: 2 }, base).verdict).toBe('error');
    expect(linearOperand([{ amount: P('x'), sign: 1 }])).toBeNull();
  });
});
