import { describe, expect, test } from 'vitest';
import { rule } from '../../../lib/checks/I-12';
import { at, brief, disclosure, expected, run } from './build';
import { T4 } from './samples';

describe('I-12 T4 income side', () => {
  test('consistent table passes', () => {
    expect(run(rule, disclosure([T4()])).findings).toEqual([]);
  });
  test('本年收入合计 ≠ Σ three funds → error with all three fund cells', () => {
    const t = T4({ 本年收入合计: '890.81', 总计: '890.81' });
    expect(brief(run(rule, disclosure([t])).findings)).toEqual([
      expected('I-12', 'error', [
        [at(t, '本年收入合计', 'amount'), 'total'],
        [at(t, '一、一般公共预算财政拨款', 'amount'), 'part'],
        [at(t, '二、政府性基金预算财政拨款', 'amount'), 'part'],
        [at(t, '三、国有资本经营预算财政拨款', 'amount'), 'part'],
      ]),
    ]);
  });
  test('年初 ≠ Σ its parts → error', () => {
    const t = T4({ 年初财政拨款结转和结余: '5.00', 总计: '885.81' });
    expect(brief(run(rule, disclosure([t])).findings)).toEqual([
      expected('I-12', 'error', [
        [at(t, '年初财政拨款结转和结余', 'amount'), 'total'],
        [at(t, '一般公共预算财政拨款', 'amount'), 'part'],
        [at(t, '政府性基金预算财政拨款', 'amount'), 'part'],
        [at(t, '国有资本经营预算财政拨款', 'amount'), 'part'],
      ]),
    ]);
  });
  test('收入总计 = 本年收入合计 + 年初: rounding-only → notice', () => {
    const t = T4({ 总计: '880.82' });
    expect(brief(run(rule, disclosure([t])).findings)).toEqual([
      expected('I-12', 'notice', [
        [at(t, '总计', 'amount', 'income'), 'total'],
        [at(t, '本年收入合计', 'amount'), 'part'],
        [at(t, '年初财政拨款结转和结余', 'amount'), 'part'],
      ]),
    ]);
  });
});
