/** B-08 (budget.md): BT2 ↔ BT3 — per code, 合计 equal (a budget's income table is keyed by spending function). */
import { defineRule } from './types';
import type { RuleMeta } from './types';
import { cellOf, checker, describeCell, grandRow, isNonZero, panel, rowByCode, valueRows } from './helpers';
import type { RuleDoc } from './helpers';

export const meta: RuleMeta = {
  id: 'B-08',
  title: { zh: '收入预算与支出预算按科目合计相等', en: 'BT2 and BT3 totals agree code by code' },
  severity: 'error',
  tables: ['BT2', 'BT3'],
};

export const doc: RuleDoc = {
  rationale: {
    zh: '预算的收入预算总表按支出功能分类列示收入，因此每个科目的收入合计等于支出预算总表同一科目的支出合计（与决算 I-11 相反：决算的收入与支出按功能分类不可比）。',
    en: 'A budget\'s income table is keyed by spending function, so each code\'s income total equals the same code\'s expenditure total in BT3 (unlike final accounts, where I-11 forbids this comparison).',
  },
  relation: { zh: '每个科目 BT2 合计 = BT3 合计；合计行相等', en: 'per code BT2 total = BT3 total; the 合计 rows agree' },
  pass: '| 编码 | BT2 合计 | BT3 合计 |\n|---|---|---|\n| 2010301 | 12,029,501.84 | 12,029,501.84 |',
  fail: '| 编码 | BT2 合计 | BT3 合计 |\n|---|---|---|\n| 2010301 | **12,029,501.84** | 12,029,510.84 |\n\n→ error: 收入预算总表 2010301 行政运行「合计」12029501.84 ≠ 支出预算总表 2010301 行政运行「合计」12029510.84',
  limits: [{ zh: '只在一侧出现且非零的科目报告为缺行。', en: 'A non-zero code present on one side only is reported as missing on the other.' }],
};

export const rule = defineRule({
  meta,
  run(ctx) {
    const d = ctx.disclosure;
    const p2 = panel(d.tables.BT2);
    const p3 = panel(d.tables.BT3);
    const c = checker(ctx, meta);
    c.equal(cellOf(grandRow(p2), 'total'), cellOf(grandRow(p3), 'total'));
    const seen = new Set<string>();
    for (const r of valueRows(p2)) {
      if (!r.code || r.kind === 'of-which' || seen.has(r.code)) continue;
      seen.add(r.code);
      const other = rowByCode(p3, r.code);
      if (other) c.equal(cellOf(r, 'total'), cellOf(other, 'total'));
      else missing(c, cellOf(r, 'total'));
    }
    for (const r of valueRows(p3)) {
      if (!r.code || r.kind === 'of-which' || seen.has(r.code)) continue;
      seen.add(r.code);
      missing(c, cellOf(r, 'total'));
    }
  },
});

function missing(c: ReturnType<typeof checker>, cell: ReturnType<typeof cellOf>): void {
  if (!cell || !isNonZero(cell)) return;
  const other = cell.table === 'BT2' ? '支出预算总表' : '收入预算总表';
  const otherEn = cell.table === 'BT2' ? 'BT3' : 'BT2';
  const where = describeCell(c.d, cell);
  c.report(
    'error',
    {
      zh: `${where.zh} ${cell.text} 在${other}中没有同一科目的行（应为 ${cell.text}，实际为 0）`,
      en: `${where.en} ${cell.text} has no row with the same code in ${otherEn} (expected ${cell.text}, found 0)`,
    },
    [{ cell, role: 'value' }],
    { expected: cell.text, actual: '0' },
  );
}
