/** I-08 (domain.md): T3 each row: 本年支出合计 = 基本 + 项目 + 上缴上级 + 经营 + 对附属单位补助. */
import { defineRule } from './types';
import type { RuleMeta } from './types';
import { cellOf, checker, panel, valueRows } from './helpers';
import type { RuleDoc } from './helpers';

const PARTS = ['basic', 'project', 'remit', 'operating', 'subsidy'];

export const meta: RuleMeta = {
  id: 'I-08',
  title: { zh: '支出决算表各行合计等于各类支出之和', en: 'Expenditure table: each row total equals the sum of its kinds' },
  severity: 'error',
  tables: ['T3'],
};

export const doc: RuleDoc = {
  rationale: {
    zh: '支出决算表每一行：本年支出合计 = 基本支出 + 项目支出 + 上缴上级支出 + 经营支出 + 对附属单位补助支出。',
    en: 'In T3 every row: total = basic + project + remittance to higher level + operating + subsidies to affiliates.',
  },
  relation: { zh: 'T3 每行：本年支出合计 = 基本 + 项目 + 上缴上级 + 经营 + 对附属单位补助', en: 'T3 each row: total = basic + project + remit + operating + subsidy' },
  pass: '| 科目 | 合计 | 基本支出 | 项目支出 |\n|---|---|---|---|\n| 208 社会保障和就业支出 | 471.44 | 460.67 | 10.77 |',
  fail: '| 科目 | 合计 | 基本支出 | 项目支出 |\n|---|---|---|---|\n| 208 社会保障和就业支出 | **481.44** | 460.67 | 10.77 |\n\n→ error: 208 社会保障和就业支出「合计」481.44 ≠ 各类支出之和 471.44',
  limits: [{ zh: '只校验识别出的支出列。', en: 'Only recognised expenditure columns are added.' }],
};

export const rule = defineRule({
  meta,
  run(ctx) {
    const c = checker(ctx, meta);
    for (const r of valueRows(panel(ctx.disclosure.tables.T3))) {
      const total = cellOf(r, 'total');
      if (!total) continue;
      c.sum(total, PARTS.map((k) => cellOf(r, k)), { zh: '各类支出之和', en: 'the sum of the expenditure kinds' });
    }
  },
});
