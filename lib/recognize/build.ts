/**
 * Build the typed model of one recognised table: panels, columns with keys, rows with their
 * roles, every value linked to its cell. A table split over several <table> blocks is read as
 * one grid: the rows of the first block, then the body rows of each continuation (their repeated
 * header rows dropped). Row indices are positions in that concatenated grid; ModelCell.source is
 * always the real SourceCell, whose own row/col are positions in its source block.
 */
import type { GridSlot, ParagraphBlock, SourceCell } from '../extract/types';
import type { Amount } from '../money';
import { parseAmount } from '../money';
import type { Column, ModelCell, Panel, Row, RowKind, TableKey, TableModel, Unit, CodeLevel } from '../model/types';
import type { Layout } from './layout';
import { TABLE_SPECS, type ColumnRule } from './specs';
import { norm } from './text';
import { memoByText } from '../memo';

export interface TableGroup {
  key: TableKey;
  title: string;
  marker: string | null;
  unit: Unit | null;
  /** First block's layout, then continuation layouts. */
  layouts: Layout[];
  notes: ParagraphBlock[];
}

export type BuildResult = { ok: true; model: TableModel; precision: number } | { ok: false; reason: string };

/**
 * A table that prints no decimals at all (all "0", or integers) in a document whose other tables
 * print 2: its integers stand for the document's precision too ("0" in a 万元 document = 0.00).
 */
export function raisePrecision(model: TableModel, precision: number): void {
  for (const p of model.panels)
    for (const r of p.rows)
      for (const k in r.cells) {
        const c = r.cells[k];
        const v = c.value;
        // An explicit literal, not a spread: cells hold frozen shared Amounts (spreads are slow).
        if (v.kind === 'number' && v.decimals < precision)
          c.value = { kind: 'number', value: v.value, decimals: precision, printedDecimals: v.printedDecimals, text: v.text };
      }
}

const PANEL_IDS: Record<number, string[]> = {
  1: ['left'],
  2: ['left', 'right'],
  3: ['left', 'middle', 'right'],
};

/** Split columns into panels: a new panel starts at a code/name column after a value column. */
function splitPanels(layout: Layout): number[][] {
  const groups: number[][] = [];
  let cur: number[] = [];
  let seenValue = false;
  layout.roles.forEach((role, c) => {
    if ((role === 'code' || role === 'name') && seenValue) {
      groups.push(cur);
      cur = [];
      seenValue = false;
    }
    if (role === 'value' || role === 'line') seenValue = seenValue || role === 'value';
    cur.push(c);
  });
  if (cur.length > 0) groups.push(cur);
  return groups;
}

function keyFromRules(path: string[], rules: ColumnRule[]): string | null {
  for (let i = path.length - 1; i >= 0; i--) {
    for (const r of rules) if (r.re.test(path[i])) return r.key;
  }
  return null;
}

/** Only ASCII digits (a char loop: codes are short and this runs for every code cell). */
function isDigits(s: string): boolean {
  if (s.length === 0) return false;
  for (let i = 0; i < s.length; i++) {
    const c = s.charCodeAt(i);
    if (c < 48 || c > 57) return false;
  }
  return true;
}
const CODE_SEPARATORS = /[\s/／\-]/g;

/** Join code parts: "302" + "01" → "30201"; a part that already holds the prefix replaces it. */
function joinCode(parts: string[]): string | null {
  let code = '';
  for (const raw of parts) {
    if (raw === '') continue;
    let p = raw;
    if (!isDigits(raw)) {
      p = raw.replace(CODE_SEPARATORS, '');
      if (p === '') continue;
      if (!isDigits(p)) return null;
    }
    code = code !== '' && p.startsWith(code) ? p : code + p;
  }
  return code === '' ? null : code;
}

function levelOf(code: string | null): CodeLevel | null {
  if (!code) return null;
  if (code.length === 3) return 'lei';
  if (code.length === 5) return 'kuan';
  if (code.length === 7) return 'xiang';
  return null;
}

const NUMBERING = /^(?:[一二三四五六七八九十]{1,3}[、.．]|[（(][一二三四五六七八九十]{1,3}[）)]|\d{1,2}[、.．](?!\d))/;

// Row names repeat across tables and checks: each name's kind is remembered.
export const rowKindOf: (name: string) => RowKind | null = memoByText((name) => rowKindUncached(name));

function rowKindUncached(name: string): RowKind | null {
  const n = norm(name).replace(NUMBERING, '');
  if (n === '') return null;
  // String tests, not regexes: a first check compiles every regex it runs.
  if (n.endsWith('总计')) return 'grand-total';
  if (n === '小计') return 'subtotal';
  if (n.endsWith('合计')) return 'total';
  if (n.startsWith('其中')) return 'of-which';
  return 'data';
}

const NOTE_ROW = /^(注|说明|备注)\s*[：:]/;

