/** S-09 (domain.md, "Required parts"): Narrative: budget performance. Parts and aliases: ./S-catalog.ts. */
import type { RuleMeta } from './types';
import type { RuleDoc } from './helpers';
import { HEADING_PRESENCE_LIMIT, partsRule } from './S-catalog';

export const meta: RuleMeta = {
  id: 'S-09',
  title: { zh: '情况说明：预算绩效', en: 'Narrative: budget performance' },
  severity: 'error',
  tables: [],
};

export const doc: RuleDoc = {
  rationale: {
    zh: '情况说明须说明预算绩效管理（绩效目标、绩效自评、评价结果）情况。附件中的绩效自评报告不代替情况说明中的这一节。',
    en: 'The narrative must cover budget performance management (targets, self-evaluation, results). A self-evaluation report in the attachments does not replace this section.',
  },
  relation: { zh: '情况说明含“预算绩效”一节', en: 'the narrative has a section on budget performance' },
  pass: '十三、关于2024年度预算绩效情况的说明',
  fail: '（仅附件有绩效自评报告）  → error: 缺少必备部分「预算绩效情况」',
  limits: [HEADING_PRESENCE_LIMIT],
};

export const rule = partsRule(meta);
