/** B-S01 (budget.md, "Required parts"): Cover: year, 部门/单位 budget and the budgeting body. Shared presence logic: ./budget-parts.ts. */
import { defineRule } from './types';
import type { RuleMeta } from './types';
import type { RuleDoc } from './helpers';
import { coverPresent, missing } from './budget-parts';

export const meta: RuleMeta = {
  id: 'B-S01',
  title: { zh: '封面：年度、部门/单位预算与预算主管部门/预算单位', en: 'Cover: year, 部门/单位 budget and the budgeting body' },
  severity: 'error',
  tables: [],
};

export const doc: RuleDoc = {
  rationale: {
    zh: '预算公开文件的封面写明“…Y年区级部门预算 / 预算主管部门：X”或“…区级单位预算 / 预算单位：X”（各地写法不同）。页面标题或开头几段写明年度和“部门预算/单位预算”即视为存在。',
    en: 'The cover names the year and the kind ("…Y年区级部门预算 / 预算主管部门：X" or "…区级单位预算 / 预算单位：X", regions vary). The page title or the first paragraphs naming a year and 部门预算/单位预算 count as present.',
  },
  relation: { zh: '封面 = 年度 + 部门预算/单位预算', en: 'cover = year + 部门预算/单位预算' },
  pass: '上海市普陀区2025年区级部门预算 / 预算主管部门：上海市普陀区人民政府办公室',
  fail: '（无封面，首段即“主要职能”） → error: 缺少必备部分「封面」',
  limits: [{ zh: '按标题（或粘在段首、段尾的标题）判断是否存在，写法宽松；缺少才报告。', en: 'Presence by headings (also one glued to a paragraph’s start or end), tolerant wording; only absence is reported.' }],
};

export const rule = defineRule({
  meta,
  run(ctx) {
    if (coverPresent(ctx.disclosure)) return;
    missing(ctx, meta, { zh: '封面（年度、部门预算/单位预算）', en: 'cover (year, department/unit budget)' });
  },
});
