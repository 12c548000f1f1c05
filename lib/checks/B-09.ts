/** B-09 (budget.md): BT1 ↔ BT2, BT3 — BT1 income rows = BT2 合计-row columns; BT1 类 rows = BT3 类 合计. */
import { defineRule } from './types';
import type { RuleMeta } from './types';
import { cellOf, checker, grandRow, matchClasses, panel } from './helpers';
import type { RuleDoc } from './helpers';
import { bt1Income, expenseClasses, findRow, BUDGET_INCOME } from './budget';
import { normName } from './helpers';

export const meta: RuleMeta = {
  id: 'B-09',
  title: { zh: '收支总表与收入、支出预算总表一致', en: 'BT1 agrees with BT2 and BT3' },
  severity: 'error',
  tables: ['BT1'],
};

export const doc: RuleDoc = {
  rationale: {
    zh: '财务收支预算总表的各项收入等于收入预算总表合计行的对应列（财政拨款收入、事业收入、事业单位经营收入、其他收入、合计）；各类支出等于支出预算总表同类的合计，支出总计等于其合计行。',
    en: 'BT1 income rows equal the BT2 合计 row\'s columns (fiscal, public-service, operating, other, total); BT1 class rows equal BT3\'s class totals and BT1 total expenditure equals BT3\'s 合计.',
  },
  relation: { zh: 'BT1 收入行 = BT2 合计行各列；BT1 类 = BT3 类合计', en: 'BT1 income rows = BT2 合计 columns; BT1 classes = BT3 class totals' },
  pass: 'BT1 一、财政拨款收入 91,016,775.35 = BT2 合计「财政拨款收入」91,016,775.35',
  fail: 'BT1 一、一般公共服务支出 **82,096,797.42** vs BT3 201「合计」82,096,779.42\n\n→ error: 支出预算总表 201 一般公共服务支出「合计」82096779.42 ≠ 财务收支预算总表 一、一般公共服务支出 82096797.42',
  limits: [{ zh: '类按编码所属功能分类名称与总表类名配对；缺一侧的非零类报告为缺行。', en: 'Classes are paired by the catalogue name of their code; a non-zero class missing on one side is reported.' }],
};

export const rule = defineRule({
  meta,
  run(ctx) {
    const d = ctx.disclosure;
    if (!d.tables.BT2 && !d.tables.BT3) return ctx.notApplicable('missing BT2, BT3');
    const c = checker(ctx, meta);
    const inc = bt1Income(d.tables.BT1);
    const g2 = grandRow(panel(d.tables.BT2));
    if (g2) {
      c.equal(cellOf(g2, 'total'), cellOf(inc.total, 'amount'));
      for (const k of ['fiscal', 'business', 'operating', 'other']) {
        const row = k === 'fiscal' ? inc.fiscal : findRow(inc.panel, BUDGET_INCOME[k], inc.total);
        if (row) c.equal(cellOf(g2, k), cellOf(row, 'amount'));
      }
    }
    const p3 = panel(d.tables.BT3);
    if (p3) {
      const e = expenseClasses(d.tables.BT1);
      c.equal(cellOf(grandRow(p3), 'total'), cellOf(e.total, 'amount'));
      const classes = p3.rows.filter((r) => r.code && r.code.length === 3 && r.kind !== 'of-which');
      matchClasses(c, classes, 'total', e.classes.filter((r) => normName(r.name) !== ''), 'amount');
    }
  },
});
