/** S-01 (domain.md, "Required parts"): Overview: duties. Parts and aliases: ./S-catalog.ts. */
import type { RuleMeta } from './types';
import type { RuleDoc } from './helpers';
import { HEADING_PRESENCE_LIMIT, partsRule } from './S-catalog';

export const meta: RuleMeta = {
  id: 'S-01',
  title: { zh: '部门概况：部门职责', en: 'Overview: duties' },
  severity: 'error',
  tables: [],
};

export const doc: RuleDoc = {
  rationale: {
    zh: '部门决算公开的部门概况须说明部门职责（主要职能）（财预〔2016〕143号《地方预决算公开操作规程》；部门决算公开模板第一部分）。标题含“职责”“职能”的一节即视为存在。',
    en: 'The overview must state the department\'s duties (main functions) (MoF Cai Yu [2016] 143, local budget/final-accounts disclosure rules; part 1 of the disclosure template). A section whose heading names 职责/职能 counts as present.',
  },
  relation: { zh: '部门概况含“部门职责/主要职能”一节', en: 'the overview has a section on duties' },
  pass: '第一部分 部门概况 / 一、部门职责 / 二、机构设置',
  fail: '第一部分 部门概况 / 二、机构设置  → error: 缺少必备部分「部门职责（主要职能）」',
  limits: [HEADING_PRESENCE_LIMIT],
};

export const rule = partsRule(meta);
