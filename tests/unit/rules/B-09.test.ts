import { describe, expect, test } from 'vitest';
import { rule } from '../../../lib/checks/B-09';
import { at, brief, disclosure, expected, run } from './build';
import { bt1, EXPENSE_OK, INCOME_OK, set, yuan } from './budget-build';

const bt2 = (fiscal: string) => yuan('BT2', ['total', 'fiscal', 'business', 'operating', 'other'], [['', '合计', '91,016,775.35', fiscal, '', '', '']]);
const bt3 = (general: string) =>
  yuan('BT3', ['total', 'basic', 'project'], [
    ['201', '一般公共服务支出', general, '', ''],
    ['208', '社会保障和就业支出', '4,213,779.28', '', ''],
    ['210', '卫生健康支出', '1,097,073.43', '', ''],
    ['221', '住房保障支出', '3,609,125.22', '', ''],
    ['', '合计', '91,016,775.35', '', ''],
  ]);

describe('B-09 BT1 ↔ BT2 合计 row, BT1 类 ↔ BT3 类', () => {
  test('the published tables pass', () => {
    const { findings, outcome } = run(rule, disclosure([bt1(INCOME_OK, EXPENSE_OK), bt2('91,016,775.35'), bt3('82,096,797.42')]));
    expect(findings).toEqual([]);
    expect(outcome).toBe('pass');
  });
  test('BT2 财政拨款收入 ≠ BT1 财政拨款收入 → error on both cells', () => {
    const t1 = bt1(INCOME_OK, EXPENSE_OK);
    const t2 = bt2('91,016,757.35');
    const { findings } = run(rule, disclosure([t1, t2]));
    expect(brief(findings)).toEqual([expected('B-09', 'error', [[at(t2, '合计', 'fiscal'), 'value'], [at(t1, '一、财政拨款收入', 'amount', 'income'), 'value']])]);
  });
  test('a class one cent apart → notice; apart → error', () => {
    const t1 = bt1(INCOME_OK, EXPENSE_OK);
    expect(run(rule, disclosure([t1, bt3('82,096,797.43')])).findings.map((f) => f.severity)).toEqual(['notice']);
    const t3 = bt3('82,096,779.42');
    expect(brief(run(rule, disclosure([t1, t3])).findings)).toEqual([expected('B-09', 'error', [[at(t3, '201', 'total'), 'value'], [at(t1, '一、一般公共服务支出', 'amount', 'expense'), 'value']])]);
  });
  test('a BT1 class with no BT3 class → error', () => {
    const t1 = bt1(INCOME_OK, [['五、节能环保支出', '10.00'], ...EXPENSE_OK]);
    const f = run(rule, disclosure([t1, bt3('82,096,797.42')])).findings;
    expect(brief(f)).toEqual([expected('B-09', 'error', [[at(t1, '五、节能环保支出', 'amount', 'expense'), 'value']])]);
  });
  test('neither BT2 nor BT3 → not applicable', () => {
    expect(run(rule, disclosure([bt1(INCOME_OK, set(EXPENSE_OK, '支出总计', '1'))])).outcome).toBe('not-applicable');
  });
});
