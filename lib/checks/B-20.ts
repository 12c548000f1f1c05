/** B-20 (budget.md): an empty BT6 / BT7 / BT9 carries a note naming the fund; "本表为空表" above data is an error. */
import { defineRule } from './types';
import type { RuleMeta } from './types';
import type { RuleDoc } from './helpers';
import { checkEmptyTables } from './I-26';

export const meta: RuleMeta = {
  id: 'B-20',
  title: { zh: '预算空表必须有说明', en: 'An empty budget table must be explained' },
  severity: 'error',
  tables: [],
};

export const doc: RuleDoc = {
  rationale: {
    zh: '政府性基金、国有资本经营预算支出表和“三公”经费预算表即使无数据也须公开，并注明原因且点明资金（如“本部门2025年无政府性基金预算财政拨款安排的预算，故本表为空表”）；有数据的表旁写着“本表为空表”是错误。与决算 I-26 相同。',
    en: 'BT6, BT7 and BT9 are printed even when empty, with a note naming the fund ("no government fund appropriation this year, so this table is empty"); a table with data under such a note is an error. As I-26 for final accounts.',
  },
  relation: { zh: '全空 ⇒ 有点明资金的说明；有数据 ⇒ 不得注明空表', en: 'all empty ⇒ a note naming the fund; data ⇒ no "empty table" note' },
  pass: '政府性基金预算支出功能分类预算表（空）\n\n注:本部门2025年无政府性基金预算财政拨款安排的预算，故本表为空表。',
  fail: '政府性基金预算支出功能分类预算表（空），无说明\n\n→ error',
  limits: [{ zh: '说明在相邻两表之间、同一部分内查找。', en: 'The note is searched between the neighbouring tables, within the same part.' }],
};

export const rule = defineRule({
  meta,
  run(ctx) {
    checkEmptyTables(ctx, meta, [
      { key: 'BT6', re: /政府性基金/, zh: '政府性基金', en: 'government fund' },
      { key: 'BT7', re: /国有资本经营/, zh: '国有资本经营', en: 'state capital' },
      { key: 'BT9', re: /三公/, zh: '“三公”经费', en: '"three public expenses"' },
    ]);
  },
});
