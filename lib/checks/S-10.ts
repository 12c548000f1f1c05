/** S-10 (domain.md, "Required parts"): Glossary. Parts and aliases: ./S-catalog.ts. */
import type { RuleMeta } from './types';
import type { RuleDoc } from './helpers';
import { HEADING_PRESENCE_LIMIT, partsRule } from './S-catalog';

export const meta: RuleMeta = {
  id: 'S-10',
  title: { zh: '名词解释', en: 'Glossary' },
  severity: 'error',
  tables: [],
};

export const doc: RuleDoc = {
  rationale: {
    zh: '部门决算公开须附名词解释（模板第四部分），解释财政拨款收入、基本支出、“三公”经费、机关运行经费等专业名词。',
    en: 'The disclosure must include a glossary (template part 4) explaining terms such as fiscal appropriation income, basic expenditure, the three public expenses and running costs.',
  },
  relation: { zh: '有“名词解释”部分或一节', en: 'a glossary part or section' },
  pass: '第四部分 名词解释',
  fail: '（无名词解释）  → error: 缺少必备部分「名词解释」',
  limits: [HEADING_PRESENCE_LIMIT],
};

export const rule = partsRule(meta);
