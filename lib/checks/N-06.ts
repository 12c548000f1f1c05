/** N-06 (domain.md, "Narrative claims"): Structure of general-budget spending by 类. */
import type { RuleMeta } from './types';
import type { RuleDoc } from './helpers';
import { claimRule } from '../claims/rule';

export const meta: RuleMeta = {
  id: 'N-06',
  title: { zh: '一般公共预算财政拨款支出结构（各类占比）', en: 'Structure of general-budget spending by 类' },
  severity: 'error',
  tables: [],
};

export const doc: RuleDoc = {
  rationale: {
    zh: '“支出决算结构情况”中每一类的金额应等于表5对应“类”行，占比以表5合计为分母。',
    en: 'Each 类 amount in the structure section must equal the T5 类 row; its share is over the T5 total.',
  },
  relation: { zh: '类金额 = T5 类行；P = 类 ÷ T5 合计', en: '类 amount = T5 类 row; P = 类 / T5 total' },
  pass: '一般公共服务（类）支出742.39万元，占84.28%。',
  fail: '一般公共服务（类）支出742.39万元，占**82.48%** → error: 742.39 ÷ 880.81 = 84.28%',
  limits: [
    {
      zh: '只校验能按所在章节和固定句式对应到概念的数字；对应不上的数字计为“跳过”，不报告。',
      en: 'Only numbers tied to a concept by their section and fixed phrasing are checked; the rest are counted as skipped, never reported.',
    },
  ],
};

export const rule = claimRule(meta);
