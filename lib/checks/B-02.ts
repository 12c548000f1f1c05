/** B-02 (budget.md): BT1 支出总计 = Σ 类 rows. */
import { defineRule } from './types';
import type { RuleMeta } from './types';
import { cellOf, checker, sumLabel } from './helpers';
import type { RuleDoc } from './helpers';
import { expenseClasses } from './budget';

export const meta: RuleMeta = {
  id: 'B-02',
  title: { zh: '预算支出总计等于各类支出之和', en: 'Budget total expenditure equals the sum of the classes' },
  severity: 'error',
  tables: ['BT1'],
};

export const doc: RuleDoc = {
  rationale: {
    zh: '财务收支预算总表右侧：支出总计 = 各功能分类“类”级支出之和。',
    en: 'BT1 expenditure half: total expenditure = the sum of the function-class rows.',
  },
  relation: { zh: 'BT1 支出总计 = Σ 类', en: 'BT1 total expenditure = Σ classes' },
  pass: '| 项目 | 预算数 |\n|---|---|\n| 一、一般公共服务支出 | 82,096,797.42 |\n| 二、社会保障和就业支出 | 8,919,977.93 |\n| 支出总计 | 91,016,775.35 |',
  fail: '| 项目 | 预算数 |\n|---|---|\n| 一、一般公共服务支出 | 82,096,797.42 |\n| 二、社会保障和就业支出 | 8,919,977.93 |\n| 支出总计 | **91,016,757.35** |\n\n→ error: 支出总计 91016757.35 ≠ 各类支出之和 91016775.35',
  limits: [{ zh: '类行按名称定位在“支出总计”之上。单位预算的人员/公用/项目列由 B-04 核对。', en: 'Class rows are those above 支出总计. The unit version\'s personnel/office/project columns are B-04\'s.' }],
};

export const rule = defineRule({
  meta,
  run(ctx) {
    const d = ctx.disclosure;
    const e = expenseClasses(d.tables.BT1);
    const total = cellOf(e.total, 'amount');
    if (!total) return ctx.notApplicable('BT1 has no 支出总计 row');
    const parts = e.classes.map((r) => cellOf(r, 'amount'));
    checker(ctx, meta, { wholeYuanPerTerm: true }).sum(total, parts, () => sumLabel(d, parts, { zh: '各类支出之和', en: 'the sum of the classes' }));
  },
});
