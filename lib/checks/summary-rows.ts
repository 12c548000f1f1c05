/**
 * Summary tables (T1, T4) and T6: rows located by their printed names, never by position; class
 * rows matched across tables by code or 类 name.
 */
import { formatAmount } from '../money';
import type { ModelCell, Panel, Row, TableModel } from '../model/types';
import { normName, classKey, classKeyOfCode, isOfWhichName } from './names';
import { cellOf, codeIndex, isNonZero, rowByName } from './access';
import { describeCell, tableNameOf } from './describe';
import type { Checker } from './checker';

const t6RowsMemo = new WeakMap<TableModel, Row[]>();

/** The row whose normalised name matches `re`, searched in [from, to). */
export function named(p: Panel | undefined, re: RegExp, from = 0, to?: number): Row | undefined {
  if (!p) return undefined;
  return rowByName(p.rows, re, from, to ?? p.rows.length);
}

/** Item rows above a stated total (其中 rows are parts of the row above, never extra terms). */
export function itemRowsBefore(p: Panel | undefined, total: Row | undefined): Row[] {
  if (!p || !total) return [];
  const end = p.rows.indexOf(total);
  return p.rows
    .slice(0, end)
    .filter((r) => r.kind === 'data' && !isOfWhichName(r.name) && Object.keys(r.cells).length > 0);
}

/** Income source rows of T1 (or fund rows of T4) by their names. */
export const INCOME_SOURCES: Array<{ key: string; re: RegExp }> = [
  { key: 'general', re: /^一般公共预算财政拨款(?:收入)?$/ },
  { key: 'govfund', re: /^政府性基金预算财政拨款(?:收入)?$/ },
  { key: 'soe', re: /^国有资本经营预算财政拨款(?:收入)?$/ },
  { key: 'fiscal', re: /^财政拨款(?:收入)?$/ },
  { key: 'upper', re: /^上级补助收入$/ },
  { key: 'business', re: /^事业收入$/ },
  { key: 'operating', re: /^经营收入$/ },
  { key: 'affiliated', re: /^附属单位上缴收入$/ },
  { key: 'other', re: /^其他收入$/ },
];

export function sourceRow(p: Panel | undefined, key: string, before?: Row): Row | undefined {
  const src = INCOME_SOURCES.find((s) => s.key === key);
  if (!p || !src) return undefined;
  const end = before ? p.rows.indexOf(before) : p.rows.length;
  return named(p, src.re, 0, end < 0 ? p.rows.length : end);
}

export const RE_INCOME_TOTAL = /^本年收入合计$/;
export const RE_EXPENSE_TOTAL = /^本年支出合计$/;
export const RE_GRAND_TOTAL = /^总计$/;

/** The 总计 row after `after` (or anywhere). */
export function grandTotalRow(p: Panel | undefined, after?: Row): Row | undefined {
  if (!p) return undefined;
  const from = after ? p.rows.indexOf(after) + 1 : 0;
  return named(p, RE_GRAND_TOTAL, from) ?? p.rows.slice(from).find((r) => r.kind === 'grand-total');
}

/**
 * Pair coded 类 rows (T3/T5/T7…) with the 类 rows of a summary table (T1/T4, names only) and
 * compare `codedKey` with `summaryKey`. A non-zero class on one side with no row on the other is
 * reported (the missing side counts as 0); a coded row that cannot be named is a warning.
 */
export function matchClasses(
  c: Checker,
  coded: Row[],
  codedKey: string,
  summary: Row[],
  summaryKey: string,
): void {
  const used = new Set<Row>();
  const byKey = new Map<string, Row>();
  for (const r of summary) byKey.set(classKey(r.name), r);
  for (const r of coded) {
    const key = classKeyOfCode(r.code);
    const s = (key !== null ? byKey.get(key) : undefined) ?? byKey.get(classKey(r.name));
    const cell = cellOf(r, codedKey);
    if (!s) {
      if (isNonZero(cell)) missingCounterpart(c, cell!);
      continue;
    }
    used.add(s);
    c.equal(cell, cellOf(s, summaryKey));
  }
  for (const s of summary) {
    if (used.has(s)) continue;
    const cell = cellOf(s, summaryKey);
    if (isNonZero(cell)) missingCounterpart(c, cell!);
  }
}

function missingCounterpart(c: Checker, cell: ModelCell): void {
  const where = describeCell(c.d, cell);
  const t = tableNameOf(cell);
  const v = cell.value.kind === 'number' ? formatAmount(cell.value.value, cell.value.decimals) : cell.text;
  c.report(
    'error',
    {
      zh: `${t.zh} ${where.zh} ${v} 在对应表中没有同一功能分类的行（应为 ${v}，实际为 0）`,
      en: `${t.en} ${where.en} ${v} has no row for the same function class in the corresponding table (expected ${v}, found 0)`,
    },
    [{ cell, role: 'value' }],
    { expected: v, actual: '0' },
  );
}

// T4: opening / closing balance rows.
export const RE_T4_OPENING = /^年初财政拨款结转和结余$|^年初结转和结余$/;
export const RE_T4_CLOSING = /^年末财政拨款结转和结余$|^年末结转和结余$/;

/** Rows between T4's 年初 row and 总计: the opening balance by fund. */
export function openingParts(p: Panel | undefined, opening: Row | undefined, grand: Row | undefined): Row[] {
  if (!p || !opening) return [];
  const end = grand ? p.rows.indexOf(grand) : p.rows.length;
  return p.rows
    .slice(p.rows.indexOf(opening) + 1, end)
    .filter((r) => r.kind !== 'blank' && Object.keys(r.cells).length > 0 && r.name.trim() !== '');
}


// T6: rows across its side-by-side panels.

/** Every row of T6 (all panels), in panel order. */
export function t6Rows(t: TableModel | undefined): Row[] {
  if (!t) return [];
  let v = t6RowsMemo.get(t);
  if (!v) {
    v = [];
    for (const p of t.panels) for (const r of p.rows) v.push(r);
    t6RowsMemo.set(t, v);
  }
  return v;
}

/** T6's 人员经费合计 and 公用经费合计 rows, by name. */
export function t6Totals(t: TableModel | undefined): { personnel?: Row; office?: Row } {
  const rows = t6Rows(t).filter((r) => !r.code);
  return {
    personnel: rows.find((r) => /^人员经费(?:合计)?$/.test(normName(r.name))),
    office: rows.find((r) => /^公用经费(?:合计)?$/.test(normName(r.name))),
  };
}

/** T6 row by economic code (e.g. "30212"), not a 其中 row. */
export function t6Code(t: TableModel | undefined, code: string): Row | undefined {
  return t ? codeIndex(t, t6Rows(t)).get(code) : undefined;
}

/**
 * T1 rows between a 本年…合计 row and 总计 that are terms of the grand total: not 其中 rows, not
 * blank, and not breakdowns of the balance (基本支出结转, 项目支出结转和结余 … without 年初/年末).
 */
export function balanceTerms(p: Panel, from: Row, to: Row): Row[] {
  return p.rows
    .slice(p.rows.indexOf(from) + 1, p.rows.indexOf(to))
    .filter((r) => {
      if (r.kind === 'of-which' || r.kind === 'blank' || Object.keys(r.cells).length === 0) return false;
      const n = normName(r.name);
      if (/^其中/.test(n)) return false;
      return !(/结转|结余/.test(n) && !/^(?:年初|年末|使用|用)/.test(n) && !/^结余分配/.test(n));
    });
}
