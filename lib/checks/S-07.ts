/** S-07 (domain.md, "Required parts"): Narrative: government fund and state capital operation budgets. Parts and aliases: ./S-catalog.ts. */
import type { RuleMeta } from './types';
import type { RuleDoc } from './helpers';
import { HEADING_PRESENCE_LIMIT, partsRule } from './S-catalog';

export const meta: RuleMeta = {
  id: 'S-07',
  title: { zh: '情况说明：政府性基金、国有资本经营预算', en: 'Narrative: government fund and state capital operation budgets' },
  severity: 'error',
  tables: [],
};

export const doc: RuleDoc = {
  rationale: {
    zh: '情况说明须说明政府性基金预算和国有资本经营预算财政拨款收支情况（没有的也须说明“无”）。政府性基金一节各地模板都有，必须在情况说明中；国有资本经营一节部分地区模板没有（如湖南），此时若国有资本经营表（T8）为空表且页面上已有“没有…国有资本经营…本表无数据”之类的说明，则视为已说明（提示，不是错误）。2018年及以前的8张表格式不要求国有资本经营部分。',
    en: 'The narrative must cover the government fund and state capital operation budgets (saying "none" when there are none). The government fund section is in every template and always required; some regional templates (e.g. Hunan) have no state capital section, so when T8 is empty and the page states there is no state capital budget ("没有…国有资本经营…本表无数据"), that statement stands for the part (a notice, not an error). Layouts up to 2018 do not require the state capital part.',
  },
  relation: { zh: '情况说明含“政府性基金”“国有资本经营”两节，（国有资本经营可由空表 T8 的说明代替）', en: 'sections on both funds, (state capital: or the empty T8\'s own explanation)' },
  pass: '八、政府性基金预算… / 九、国有资本经营预算…（或 T8 为空表，表下“本表无数据”）',
  fail: '（无国有资本经营一节，T8 有数据）  → error: 缺少必备部分「国有资本经营预算收入支出决算情况」',
  limits: [HEADING_PRESENCE_LIMIT],
};

export const rule = partsRule(meta);
