/** I-16 (domain.md): T2↔T4 — T2 财政拨款收入 合计 = T4 本年收入合计. */
import { defineRule } from './types';
import type { RuleMeta } from './types';
import { cellOf, checker, grandRow, named, panel, RE_INCOME_TOTAL } from './helpers';
import type { RuleDoc } from './helpers';

export const meta: RuleMeta = {
  id: 'I-16',
  title: { zh: '收入决算表财政拨款收入与财政拨款总表一致', en: 'Fiscal appropriation income: income table = fiscal summary' },
  severity: 'error',
  tables: ['T2', 'T4'],
};

export const doc: RuleDoc = {
  rationale: {
    zh: '收入决算表合计行的“财政拨款收入”应等于财政拨款收入支出决算总表的“本年收入合计”。',
    en: 'The fiscal appropriation income in T2\'s total row equals T4\'s total income.',
  },
  relation: { zh: 'T2 合计「财政拨款收入」= T4 本年收入合计', en: 'T2 total fiscal income = T4 total income' },
  pass: 'T2 合计行 财政拨款收入 880.81；T4 本年收入合计 880.81',
  fail: 'T2 合计行 财政拨款收入 **890.81**；T4 本年收入合计 880.81\n\n→ error: 收入决算表 合计「财政拨款收入」890.81 ≠ 财政拨款收入支出决算总表 本年收入合计 880.81',
  limits: [{ zh: '无。', en: 'None known.' }],
};

export const rule = defineRule({
  meta,
  run(ctx) {
    const { T2, T4 } = ctx.disclosure.tables;
    const a = cellOf(grandRow(panel(T2)), 'fiscal');
    const b = cellOf(named(panel(T4, 'income'), RE_INCOME_TOTAL), 'amount');
    if (!a || !b) return ctx.notApplicable('T2 合计 财政拨款收入 or T4 本年收入合计 not found');
    checker(ctx, meta).equal(a, b);
  },
});
