/** I-02 (domain.md): T1 本年支出合计 = Σ 类 rows. */
import { defineRule } from './types';
import type { RuleMeta } from './types';
import { cellOf, checker, itemRowsBefore, named, panel, RE_EXPENSE_TOTAL } from './helpers';
import type { RuleDoc } from './helpers';

export const meta: RuleMeta = {
  id: 'I-02',
  title: { zh: '本年支出合计等于各类支出之和', en: 'Total expenditure equals the sum of the function classes' },
  severity: 'error',
  tables: ['T1'],
};

export const doc: RuleDoc = {
  rationale: {
    zh: '收入支出决算总表右侧“本年支出合计”应等于按功能分类（类）列示的各项支出之和。',
    en: 'In T1 the stated total expenditure must equal the sum of the expenditure rows by function class (类).',
  },
  relation: { zh: 'T1 本年支出合计 = Σ 类支出行', en: 'T1 total expenditure = Σ class rows' },
  pass: '| 项目 | 决算数 |\n|---|---|\n| 一、一般公共服务支出 | 742.39 |\n| 八、社会保障和就业支出 | 87.96 |\n| 本年支出合计 | 830.35 |',
  fail: '| 项目 | 决算数 |\n|---|---|\n| 一、一般公共服务支出 | 742.39 |\n| 八、社会保障和就业支出 | 87.96 |\n| 本年支出合计 | **830.45** |\n\n→ error: 本年支出合计 830.45 ≠ 各类支出之和 830.35',
  limits: [
    { zh: '支出行为“本年支出合计”之上的各行；“其中”行不计入。', en: 'Class rows are the rows above 本年支出合计; 其中 rows are not added.' },
  ],
};

export const rule = defineRule({
  meta,
  run(ctx) {
    const p = panel(ctx.disclosure.tables.T1, 'expense');
    const total = named(p, RE_EXPENSE_TOTAL);
    const cell = cellOf(total, 'amount');
    if (!cell) return ctx.notApplicable('T1 has no 本年支出合计 row');
    const parts = itemRowsBefore(p, total).map((r) => cellOf(r, 'amount'));
    checker(ctx, meta).sum(cell, parts, { zh: '各类支出之和', en: 'the sum of the class rows' });
  },
});
