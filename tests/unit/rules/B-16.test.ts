import { describe, expect, test } from 'vitest';
import { rule } from '../../../lib/checks/B-16';
import { at, brief, disclosure, expected, run } from './build';
import { bt1, EXPENSE_OK, INCOME_OK, yuan } from './budget-build';

const unit = (office: string) =>
  bt1(INCOME_OK, [], { expenseCols: ['amount', 'personnel', 'office', 'project'], expenseRows: [['', '支出总计', '91,016,775.35', '22,473,997.81', office, '66,410,000.00']] });
const bt8 = () => yuan('BT8', ['total', 'personnel', 'office'], [['', '合计', '24,606,775.35', '22,473,997.81', '2,132,777.54']]);

describe('B-16 unit BT1 人员/公用 totals = BT8', () => {
  test.each([
    ['equal', '2,132,777.54', null],
    ['one cent → notice', '2,132,777.55', 'notice'],
    ['apart → error', '2,123,777.54', 'error'],
  ])('%s', (_n, v, severity) => {
    const t1 = unit(v as string);
    const t8 = bt8();
    const { findings } = run(rule, disclosure([t1, t8]));
    if (!severity) return expect(findings).toEqual([]);
    expect(brief(findings)).toEqual([expected('B-16', severity as string, [[at(t1, '支出总计', 'office', 'expense'), 'value'], [at(t8, '合计', 'office'), 'value']])]);
  });
  test('a department BT1 → not applicable', () => {
    expect(run(rule, disclosure([bt1(INCOME_OK, EXPENSE_OK), bt8()])).outcome).toBe('not-applicable');
  });
});
