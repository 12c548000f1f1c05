/** I-25 (domain.md): T7/T8↔T4 — T7 (T8) totals = the T4 政府性基金 (国有资本经营) row/column. */
import { defineRule } from './types';
import type { RuleMeta } from './types';
import type { TableKey } from '../model/types';
import {
  cellOf, checker, grandRow, grandTotalRow, INCOME_SOURCES, named, normName, openingParts, panel, RE_EXPENSE_TOTAL, RE_INCOME_TOTAL,
  RE_T4_CLOSING, RE_T4_OPENING, sourceRow,
} from './helpers';
import type { RuleDoc } from './helpers';

const PAIRS: Array<{ table: TableKey; fund: string }> = [
  { table: 'T7', fund: 'govfund' },
  { table: 'T8', fund: 'soe' },
];

export const meta: RuleMeta = {
  id: 'I-25',
  title: { zh: '政府性基金、国有资本经营表与财政拨款总表一致', en: 'Fund tables agree with the fiscal summary' },
  severity: 'error',
  tables: ['T4'],
};

export const doc: RuleDoc = {
  rationale: {
    zh: '政府性基金（国有资本经营）预算财政拨款表的合计行：年初结转和结余、本年收入、本年支出、年末结转和结余，应分别等于财政拨款收入支出决算总表中政府性基金（国有资本经营）预算财政拨款的对应行或列。',
    en: 'The total row of T7 (T8) — opening, income, spending, closing — equals the government fund (state capital) rows and column of T4.',
  },
  relation: { zh: 'T7 合计 = T4 政府性基金行/列；T8 合计 = T4 国有资本经营行/列', en: 'T7 totals = T4 government fund row/column; T8 totals = T4 state capital row/column' },
  pass: 'T4：二、政府性基金预算财政拨款 0；本年支出合计「政府性基金」空\n\nT7 合计：本年收入 0；本年支出 0',
  fail: 'T4：二、政府性基金预算财政拨款 0\n\nT7 合计：本年收入 **12.00**\n\n→ error: 政府性基金表 合计「本年收入」12.00 ≠ 财政拨款收入支出决算总表 二、政府性基金预算财政拨款 0.00',
  limits: [{ zh: 'T4 未按拨款列示年初结转时不比较年初数。', en: 'The opening balance is not compared when T4 does not split it by fund.' }],
};

export const rule = defineRule({
  meta,
  run(ctx) {
    const { tables } = ctx.disclosure;
    const present = PAIRS.filter((p) => tables[p.table]);
    if (present.length === 0) return ctx.notApplicable('neither T7 nor T8');
    const inc = panel(tables.T4, 'income');
    const exp = panel(tables.T4, 'expense');
    const incTotal = named(inc, RE_INCOME_TOTAL);
    const spent = named(exp, RE_EXPENSE_TOTAL);
    const c = checker(ctx, meta);
    for (const { table, fund } of present) {
      const g = grandRow(panel(tables[table]));
      if (!g) continue;
      const src = INCOME_SOURCES.find((s) => s.key === fund)!;
      if (incTotal) {
        const opening = named(inc, RE_T4_OPENING, inc!.rows.indexOf(incTotal) + 1);
        const openRow = openingParts(inc, opening, grandTotalRow(inc, incTotal)).find((r) => src.re.test(normName(r.name)));
        if (openRow) c.equal(cellOf(g, 'opening'), cellOf(openRow, 'amount'));
        const incomeRow = sourceRow(inc, fund, incTotal);
        if (incomeRow) c.equal(cellOf(g, 'income'), cellOf(incomeRow, 'amount'));
      }
      if (spent) {
        c.equal(cellOf(g, 'total'), cellOf(spent, fund));
        const closing = named(exp, RE_T4_CLOSING, exp!.rows.indexOf(spent) + 1);
        c.equal(cellOf(g, 'closing'), cellOf(closing, fund));
      }
    }
  },
});
