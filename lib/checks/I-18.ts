/** I-18 (domain.md): T5 each row: 合计 = 基本支出 + 项目支出. */
import { defineRule } from './types';
import type { RuleMeta } from './types';
import { cellOf, checker, panel, valueRows } from './helpers';
import type { RuleDoc } from './helpers';

export const meta: RuleMeta = {
  id: 'I-18',
  title: { zh: '一般公共预算支出各行合计等于基本加项目支出', en: 'General public budget spending: each row total = basic + project' },
  severity: 'error',
  tables: ['T5'],
};

export const doc: RuleDoc = {
  rationale: {
    zh: '一般公共预算财政拨款支出决算表每一行：合计（小计）= 基本支出 + 项目支出。',
    en: 'In T5 every row: total = basic expenditure + project expenditure.',
  },
  relation: { zh: 'T5 每行：合计 = 基本支出 + 项目支出', en: 'T5 each row: total = basic + project' },
  pass: '| 科目 | 合计 | 基本支出 | 项目支出 |\n|---|---|---|---|\n| 211 节能环保支出 | 3,742.47 | 2,385.48 | 1,356.98 |\n\n→ notice（尾数差异 0.01，容差 0.015）',
  fail: '| 科目 | 合计 | 基本支出 | 项目支出 |\n|---|---|---|---|\n| 211 节能环保支出 | **3,752.47** | 2,385.48 | 1,356.98 |\n\n→ error: 211 节能环保支出「合计」3752.47 ≠ 基本支出与项目支出之和 3742.46',
  limits: [{ zh: '无。', en: 'None known.' }],
};

export const rule = defineRule({
  meta,
  run(ctx) {
    const c = checker(ctx, meta);
    for (const r of valueRows(panel(ctx.disclosure.tables.T5))) {
      const total = cellOf(r, 'total');
      if (!total) continue;
      c.sum(total, [cellOf(r, 'basic'), cellOf(r, 'project')], { zh: '基本支出与项目支出之和', en: 'basic plus project expenditure' });
    }
  },
});
