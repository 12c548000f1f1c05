/**
 * How cells are described in messages: row code and name with the column label, the plain label
 * and the structured cite (issue 15), and the value shown for a compared cell.
 */
import type Decimal from 'decimal.js';
import { formatAmount } from '../money';
import type { Disclosure, ModelCell, Panel, Row, TableModel } from '../model/types';
import type { Bilingual } from './types';
import { COLUMN_LABELS, SPACE_RE, TABLE_NAMES, columnLabel, headerEn, normName } from './names';

interface CellPlace {
  table: TableModel;
  panel: Panel;
  row: Row;
  key: string;
}

/**
 * Where a cell sits: its own table's rows are ordered by grid row, so the row is found by its
 * index (findings are few; no index of every cell is built). A cell not found there (a synthetic
 * or foreign cell) is searched in every table.
 */
function placeOf(d: Disclosure, cell: ModelCell): CellPlace | undefined {
  const own = d.tables[cell.table];
  if (own) {
    const hit = placeIn(own, cell);
    if (hit) return hit;
  }
  for (const t of Object.values(d.tables)) {
    if (!t || t === own) continue;
    const hit = placeIn(t, cell);
    if (hit) return hit;
  }
  return undefined;
}

function placeIn(t: TableModel, cell: ModelCell): CellPlace | undefined {
  for (const p of t.panels) {
    for (const r of p.rows) {
      if (r.row !== cell.row) continue;
      for (const key in r.cells) if (r.cells[key] === cell) return { table: t, panel: p, row: r, key };
    }
  }
  // Not at its own row index (a hand-built model): look at every row.
  for (const p of t.panels)
    for (const r of p.rows) for (const key in r.cells) if (r.cells[key] === cell) return { table: t, panel: p, row: r, key };
  return undefined;
}

/** "2013101 行政运行「基本支出」" — row code and name, column label. */
const descriptions = new WeakMap<ModelCell, Bilingual>();

export function describeCell(d: Disclosure, cell: ModelCell): Bilingual {
  // Cells belong to one disclosure; the same cells are described by many comparisons.
  let v = descriptions.get(cell);
  if (!v) descriptions.set(cell, (v = describeCellUncached(d, cell)));
  return { zh: v.zh, en: v.en };
}

function describeCellUncached(d: Disclosure, cell: ModelCell): Bilingual {
  const place = placeOf(d, cell);
  if (!place) {
    const where = `R${cell.row + 1}C${cell.col + 1}`;
    return { zh: `${cell.table} ${where}`, en: `${cell.table} ${where}` };
  }
  const rowName = [place.row.code, place.row.name.replace(SPACE_RE, '')].filter(Boolean).join(' ');
  const col = columnLabel(place.key, place.panel);
  // A one-row table (T9) has no row name: the column says it all.
  if (!rowName) return { zh: `「${col.zh}」`, en: `[${col.en}]` };
  const single = place.panel.columns.filter((c) => c.numeric).length <= 1;
  // "合计「合计」" says nothing twice: the row name is enough when it is the column's own label.
  return single || normName(place.row.name) === col.zh
    ? { zh: rowName, en: rowName }
    : { zh: `${rowName}「${col.zh}」`, en: `${rowName} [${col.en}]` };
}

/**
 * How a person cites a cell (design.md `label`): the table's own marker or its name · row code and name ·
 * column header — "公开06表 · 302 商品和服务支出 · 决算数". Names stay as printed.
 */
const labels = new WeakMap<ModelCell, Bilingual>();

export function cellLabel(d: Disclosure, cell: ModelCell): Bilingual {
  let v = labels.get(cell);
  if (!v) labels.set(cell, (v = joinCite(cellCite(d, cell))));
  return v;
}

/**
 * The parts of a cell's citation: table (marker or name), row code, row name (as printed, spaces
 * dropped) and column; the CSV gives each its own column. A cell outside every recognised row cites
 * its 1-based grid position as the row and column.
 */
export interface CellCite {
  table: Bilingual;
  rowCode: string;
  rowName: string;
  column: Bilingual;
}

const cites = new WeakMap<ModelCell, CellCite>();

export function cellCite(d: Disclosure, cell: ModelCell): CellCite {
  let v = cites.get(cell);
  if (!v) cites.set(cell, (v = cellCiteUncached(d, cell)));
  return v;
}

function cellCiteUncached(d: Disclosure, cell: ModelCell): CellCite {
  const t = d.tables[cell.table];
  // In English the table's standard name (domain.md / budget.md) with its key; the page's own
  // marker (公开06表) is Chinese text.
  const table = {
    zh: t?.marker || t?.title || tableNameOf(cell).zh,
    en: tableNameOf(cell).en,
  };
  const place = placeOf(d, cell);
  if (!place) {
    return {
      table,
      rowCode: '',
      rowName: `第${cell.row + 1}行`,
      column: { zh: `第${cell.col + 1}列`, en: `column ${cell.col + 1}` },
    };
  }
  const col = columnLabel(place.key, place.panel);
  // Unknown columns: the printed header's last level ("本年支出/基本支出" → "基本支出").
  const colZh = COLUMN_LABELS[place.key] ? col.zh : (col.zh.split('/').pop() || col.zh);
  const colEn = COLUMN_LABELS[place.key] ? col.en : headerEn(colZh);
  return { table, rowCode: place.row.code ?? '', rowName: place.row.name.replace(SPACE_RE, ''), column: { zh: colZh, en: colEn } };
}

/**
 * "公开06表 · 302 商品和服务支出 · 决算数". A column named as its row ("合计" of the 合计 row) is
 * said once: "公开05表 · 合计".
 */
export function joinCite(c: CellCite): Bilingual {
  const row = [c.rowCode, c.rowName].filter(Boolean).join(' ');
  // The column said once in either language when it is the row's own name (合计 of the 合计 row).
  const same = c.column.zh === c.rowName;
  const join = (table: string, col: string) => [table, row, same || col === c.rowName ? '' : col].filter(Boolean).join(' · ');
  if (!c.rowCode && /^第\d+行$/.test(c.rowName)) {
    return { zh: `${c.table.zh} · ${c.rowName}${c.column.zh}`, en: `${c.table.en} · row ${c.rowName.slice(1, -1)}, ${c.column.en}` };
  }
  return { zh: join(c.table.zh, c.column.zh), en: join(c.table.en, c.column.en) };
}

export function tableNameOf(cell: ModelCell): Bilingual {
  return TABLE_NAMES[cell.table] ?? { zh: cell.table, en: cell.table };
}

export function fmt(d: Decimal, decimals: number): string {
  return formatAmount(d, decimals);
}

export function tol(d: Decimal): string {
  return d.toFixed();
}

/** How a blank cell reads in every message: never "0.00" (a blank is no value). */
export const BLANK_TEXT: Bilingual = { zh: '（空）', en: '(blank)' };

/** The value of a compared cell for a message: its amount, or （空） when blank. */
export function shown(cell: ModelCell | undefined, v: Decimal, decimals: number, lang: 'zh' | 'en'): string {
  return cell && cell.value.kind === 'empty' ? BLANK_TEXT[lang] : fmt(v, decimals);
}
