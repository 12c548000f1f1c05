import { describe, expect, test } from 'vitest';
import { rule } from '../../../lib/checks/I-05';
import { at, brief, disclosure, expected, run, tbl } from './build';

function t1(inc: string, exp: string) {
  return tbl('T1', {
    panels: {
      income: { cols: ['amount'], rows: [['', '本年收入合计', inc], ['', '总计', inc]] },
      expense: { cols: ['amount'], rows: [['', '本年支出合计', exp], ['', '总计', exp]] },
    },
  });
}

describe('I-05 收入总计 = 支出总计', () => {
  test.each([
    ['exact', '896.57', '896.57', null],
    ['one unit of the last decimal → notice', '896.57', '896.58', 'notice'],
    ['beyond one unit → error', '896.57', '895.57', 'error'],
    ['integers in a 2-decimal table compare at 2 decimals', '900', '900.00', null],
  ])('%s', (_n, inc, exp, severity) => {
    const t = t1(inc as string, exp as string);
    const { findings } = run(rule, disclosure([t]));
    if (!severity) return expect(findings).toEqual([]);
    expect(brief(findings)).toEqual([
      expected('I-05', severity as string, [
        [at(t, '总计', 'amount', 'expense'), 'value'],
        [at(t, '总计', 'amount', 'income'), 'value'],
      ]),
    ]);
  });
});
