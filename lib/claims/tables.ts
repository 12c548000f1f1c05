/**
 * Looking up the table cells a narrative claim restates. Rows are found by kind, code and name —
 * never by position.
 */
import Decimal from 'decimal.js';
import type { Disclosure, ModelCell, Row, TableKey, TableModel } from '../model/types';
import { BUDGET_TABLE_NAMES } from '../model/types';
import type { Operand } from '../money/operands';
import { formatAmount } from '../money';
import { memoByText } from '../memo';
import { normName as tableNormName } from '../checks/helpers';

export interface TableValue {
  op: Operand;
  cells: ModelCell[];
  /** Human label of the source, e.g. "表5 合计". */
  where: string;
  /** The table is not in 万元: op was converted; the unit the cell text is printed in. */
  converted?: string;
}

/**
 * Normalised item name for matching claims to rows: the table rules' normName (no spaces, leading
 * numbering or （类）/（款）/（项） tags) with full-width brackets made ASCII, as the claim patterns expect.
 */
export const normName: (s: string) => string = memoByText((s) => tableNormName(s).replace(/（/g, '(').replace(/）/g, ')'));

const ROWS = new WeakMap<TableModel, Map<string, Row[]>>();

/** Rows of a table (or of one panel), computed once per table: lookups run for every claim. Do not mutate. */
export function rowsOf(t: TableModel | undefined, panel?: string): Row[] {
  if (!t) return [];
  let m = ROWS.get(t);
  if (!m) ROWS.set(t, (m = new Map()));
  const k = panel ?? '';
  let rows = m.get(k);
  if (!rows) {
    rows = [];
    for (const p of t.panels) if (!panel || p.id === panel) for (const r of p.rows) rows.push(r);
    m.set(k, rows);
  }
  return rows;
}

/** The value of a model cell: number → its printed precision; empty → exact 0; text → null (not a number). */
export function opOf(cell: ModelCell | undefined): Operand | null {
  if (!cell) return null;
  const a = cell.value;
  // Copied into this module's Decimal (same digits as parsing its string, without printing it).
  if (a.kind === 'number') return { value: new Decimal(a.value), decimals: a.decimals };
  if (a.kind === 'empty') return { value: new Decimal(0), decimals: null };
  return null;
}

/** First value cell of the row: the named column if present, else the first numeric one. */
export function cellOf(row: Row | undefined, key?: string): ModelCell | undefined {
  if (!row) return undefined;
  if (key) return row.cells[key];
  if (row.cells.amount) return row.cells.amount;
  const cells = Object.values(row.cells).sort((a, b) => a.col - b.col);
  return cells.find((c) => c.value.kind === 'number') ?? cells[0];
}

export function value(t: TableModel | undefined, row: Row | undefined, key: string | undefined, where: string): TableValue | null {
  const c = cellOf(row, key);
  const op = opOf(c);
  if (!c || !op || !t) return null;
  return { op: inWan(op, t.unit), cells: [c], where, converted: t.unit === '元' || t.unit === '亿元' ? t.unit : undefined };
}

/**
 * A table value as the table's own unit prints it, for messages: the cell text for one cell; a sum of
 * converted cells is converted back (8808000.00元, not the 880.800000 it is compared as); else null.
 */
export function shownInTableUnit(tv: TableValue): string | null {
  if (tv.cells.length === 1) return tv.converted ? `${tv.cells[0].text}${tv.converted}` : tv.cells[0].text || null;
  if (!tv.converted || tv.op.decimals === null) return null;
  const back = tv.converted === '元' ? tv.op.value.mul(10000) : tv.op.value.div(10000);
  const dec = tv.converted === '元' ? tv.op.decimals - 4 : tv.op.decimals + 4;
  return `${formatAmount(back, Math.max(0, dec))}${tv.converted}`;
}

/** Narrative amounts are compared in 万元: a table printed in 元 (or 亿元) is converted exactly. */
function inWan(op: Operand, unit: TableModel['unit']): Operand {
  if (unit === '元') return { value: op.value.div(10000), decimals: op.decimals === null ? null : op.decimals + 4 };
  if (unit === '亿元') return { value: op.value.mul(10000), decimals: op.decimals === null ? null : Math.max(0, op.decimals - 4) };
  return op;
}

export function sumValues(parts: (TableValue | null)[], where: string): TableValue | null {
  const ok = parts.filter((p): p is TableValue => p !== null);
  if (ok.length === 0) return null;
  let v = new Decimal(0);
  let dec: number | null = null;
  for (const p of ok) {
    v = v.add(p.op.value);
    if (p.op.decimals !== null) dec = Math.max(dec ?? 0, p.op.decimals);
  }
  // A derived sum keeps the widest precision; its interval is approximated by one half-unit per part.
  const converted = ok.every((p) => p.converted === ok[0].converted) ? ok[0].converted : undefined;
  return { op: { value: v, decimals: dec }, cells: ok.flatMap((p) => p.cells), where, converted };
}

const isTotal = (r: Row) => r.kind === 'total' || /^合计$|^总计$/.test(normName(r.name));

export function totalRow(t: TableModel | undefined, panel?: string): Row | undefined {
  const rows = rowsOf(t, panel);
  return rows.find((r) => r.kind === 'total' && (r.name.includes('合计') || r.name.includes('小计'))) ?? rows.find(isTotal);
}

export function rowNamed(t: TableModel | undefined, re: RegExp, panel?: string): Row | undefined {
  return rowsOf(t, panel).find((r) => re.test(normName(r.name)));
}

export function rowByCode(t: TableModel | undefined, code: string): Row | undefined {
  return rowsOf(t).find((r) => r.code === code);
}

export const TABLE_LABEL: Record<TableKey, string> = {
  T1: '收入支出决算总表',
  T2: '收入决算表',
  T3: '支出决算表',
  T4: '财政拨款收入支出决算总表',
  T5: '一般公共预算财政拨款支出决算表',
  T6: '一般公共预算财政拨款基本支出决算表',
  T7: '政府性基金预算财政拨款收入支出决算表',
  T8: '国有资本经营预算财政拨款收入支出决算表',
  T9: '财政拨款“三公”经费支出决算表',
  BT1: BUDGET_TABLE_NAMES.BT1.zh,
  BT2: BUDGET_TABLE_NAMES.BT2.zh,
  BT3: BUDGET_TABLE_NAMES.BT3.zh,
  BT4: BUDGET_TABLE_NAMES.BT4.zh,
  BT5: BUDGET_TABLE_NAMES.BT5.zh,
  BT6: BUDGET_TABLE_NAMES.BT6.zh,
  BT7: BUDGET_TABLE_NAMES.BT7.zh,
  BT8: BUDGET_TABLE_NAMES.BT8.zh,
  BT9: BUDGET_TABLE_NAMES.BT9.zh,
};

export function where(d: Disclosure, key: TableKey, what: string): string {
  const t = d.tables[key];
  return `${t?.marker ?? key}《${t?.title || TABLE_LABEL[key]}》${what}`;
}
