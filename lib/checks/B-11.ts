/** B-11 (budget.md): BT1 ↔ BT4 — BT4 fund incomes = BT1 财政拨款 sub-rows; BT4 收入总计 = BT1 财政拨款收入. */
import { defineRule } from './types';
import type { RuleMeta } from './types';
import { cellOf, checker, normName, panel } from './helpers';
import type { RuleDoc } from './helpers';
import { bt1Income, BUDGET_INCOME, FUNDS, itemRows, RE_BUDGET_INCOME_TOTAL, totalRow } from './budget';

export const meta: RuleMeta = {
  id: 'B-11',
  title: { zh: '财政拨款收支预算总表与收支总表一致', en: 'BT4 incomes agree with BT1' },
  severity: 'error',
  tables: ['BT1', 'BT4'],
};

export const doc: RuleDoc = {
  rationale: {
    zh: '财政拨款收支预算总表的一般公共预算、政府性基金、国有资本经营预算收入分别等于财务收支预算总表“财政拨款收入”下的同名资金行；其收入总计等于财政拨款收入。',
    en: 'BT4\'s general, government-fund and state-capital incomes equal the fund rows under BT1\'s fiscal appropriation; BT4\'s total income equals BT1\'s fiscal appropriation.',
  },
  relation: { zh: 'BT4 各资金收入 = BT1 同名资金行；BT4 收入总计 = BT1 财政拨款收入', en: 'BT4 fund incomes = BT1 fund rows; BT4 total = BT1 fiscal' },
  pass: 'BT4 一、一般公共预算资金 91,016,775.35 = BT1 1. 一般公共预算资金 91,016,775.35',
  fail: 'BT4 收入总计 **91,016,757.35** vs BT1 一、财政拨款收入 91,016,775.35\n\n→ error: 财政拨款收支预算总表 收入总计 91016757.35 ≠ 财务收支预算总表 一、财政拨款收入 91016775.35',
  limits: [{ zh: 'BT1 没有“财政拨款收入”行（全国表式逐项列资金）时，BT4 收入总计与各资金行之和比较。', en: 'When BT1 has no fiscal-appropriation row (national layout lists the funds directly), BT4\'s total is compared fund by fund only.' }],
};

export const rule = defineRule({
  meta,
  run(ctx) {
    const d = ctx.disclosure;
    const c = checker(ctx, meta);
    const inc = bt1Income(d.tables.BT1);
    const p4 = panel(d.tables.BT4, 'income');
    const total4 = totalRow(p4, RE_BUDGET_INCOME_TOTAL);
    const rows4 = itemRows(p4, total4);
    for (const f of FUNDS) {
      const r4 = rows4.find((r) => BUDGET_INCOME[f].test(normName(r.name)));
      const r1 = inc.funds[f];
      if (r4 && r1) c.equal(cellOf(r4, 'amount'), cellOf(r1, 'amount'));
    }
    if (inc.fiscal) c.equal(cellOf(total4, 'amount'), cellOf(inc.fiscal, 'amount'));
  },
});
