/** B-S03 (budget.md, "Required parts"): Main functions. Shared presence logic: ./budget-parts.ts. */
import { defineRule } from './types';
import type { RuleMeta } from './types';
import type { RuleDoc } from './helpers';
import { FUNCTIONS, missing, headingOf, tablesOnly } from './budget-parts';

export const meta: RuleMeta = {
  id: 'B-S03',
  title: { zh: '主要职能', en: 'Main functions' },
  severity: 'error',
  tables: [],
};

export const doc: RuleDoc = {
  rationale: {
    zh: '预算公开的第一部分说明部门（单位）的主要职能。标题含“职能”“职责”的一行即视为存在。',
    en: 'The first part states the main functions; a heading naming 职能/职责 counts as present.',
  },
  relation: { zh: '有“主要职能”一节', en: 'a 主要职能 section' },
  pass: '一、部门主要职能',
  fail: '（无“主要职能”） → error',
  limits: [{ zh: '按标题（或粘在段首、段尾的标题）判断是否存在，写法宽松；缺少才报告。', en: 'Presence by headings (also one glued to a paragraph’s start or end), tolerant wording; only absence is reported.' }],
};

export const rule = defineRule({
  meta,
  run(ctx) {
    if (tablesOnly(ctx.disclosure)) return ctx.notApplicable('tables only: no narrative');
    if (!headingOf(ctx.disclosure, FUNCTIONS)) missing(ctx, meta, { zh: '主要职能', en: 'main functions' });
  },
});
