/** B-03 (budget.md): BT1 收入总计 = 支出总计 (a budget has no carry-over rows). */
import { defineRule } from './types';
import type { RuleMeta } from './types';
import { cellOf, checker } from './helpers';
import type { RuleDoc } from './helpers';
import { bt1Income, expenseClasses } from './budget';

export const meta: RuleMeta = {
  id: 'B-03',
  title: { zh: '预算收入总计等于支出总计', en: 'Budget total income equals total expenditure' },
  severity: 'error',
  tables: ['BT1'],
};

export const doc: RuleDoc = {
  rationale: {
    zh: '部门预算收支平衡：财务收支预算总表的收入总计等于支出总计（预算没有年初/年末结转行）。',
    en: 'A budget balances: BT1 total income equals total expenditure (there are no carry-over rows in a budget).',
  },
  relation: { zh: 'BT1 收入总计 = 支出总计', en: 'BT1 total income = total expenditure' },
  pass: '| 收入总计 | 91,016,775.35 | 支出总计 | 91,016,775.35 |',
  fail: '| 收入总计 | 91,016,775.35 | 支出总计 | **91,016,757.35** |\n\n→ error: 收入总计 91016775.35 ≠ 支出总计 91016757.35',
  limits: [],
};

export const rule = defineRule({
  meta,
  run(ctx) {
    const d = ctx.disclosure;
    const income = cellOf(bt1Income(d.tables.BT1).total, 'amount');
    const expense = cellOf(expenseClasses(d.tables.BT1).total, 'amount');
    if (!income || !expense) return ctx.notApplicable('BT1 has no 收入总计 or 支出总计 row');
    checker(ctx, meta).equal(income, expense);
  },
});
