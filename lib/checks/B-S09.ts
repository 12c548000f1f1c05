/** B-S09 (budget.md, "Required parts"): Project funding explanation (department budgets). Shared presence logic: ./budget-parts.ts. */
import { defineRule } from './types';
import type { RuleMeta } from './types';
import type { RuleDoc } from './helpers';
import { PROJECT, PROJECT_ITEMS, missing, headingOf, tablesOnly } from './budget-parts';

export const meta: RuleMeta = {
  id: 'B-S09',
  title: { zh: '项目经费情况说明（部门预算）', en: 'Project funding explanation (department budgets)' },
  severity: 'warning',
  tables: [],
};

export const doc: RuleDoc = {
  rationale: {
    zh: '上海区级部门预算附项目经费情况说明：项目概述、立项依据、实施主体、实施方案、实施周期、年度预算安排、绩效目标。单位预算没有这一部分；其他地区的模板也未必有，因此缺少时为警告。',
    en: 'Shanghai district department budgets add a project funding explanation: overview, basis, implementing body, plan, period, annual budget, targets. Unit budgets have none, and other regions’ templates may not: missing is a warning.',
  },
  relation: { zh: '部门预算有项目经费情况说明及七项内容', en: 'a department budget has the project explanation with its seven items' },
  pass: '区政府督查及建议提案工作业务经费项目经费情况说明 / 一、项目概述 … 七、绩效目标',
  fail: '（缺“实施周期”） → warning',
  limits: [{ zh: '按标题（或粘在段首、段尾的标题）判断是否存在，写法宽松；缺少才报告。', en: 'Presence by headings (also one glued to a paragraph’s start or end), tolerant wording; only absence is reported.' }],
};

export const rule = defineRule({
  meta,
  run(ctx) {
    const d = ctx.disclosure;
    if (d.info.scope !== 'department') return ctx.notApplicable('only department budgets carry it');
    if (tablesOnly(d)) return ctx.notApplicable('tables only: no narrative');
    const head = headingOf(d, PROJECT);
    if (!head) return missing(ctx, meta, { zh: '项目经费情况说明', en: 'project funding explanation' });
    for (const it of PROJECT_ITEMS) if (!headingOf(d, new RegExp(it.zh), head.index)) missing(ctx, meta, { zh: `项目经费情况说明：${it.zh}`, en: `project explanation: ${it.en}` }, meta.severity, head);
  },
});
