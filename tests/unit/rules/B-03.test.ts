import { describe, expect, test } from 'vitest';
import { rule } from '../../../lib/checks/B-03';
import { at, brief, disclosure, expected, run } from './build';
import { bt1, EXPENSE_OK, INCOME_OK, set } from './budget-build';

describe('B-03 BT1 收入总计 = 支出总计', () => {
  test.each([
    ['equal', '91,016,775.35', null],
    ['one cent apart → notice', '91,016,775.36', 'notice'],
    ['apart → error', '91,016,757.35', 'error'],
  ])('%s', (_n, total, severity) => {
    const t = bt1(INCOME_OK, set(EXPENSE_OK, '支出总计', total as string));
    const { findings } = run(rule, disclosure([t]));
    if (!severity) return expect(findings).toEqual([]);
    expect(brief(findings)).toEqual([expected('B-03', severity as string, [[at(t, '收入总计', 'amount', 'income'), 'value'], [at(t, '支出总计', 'amount', 'expense'), 'value']])]);
  });
});
