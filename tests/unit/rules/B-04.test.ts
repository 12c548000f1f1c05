import { describe, expect, test } from 'vitest';
import { rule } from '../../../lib/checks/B-04';
import { at, brief, disclosure, expected, run } from './build';
import { bt1, EXPENSE_OK, INCOME_OK } from './budget-build';

const COLS = ['amount', 'personnel', 'office', 'project'];
function unitBt1(general: string, total = '91,016,775.35') {
  return bt1(INCOME_OK, [], {
    expenseCols: COLS,
    expenseRows: [
      ['', '一、一般公共服务支出', general, '13,819,399.88', '1,867,397.54', '66,410,000.00'],
      ['', '二、社会保障和就业支出', '4,213,779.28', '3,948,399.28', '265,380.00', ''],
      ['', '三、卫生健康支出', '1,097,073.43', '1,097,073.43', '', ''],
      ['', '四、住房保障支出', '3,609,125.22', '3,609,125.22', '', ''],
      ['', '支出总计', total, '22,473,997.81', '2,132,777.54', '66,410,000.00'],
    ],
  });
}

describe('B-04 unit BT1: 合计 = 人员 + 公用 + 项目; column totals = Σ 类', () => {
  test('the published unit BT1 passes', () => {
    const { findings, outcome } = run(rule, disclosure([unitBt1('82,096,797.42')]));
    expect(findings).toEqual([]);
    expect(outcome).toBe('pass');
  });
  test('a class whose total is not its parts → error on that row', () => {
    const t = unitBt1('82,096,798.42', '91,016,776.35');
    const { findings } = run(rule, disclosure([t]));
    const r = '一、一般公共服务支出';
    expect(brief(findings)).toEqual([
      expected('B-04', 'error', [[at(t, r, 'amount', 'expense'), 'total'], [at(t, r, 'personnel', 'expense'), 'part'], [at(t, r, 'office', 'expense'), 'part'], [at(t, r, 'project', 'expense'), 'part']]),
      expected('B-04', 'error', [[at(t, '支出总计', 'amount', 'expense'), 'total'], [at(t, '支出总计', 'personnel', 'expense'), 'part'], [at(t, '支出总计', 'office', 'expense'), 'part'], [at(t, '支出总计', 'project', 'expense'), 'part']]),
    ]);
  });
  test('0.01 off on one class → notice (rounding boundary)', () => {
    const { findings } = run(rule, disclosure([unitBt1('82,096,797.43', '91,016,775.35')]));
    expect(findings.map((f) => f.severity)).toEqual(['notice']);
  });
  test('a department BT1 (one amount column) → not applicable', () => {
    expect(run(rule, disclosure([bt1(INCOME_OK, EXPENSE_OK)])).outcome).toBe('not-applicable');
  });
});
