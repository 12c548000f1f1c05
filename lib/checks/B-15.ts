/** B-15 (budget.md): BT5 基本支出 合计 = BT8 合计. */
import { defineRule } from './types';
import type { RuleMeta } from './types';
import { cellOf, checker, grandRow, panel } from './helpers';
import type { RuleDoc } from './helpers';

export const meta: RuleMeta = {
  id: 'B-15',
  title: { zh: '一般公共预算基本支出与经济分类表合计一致', en: 'BT5 basic expenditure equals the BT8 total' },
  severity: 'error',
  tables: ['BT5', 'BT8'],
};

export const doc: RuleDoc = {
  rationale: {
    zh: '一般公共预算基本支出按功能分类（BT5 基本支出列合计）与按经济分类（BT8 合计）是同一笔钱的两种分法，应相等。',
    en: 'BT5\'s basic-expenditure total (by function) and BT8\'s total (by economic class) split the same money two ways and must agree.',
  },
  relation: { zh: 'BT5 合计行「基本支出」= BT8 合计行「合计」', en: 'BT5 合计 basic = BT8 合计 total' },
  pass: 'BT5 合计「基本支出」24,606,775.35 = BT8 合计 24,606,775.35',
  fail: 'BT5 合计「基本支出」**24,606,775.35** vs BT8 合计 24,606,757.35\n\n→ error',
  limits: [],
};

export const rule = defineRule({
  meta,
  run(ctx) {
    const d = ctx.disclosure;
    const g5 = grandRow(panel(d.tables.BT5));
    const g8 = grandRow(panel(d.tables.BT8));
    if (!g5 || !g8) return ctx.notApplicable('BT5 or BT8 has no 合计 row');
    checker(ctx, meta).equal(cellOf(g5, 'basic'), cellOf(g8, 'total'));
  },
});
