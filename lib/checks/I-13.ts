/**
 * I-13 (domain.md): T4 expense side — each row: 合计 = Σ fund columns; 本年支出合计 = Σ 类;
 * 支出总计 = 本年支出合计 + 年末; 收入总计 = 支出总计.
 */
import { defineRule } from './types';
import type { RuleMeta } from './types';
import {
  cellOf, checker, grandTotalRow, itemRowsBefore, named, panel, RE_EXPENSE_TOTAL, RE_INCOME_TOTAL, RE_T4_CLOSING, sumLabel, valueRows,
} from './helpers';
import type { RuleDoc } from './helpers';

const FUNDS = ['general', 'govfund', 'soe'];

export const meta: RuleMeta = {
  id: 'I-13',
  title: { zh: '财政拨款收入支出决算总表支出侧自洽', en: 'Fiscal appropriation summary: expenditure side adds up' },
  severity: 'error',
  tables: ['T4'],
};

export const doc: RuleDoc = {
  rationale: {
    zh: '财政拨款收入支出决算总表右侧：每行合计 = 三项财政拨款列之和；本年支出合计 = 各类之和；支出总计 = 本年支出合计 + 年末结转和结余；收入总计 = 支出总计。',
    en: 'T4 expenditure side: each row total = the three fund columns; total expenditure = Σ classes; grand total = total expenditure + closing balance; income grand total = expenditure grand total.',
  },
  relation: { zh: 'T4 每行 合计 = Σ 三列；本年支出合计 = Σ 类；总计 = 本年支出合计 + 年末；收入总计 = 支出总计', en: 'T4 each row total = Σ fund columns; total = Σ classes; grand total = total + closing; income grand total = expenditure grand total' },
  pass: '| 项目 | 合计 | 一般公共预算 | 政府性基金 | 国有资本经营 |\n|---|---|---|---|---|\n| 一、一般公共服务支出 | 742.39 | 742.39 | | |\n| 本年支出合计 | 742.39 | 742.39 | | |',
  fail: '| 项目 | 合计 | 一般公共预算 | 政府性基金 | 国有资本经营 |\n|---|---|---|---|---|\n| 一、一般公共服务支出 | **752.39** | 742.39 | | |\n\n→ error: 一、一般公共服务支出「合计」752.39 ≠ 三项财政拨款之和 742.39',
  limits: [{ zh: '类行为“本年支出合计”之上的各行。', en: 'Class rows are the rows above 本年支出合计.' }],
};

export const rule = defineRule({
  meta,
  run(ctx) {
    const t = ctx.disclosure.tables.T4;
    const p = panel(t, 'expense');
    if (!p) return ctx.notApplicable('T4 has no expenditure panel');
    const c = checker(ctx, meta);
    for (const r of valueRows(p)) {
      const total = cellOf(r, 'total');
      if (total) c.sum(total, FUNDS.map((k) => cellOf(r, k)), { zh: '三项财政拨款之和', en: 'the sum of the three funds' });
    }
    const spent = named(p, RE_EXPENSE_TOTAL);
    const classes = itemRowsBefore(p, spent);
    const grand = grandTotalRow(p, spent);
    const closing = spent ? named(p, RE_T4_CLOSING, p.rows.indexOf(spent) + 1) : undefined;
    for (const k of ['total', ...FUNDS]) {
      if (spent) c.sum(cellOf(spent, k), classes.map((r) => cellOf(r, k)), { zh: '各类支出之和', en: 'the sum of the class rows' });
      if (grand && spent) {
        const terms = [cellOf(spent, k), cellOf(closing, k)];
        c.sum(cellOf(grand, k), terms, () => sumLabel(c.d, terms, { zh: '本年支出合计与年末结转和结余之和', en: 'total expenditure plus closing balance' }));
      }
    }
    const inc = panel(t, 'income');
    const incGrand = grandTotalRow(inc, named(inc, RE_INCOME_TOTAL));
    c.equal(cellOf(grand, 'total'), cellOf(incGrand, 'amount'), { zh: '收入总计', en: 'the income grand total' });
  },
});
