import { describe, expect, test } from 'vitest';
import { rule } from '../../../lib/checks/B-11';
import { at, brief, disclosure, expected, run, tbl } from './build';
import { bt1, EXPENSE_OK, INCOME_OK } from './budget-build';

const bt4 = (general: string, total = general) =>
  tbl('BT4', {
    unit: '元',
    precision: 2,
    panels: {
      income: { cols: ['amount'], rows: [['', '一、一般公共预算资金', general], ['', '二、政府性基金', ''], ['', '收入总计', total]] },
      expense: { cols: ['total', 'general'], rows: [['', '支出总计', total, total]] },
    },
  });

describe('B-11 BT4 incomes = BT1 fund rows; BT4 收入总计 = BT1 财政拨款收入', () => {
  test.each([
    ['equal', '91,016,775.35', null],
    ['one cent → notices', '91,016,775.36', 'notice'],
    ['apart → errors', '91,016,757.35', 'error'],
  ])('%s', (_n, v, severity) => {
    const t1 = bt1(INCOME_OK, EXPENSE_OK);
    const t4 = bt4(v as string);
    const { findings } = run(rule, disclosure([t1, t4]));
    if (!severity) return expect(findings).toEqual([]);
    expect(brief(findings)).toEqual([
      expected('B-11', severity as string, [[at(t4, '一、一般公共预算资金', 'amount', 'income'), 'value'], [at(t1, '1. 一般公共预算资金', 'amount', 'income'), 'value']]),
      expected('B-11', severity as string, [[at(t4, '收入总计', 'amount', 'income'), 'value'], [at(t1, '一、财政拨款收入', 'amount', 'income'), 'value']]),
    ]);
  });
});
