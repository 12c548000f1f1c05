/** N-03 (domain.md, "Narrative claims"): Total expenditure, basic/project spending and shares agree with T3. */
import type { RuleMeta } from './types';
import type { RuleDoc } from './helpers';
import { claimRule } from '../claims/rule';

export const meta: RuleMeta = {
  id: 'N-03',
  title: { zh: '支出合计、基本支出、项目支出及占比与表3一致', en: 'Total expenditure, basic/project spending and shares agree with T3' },
  severity: 'error',
  tables: [],
};

export const doc: RuleDoc = {
  rationale: {
    zh: '“支出决算情况”中的支出合计、基本支出、项目支出等应等于支出决算表合计行；占比以支出合计为分母。',
    en: 'Total expenditure and its parts in the 支出决算 section must equal the T3 合计 row; shares are over total expenditure.',
  },
  relation: { zh: '金额 = T3 合计行；P = 分项 ÷ 支出合计', en: 'amounts = T3 合计 row; P = part / total' },
  pass: '支出合计896.57万元，其中：基本支出896.57万元，占100.00%。',
  fail: '支出合计896.57万元，其中：基本支出**869.57**万元 → error against T3 and the 其中 sum',
  limits: [
    {
      zh: '只校验能按所在章节和固定句式对应到概念的数字；对应不上的数字计为“跳过”，不报告。',
      en: 'Only numbers tied to a concept by their section and fixed phrasing are checked; the rest are counted as skipped, never reported.',
    },
  ],
};

export const rule = claimRule(meta);
