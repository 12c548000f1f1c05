import { describe, expect, test } from 'vitest';
import { budgetProfile, compareBudgets, pairBudgets, rule } from '../../../lib/checks/B-N16';
import type { BudgetProfile } from '../../../lib/checks/B-N16';
import { run } from './build';
import { budgetDoc, yuan } from './budget-build';

const HEAD = (x: string, d: string) => `支出预算${x}万元，其中：财政拨款支出预算${x}万元，比2024年预算减少${d}万元。`;

function profile(scope: 'department' | 'unit', v2010301: string, head: string, extra: string[][] = []): BudgetProfile {
  const bt3 = yuan('BT3', ['total', 'basic', 'project'], [['201', '一般公共服务支出', v2010301, v2010301, ''], ['2010301', '行政运行', v2010301, v2010301, ''], ...extra, ['', '合计', v2010301, v2010301, '']]);
  const d = budgetDoc([bt3, head], scope);
  d.info.department = '上海市普陀区人民政府办公室';
  return budgetProfile(d)!;
}

const DEPT = profile('department', '12,029,501.84', HEAD('1,202.95', '100.00'));

describe('B-N16 a unit beside its department', () => {
  test('the profile: BT3 totals per code in 元, the text\'s current and prior figures (万元)', () => {
    expect(DEPT).toMatchObject({ department: '上海市普陀区人民政府办公室', year: 2025, scope: 'department', codes: { '201': '12029501.84', '2010301': '12029501.84' } });
    expect(DEPT.current.fiscalExpense).toBe('1202.95');
    expect(DEPT.prior.fiscalExpense).toBe('1302.95');
  });

  test.each([
    ['identical numbers (a unit merged into its department) pass', profile('unit', '12,029,501.84', HEAD('1,202.95', '100.00')), []],
    ['a smaller unit passes', profile('unit', '3,000,000.00', HEAD('300.00', '10.00')), []],
    // Rounding boundary: 元 amounts are exact — one cent over is over.
    ['one cent over the department → error per code', profile('unit', '12,029,501.85', HEAD('1,202.95', '100.00')), [['error', '201', '≤ 12,029,501.84', '12,029,501.85'], ['error', '2010301', '≤ 12,029,501.84', '12,029,501.85']]],
    ['a code the department does not have → error', profile('unit', '3,000,000.00', HEAD('300.00', '10.00'), [['2010302', '一般行政管理事务', '5.00', '5.00', '']]), [['error', '2010302', '≤ 0.00', '5.00']]],
    // 300.00 + 1,002.95 = 1,302.95: the department's prior figure, while this year differs.
    ['the prior-year figure copied from the department → warning', profile('unit', '3,000,000.00', HEAD('300.00', '1,002.95').replace('减少', '增加').replace('300.00万元，比2024年预算增加1,002.95', '300.00万元，比2024年预算减少1,002.95')), [['warning', '财政拨款支出预算', null, '1302.95']]],
  ] as const)('%s', (_n, unit, want) => {
    const got = compareBudgets(unit, DEPT).map((f) => [f.severity, f.subject, f.expected, f.actual]);
    expect(got).toEqual(want);
    for (const f of compareBudgets(unit, DEPT)) expect(f.rule).toBe('B-N16');
  });

  test('pairing in a batch: same department and year only; a department alone is not compared', () => {
    const unit = profile('unit', '12,029,501.85', HEAD('1,202.95', '100.00'));
    const other = { ...unit, department: '另一个部门' };
    const lastYear = { ...unit, year: 2024 };
    const pairs = pairBudgets([
      { source: 'u.pdf', profile: unit },
      { source: 'd.pdf', profile: DEPT },
      { source: 'o.pdf', profile: other },
      { source: 'y.pdf', profile: lastYear },
    ]);
    expect(pairs.map((p) => [p.unit, p.department, p.findings.length])).toEqual([['u.pdf', 'd.pdf', 2]]);
  });

  test('one document alone: not applicable', () => {
    const { findings, outcome } = run(rule, budgetDoc([HEAD('1.00', '1.00')], 'unit'));
    expect(findings).toEqual([]);
    expect(outcome).toBe('not-applicable');
  });
});
