import { describe, expect, test } from 'vitest';
import { rule } from '../../../lib/checks/B-01';
import { at, brief, disclosure, expected, run } from './build';
import { bt1, EXPENSE_OK, INCOME_OK, set } from './budget-build';

describe('B-01 BT1 收入总计 = Σ sources; 财政拨款 = Σ funds', () => {
  test('the published BT1 passes', () => {
    const { findings, outcome } = run(rule, disclosure([bt1(INCOME_OK, EXPENSE_OK)]));
    expect(findings).toEqual([]);
    expect(outcome).toBe('pass');
  });

  test('收入总计 off by 100.00 → error naming the total and every source row', () => {
    const t = bt1(set(INCOME_OK, '收入总计', '91,016,875.35'), EXPENSE_OK);
    const { findings, outcome } = run(rule, disclosure([t]));
    expect(brief(findings)).toEqual([
      expected('B-01', 'error', [
        [at(t, '收入总计', 'amount', 'income'), 'total'],
        [at(t, '一、财政拨款收入', 'amount', 'income'), 'part'],
        [at(t, '二、事业收入', 'amount', 'income'), 'part'],
        [at(t, '三、事业单位经营收入', 'amount', 'income'), 'part'],
        [at(t, '四、其他收入', 'amount', 'income'), 'part'],
      ]),
    ]);
    expect(outcome).toBe('fail');
    expect(findings[0].message.zh).toContain('收入总计 91016875.35 ≠');
  });

  test('a fund row that does not add up to 财政拨款收入 → error on 财政拨款 and the fund rows', () => {
    const t = bt1(set(INCOME_OK, '1. 一般公共预算资金', '91,016,757.35'), EXPENSE_OK);
    const { findings } = run(rule, disclosure([t]));
    expect(brief(findings)).toEqual([
      expected('B-01', 'error', [
        [at(t, '一、财政拨款收入', 'amount', 'income'), 'total'],
        [at(t, '1. 一般公共预算资金', 'amount', 'income'), 'part'],
        [at(t, '2. 政府性基金', 'amount', 'income'), 'part'],
        [at(t, '3. 国有资本经营预算', 'amount', 'income'), 'part'],
      ]),
    ]);
  });

  test('2-decimal 元: 0.01 off is a rounding notice (interval), 0.02 with one source an error', () => {
    const notice = run(rule, disclosure([bt1(set(set(INCOME_OK, '收入总计', '91,016,775.36'), '二、事业收入', ''), EXPENSE_OK)]));
    expect(notice.findings.map((f) => f.severity)).toEqual(['notice']);
    const two = [['一、财政拨款收入', '100.00'], ['收入总计', '100.02']] as Array<[string, string]>;
    expect(run(rule, disclosure([bt1(two, EXPENSE_OK)])).findings.map((f) => f.severity)).toEqual(['error']);
  });

  test.each([
    ['whole 元, exact', '1000', null],
    ['whole 元, 1 元 off with two terms → notice', '1001', 'notice'],
    ['whole 元, 2 元 off with two terms → notice (1 元 per term)', '1002', 'notice'],
    ['whole 元, 3 元 off with two terms → error', '1003', 'error'],
  ])('%s', (_n, total, severity) => {
    const inc: Array<[string, string]> = [['一、财政拨款收入', '600'], ['二、事业收入', '400'], ['收入总计', total as string]];
    const { findings } = run(rule, disclosure([bt1(inc, [], { whole: true })]));
    expect(findings.map((f) => f.severity)).toEqual(severity ? [severity] : []);
  });

  test('no BT1 → not applicable', () => {
    expect(run(rule, disclosure([])).outcome).toBe('not-applicable');
  });
});
