/** I-01 (domain.md): T1 本年收入合计 = Σ income rows 一…八 (其中 rows are parts of the row above). */
import { defineRule } from './types';
import type { RuleMeta } from './types';
import { cellOf, checker, itemRowsBefore, named, panel, RE_INCOME_TOTAL } from './helpers';
import type { RuleDoc } from './helpers';

export const meta: RuleMeta = {
  id: 'I-01',
  title: { zh: '本年收入合计等于各项收入之和', en: 'Total income equals the sum of the income rows' },
  severity: 'error',
  tables: ['T1'],
};

export const doc: RuleDoc = {
  rationale: {
    zh: '收入支出决算总表左侧“本年收入合计”应等于一至八各项收入之和；“其中”行是上一行的组成部分，不另计。',
    en: 'In T1 the stated total income must equal the sum of income rows 一…八; "of which" rows are parts of the row above and are not added again.',
  },
  relation: { zh: 'T1 本年收入合计 = Σ 收入行（一…八）', en: 'T1 total income = Σ income rows 一…八' },
  pass: '| 项目 | 决算数 |\n|---|---|\n| 一、一般公共预算财政拨款收入 | 880.81 |\n| 八、其他收入 | 15.76 |\n| 本年收入合计 | 896.57 |',
  fail: '| 项目 | 决算数 |\n|---|---|\n| 一、一般公共预算财政拨款收入 | 880.81 |\n| 八、其他收入 | 15.76 |\n| 本年收入合计 | **896.67** |\n\n→ error: 本年收入合计 896.67 ≠ 各项收入之和 896.57（差 0.10，容差 0.015）',
  limits: [
    { zh: '收入行按名称定位在“本年收入合计”之上；没有该行时不校验。', en: 'Income rows are those above the 本年收入合计 row; without that row the rule does not run.' },
  ],
};

export const rule = defineRule({
  meta,
  run(ctx) {
    const p = panel(ctx.disclosure.tables.T1, 'income');
    const total = named(p, RE_INCOME_TOTAL);
    const cell = cellOf(total, 'amount');
    if (!cell) return ctx.notApplicable('T1 has no 本年收入合计 row');
    const parts = itemRowsBefore(p, total).map((r) => cellOf(r, 'amount'));
    checker(ctx, meta).sum(cell, parts, { zh: '各项收入之和', en: 'the sum of the income rows' });
  },
});
