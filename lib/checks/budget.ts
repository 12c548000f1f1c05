/**
 * Shared lookups for the budget identities B-xx (budget.md): rows of the budget summary tables by
 * their printed names (Shanghai and national forms), never by position.
 */
import type { Panel, Row, TableModel } from '../model/types';
import type { Checker } from './helpers';
import { cellOf, classRows, grandRow, isOfWhichName, normName, panel, rowByName } from './helpers';

/** Income rows of BT1 (and the fund rows of BT4) by name. */
export const BUDGET_INCOME: Record<string, RegExp> = {
  fiscal: /^财政拨款(收入)?(合计)?$/,
  general: /^一般公共预算(资金|收入|拨款|拨款收入|财政拨款|财政拨款收入)?$/,
  govfund: /^政府性基金(预算)?(资金|收入|拨款|拨款收入|财政拨款|财政拨款收入)?$/,
  soe: /^国有资本经营预算(资金|收入|拨款|拨款收入|财政拨款|财政拨款收入)?$/,
  business: /^事业收入$/,
  operating: /^(事业单位)?经营收入$/,
  other: /^其他收入$/,
};
export const FUNDS = ['general', 'govfund', 'soe'] as const;

export const RE_BUDGET_INCOME_TOTAL = /^(收入总计|收入合计|本年收入合计|收入总额|总收入)$/;
export const RE_BUDGET_EXPENSE_TOTAL = /^(支出总计|支出合计|本年支出合计|支出总额|总支出)$/;

export function findRow(p: Panel | undefined, re: RegExp, before?: Row): Row | undefined {
  if (!p) return undefined;
  const end = before ? p.rows.indexOf(before) : p.rows.length;
  return rowByName(p.rows, re, 0, end < 0 ? p.rows.length : end);
}

/** A summary panel's stated total row (收入总计 / 支出总计 …), else its last total row. */
export function totalRow(p: Panel | undefined, re: RegExp): Row | undefined {
  if (!p) return undefined;
  return findRow(p, re) ?? [...p.rows].reverse().find((r) => r.kind === 'grand-total' || r.kind === 'total');
}

/** Data rows above `total` that carry cells (其中 rows are parts of the row above, never terms). */
export function itemRows(p: Panel | undefined, total: Row | undefined): Row[] {
  if (!p || !total) return [];
  return p.rows
    .slice(0, p.rows.indexOf(total))
    .filter((r) => r.kind === 'data' && !isOfWhichName(r.name) && normName(r.name) !== '' && Object.keys(r.cells).length > 0);
}

/** BT1's income rows: the sources (terms of 收入总计) and the fund rows under 财政拨款收入. */
export function bt1Income(t: TableModel | undefined): {
  panel?: Panel;
  total?: Row;
  fiscal?: Row;
  funds: Partial<Record<(typeof FUNDS)[number], Row>>;
  terms: Row[];
} {
  const p = panel(t, 'income');
  const total = totalRow(p, RE_BUDGET_INCOME_TOTAL);
  const items = itemRows(p, total);
  const fiscal = items.find((r) => BUDGET_INCOME.fiscal.test(normName(r.name)));
  const funds: Partial<Record<(typeof FUNDS)[number], Row>> = {};
  for (const f of FUNDS) {
    const r = items.find((x) => BUDGET_INCOME[f].test(normName(x.name)));
    if (r) funds[f] = r;
  }
  // With a 财政拨款收入 row the fund rows are its parts, not extra terms of the total.
  const fundRows = new Set(Object.values(funds));
  const terms = fiscal ? items.filter((r) => !fundRows.has(r)) : items;
  return { panel: p, total, fiscal, funds, terms };
}

/** Rows of BT1's (or BT4's) expense half: the 类 rows above 支出总计. */
export function expenseClasses(t: TableModel | undefined): { panel?: Panel; total?: Row; classes: Row[] } {
  const p = panel(t, 'expense');
  const total = totalRow(p, RE_BUDGET_EXPENSE_TOTAL);
  return { panel: p, total, classes: itemRows(p, total) };
}

/** A classification table's 合计 row and its 类 rows. */
export function classified(t: TableModel | undefined): { panel?: Panel; grand?: Row; classes: Row[] } {
  const p = panel(t);
  return { panel: p, grand: grandRow(p), classes: classRows(p) };
}

/** Every amount column key of a panel (not code / name / line). */
export function amountKeys(p: Panel | undefined): string[] {
  return p ? p.columns.filter((c) => c.numeric).map((c) => c.key) : [];
}

/** row[total] = Σ row[parts] for each row that has the total cell. */
export function rowSums(c: Checker, rows: Row[], total: string, parts: string[], label: { zh: string; en: string }): void {
  for (const r of rows) {
    const cell = cellOf(r, total);
    if (!cell) continue;
    c.sum(
      cell,
      parts.map((k) => cellOf(r, k)),
      label,
    );
  }
}
