/** I-19 (domain.md): T5↔T6 — T5 基本支出 (合计) = T6 人员经费合计 + 公用经费合计. */
import { defineRule } from './types';
import type { RuleMeta } from './types';
import { cellOf, checker, grandRow, panel, t6Totals } from './helpers';
import type { RuleDoc } from './helpers';

export const meta: RuleMeta = {
  id: 'I-19',
  title: { zh: '基本支出与基本支出明细表一致', en: 'Basic expenditure agrees with its economic breakdown' },
  severity: 'error',
  tables: ['T5', 'T6'],
};

export const doc: RuleDoc = {
  rationale: {
    zh: '一般公共预算财政拨款支出决算表合计行的基本支出，应等于基本支出决算明细表的人员经费合计与公用经费合计之和。',
    en: 'T5\'s total basic expenditure equals T6\'s personnel total plus its public-expense total.',
  },
  relation: { zh: 'T5 合计「基本支出」= T6 人员经费合计 + 公用经费合计', en: 'T5 total basic = T6 personnel total + public-expense total' },
  pass: 'T5 合计 基本支出 880.81；T6 人员经费合计 582.12，公用经费合计 298.68\n\n→ notice（尾数差异：差 0.01，容差 0.015）',
  fail: 'T5 合计 基本支出 **890.81**；T6 人员经费合计 582.12，公用经费合计 298.68\n\n→ error: 合计「基本支出」890.81 ≠ 人员经费合计与公用经费合计之和 880.80',
  limits: [{ zh: '人员经费合计、公用经费合计按名称查找。', en: 'The two T6 totals are found by name.' }],
};

export const rule = defineRule({
  meta,
  run(ctx) {
    const { T5, T6 } = ctx.disclosure.tables;
    const basic = cellOf(grandRow(panel(T5)), 'basic');
    const { personnel, office } = t6Totals(T6);
    if (!basic || (!personnel && !office)) return ctx.notApplicable('T5 合计 基本支出 or T6 totals not found');
    const c = checker(ctx, meta);
    const parts = [cellOf(personnel, 'amount'), cellOf(office, 'amount')];
    c.sum(basic, parts, { zh: '人员经费合计与公用经费合计之和', en: 'the personnel plus public-expense totals' });
  },
});
