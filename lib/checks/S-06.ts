/** S-06 (domain.md, "Required parts"): Narrative: "three public expenses". Parts and aliases: ./S-catalog.ts. */
import type { RuleMeta } from './types';
import type { RuleDoc } from './helpers';
import { HEADING_PRESENCE_LIMIT, partsRule } from './S-catalog';

export const meta: RuleMeta = {
  id: 'S-06',
  title: { zh: '情况说明：“三公”经费', en: 'Narrative: "three public expenses"' },
  severity: 'error',
  tables: [],
};

export const doc: RuleDoc = {
  rationale: {
    zh: '情况说明须说明财政拨款“三公”经费（因公出国（境）费、公务用车购置及运行维护费、公务接待费）支出决算情况，与“三公”经费表（T9）对应。',
    en: 'The narrative must cover the "three public expenses" (travel abroad, official vehicles, official reception), matching table T9.',
  },
  relation: { zh: '情况说明含“三公”经费一节', en: 'the narrative has a section on the three public expenses' },
  pass: '七、财政拨款“三公”经费支出决算情况说明',
  fail: '（无“三公”一节）  → error: 缺少必备部分「“三公”经费支出决算情况」',
  limits: [
    {
      zh: '另查（警告）：该节应写明数量（出国团组/人次、公务用车辆数或接待批次）；写明未发生的除外。',
      en: 'Also (warning): the section should state counts (delegations/trips, vehicles or receptions), unless it says nothing took place.',
    },
    HEADING_PRESENCE_LIMIT,
  ],
};

export const rule = partsRule(meta);
