/** B-05 (budget.md): BT2 per row: 合计 = Σ the income source columns. */
import { defineRule } from './types';
import type { RuleMeta } from './types';
import { cellOf, checker, panel, valueRows } from './helpers';
import type { RuleDoc } from './helpers';

const SOURCES = ['carryover', 'fiscal', 'business', 'operating', 'other'];

export const meta: RuleMeta = {
  id: 'B-05',
  title: { zh: '收入预算每行合计等于各收入来源之和', en: 'Each BT2 row: total equals the sum of its sources' },
  severity: 'error',
  tables: ['BT2'],
};

export const doc: RuleDoc = {
  rationale: {
    zh: '收入预算总表（部门收入总表）每一行：合计 = 财政拨款收入 + 事业收入 + 事业单位经营收入 + 其他收入（全国表式另有上年结转列时一并计入）。',
    en: 'Each row of BT2: total = fiscal appropriation + public-service revenue + operating revenue + other income (plus the carry-over column in the national layout).',
  },
  relation: { zh: 'BT2 每行 合计 = Σ 收入来源列', en: 'BT2 each row: total = Σ source columns' },
  pass: '| 科目 | 合计 | 财政拨款收入 | 事业收入 |\n|---|---|---|---|\n| 201 一般公共服务支出 | 82,096,797.42 | 82,096,797.42 | |',
  fail: '| 科目 | 合计 | 财政拨款收入 | 事业收入 |\n|---|---|---|---|\n| 201 一般公共服务支出 | **82,096,797.42** | 82,096,779.42 | |\n\n→ error: 合计 82096797.42 ≠ 各收入来源之和 82096779.42',
  limits: [{ zh: '表中有未能识别的金额列时不校验（避免把“其中”列当作加数）。', en: 'Not checked when the table has an amount column it cannot name (an "of which" column must not be added).' }],
};

export const rule = defineRule({
  meta,
  run(ctx) {
    const p = panel(ctx.disclosure.tables.BT2);
    const keys = p?.columns.filter((c) => c.numeric).map((c) => c.key) ?? [];
    const unknown = keys.filter((k) => k !== 'total' && !SOURCES.includes(k));
    if (unknown.length > 0) return ctx.notApplicable(`BT2 has amount columns that are not named sources: ${unknown.join(', ')}`);
    const parts = SOURCES.filter((k) => keys.includes(k));
    if (parts.length === 0) return ctx.notApplicable('BT2 has no source columns');
    const c = checker(ctx, meta, { wholeYuanPerTerm: true });
    for (const r of valueRows(p)) {
      if (r.kind === 'of-which') continue;
      c.sum(cellOf(r, 'total'), parts.map((k) => cellOf(r, k)), { zh: '各收入来源之和', en: 'the sum of the sources' });
    }
  },
});
