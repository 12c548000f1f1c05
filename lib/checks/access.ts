/**
 * Table access for the rules: tables and panels by key, rows by code or printed name, value rows;
 * per-panel lookups memoised on the (read-only) model objects.
 */
import type { Disclosure, ModelCell, Panel, Row, TableKey, TableModel } from '../model/types';
import { normName } from './names';

export function table(d: Disclosure, key: TableKey): TableModel | undefined {
  return d.tables[key];
}

/** A panel by id; without an id, 'main' or the only/first panel. */
export function panel(t: TableModel | undefined, id?: string): Panel | undefined {
  if (!t) return undefined;
  if (id) return t.panels.find((p) => p.id === id);
  return t.panels.find((p) => p.id === 'main') ?? t.panels[0];
}

export function cellOf(row: Row | undefined, key: string): ModelCell | undefined {
  return row ? (row.cells[key] as ModelCell | undefined) : undefined;
}

// Per-panel / per-table lookups that several rules repeat: computed once per model object. The
// model is read-only once recognised; callers never mutate the returned arrays.
const valueRowsMemo = new WeakMap<Panel, Row[]>();
const byCodeMemo = new WeakMap<Panel | TableModel, Map<string, Row>>();

/** Rows that carry values (not blank). */
export function valueRows(p: Panel | undefined): Row[] {
  if (!p) return [];
  let v = valueRowsMemo.get(p);
  if (!v) valueRowsMemo.set(p, (v = p.rows.filter((r) => r.kind !== 'blank')));
  return v;
}

/** First non-blank, non-其中 row per code, in row order. */
export function codeIndex(key: Panel | TableModel, rows: readonly Row[]): Map<string, Row> {
  let m = byCodeMemo.get(key);
  if (!m) {
    m = new Map();
    for (const r of rows) if (r.code !== null && r.kind !== 'of-which' && !m.has(r.code)) m.set(r.code, r);
    byCodeMemo.set(key, m);
  }
  return m;
}

export function rowByName(rows: readonly Row[], re: RegExp, from = 0, to = rows.length): Row | undefined {
  const names = normNames(rows);
  for (let i = from; i < to; i++) if (re.test(names[i])) return rows[i];
  return undefined;
}

// Normalised names per row list (rules look rows up by name again and again in the same panels).
const namesMemo = new WeakMap<readonly Row[], string[]>();

function normNames(rows: readonly Row[]): string[] {
  let v = namesMemo.get(rows);
  if (!v || v.length !== rows.length) {
    v = rows.map((r) => normName(r.name));
    namesMemo.set(rows, v);
  }
  return v;
}

export function indexOfRow(rows: readonly Row[], row: Row | undefined): number {
  return row ? rows.indexOf(row) : -1;
}

/** The 合计 row of a classification table (a total row without a code), wherever it is printed. */
export function grandRow(p: Panel | undefined): Row | undefined {
  if (!p) return undefined;
  return (
    p.rows.find((r) => r.kind === 'total' && !r.code && /合计|总计/.test(r.name)) ??
    p.rows.find((r) => r.kind === 'total' && !r.code) ??
    p.rows.find((r) => !r.code && /^(?:合计|总计|本年支出合计|本年收入合计)$/.test(normName(r.name)))
  );
}

export function codeLevelOf(row: Row): 'lei' | 'kuan' | 'xiang' | null {
  if (row.level) return row.level;
  const n = row.code?.length ?? 0;
  return n === 3 ? 'lei' : n === 5 ? 'kuan' : n === 7 ? 'xiang' : null;
}

/** 类 rows of a classification table (3-digit codes), excluding 其中 rows. */
export function classRows(p: Panel | undefined): Row[] {
  return valueRows(p).filter((r) => r.kind !== 'of-which' && r.code && codeLevelOf(r) === 'lei');
}

export function rowByCode(p: Panel | undefined, code: string): Row | undefined {
  return p ? codeIndex(p, valueRows(p)).get(code) : undefined;
}

/** Non-zero numeric value (empty and nan count as not non-zero). */
export function isNonZero(cell: ModelCell | undefined): boolean {
  return !!cell && cell.value.kind === 'number' && !cell.value.value.isZero();
}
