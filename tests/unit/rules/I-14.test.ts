import { describe, expect, test } from 'vitest';
import { rule } from '../../../lib/checks/I-14';
import { at, brief, disclosure, expected, run } from './build';
import { T4 } from './samples';

describe('I-14 T4 per fund: 年初 + 本年收入 = 本年支出 + 年末', () => {
  test('consistent table passes', () => {
    expect(run(rule, disclosure([T4()])).findings).toEqual([]);
  });
  test('spending less than income with no closing balance → error naming the four cells', () => {
    const t = T4({ '本年支出合计|general': '870.81', '年末财政拨款结转和结余|general': '0' });
    expect(brief(run(rule, disclosure([t])).findings)).toEqual([
      expected('I-14', 'error', [
        [at(t, '年末财政拨款结转和结余', 'general'), 'total'],
        [at(t, '一般公共预算财政拨款', 'amount'), 'part'],
        [at(t, '一、一般公共预算财政拨款', 'amount'), 'part'],
        [at(t, '本年支出合计', 'general'), 'part'],
      ]),
    ]);
  });
  test('closing balance carries the difference → pass; off by 0.01 → notice', () => {
    expect(run(rule, disclosure([T4({ '本年支出合计|general': '870.81', '年末财政拨款结转和结余|general': '10.00' })])).findings).toEqual([]);
    const t = T4({ '本年支出合计|general': '870.81', '年末财政拨款结转和结余|general': '10.01' });
    expect(run(rule, disclosure([t])).findings.map((f) => f.severity)).toEqual(['notice']);
  });
  test('opening not split by fund and not zero → per-fund check skipped (no guess)', () => {
    const t = T4({ 年初财政拨款结转和结余: '5.00', 一般公共预算财政拨款: '', '本年支出合计|general': '870.81', '年末财政拨款结转和结余|general': '0' });
    // Remove the breakdown rows' values: they are blank, so the opening is not split.
    expect(run(rule, disclosure([t])).findings).toEqual([]);
  });
});
