/** N-05 (domain.md, "Narrative claims"): General-budget spending and its share of total spending. */
import type { RuleMeta } from './types';
import type { RuleDoc } from './helpers';
import { claimRule } from '../claims/rule';

export const meta: RuleMeta = {
  id: 'N-05',
  title: { zh: '一般公共预算财政拨款支出及占本年支出合计比例', en: 'General-budget spending and its share of total spending' },
  severity: 'error',
  tables: [],
};

export const doc: RuleDoc = {
  rationale: {
    zh: '一般公共预算财政拨款支出应等于表5合计（不是表1/表3的合计）；“占本年支出合计的P%”以表3（或表1）本年支出合计为分母。',
    en: 'The stated general-budget appropriation spending must equal the T5 total (not the T1/T3 totals); its share is over total spending in T3 (or T1).',
  },
  relation: { zh: 'X = T5 合计；P = X ÷ T3 合计', en: 'X = T5 total; P = X / T3 total' },
  pass: '财政拨款支出880.81万元，占本年支出合计的98.24%。',
  fail: '财政拨款支出**896.57**万元 → error: T5 合计 880.81',
  limits: [
    {
      zh: '只校验能按所在章节和固定句式对应到概念的数字；对应不上的数字计为“跳过”，不报告。',
      en: 'Only numbers tied to a concept by their section and fixed phrasing are checked; the rest are counted as skipped, never reported.',
    },
  ],
};

export const rule = claimRule(meta);
