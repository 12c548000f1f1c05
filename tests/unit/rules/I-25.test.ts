import { describe, expect, test } from 'vitest';
import { rule } from '../../../lib/checks/I-25';
import { at, brief, disclosure, expected, run } from './build';
import { fundTable, T4 } from './samples';

describe('I-25 T7/T8 totals = T4 政府性基金 / 国有资本经营 rows and columns', () => {
  test('empty funds on both sides pass (blank = 0 = "0")', () => {
    expect(run(rule, disclosure([T4(), fundTable('T7'), fundTable('T8')])).findings).toEqual([]);
  });
  test('T7 income not in T4 → error naming both cells', () => {
    const t4 = T4();
    const t7 = fundTable('T7', { income: '12.00', total: '12.00', project: '12.00' });
    expect(brief(run(rule, disclosure([t4, t7])).findings)).toEqual([
      expected('I-25', 'error', [[at(t7, '合计', 'income'), 'value'], [at(t4, '二、政府性基金预算财政拨款', 'amount'), 'value']]),
      expected('I-25', 'error', [[at(t7, '合计', 'total'), 'value'], [at(t4, '本年支出合计', 'govfund'), 'value']]),
    ]);
  });
  test('T8 spending one unit off the T4 soe column → notice', () => {
    const t4 = T4({ '三、国有资本经营预算财政拨款': '3.00', '本年支出合计|soe': '3.01' });
    const t8 = fundTable('T8', { income: '3.00', total: '3.00', basic: '3.00', closing: '0' });
    expect(brief(run(rule, disclosure([t4, t8])).findings)).toEqual([
      expected('I-25', 'notice', [[at(t8, '合计', 'total'), 'value'], [at(t4, '本年支出合计', 'soe'), 'value']]),
    ]);
  });
  test('no T7/T8 → not applicable', () => {
    expect(run(rule, disclosure([T4()])).outcome).toBe('not-applicable');
  });
});
