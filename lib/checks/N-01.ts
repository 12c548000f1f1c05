/** N-01 (domain.md, "Narrative claims"): Total income/expenditure and its year-on-year change agree with T1. */
import type { RuleMeta } from './types';
import type { RuleDoc } from './helpers';
import { claimRule } from '../claims/rule';

export const meta: RuleMeta = {
  id: 'N-01',
  title: { zh: '收支总计及其同比变动与表1一致', en: 'Total income/expenditure and its year-on-year change agree with T1' },
  severity: 'error',
  tables: [],
};

export const doc: RuleDoc = {
  rationale: {
    zh: '“收入支出决算总体情况”中的收支总计应等于收入支出决算总表的总计；增减额、增减率须满足 P = D ÷ (X − D)（减少时 X + D），方向词与数字一致。',
    en: 'The stated 收支总计 X must equal T1 总计; the change D and rate P must satisfy P = D / (X − D) (X + D for a decrease), and the direction word must match the sign.',
  },
  relation: { zh: 'X = T1 总计; P = D ÷ (X ∓ D)', en: 'X = T1 grand total; P = D / (X ∓ D)' },
  pass: '2024年度收、支总计896.57万元。与上年相比，增加10.42万元，增长1.18%。',
  fail: '2024年度收、支总计896.57万元。与上年相比，增加10.42万元，增长**1.81%**。 → error: 10.42 ÷ 886.15 = 1.18%',
  limits: [
    {
      zh: '只校验能按所在章节和固定句式对应到概念的数字；对应不上的数字计为“跳过”，不报告。',
      en: 'Only numbers tied to a concept by their section and fixed phrasing are checked; the rest are counted as skipped, never reported.',
    },
  ],
};

export const rule = claimRule(meta);
