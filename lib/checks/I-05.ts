/** I-05 (domain.md): T1 收入总计 = 支出总计. */
import { defineRule } from './types';
import type { RuleMeta } from './types';
import { cellOf, checker, grandTotalRow, named, panel, RE_EXPENSE_TOTAL, RE_INCOME_TOTAL } from './helpers';
import type { RuleDoc } from './helpers';

export const meta: RuleMeta = {
  id: 'I-05',
  title: { zh: '收入总计等于支出总计', en: 'Income grand total equals expenditure grand total' },
  severity: 'error',
  tables: ['T1'],
};

export const doc: RuleDoc = {
  rationale: {
    zh: '收入支出决算总表收支平衡：左侧总计应等于右侧总计。',
    en: 'T1 balances: the grand total of income equals the grand total of expenditure.',
  },
  relation: { zh: 'T1 收入总计 = 支出总计', en: 'T1 income grand total = expenditure grand total' },
  pass: '| 项目 | 决算数 | 项目 | 决算数 |\n|---|---|---|---|\n| 总计 | 896.57 | 总计 | 896.57 |',
  fail: '| 项目 | 决算数 | 项目 | 决算数 |\n|---|---|---|---|\n| 总计 | 896.57 | 总计 | **895.57** |\n\n→ error: 总计 895.57 ≠ 收入总计 896.57',
  limits: [{ zh: '两个总计按同一数量比较，容差为末位一个单位。', en: 'Compared as one quantity printed twice: tolerance one unit of the last decimal.' }],
};

export const rule = defineRule({
  meta,
  run(ctx) {
    const t = ctx.disclosure.tables.T1;
    const inc = panel(t, 'income');
    const exp = panel(t, 'expense');
    const a = cellOf(grandTotalRow(exp, named(exp, RE_EXPENSE_TOTAL)), 'amount');
    const b = cellOf(grandTotalRow(inc, named(inc, RE_INCOME_TOTAL)), 'amount');
    if (!a || !b) return ctx.notApplicable('T1 has no two 总计 rows');
    checker(ctx, meta).equal(a, b, { zh: '收入总计', en: 'the income grand total' });
  },
});
