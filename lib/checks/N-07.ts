/** N-07 (domain.md, "Narrative claims"): Each 项: budget, actual, completion rate and the comparison words. */
import type { RuleMeta } from './types';
import type { RuleDoc } from './helpers';
import { claimRule } from '../claims/rule';

export const meta: RuleMeta = {
  id: 'N-07',
  title: { zh: '各项年初预算、支出决算、完成率及“大于/小于/一致”', en: 'Each 项: budget, actual, completion rate and the comparison words' },
  severity: 'error',
  tables: [],
};

export const doc: RuleDoc = {
  rationale: {
    zh: '“支出决算具体情况”中每个“项”的支出决算数应等于表5该项（按类/款/项名称定位），完成率 P = 决算 ÷ 年初预算；年初预算为0时不得给出百分比；“大于/小于/一致”须与数字相符。绩效自评中的“完成预算的P%”同样校验。',
    en: 'For each 项 the stated actual must equal its T5 row (found by the 类/款/项 name chain); completion P = actual / budget; no percentage may be given over a zero budget; 大于/小于/一致 must match the numbers. Completion rates in the performance section are checked the same way.',
  },
  relation: { zh: 'B = T5 项；P = B ÷ A；A = 0 ⇒ 无百分比', en: 'B = T5 项; P = B / A; A = 0 ⇒ no percentage' },
  pass: '年初预算为622.38万元，支出决算为732.39万元，完成年初预算的117.68%。决算数大于年初预算数…',
  fail: '年初预算为0万元，支出决算为10万元，完成年初预算的**100%** → error: the budget is 0',
  limits: [
    {
      zh: '只校验能按所在章节和固定句式对应到概念的数字；对应不上的数字计为“跳过”，不报告。',
      en: 'Only numbers tied to a concept by their section and fixed phrasing are checked; the rest are counted as skipped, never reported.',
    },
  ],
};

export const rule = claimRule(meta);
