/** B-06 (budget.md): BT2 BT3 BT5 BT6 BT7 — 合计 = Σ 类; 类 = Σ 款; 款 = Σ 项, per column (by code prefix). */
import { defineRule } from './types';
import type { RuleMeta } from './types';
import type { TableKey } from '../model/types';
import { checker, panel, TABLE_NAMES } from './helpers';
import type { RuleDoc } from './helpers';
import { checkPanel } from './I-07';

const TABLES: TableKey[] = ['BT2', 'BT3', 'BT5', 'BT6', 'BT7'];

export const meta: RuleMeta = {
  id: 'B-06',
  title: { zh: '预算功能分类科目逐级汇总', en: 'Budget function classification adds up level by level' },
  severity: 'error',
  tables: [],
};

export const doc: RuleDoc = {
  rationale: {
    zh: '收入、支出、一般公共预算、政府性基金、国有资本经营预算支出表中：合计 = Σ 类，类 = Σ 款，款 = Σ 项，逐列核对。层级按科目编码（“204 06 01”或“2040601”）确定，与决算的 I-07 相同。',
    en: 'In BT2, BT3, BT5, BT6 and BT7: total = Σ classes, class = Σ 款, 款 = Σ 项, for every amount column. Levels come from the codes ("204 06 01" or "2040601"), as in I-07 for final accounts.',
  },
  relation: { zh: '合计 = Σ 类；类 = Σ 款；款 = Σ 项（按编码前缀）', en: 'total = Σ 类; 类 = Σ 款; 款 = Σ 项 (by code prefix)' },
  pass: '| 编码 | 科目 | 合计 |\n|---|---|---|\n| 210 | 卫生健康支出 | 1,097,073.43 |\n| 21011 | 行政事业单位医疗 | 1,097,073.43 |\n| 2101101 | 行政单位医疗 | 782,855.28 |\n| 2101102 | 事业单位医疗 | 314,218.15 |',
  fail: '| 编码 | 科目 | 合计 |\n|---|---|---|\n| 21011 | 行政事业单位医疗 | **1,097,073.43** |\n| 2101101 | 行政单位医疗 | 782,855.28 |\n| 2101102 | 事业单位医疗 | 341,218.15 |\n\n→ error: 21011「合计」1097073.43 ≠ 下级科目之和 1124073.43',
  limits: [{ zh: '无编码或编码不可识别的表只给出“无法确定层级”的提示。', en: 'Tables whose rows have no readable codes only get a "could not determine the hierarchy" notice.' }],
};

export const rule = defineRule({
  meta,
  run(ctx) {
    const present = TABLES.filter((k) => ctx.disclosure.tables[k]);
    if (present.length === 0) return ctx.notApplicable('none of BT2 BT3 BT5 BT6 BT7');
    const c = checker(ctx, meta, { wholeYuanPerTerm: true });
    for (const key of present) {
      const p = panel(ctx.disclosure.tables[key]);
      if (!p) continue;
      checkPanel(c, key, p, (cells, why) =>
        c.report(
          'notice',
          {
            zh: `${TABLE_NAMES[key].zh}：无法确定科目层级（${why.zh}），未做逐级汇总校验`,
            en: `${TABLE_NAMES[key].en}: could not determine the hierarchy (${why.en}); level sums not checked`,
          },
          cells,
        ),
      );
    }
  },
});
