/** S-05 (domain.md, "Required parts"): Narrative: fiscal appropriations, general public budget expenditure (overview, structure, items), basic expenditure. Parts and aliases: ./S-catalog.ts. */
import type { RuleMeta } from './types';
import type { RuleDoc } from './helpers';
import { HEADING_PRESENCE_LIMIT, partsRule } from './S-catalog';

export const meta: RuleMeta = {
  id: 'S-05',
  title: { zh: '情况说明：财政拨款收支、一般公共预算财政拨款支出（总体、结构、具体）、基本支出', en: 'Narrative: fiscal appropriations, general public budget expenditure (overview, structure, items), basic expenditure' },
  severity: 'error',
  tables: [],
};

export const doc: RuleDoc = {
  rationale: {
    zh: '情况说明须说明财政拨款收入支出决算总体情况，一般公共预算财政拨款支出决算的总体情况、结构情况和具体（按项）情况，以及一般公共预算财政拨款基本支出决算情况。一般公共预算一节若未分小节，则以其正文中的总体（占本年支出合计）、结构（主要用于…（类））和具体（年初预算）表述为准。',
    en: 'The narrative must cover the fiscal appropriation overview, general public budget expenditure (overview, structure by class, details by item) and basic expenditure. When the general public budget section has no numbered subsections, its body text stands for them (share of total, "主要用于…（类）", "年初预算").',
  },
  relation: { zh: '四、财政拨款收入支出…；五、一般公共预算…（一）总体（二）结构（三）具体；六、基本支出', en: 'sections on fiscal appropriations, the general public budget with its three subsections, and basic expenditure' },
  pass: '五、一般公共预算财政拨款支出决算情况说明 / （一）总体情况 / （二）结构情况 / （三）具体情况',
  fail: '五、一般公共预算财政拨款支出决算情况说明 / （一）总体情况 / （三）具体情况  → error: 缺少必备部分「一般公共预算财政拨款支出决算结构情况」',
  limits: [HEADING_PRESENCE_LIMIT],
};

export const rule = partsRule(meta);
