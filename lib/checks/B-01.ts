/** B-01 (budget.md): BT1 收入总计 = 财政拨款 + 事业 + 经营 + 其他; 财政拨款 = 一般公共预算 + 政府性基金 + 国有资本经营. */
import { defineRule } from './types';
import type { RuleMeta } from './types';
import { cellOf, checker, sumLabel } from './helpers';
import type { RuleDoc } from './helpers';
import { bt1Income, FUNDS } from './budget';

export const meta: RuleMeta = {
  id: 'B-01',
  title: { zh: '预算收入总计等于各项收入之和', en: 'Budget total income equals the sum of its sources' },
  severity: 'error',
  tables: ['BT1'],
};

export const doc: RuleDoc = {
  rationale: {
    zh: '财务收支预算总表（部门收支总表）左侧：收入总计 = 财政拨款收入 + 事业收入 + 事业单位经营收入 + 其他收入；财政拨款收入 = 一般公共预算 + 政府性基金 + 国有资本经营预算。预算没有结转行。',
    en: 'BT1 income half: total income = fiscal appropriation + public-service revenue + operating revenue + other income; fiscal appropriation = general public budget + government fund + state capital. A budget has no carry-over rows.',
  },
  relation: { zh: 'BT1 收入总计 = Σ 收入来源；财政拨款收入 = Σ 三项资金', en: 'BT1 total income = Σ sources; fiscal = Σ the three funds' },
  pass: '| 项目 | 预算数 |\n|---|---|\n| 一、财政拨款收入 | 91,016,775.35 |\n| 1. 一般公共预算资金 | 91,016,775.35 |\n| 二、事业收入 | |\n| 收入总计 | 91,016,775.35 |',
  fail: '| 项目 | 预算数 |\n|---|---|\n| 一、财政拨款收入 | 91,016,775.35 |\n| 二、事业收入 | 100.00 |\n| 收入总计 | **91,016,775.35** |\n\n→ error: 收入总计 91016775.35 ≠ 各项收入之和 91016875.35',
  limits: [
    { zh: '收入行按名称定位在“收入总计”之上；“其中”行不另计。', en: 'Income rows are found by name above 收入总计; 其中 rows are not extra terms.' },
    { zh: '整元表（不印分）每个加数容许 1 元差异，作为尾数差异提示。', en: 'Whole-元 tables (no 分 printed) allow 1 元 per summed term as a rounding notice.' },
  ],
};

export const rule = defineRule({
  meta,
  run(ctx) {
    const d = ctx.disclosure;
    const inc = bt1Income(d.tables.BT1);
    const total = cellOf(inc.total, 'amount');
    if (!total) return ctx.notApplicable('BT1 has no 收入总计 row');
    const c = checker(ctx, meta, { wholeYuanPerTerm: true });
    const parts = inc.terms.map((r) => cellOf(r, 'amount'));
    c.sum(total, parts, () => sumLabel(d, parts, { zh: '各项收入之和', en: 'the sum of the income sources' }));
    const fiscal = cellOf(inc.fiscal, 'amount');
    const funds = FUNDS.map((f) => inc.funds[f]).filter((r) => r !== undefined);
    if (fiscal && funds.length > 0) {
      const fp = funds.map((r) => cellOf(r, 'amount'));
      c.sum(fiscal, fp, () => sumLabel(d, fp, { zh: '各项财政拨款资金之和', en: 'the sum of the fund rows' }));
    }
  },
});
