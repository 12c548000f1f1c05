import { describe, expect, test } from 'vitest';
import { rule } from '../../../lib/checks/B-02';
import { at, brief, disclosure, expected, run } from './build';
import { bt1, EXPENSE_OK, INCOME_OK, set } from './budget-build';

describe('B-02 BT1 支出总计 = Σ 类', () => {
  test.each([
    ['exact', '91,016,775.35', null],
    ['0.01 off over four classes → notice', '91,016,775.36', 'notice'],
    ['18.00 off → error', '91,016,757.35', 'error'],
  ])('%s', (_n, total, severity) => {
    const t = bt1(INCOME_OK, set(EXPENSE_OK, '支出总计', total as string));
    const { findings } = run(rule, disclosure([t]));
    if (!severity) return expect(findings).toEqual([]);
    expect(brief(findings)).toEqual([
      expected('B-02', severity as string, [
        [at(t, '支出总计', 'amount', 'expense'), 'total'],
        ...EXPENSE_OK.slice(0, 4).map(([n]) => [at(t, n, 'amount', 'expense'), 'part'] as [ReturnType<typeof at>, 'part']),
      ]),
    ]);
  });
  test('no 支出总计 → not applicable', () => {
    expect(run(rule, disclosure([bt1(INCOME_OK, EXPENSE_OK.slice(0, 4))])).outcome).toBe('not-applicable');
  });
});
