/** N-02 (domain.md, "Narrative claims"): Total income, each income source and its share. */
import type { RuleMeta } from './types';
import type { RuleDoc } from './helpers';
import { claimRule } from '../claims/rule';

export const meta: RuleMeta = {
  id: 'N-02',
  title: { zh: '收入合计及各项收入占比', en: 'Total income, each income source and its share' },
  severity: 'error',
  tables: [],
};

export const doc: RuleDoc = {
  rationale: {
    zh: '“收入决算情况”中的收入合计与各项收入应等于表1（财政拨款收入也可对表2合计）；每项“占P%”须等于该项 ÷ 收入合计。',
    en: 'Total income and each source in the 收入决算 section must equal T1 (财政拨款收入 may be read from the T2 total); each 占P% must equal the source / total income.',
  },
  relation: { zh: '金额 = T1/T2；P = 分项 ÷ 收入合计', en: 'amounts = T1/T2; P = part / total income' },
  pass: '收入合计896.57万元，其中：财政拨款收入880.81万元，占98.24%；其他收入15.76万元，占1.76%。',
  fail: '…财政拨款收入880.81万元，占**98.42%**… → error: 880.81 ÷ 896.57 = 98.24%',
  limits: [
    {
      zh: '只校验能按所在章节和固定句式对应到概念的数字；对应不上的数字计为“跳过”，不报告。',
      en: 'Only numbers tied to a concept by their section and fixed phrasing are checked; the rest are counted as skipped, never reported.',
    },
  ],
};

export const rule = claimRule(meta);
