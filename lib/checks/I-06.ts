/** I-06 (domain.md): T2 each row: 本年收入合计 = Σ the six source columns. */
import { defineRule } from './types';
import type { RuleMeta } from './types';
import { cellOf, checker, panel, valueRows } from './helpers';
import type { RuleDoc } from './helpers';

export const T2_SOURCES = ['fiscal', 'upper', 'business', 'operating', 'affiliated', 'other'];

export const meta: RuleMeta = {
  id: 'I-06',
  title: { zh: '收入决算表各行合计等于各来源之和', en: 'Income table: each row total equals the sum of its sources' },
  severity: 'error',
  tables: ['T2'],
};

export const doc: RuleDoc = {
  rationale: {
    zh: '收入决算表每一行：本年收入合计 = 财政拨款收入 + 上级补助收入 + 事业收入 + 经营收入 + 附属单位上缴收入 + 其他收入。',
    en: 'In T2 every row: total income = fiscal + higher-level subsidy + public-service + operating + affiliates + other income.',
  },
  relation: { zh: 'T2 每行：本年收入合计 = Σ 六个来源列', en: 'T2 each row: total = Σ six source columns' },
  pass: '| 科目 | 合计 | 财政拨款 | 其他收入 |\n|---|---|---|---|\n| 合计 | 896.57 | 880.81 | 15.76 |',
  fail: '| 科目 | 合计 | 财政拨款 | 其他收入 |\n|---|---|---|---|\n| 合计 | **896.67** | 880.81 | 15.76 |\n\n→ error: 合计「合计」896.67 ≠ 各收入来源之和 896.57',
  limits: [{ zh: '只校验识别出的来源列；未识别的列不计入。', en: 'Only recognised source columns are added; unrecognised columns are not.' }],
};

export const rule = defineRule({
  meta,
  run(ctx) {
    const c = checker(ctx, meta);
    for (const r of valueRows(panel(ctx.disclosure.tables.T2))) {
      const total = cellOf(r, 'total');
      if (!total) continue;
      c.sum(total, T2_SOURCES.map((k) => cellOf(r, k)), { zh: '各收入来源之和', en: 'the sum of the income sources' });
    }
  },
});
