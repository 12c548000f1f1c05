/** N-09 (domain.md, "Narrative claims"): "Three public expenses": budget, actual, completion, items, year-on-year. */
import type { RuleMeta } from './types';
import type { RuleDoc } from './helpers';
import { claimRule } from '../claims/rule';

export const meta: RuleMeta = {
  id: 'N-09',
  title: { zh: '“三公”经费：预算、决算、完成率、各项、同比', en: '"Three public expenses": budget, actual, completion, items, year-on-year' },
  severity: 'error',
  tables: [],
};

export const doc: RuleDoc = {
  rationale: {
    zh: '“三公”经费的预算数、决算数及各项应等于表9，完成率 = 决算 ÷ 预算，同比增减额与增减率须自洽；预算为0时不得给出完成率；上年为0时不得给出增长率。',
    en: 'Budget, actual and each item of the three public expenses must equal T9; completion = actual / budget; the year-on-year change and rate must agree; no completion rate over a zero budget, no growth rate from a zero base.',
  },
  relation: { zh: '= T9；P = 决算 ÷ 预算；增长率 = D ÷ (X − D)', en: '= T9; P = actual / budget; growth = D / (X − D)' },
  pass: '“三公”经费支出预算为9.32万元，支出决算为7.57万元，完成预算的81.22%。',
  fail: '…完成预算的**82.21%** → error: 7.57 ÷ 9.32 = 81.22%',
  limits: [
    {
      zh: '只校验能按所在章节和固定句式对应到概念的数字；对应不上的数字计为“跳过”，不报告。',
      en: 'Only numbers tied to a concept by their section and fixed phrasing are checked; the rest are counted as skipped, never reported.',
    },
  ],
};

export const rule = claimRule(meta);
