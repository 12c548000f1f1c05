/** 元 ↔ 万元 (budget.md, "Rounding specific to budgets"): half-up, never truncated, compared exactly. */
import { describe, expect, test } from 'vitest';
import { compareRestatement, parseAmount, wanHalfUp, yuanToWan } from '../../lib/money';

describe('万元 restatement of a 元 amount = half-up(元 / 10⁴, 2)', () => {
  test.each([
    ['1,839,485', '183.95', 'pass'], // not 183.94 (truncated)
    ['1,839,485', '183.94', 'error'],
    ['15,250', '1.53', 'pass'],
    ['15,250', '1.52', 'error'],
    ['91,016,775.35', '9,101.68', 'pass'],
    ['46,140,000.00', '4,614', 'pass'], // printed without decimals, the same value
    ['12,029,501.84', '1,202.95', 'pass'],
    ['12,029,501.84', '1,202.96', 'error'],
    ['2,132,750.00', '213.28', 'pass'], // the half-up boundary
    ['2,132,749.99', '213.28', 'error'],
  ])('%s 元 → %s 万元: %s', (yuan, wan, verdict) => {
    expect(compareRestatement(parseAmount(wan), parseAmount(yuan)).verdict).toBe(verdict);
  });
  test('wanHalfUp and the exact conversion', () => {
    const a = parseAmount('1,839,485');
    if (a.kind !== 'number') throw new Error('not a number');
    expect(wanHalfUp(a.value).toFixed(2)).toBe('183.95');
    const w = yuanToWan(parseAmount('5,040'));
    expect(w.kind === 'number' && w.value.toString()).toBe('0.504');
    expect(w.kind === 'number' && w.decimals).toBe(4);
  });
  test('a nan operand is unreadable, never 0', () => {
    expect(compareRestatement(parseAmount('见附表'), parseAmount('1'))).toEqual({ verdict: 'unreadable', texts: ['见附表'] });
  });
});
