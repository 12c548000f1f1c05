/** S-08 (domain.md, "Required parts"): Narrative: running costs, procurement, state assets. Parts and aliases: ./S-catalog.ts. */
import type { RuleMeta } from './types';
import type { RuleDoc } from './helpers';
import { HEADING_PRESENCE_LIMIT, partsRule } from './S-catalog';

export const meta: RuleMeta = {
  id: 'S-08',
  title: { zh: '情况说明：机关运行经费、政府采购、国有资产占用', en: 'Narrative: running costs, procurement, state assets' },
  severity: 'error',
  tables: [],
};

export const doc: RuleDoc = {
  rationale: {
    zh: '情况说明须说明机关运行经费、政府采购支出（含授予中小企业合同金额）和国有资产占有使用情况（车辆、大型设备）。上海等地放在“其他重要事项说明”之下的小节同样有效。',
    en: 'The narrative must cover administrative running costs, government procurement (with the SME share) and state-owned assets held (vehicles, large equipment). Subsections under "其他重要事项说明" (Shanghai) count.',
  },
  relation: { zh: '情况说明含“机关运行经费”“政府采购”“国有资产”三节（任意层级）', en: 'sections on running costs, procurement and assets, at any depth' },
  pass: '十一、其他重要事项的情况说明 / （一）机关运行经费 / （二）政府采购 / （三）国有资产占有使用',
  fail: '十一、其他重要事项 / （一）机关运行经费 / （三）国有资产  → error: 缺少必备部分「政府采购支出情况」',
  limits: [
    {
      zh: '另查（警告）：政府采购一节应写明授予中小企业合同金额（写明未发生政府采购的除外）；国有资产一节应写明车辆和大型设备数量。',
      en: 'Also (warning): the procurement section should state the SME contract amount (unless it says no procurement took place); the assets section should state vehicles and large equipment.',
    },
    HEADING_PRESENCE_LIMIT,
  ],
};

export const rule = partsRule(meta);
