/** B-19 (budget.md): BT9 机关运行经费 ≤ BT8 公用经费合计 (across 万元 and 元). */
import { defineRule } from './types';
import type { RuleMeta } from './types';
import { cellOf, checker, grandRow, panel, valueRows } from './helpers';
import type { RuleDoc } from './helpers';

export const meta: RuleMeta = {
  id: 'B-19',
  title: { zh: '机关运行经费不超过公用经费', en: 'Running costs do not exceed office expenditure' },
  severity: 'error',
  tables: ['BT8', 'BT9'],
};

export const doc: RuleDoc = {
  rationale: {
    zh: '机关运行经费是行政单位和参公事业单位一般公共预算基本支出中的日常公用经费，不能超过 BT8 的公用经费合计（BT9 为万元，BT8 为元，元数精确折合后比较）。',
    en: 'Running costs are the office part of the general budget\'s basic expenditure of administrative (and civil-service-managed) units, so they cannot exceed BT8\'s office total (BT9 in 万元, BT8 in 元, converted exactly).',
  },
  relation: { zh: 'BT9 机关运行经费 ≤ BT8 公用经费合计', en: 'BT9 running costs ≤ BT8 office total' },
  pass: 'BT9 机关运行经费 213.28 万元 ≤ BT8 公用经费合计 2,132,777.54 元（213.2777554 万元，四舍五入即 213.28：同一金额）',
  fail: 'BT9 机关运行经费 **231.28** 万元 > BT8 公用经费合计 2,132,777.54 元\n\n→ error',
  limits: [{ zh: '“全部为行政或参公单位时应相等”（警告）尚未实现：需要从机构设置读出单位性质。', en: 'The "equal when every unit is administrative" warning is not implemented yet: it needs the unit kinds from 机构设置.' }],
};

export const rule = defineRule({
  meta,
  run(ctx) {
    const d = ctx.disclosure;
    const row9 = valueRows(panel(d.tables.BT9))[0];
    const g8 = grandRow(panel(d.tables.BT8));
    const running = cellOf(row9, 'running');
    if (!running || !g8) return ctx.notApplicable('BT9 has no 机关运行经费 column or BT8 no 合计 row');
    checker(ctx, meta).atMostAcross(running, cellOf(g8, 'office'));
  },
});
