import { describe, expect, test } from 'vitest';
import { rule } from '../../../lib/checks/B-10';
import { tbl } from './build';
import { at, brief, disclosure, expected, run } from './build';

function bt4(opts: { general1?: string; incomeTotal?: string } = {}) {
  return tbl('BT4', {
    unit: '元',
    precision: 2,
    panels: {
      income: { cols: ['amount'], rows: [['', '一、一般公共预算资金', '91,016,775.35'], ['', '二、政府性基金', ''], ['', '三、国有资本经营预算', ''], ['', '收入总计', opts.incomeTotal ?? '91,016,775.35']] },
      expense: {
        cols: ['total', 'general', 'govfund', 'soe'],
        rows: [
          ['', '一、一般公共服务支出', '82,096,797.42', opts.general1 ?? '82,096,797.42', '', ''],
          ['', '二、社会保障和就业支出', '8,919,977.93', '8,919,977.93', '', ''],
          ['', '支出总计', '91,016,775.35', '91,016,775.35', '', ''],
        ],
      },
    },
  });
}

describe('B-10 BT4 adds up and balances', () => {
  test('exact passes', () => {
    expect(run(rule, disclosure([bt4()])).findings).toEqual([]);
  });
  test('a fund column shifted (一般公共预算 of a class wrong) → the row and the column total fail', () => {
    const t = bt4({ general1: '4,213,779.28' });
    const { findings } = run(rule, disclosure([t]));
    const r = '一、一般公共服务支出';
    expect(brief(findings)).toEqual([
      expected('B-10', 'error', [[at(t, r, 'total', 'expense'), 'total'], [at(t, r, 'general', 'expense'), 'part'], [at(t, r, 'govfund', 'expense'), 'part'], [at(t, r, 'soe', 'expense'), 'part']]),
      expected('B-10', 'error', [[at(t, '支出总计', 'general', 'expense'), 'total'], [at(t, r, 'general', 'expense'), 'part'], [at(t, '二、社会保障和就业支出', 'general', 'expense'), 'part']]),
    ]);
  });
  test('收入总计 one cent off → notices (sum and balance); far off → errors', () => {
    expect(run(rule, disclosure([bt4({ incomeTotal: '91,016,775.36' })])).findings.map((f) => f.severity)).toEqual(['notice', 'notice']);
    expect(run(rule, disclosure([bt4({ incomeTotal: '91,016,757.35' })])).findings.map((f) => f.severity)).toEqual(['error', 'error']);
  });
});
