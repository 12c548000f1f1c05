/** B-16 (budget.md): 单位 BT1 ↔ BT8 — BT1 人员经费 total = BT8 人员经费合计; 公用 likewise. */
import { defineRule } from './types';
import type { RuleMeta } from './types';
import { cellOf, checker, grandRow, panel } from './helpers';
import type { RuleDoc } from './helpers';
import { expenseClasses } from './budget';

export const meta: RuleMeta = {
  id: 'B-16',
  title: { zh: '单位收支总表人员、公用经费与经济分类表一致', en: 'Unit BT1 personnel/office totals equal BT8' },
  severity: 'error',
  tables: ['BT1', 'BT8'],
};

export const doc: RuleDoc = {
  rationale: {
    zh: '单位预算的财务收支预算总表支出总计行的人员经费、公用经费分别等于基本支出经济分类预算表的人员经费合计、公用经费合计。',
    en: 'In a unit budget, BT1\'s personnel and office totals equal BT8\'s personnel and office totals.',
  },
  relation: { zh: 'BT1 支出总计「人员经费」= BT8 人员经费合计；公用经费同', en: 'BT1 total personnel = BT8 personnel; office likewise' },
  pass: 'BT1 支出总计「人员经费」22,473,997.81 = BT8 合计「人员经费」22,473,997.81',
  fail: 'BT1 支出总计「公用经费」**2,132,777.54** vs BT8 合计「公用经费」2,123,777.54\n\n→ error',
  limits: [{ zh: '部门预算的总表没有人员/公用经费列，不适用。', en: 'Not applicable to department budgets (their BT1 has no personnel/office columns).' }],
};

export const rule = defineRule({
  meta,
  run(ctx) {
    const d = ctx.disclosure;
    const e = expenseClasses(d.tables.BT1);
    const keys = new Set(e.panel?.columns.map((col) => col.key) ?? []);
    if (!keys.has('personnel') && !keys.has('office')) return ctx.notApplicable('BT1 has no 人员经费/公用经费 columns');
    const g8 = grandRow(panel(d.tables.BT8));
    const c = checker(ctx, meta);
    for (const k of ['personnel', 'office']) c.equal(cellOf(e.total, k), cellOf(g8, k));
  },
});
