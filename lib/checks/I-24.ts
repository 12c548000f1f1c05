/** I-24 (domain.md): T7 T8 each row: 年初 + 本年收入 − 本年支出 = 年末; 本年支出 = 基本 + 项目. */
import { defineRule } from './types';
import type { RuleMeta } from './types';
import type { TableKey } from '../model/types';
import { cellOf, checker, panel, valueRows } from './helpers';
import type { RuleDoc } from './helpers';

const TABLES: TableKey[] = ['T7', 'T8'];

export const meta: RuleMeta = {
  id: 'I-24',
  title: { zh: '政府性基金、国有资本经营表各行收支平衡', en: 'Government fund / state capital tables: each row balances' },
  severity: 'error',
  tables: [],
};

export const doc: RuleDoc = {
  rationale: {
    zh: '政府性基金和国有资本经营预算财政拨款表每一行：年末结转和结余 = 年初结转和结余 + 本年收入 − 本年支出；本年支出 = 基本支出 + 项目支出。',
    en: 'In T7 and T8 every row: closing = opening + income − spending; spending = basic + project.',
  },
  relation: { zh: 'T7/T8 每行：年末 = 年初 + 本年收入 − 本年支出；本年支出 = 基本 + 项目', en: 'T7/T8 each row: closing = opening + income − spending; spending = basic + project' },
  pass: '| 科目 | 年初 | 本年收入 | 本年支出 | 基本 | 项目 | 年末 |\n|---|---|---|---|---|---|---|\n| 合计 | 10.00 | 20.00 | 25.00 | 5.00 | 20.00 | 5.00 |',
  fail: '| 科目 | 年初 | 本年收入 | 本年支出 | 基本 | 项目 | 年末 |\n|---|---|---|---|---|---|---|\n| 合计 | 10.00 | 20.00 | 25.00 | 5.00 | 20.00 | **15.00** |\n\n→ error: 合计「年末结转和结余」15.00 ≠ 年初 + 本年收入 − 本年支出 5.00',
  limits: [{ zh: '只有“本年支出”列的版式（部分地区的国有资本经营表）只核对支出分项。', en: 'Layouts with spending columns only (some regions\' T8) check only the spending split.' }],
};

export const rule = defineRule({
  meta,
  run(ctx) {
    const present = TABLES.filter((k) => ctx.disclosure.tables[k]);
    if (present.length === 0) return ctx.notApplicable('neither T7 nor T8');
    const c = checker(ctx, meta);
    for (const key of present) {
      for (const r of valueRows(panel(ctx.disclosure.tables[key]))) {
        const closing = cellOf(r, 'closing');
        if (closing && (cellOf(r, 'opening') || cellOf(r, 'income')))
          c.linear(
            closing,
            [
              { cell: cellOf(r, 'opening'), sign: 1 },
              { cell: cellOf(r, 'income'), sign: 1 },
              { cell: cellOf(r, 'total'), sign: -1 },
            ],
            { zh: '年初 + 本年收入 − 本年支出', en: 'opening + income − spending' },
          );
        const total = cellOf(r, 'total');
        if (total && (cellOf(r, 'basic') || cellOf(r, 'project')))
          c.sum(total, [cellOf(r, 'basic'), cellOf(r, 'project')], { zh: '基本支出与项目支出之和', en: 'basic plus project' });
      }
    }
  },
});
