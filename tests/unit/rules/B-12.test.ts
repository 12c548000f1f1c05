import { describe, expect, test } from 'vitest';
import { rule } from '../../../lib/checks/B-12';
import { at, brief, disclosure, expected, run, tbl } from './build';
import { yuan } from './budget-build';

const bt4 = (socialGeneral: string) =>
  tbl('BT4', {
    unit: '元',
    precision: 2,
    panels: {
      income: { cols: ['amount'], rows: [['', '收入总计', '86,310,576.70']] },
      expense: {
        cols: ['total', 'general', 'govfund', 'soe'],
        rows: [
          ['', '一、一般公共服务支出', '82,096,797.42', '82,096,797.42', '', ''],
          ['', '二、社会保障和就业支出', '4,213,779.28', socialGeneral, '', ''],
          ['', '支出总计', '86,310,576.70', '86,310,576.70', '', ''],
        ],
      },
    },
  });
const bt5 = () =>
  yuan('BT5', ['total', 'basic', 'project'], [
    ['201', '一般公共服务支出', '82,096,797.42', '', ''],
    ['208', '社会保障和就业支出', '4,213,779.28', '', ''],
    ['', '合计', '86,310,576.70', '', ''],
  ]);
const bt6 = () => yuan('BT6', ['total', 'basic', 'project'], [['', '合计', '', '', '']]);

describe('B-12 BT4 fund columns = BT5 / BT6 / BT7', () => {
  test('equal (an empty BT6 beside an empty 政府性基金 column) passes', () => {
    const { findings, outcome } = run(rule, disclosure([bt4('4,213,779.28'), bt5(), bt6()]));
    expect(findings).toEqual([]);
    expect(outcome).toBe('pass');
  });
  test('one cent → notice; a shifted class → error on both cells', () => {
    expect(run(rule, disclosure([bt4('4,213,779.29'), bt5()])).findings.map((f) => f.severity)).toEqual(['notice']);
    const t4 = bt4('1,097,073.43');
    const t5 = bt5();
    expect(brief(run(rule, disclosure([t4, t5])).findings)).toEqual([
      expected('B-12', 'error', [[at(t5, '208', 'total'), 'value'], [at(t4, '二、社会保障和就业支出', 'general', 'expense'), 'value']]),
    ]);
  });
  test('no BT5/BT6/BT7 → not applicable', () => {
    expect(run(rule, disclosure([bt4('4,213,779.28')])).outcome).toBe('not-applicable');
  });
});
