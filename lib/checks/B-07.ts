/** B-07 (budget.md): BT3 BT5 BT6 BT7 per row: 合计 = 基本支出 + 项目支出. */
import { defineRule } from './types';
import type { RuleMeta } from './types';
import type { TableKey } from '../model/types';
import { cellOf, checker, panel, valueRows } from './helpers';
import type { RuleDoc } from './helpers';

const TABLES: TableKey[] = ['BT3', 'BT5', 'BT6', 'BT7'];

export const meta: RuleMeta = {
  id: 'B-07',
  title: { zh: '每行合计等于基本支出加项目支出', en: 'Each row: total equals basic plus project expenditure' },
  severity: 'error',
  tables: [],
};

export const doc: RuleDoc = {
  rationale: {
    zh: '支出预算总表及一般公共预算、政府性基金、国有资本经营预算支出表每一行：合计 = 基本支出 + 项目支出。项目支出填错行（如填入相邻项）正是此式不平。',
    en: 'Each row of BT3, BT5, BT6 and BT7: total = basic + project. A project amount typed into the wrong row shows up here.',
  },
  relation: { zh: '每行 合计 = 基本支出 + 项目支出', en: 'each row: total = basic + project' },
  pass: '| 科目 | 合计 | 基本支出 | 项目支出 |\n|---|---|---|---|\n| 2010301 行政运行 | 12,029,501.84 | 11,919,501.84 | 110,000.00 |',
  fail: '| 科目 | 合计 | 基本支出 | 项目支出 |\n|---|---|---|---|\n| 2010301 行政运行 | **12,029,501.84** | 11,919,501.84 | 40,000.00 |\n\n→ error: 合计 12029501.84 ≠ 基本支出与项目支出之和 11959501.84',
  limits: [],
};

export const rule = defineRule({
  meta,
  run(ctx) {
    const present = TABLES.filter((k) => ctx.disclosure.tables[k]);
    if (present.length === 0) return ctx.notApplicable('none of BT3 BT5 BT6 BT7');
    const c = checker(ctx, meta, { wholeYuanPerTerm: true });
    for (const key of present) {
      const p = panel(ctx.disclosure.tables[key]);
      for (const r of valueRows(p)) {
        if (r.kind === 'of-which') continue;
        c.sum(cellOf(r, 'total'), [cellOf(r, 'basic'), cellOf(r, 'project')], { zh: '基本支出与项目支出之和', en: 'basic + project' });
      }
    }
  },
});
