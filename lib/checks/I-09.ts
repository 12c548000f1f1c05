/** I-09 (domain.md): T1↔T2 — T2 合计 row columns = T1 income rows (财政拨款收入 = 一+二+三; 上级补助 = 四; …). */
import { defineRule } from './types';
import type { RuleMeta } from './types';
import { cellOf, checker, grandRow, named, panel, RE_INCOME_TOTAL, sourceRow, sumLabel } from './helpers';
import type { RuleDoc } from './helpers';

export const meta: RuleMeta = {
  id: 'I-09',
  title: { zh: '收入决算表合计与收入支出决算总表一致', en: 'Income table totals agree with the summary table' },
  severity: 'error',
  tables: ['T1', 'T2'],
};

export const doc: RuleDoc = {
  rationale: {
    zh: '收入决算表合计行各列应与收入支出决算总表的收入行一致：财政拨款收入 = 一 + 二 + 三；上级补助收入 = 四；事业收入 = 五；经营收入 = 六；附属单位上缴收入 = 七；其他收入 = 八；本年收入合计相等。',
    en: 'T2 total-row columns equal the T1 income rows: fiscal = rows 一+二+三; higher-level subsidy = 四; public service = 五; operating = 六; affiliates = 七; other = 八; total income equal.',
  },
  relation: { zh: 'T2 合计行 财政拨款收入 = T1 一+二+三；其余各列 = T1 对应行；本年收入合计相等', en: 'T2 total row: fiscal = T1 一+二+三; other columns = the matching T1 rows; totals equal' },
  pass: 'T1：一、一般公共预算财政拨款收入 880.81；八、其他收入 15.76\n\nT2 合计行：财政拨款收入 880.81；其他收入 15.76',
  fail: 'T1：一、一般公共预算财政拨款收入 880.81\n\nT2 合计行：财政拨款收入 **890.81**\n\n→ error: 收入决算表 合计「财政拨款收入」890.81 ≠ 收入支出决算总表 一+二+三 880.81',
  limits: [{ zh: 'T1 中找不到对应名称的行时，该列不比较。', en: 'A column whose T1 row cannot be found by name is not compared.' }],
};

const SIMPLE: Array<[string, string]> = [
  ['upper', 'upper'],
  ['business', 'business'],
  ['operating', 'operating'],
  ['affiliated', 'affiliated'],
  ['other', 'other'],
];

export const rule = defineRule({
  meta,
  run(ctx) {
    const { T1, T2 } = ctx.disclosure.tables;
    const inc = panel(T1, 'income');
    const total1 = named(inc, RE_INCOME_TOTAL);
    const g2 = grandRow(panel(T2));
    if (!g2 || !inc) return ctx.notApplicable('T2 has no 合计 row or T1 no income panel');
    const c = checker(ctx, meta);
    // 财政拨款收入 = 一 + 二 + 三 (or the older single 财政拨款收入 row).
    const fundRows = ['general', 'govfund', 'soe'].map((k) => sourceRow(inc, k, total1)).filter(Boolean);
    const fiscalRows = fundRows.length > 0 ? fundRows : [sourceRow(inc, 'fiscal', total1)].filter(Boolean);
    if (fiscalRows.length > 0) {
      const parts = fiscalRows.map((r) => cellOf(r, 'amount'));
      c.sum(cellOf(g2, 'fiscal'), parts, () => sumLabel(c.d, parts, { zh: '收入支出决算总表财政拨款收入', en: 'T1 fiscal appropriation rows' }));
    }
    for (const [col, src] of SIMPLE) {
      const r = sourceRow(inc, src, total1);
      if (r) c.equal(cellOf(g2, col), cellOf(r, 'amount'));
    }
    c.equal(cellOf(g2, 'total'), cellOf(total1, 'amount'));
  },
});
