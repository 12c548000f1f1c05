/** B-10 (budget.md): BT4 — 收入总计 = Σ funds; per 类 合计 = Σ fund columns; 支出总计 = Σ 类; 收入总计 = 支出总计. */
import { defineRule } from './types';
import type { RuleMeta } from './types';
import { cellOf, checker, sumLabel } from './helpers';
import type { RuleDoc } from './helpers';
import { expenseClasses, itemRows, RE_BUDGET_INCOME_TOTAL, totalRow } from './budget';
import { panel } from './helpers';

const FUND_COLS = ['general', 'govfund', 'soe'];

export const meta: RuleMeta = {
  id: 'B-10',
  title: { zh: '财政拨款收支预算总表自身平衡', en: 'BT4 adds up and balances' },
  severity: 'error',
  tables: ['BT4'],
};

export const doc: RuleDoc = {
  rationale: {
    zh: '财政拨款收支预算总表：收入总计 = 一般公共预算 + 政府性基金 + 国有资本经营预算；每类合计 = 三个资金列之和；各列支出总计 = 各类之和；收入总计 = 支出总计。资金列错位（整列移一类）在此暴露。',
    en: 'BT4: total income = the three funds; each class total = the three fund columns; each column\'s total = Σ classes; total income = total expenditure. A fund column shifted by one class shows up here.',
  },
  relation: { zh: '收入总计 = Σ 资金；每类 合计 = Σ 资金列；支出总计 = Σ 类；收入总计 = 支出总计', en: 'income total = Σ funds; class total = Σ fund columns; expenditure total = Σ classes; income total = expenditure total' },
  pass: '| 项目 | 合计 | 一般公共预算 | 政府性基金预算 |\n|---|---|---|---|\n| 一、一般公共服务支出 | 82,096,797.42 | 82,096,797.42 | |',
  fail: '| 项目 | 合计 | 一般公共预算 | 政府性基金预算 |\n|---|---|---|---|\n| 一、一般公共服务支出 | **82,096,797.42** | 4,213,779.28 | |\n\n→ error: 合计 82096797.42 ≠ 各资金列之和 4213779.28',
  limits: [],
};

export const rule = defineRule({
  meta,
  run(ctx) {
    const d = ctx.disclosure;
    const c = checker(ctx, meta, { wholeYuanPerTerm: true });
    const pi = panel(d.tables.BT4, 'income');
    const incomeTotal = totalRow(pi, RE_BUDGET_INCOME_TOTAL);
    const funds = itemRows(pi, incomeTotal).map((r) => cellOf(r, 'amount'));
    c.sum(cellOf(incomeTotal, 'amount'), funds, () => sumLabel(d, funds, { zh: '各项资金之和', en: 'the sum of the funds' }));
    const e = expenseClasses(d.tables.BT4);
    const keys = new Set(e.panel?.columns.map((col) => col.key) ?? []);
    const fundCols = FUND_COLS.filter((k) => keys.has(k));
    for (const r of [...e.classes, ...(e.total ? [e.total] : [])]) {
      c.sum(cellOf(r, 'total'), fundCols.map((k) => cellOf(r, k)), { zh: '各资金列之和', en: 'the sum of the fund columns' });
    }
    if (e.total) {
      for (const k of ['total', ...fundCols]) {
        const cells = e.classes.map((r) => cellOf(r, k));
        c.sum(cellOf(e.total, k), cells, () => sumLabel(d, cells, { zh: '各类之和', en: 'the sum of the classes' }));
      }
      c.equal(cellOf(incomeTotal, 'amount'), cellOf(e.total, 'total'));
    }
  },
});
