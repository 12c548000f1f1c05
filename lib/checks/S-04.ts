/** S-04 (domain.md, "Required parts"): Narrative: overview, income, expenditure. Parts and aliases: ./S-catalog.ts. */
import type { RuleMeta } from './types';
import type { RuleDoc } from './helpers';
import { HEADING_PRESENCE_LIMIT, partsRule } from './S-catalog';

export const meta: RuleMeta = {
  id: 'S-04',
  title: { zh: '情况说明：收入支出决算总体、收入、支出', en: 'Narrative: overview, income, expenditure' },
  severity: 'error',
  tables: [],
};

export const doc: RuleDoc = {
  rationale: {
    zh: '情况说明须分别说明收入支出决算总体情况、收入决算情况、支出决算情况（决算公开模板第三部分一至三）。措辞可不同，但每一部分都须有对应的一节；可以很短，但不能没有。',
    en: 'The narrative must cover the income and expenditure overview, income, and expenditure (template part 3, sections 1–3). Wording varies; each part needs its own section, however short.',
  },
  relation: { zh: '情况说明含“收入支出决算总体”“收入决算”“支出决算”三节', en: 'the narrative has sections on the overview, income and expenditure' },
  pass: '一、收入支出决算总体情况说明 / 二、收入决算情况说明 / 三、支出决算情况说明',
  fail: '一、收入支出决算总体情况说明 / 三、支出决算情况说明  → error: 缺少必备部分「收入决算情况」',
  limits: [HEADING_PRESENCE_LIMIT],
};

export const rule = partsRule(meta);