/** A note row's label ("注：…"). The first char rules out almost every label without the pattern. */
function isNoteLabel(t: string): boolean {
  const c = t.charCodeAt(0);
  return (c === 0x6ce8 || c === 0x8bf4 || c === 0x5907) && NOTE_ROW.test(t); // 注 说 备
}
const CODE_NAME = /^(\d{3}(?:\d{2}){0,2})(?!\d)\s*(.*)$/;

/** 行次 "1"…"999" → its number; anything else → null. */
function lineNumber(t: string): number | null {
  if (t.length === 0 || t.length > 3) return null;
  let n = 0;
  for (let i = 0; i < t.length; i++) {
    const d = t.charCodeAt(i) - 48;
    if (d < 0 || d > 9) return null;
    n = n * 10 + d;
  }
  return n;
}

export function buildTable(group: TableGroup): BuildResult {
  const spec = TABLE_SPECS[group.key];
  const first = group.layouts[0];
  const cols = first.block.cols;

  // Concatenated grid: the first block whole, then continuation bodies.
  const vrows: GridSlot[][] = first.block.grid.slice();
  const bodyRows: number[] = [];
  for (let r = first.bodyStart; r < first.block.grid.length; r++) bodyRows.push(r);
  for (let i = 1; i < group.layouts.length; i++) {
    const cont = group.layouts[i];
    for (let r = cont.bodyStart; r < cont.block.grid.length; r++) {
      bodyRows.push(vrows.length);
      vrows.push(cont.block.grid[r]);
    }
  }
  let bodyHeaderCells = first.bodyHeaderCells;
  if (group.layouts.length > 1) {
    bodyHeaderCells = new Set<SourceCell>();
    for (const l of group.layouts) l.bodyHeaderCells.forEach((c) => bodyHeaderCells.add(c));
  }
  const noBodyHeaders = bodyHeaderCells.size === 0;

  // Panels.
  let groups = splitPanels(first);
  let ids: string[];
  if (spec.layout === 'income-expense') {
    if (groups.length !== 2) return { ok: false, reason: `expected income and expense halves, found ${groups.length} column group(s)` };
    ids = ['income', 'expense'];
  } else if (spec.layout === 'groups') {
    ids = PANEL_IDS[groups.length];
    if (!ids) return { ok: false, reason: `expected 1–3 column groups of (code, name, amount), found ${groups.length}` };
  } else {
    groups = [first.roles.map((_, c) => c)];
    ids = ['main'];
  }

  // Columns with keys.
  const panelsCols: { id: string; cols: number[]; columns: Column[]; codeCols: number[]; nameCol: number; lineCol: number }[] = [];
  for (let p = 0; p < groups.length; p++) {
    const id = ids[p];
    const rules = spec.columns[id] ?? spec.columns['*'] ?? [];
    const columns: Column[] = [];
    const used = new Set<string>();
    const codeCols: number[] = [];
    let nameCol = -1;
    let lineCol = -1;
    for (const c of groups[p]) {
      const role = first.roles[c];
      if (role === 'code') {
        codeCols.push(c);
        columns.push({ key: codeCols.length === 1 ? 'code' : `code${codeCols.length}`, col: c, header: first.headers[c], numeric: false });
        continue;
      }
      if (role === 'name') {
        if (nameCol < 0) {
          nameCol = c;
          columns.push({ key: 'name', col: c, header: first.headers[c], numeric: false });
        }
        continue;
      }
      if (role === 'line') {
        if (lineCol < 0) {
          lineCol = c;
          columns.push({ key: 'line', col: c, header: first.headers[c], numeric: false });
        }
        continue;
      }
      const path = first.paths[c];
      if (path.length === 0 && columnIsEmpty(vrows, bodyRows, c)) continue; // junk spacer column
      const custom = spec.panelKeyOf?.[id] ?? spec.keyOf;
      let key = custom ? custom(path) : keyFromRules(path, rules);
      if (!key || used.has(key)) key = `col${c}`;
      used.add(key);
      columns.push({ key, col: c, header: first.headers[c], numeric: true });
    }
    const missing = (spec.required[id] ?? spec.required['*'] ?? []).filter((k) => !used.has(k));
    if (missing.length > 0) {
      const where = ids.length > 1 ? ` in the ${id} half` : '';
      return { ok: false, reason: `no column for ${missing.join(', ')}${where} (headers: ${groups[p].map((c) => first.headers[c] || '—').join(' | ')})` };
    }
    panelsCols.push({ id, cols: groups[p], columns, codeCols, nameCol, lineCol });
  }

  // Values: parse once (by grid slot: row × cols + col), then apply the table's precision (max
  // printed decimals).
  const parsed: (Amount | undefined)[] = new Array(vrows.length * cols);
  const numericCols: number[] = [];
  for (const pc of panelsCols) for (const col of pc.columns) if (col.numeric) numericCols.push(col.col);
  let precision = 0;
  for (const r of bodyRows) {
    const slots = vrows[r];
    for (let i = 0; i < numericCols.length; i++) {
      const c = numericCols[i];
      const s = slots[c];
      if (!s || s.isCopy || (!noBodyHeaders && bodyHeaderCells.has(s.cell))) continue;
      // A cell that shows other than its DOM text has no value (issue 21): never its DOM number.
      const a: Amount = s.cell.unreadable ? { kind: 'nan', text: s.cell.text, unreadable: s.cell.unreadable } : parseAmount(s.cell.text);
      parsed[r * cols + c] = a;
      if (a.kind === 'number' && a.printedDecimals > precision) precision = a.printedDecimals;
    }
  }

  let allEmpty = true;
  const panels: Panel[] = [];
  for (const pc of panelsCols) {
    const lo = pc.cols[0];
    const hi = pc.cols[pc.cols.length - 1];
    const numeric = pc.columns.filter((c) => c.numeric);
    const rows: Row[] = [];
    // Every slot is rewritten for each row.
    const codeTexts: string[] = new Array<string>(pc.codeCols.length).fill('');
    for (const r of bodyRows) {
      const slots = vrows[r];
      let noteInCode = false;
      for (let i = 0; i < pc.codeCols.length; i++) {
        const t = textAt(slots, pc.codeCols[i], lo, hi);
        codeTexts[i] = t;
        if (!noteInCode && isNoteLabel(t)) noteInCode = true;
      }
      let name = pc.nameCol >= 0 ? textAt(slots, pc.nameCol, lo, hi).trim() : '';
      let code = joinCode(codeTexts);
      if (code === null) {
        // A label printed across the code columns ("合计" spanning code and name).
        const label = codeTexts.find((t) => t.trim() !== '' && !/^\d/.test(t.trim()));
        if (label && name === '') name = label.trim();
      }
      if (code === null && pc.codeCols.length === 0) {
        const m = CODE_NAME.exec(name);
        if (m && m[2] !== '') {
          code = m[1];
          name = m[2];
        }
      }
      if (noteInCode || isNoteLabel(name)) continue;
      let line: number | null = null;
      if (pc.lineCol >= 0) {
        const lt = textAt(slots, pc.lineCol, lo, hi).trim();
        line = lineNumber(lt);
      }
      const cells: Record<string, ModelCell> = {};
      let hasValue = false;
      for (const col of numeric) {
        const s = slots[col.col];
        if (!s || s.isCopy || s.cell.col < lo || s.cell.col > hi) continue;
        if (!noBodyHeaders && bodyHeaderCells.has(s.cell)) {
          // A header word printed in this row's amount cell (<th>合计</th> under 本年支出): the cell
          // is there but has no value — never an absent cell, which would count as 0.
          cells[col.key] = { table: group.key, row: r, col: col.col, text: s.cell.text, value: { kind: 'nan', text: s.cell.text, label: true }, source: s.cell };
          continue;
        }
        const a = parsed[r * cols + col.col]!;
        const value: Amount =
          a.kind === 'number' && a.decimals < precision
            ? { kind: 'number', value: a.value, decimals: precision, printedDecimals: a.printedDecimals, text: a.text }
            : a;
        cells[col.key] = { table: group.key, row: r, col: col.col, text: s.cell.text, value, source: s.cell };
        if (value.kind !== 'empty') {
          hasValue = true;
          if ((value.kind === 'nan' && !value.label) || (value.kind === 'number' && !value.value.isZero())) allEmpty = false;
        }
      }
      const kind: RowKind = rowKindOf(name) ?? (code || hasValue ? 'data' : 'blank');
      rows.push({ row: r, kind, code, level: levelOf(code), name, line, cells });
    }
    panels.push({ id: pc.id, columns: pc.columns, rows });
  }

  const model: TableModel = {
    key: group.key,
    title: group.title,
    name: spec.name,
    marker: group.marker,
    unit: group.unit,
    blocks: group.layouts.map((l) => l.block),
    rows: vrows.length,
    cols,
    panels,
    allEmpty,
    notes: group.notes,
  };
  return { ok: true, model, precision };
}

/** A slot's text as seen in the panel [lo, hi]: copies whose origin lies in another panel are empty. */
function textAt(slots: GridSlot[], c: number, lo: number, hi: number): string {
  const s = slots[c];
  if (!s) return '';
  if (s.isCopy && (s.cell.col < lo || s.cell.col > hi)) return '';
  return s.cell.text;
}

function columnIsEmpty(vrows: GridSlot[][], bodyRows: number[], c: number): boolean {
  for (const r of bodyRows) {
    const s = vrows[r][c];
    if (s && !s.isCopy && s.cell.text !== '') return false;
  }
  return true;
}
