import { describe, expect, test } from 'vitest';
import { rule } from '../../../lib/checks/I-15';
import { at, brief, disclosure, expected, run } from './build';
import { T1, T4 } from './samples';

describe('I-15 T4 income by fund = T1 rows; T4 结转 ≤ T1 结转', () => {
  test('consistent tables pass', () => {
    expect(run(rule, disclosure([T1(), T4()])).findings).toEqual([]);
  });
  test('fund income differs → error; one unit → notice', () => {
    const t1 = T1();
    const t4 = T4({ '一、一般公共预算财政拨款': '880.91' });
    expect(brief(run(rule, disclosure([t1, t4])).findings)).toEqual([
      expected('I-15', 'error', [[at(t4, '一、一般公共预算财政拨款', 'amount'), 'value'], [at(t1, '一、一般公共预算财政拨款收入', 'amount'), 'value']]),
    ]);
    const t4b = T4({ '一、一般公共预算财政拨款': '880.82' });
    expect(run(rule, disclosure([t1, t4b])).findings.map((f) => f.severity)).toEqual(['notice']);
  });
  test('T4 opening balance larger than T1 → error; smaller → pass (one-sided)', () => {
    const t1 = T1({ 年初结转和结余: '5.00' });
    expect(run(rule, disclosure([t1, T4({ 年初财政拨款结转和结余: '3.00' })])).findings).toEqual([]);
    const t4 = T4({ 年初财政拨款结转和结余: '8.00' });
    expect(brief(run(rule, disclosure([t1, t4])).findings)).toEqual([
      expected('I-15', 'error', [[at(t1, '年初结转和结余', 'amount'), 'total'], [at(t4, '年初财政拨款结转和结余', 'amount'), 'part']]),
    ]);
  });
  test('closing: excess within tolerance is a notice, beyond is an error', () => {
    const t1 = T1({ 年末结转和结余: '5.00' });
    expect(run(rule, disclosure([t1, T4({ '年末财政拨款结转和结余|total': '5.01' })])).findings.map((f) => f.severity)).toEqual(['notice']);
    expect(run(rule, disclosure([t1, T4({ '年末财政拨款结转和结余|total': '5.10' })])).findings.map((f) => f.severity)).toEqual(['error']);
  });
});
