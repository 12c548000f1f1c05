/** B-S04 (budget.md, "Required parts"): Organisation. Shared presence logic: ./budget-parts.ts. */
import { defineRule } from './types';
import type { RuleMeta } from './types';
import type { RuleDoc } from './helpers';
import { ORGANISATION, missing, headingOf, tablesOnly } from './budget-parts';

export const meta: RuleMeta = {
  id: 'B-S04',
  title: { zh: '机构设置', en: 'Organisation' },
  severity: 'error',
  tables: [],
};

export const doc: RuleDoc = {
  rationale: {
    zh: '说明机构设置：部门写本部及下属预算单位（及其性质），单位写内设机构。标题含“机构设置”“单位构成”“内设机构”即视为存在。',
    en: 'The organisation: a department lists its own office and subordinate units (with kinds), a unit its internal divisions. A heading naming 机构设置/单位构成/内设机构 counts.',
  },
  relation: { zh: '有“机构设置”一节', en: 'an organisation section' },
  pass: '二、部门机构设置',
  fail: '（无机构设置） → error',
  limits: [{ zh: '按标题（或粘在段首、段尾的标题）判断是否存在，写法宽松；缺少才报告。', en: 'Presence by headings (also one glued to a paragraph’s start or end), tolerant wording; only absence is reported.' }],
};

export const rule = defineRule({
  meta,
  run(ctx) {
    if (tablesOnly(ctx.disclosure)) return ctx.notApplicable('tables only: no narrative');
    if (!headingOf(ctx.disclosure, ORGANISATION)) missing(ctx, meta, { zh: '机构设置', en: 'organisation' });
  },
});
