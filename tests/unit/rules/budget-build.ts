/** Tiny budget tables (budget.md) for the B-xx rule tests: BT1–BT8 in 元 with 2 decimals unless told, BT9 in 万元. */
import { disclosure, tbl } from './build';
import type { LayoutItem, RowInput } from './build';
import type { Disclosure, TableKey } from '../../../lib/model/types';

/** A one-panel budget table in 元 (2 decimals; `whole` = whole 元). */
export function yuan(key: TableKey, cols: string[], rows: RowInput[], opts: { whole?: boolean; notes?: string[] } = {}) {
  return tbl(key, { unit: '元', precision: opts.whole ? 0 : 2, cols, rows, notes: opts.notes });
}

/** BT1 (department form): income rows and expense rows, each [name, amount]. */
export function bt1(income: Array<[string, string]>, expense: Array<[string, string]>, opts: { whole?: boolean; expenseCols?: string[]; expenseRows?: RowInput[] } = {}) {
  return tbl('BT1', {
    unit: '元',
    precision: opts.whole ? 0 : 2,
    panels: {
      income: { cols: ['amount'], rows: income.map(([n, v]) => ['', n, v]) },
      expense: opts.expenseCols
        ? { cols: opts.expenseCols, rows: opts.expenseRows ?? [] }
        : { cols: ['amount'], rows: expense.map(([n, v]) => ['', n, v]) },
    },
  });
}

export const INCOME_OK: Array<[string, string]> = [
  ['一、财政拨款收入', '91,016,775.35'],
  ['1. 一般公共预算资金', '91,016,775.35'],
  ['2. 政府性基金', ''],
  ['3. 国有资本经营预算', ''],
  ['二、事业收入', ''],
  ['三、事业单位经营收入', ''],
  ['四、其他收入', ''],
  ['收入总计', '91,016,775.35'],
];
export const EXPENSE_OK: Array<[string, string]> = [
  ['一、一般公共服务支出', '82,096,797.42'],
  ['二、社会保障和就业支出', '4,213,779.28'],
  ['三、卫生健康支出', '1,097,073.43'],
  ['四、住房保障支出', '3,609,125.22'],
  ['支出总计', '91,016,775.35'],
];

/** Replace the amount of the row named `name` in a [name, amount] list. */
export function set(rows: Array<[string, string]>, name: string, value: string): Array<[string, string]> {
  return rows.map(([n, v]) => [n, n === name ? value : v]);
}

/** A budget disclosure (kind budget, year 2025, department unless told) from tables and paragraphs. */
export function budgetDoc(items: LayoutItem[], scope: 'department' | 'unit' = 'department'): Disclosure {
  const d = disclosure(items);
  d.info = { ...d.info, kind: 'budget', scope, year: 2025, unit: '元' };
  return d;
}

/** The published 预算编制说明 headline (dept-budget.pdf). */
export const HEADLINE_INCOME =
  '2025年，上海市普陀区人民政府办公室收入预算9,101.68万元，其中：财政拨款收入9,101.68万元，比2024年预算减少2,389.52万元；事业收入0万元；事业单位经营收入0万元；其他收入0万元。';
export const HEADLINE_EXPENSE =
  '支出预算9,101.68万元，其中：财政拨款支出预算9,101.68万元，比2024年预算减少2,389.52万元。财政拨款支出预算中，一般公共预算拨款支出预算9,101.68万元，比2024年预算减少2,389.52万元；政府性基金拨款支出预算0万元，比2024年预算持平；国有资本经营预算拨款支出预算0万元，比2024年预算持平。';
