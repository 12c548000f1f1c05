/** N-04 (domain.md, "Narrative claims"): Total fiscal-appropriation income/expenditure agrees with T4. */
import type { RuleMeta } from './types';
import type { RuleDoc } from './helpers';
import { claimRule } from '../claims/rule';

export const meta: RuleMeta = {
  id: 'N-04',
  title: { zh: '财政拨款收支总计与表4一致', en: 'Total fiscal-appropriation income/expenditure agrees with T4' },
  severity: 'error',
  tables: [],
};

export const doc: RuleDoc = {
  rationale: {
    zh: '“财政拨款收入支出决算总体情况”中的总计应等于财政拨款收入支出决算总表总计，同比增减额与增减率须自洽。',
    en: 'The stated 财政拨款收支总计 must equal the T4 总计; its year-on-year change and rate must agree.',
  },
  relation: { zh: 'X = T4 总计；P = D ÷ (X ∓ D)', en: 'X = T4 grand total; P = D / (X ∓ D)' },
  pass: '财政拨款收、支总计880.81万元，与上年相比，减少5.34万元，减少0.6%。',
  fail: '…减少5.34万元，**增长**0.6% → error: the direction word contradicts the decrease',
  limits: [
    {
      zh: '只校验能按所在章节和固定句式对应到概念的数字；对应不上的数字计为“跳过”，不报告。',
      en: 'Only numbers tied to a concept by their section and fixed phrasing are checked; the rest are counted as skipped, never reported.',
    },
  ],
};

export const rule = claimRule(meta);
