import { describe, expect, test } from 'vitest';
import { rule } from '../../../lib/checks/I-20';
import { at, brief, disclosure, expected, run, tbl } from './build';
import { T6 } from './samples';

describe('I-20 T6: 人员 = 301 + 303; 公用 = 302 + 310 (+…); 类 = Σ 款', () => {
  test('consistent table passes', () => {
    expect(run(rule, disclosure([T6()])).findings).toEqual([]);
  });
  test('人员经费合计 wrong → error with 301 and 303', () => {
    const t = T6({ 人员经费合计: '592.12' });
    expect(brief(run(rule, disclosure([t])).findings)).toEqual([
      expected('I-20', 'error', [[at(t, '人员经费合计', 'amount'), 'total'], [at(t, '301', 'amount'), 'part'], [at(t, '303', 'amount'), 'part']]),
    ]);
  });
  test('公用经费合计 off by 0.01 → notice with 302 and 310', () => {
    const t = T6({ 公用经费合计: '298.69' });
    expect(brief(run(rule, disclosure([t])).findings)).toEqual([
      expected('I-20', 'notice', [[at(t, '公用经费合计', 'amount'), 'total'], [at(t, '302', 'amount'), 'part'], [at(t, '310', 'amount'), 'part']]),
    ]);
  });
  test('a 款 changed → its 类 ≠ Σ 款 (error)', () => {
    const t = T6({ '30201': '300.87' });
    expect(brief(run(rule, disclosure([t])).findings)).toEqual([
      expected('I-20', 'error', [
        [at(t, '302', 'amount'), 'total'],
        [at(t, '30201', 'amount'), 'part'],
        [at(t, '30212', 'amount'), 'part'],
        [at(t, '30217', 'amount'), 'part'],
        [at(t, '30231', 'amount'), 'part'],
      ]),
    ]);
  });
  test('307 / 399 count as 公用经费 where present', () => {
    const t = tbl('T6', {
      panels: {
        left: { cols: ['amount'], rows: [['301', 'a', '1.00'], ['', '人员经费合计', '1.00']] },
        right: { cols: ['amount'], rows: [['302', 'b', '2.00'], ['399', 'c', '3.00'], ['', '公用经费合计', '5.00']] },
      },
    });
    expect(run(rule, disclosure([t])).findings).toEqual([]);
  });
});
