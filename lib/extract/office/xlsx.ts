/**
 * .xlsx / .xls → DOM through SheetJS (@e965/xlsx, the maintained 0.20.3 build).
 *
 * Each sheet becomes: its title and unit rows (the rows above the grid: one value, or only
 * 部门/单位/公开NN表 labels) as paragraphs, the grid as a <table> with merged cells as
 * colspan/rowspan, then any note rows under it (注：…) as paragraphs. A sheet with no row of two
 * values (a cover, a notes sheet) is all paragraphs.
 *
 * Numbers are read as Excel displays them: the formatted text (cell.w, SheetJS's SSF formatting of
 * the stored value with the cell's number format), so 880.8100000000001 shown with #,##0.00 is
 * "880.81", never the binary float. A cell with no displayed text is blank (no value), never 0.
 */
import * as XLSX from '@e965/xlsx';
import { FileProblem, PROBLEMS, describe, type Problem } from './problems';

/** Rows read per sheet; finance exports have a few hundred. */
export const MAX_SHEET_ROWS = 20_000;
/** Columns read per sheet. */
export const MAX_SHEET_COLS = 200;
/** Cells (rows × columns of the used ranges) emitted for the whole workbook. */
export const MAX_WORKBOOK_CELLS = 1_000_000;

export interface SheetSummary {
  name: string;
  rows: number;
  cols: number;
  tables: number;
  truncated: boolean;
}

export interface WorkbookResult {
  root: Element;
  sheets: SheetSummary[];
  /** Set when a limit cut the workbook short. */
  problem: Problem | null;
}

type Cell = XLSX.CellObject | undefined;

const LABEL_ROW = /^(编制)?(部门|单位|金额单位|编制单位|填报单位|预算单位|单位名称)\s*[:：]|^公开\s*\d+\s*表$|^(表|附表)\s*\d+|^单位\s*[:：]|^[（(]?单位\s*[:：]|^\d{4}\s*年(度)?$|^金额单位/;

function isEncryptedError(m: string): boolean {
  return /password|encrypt|decrypt|RC4|protected/i.test(m);
}

/** Displayed text of a cell, whitespace kept as Excel shows it (the extractor collapses it). */
export function displayText(cell: Cell): string {
  if (!cell) return '';
  if (cell.t === 'z') return '';
  if (cell.w !== undefined && cell.w !== null) return String(cell.w);
  if (cell.v === undefined || cell.v === null) return '';
  if (cell.t === 's') return String(cell.v);
  if (cell.t === 'b') return cell.v ? 'TRUE' : 'FALSE';
  if (cell.t === 'e') return typeof cell.w === 'string' ? cell.w : '#ERROR';
  try {
    return XLSX.utils.format_cell(cell);
  } catch {
    return String(cell.v);
  }
}

export function readWorkbook(bytes: Uint8Array, format: 'xlsx' | 'xls'): XLSX.WorkBook {
  try {
    return XLSX.read(bytes, {
      type: 'array',
      dense: true,
      cellNF: true,
      cellText: true,
      cellDates: false,
      cellFormula: false,
      cellHTML: false,
      cellStyles: false,
      bookVBA: false,
      sheetRows: MAX_SHEET_ROWS + 1,
    });
  } catch (err) {
    const m = describe(err);
    if (isEncryptedError(m)) throw new FileProblem(PROBLEMS.encrypted);
    throw new FileProblem(PROBLEMS.corrupt(format === 'xls' ? 'Excel (.xls)' : 'Excel (.xlsx)', m));
  }
}

function cellAt(ws: XLSX.WorkSheet, r: number, c: number): Cell {
  const data = (ws as { '!data'?: Cell[][] })['!data'];
  if (data) return data[r]?.[c];
  return ws[XLSX.utils.encode_cell({ r, c })] as Cell;
}

export function workbookToElement(bytes: Uint8Array, format: 'xlsx' | 'xls', document: Document): WorkbookResult {
  const wb = readWorkbook(bytes, format);
  const root = document.createElement('article');
  root.setAttribute('data-dc-source', format);
  const sheets: SheetSummary[] = [];
  let budget = MAX_WORKBOOK_CELLS;
  let truncated: string[] = [];
  for (const name of wb.SheetNames) {
    const ws = wb.Sheets[name];
    if (!ws || !ws['!ref']) continue;
    const state = (wb.Workbook?.Sheets ?? []).find((s) => s.name === name)?.Hidden;
    if (state) continue; // hidden / very hidden sheets are not what the reader sees
    let range: XLSX.Range;
    try {
      range = XLSX.utils.decode_range(ws['!ref']);
    } catch {
      continue;
    }
    const fullRows = (ws['!fullref'] ? XLSX.utils.decode_range(ws['!fullref']).e.r : range.e.r) - range.s.r + 1;
    let rows = range.e.r - range.s.r + 1;
    let cols = range.e.c - range.s.c + 1;
    let cut = fullRows > MAX_SHEET_ROWS;
    if (rows > MAX_SHEET_ROWS) rows = MAX_SHEET_ROWS;
    if (cols > MAX_SHEET_COLS) {
      cols = MAX_SHEET_COLS;
      cut = true;
    }
    if (rows * cols > budget) {
      rows = Math.max(0, Math.floor(budget / cols));
      cut = true;
    }
    budget -= rows * cols;
    if (cut) truncated.push(name);
    if (rows === 0) continue;
    const section = document.createElement('section');
    section.setAttribute('data-dc-sheet', name);
    const tables = sheetToBlocks(ws, range.s.r, range.s.c, rows, cols, section, document);
    root.appendChild(section);
    sheets.push({ name, rows, cols, tables, truncated: cut });
    if (budget <= 0) {
      const rest = wb.SheetNames.slice(wb.SheetNames.indexOf(name) + 1);
      truncated = truncated.concat(rest);
      break;
    }
  }
  const problem = truncated.length ? PROBLEMS.truncated(truncated.slice(0, 3).join('、') + (truncated.length > 3 ? ' …' : '')) : null;
  return { root, sheets, problem };
}

interface Merge {
  rs: number;
  cs: number;
}

/** Emits one sheet's paragraphs and table into `into`; returns the number of tables. */
function sheetToBlocks(ws: XLSX.WorkSheet, r0: number, c0: number, rows: number, cols: number, into: Element, document: Document): number {
  // Merges: origin → spans; covered slots skipped.
  const origin = new Map<number, Merge>();
  const covered = new Set<number>();
  const key = (r: number, c: number) => r * cols + c;
  for (const m of ws['!merges'] ?? []) {
    const sr = m.s.r - r0;
    const sc = m.s.c - c0;
    if (sr < 0 || sc < 0 || sr >= rows || sc >= cols) continue;
    const er = Math.min(m.e.r - r0, rows - 1);
    const ec = Math.min(m.e.c - c0, cols - 1);
    origin.set(key(sr, sc), { rs: er - sr + 1, cs: ec - sc + 1 });
    for (let r = sr; r <= er; r++) for (let c = sc; c <= ec; c++) if (r !== sr || c !== sc) covered.add(key(r, c));
  }
  const text: string[][] = [];
  const filled: number[] = [];
  for (let r = 0; r < rows; r++) {
    const row: string[] = new Array(cols);
    let n = 0;
    for (let c = 0; c < cols; c++) {
      const t = covered.has(key(r, c)) ? '' : displayText(cellAt(ws, r0 + r, c0 + c));
      row[c] = t;
      if (t.trim() !== '') n++;
    }
    text.push(row);
    filled.push(n);
  }
  // Title rows: until the first row with two values that are not all labels.
  let top = 0;
  for (; top < rows; top++) {
    if (filled[top] === 0) continue;
    if (filled[top] === 1) continue;
    const vals = text[top].filter((t) => t.trim() !== '');
    if (vals.every((t) => LABEL_ROW.test(t.trim()))) continue;
    break;
  }
  // Last row of the grid: the last row with two values (a single-value row after it is a note).
  let bottom = rows - 1;
  while (bottom >= top && filled[bottom] < 2) bottom--;
  // A note row inside the grid's last rows ("注：…" merged across) stays a paragraph too.
  const para = (t: string) => {
    const p = document.createElement('p');
    p.textContent = t;
    into.appendChild(p);
  };
  const rowText = (r: number) => text[r].map((t) => t.trim()).filter((t) => t !== '').join(' ');
  if (bottom < top) {
    // No grid: everything is text (cover, notes).
    for (let r = 0; r < rows; r++) if (filled[r] > 0) para(rowText(r));
    return 0;
  }
  for (let r = 0; r < top; r++) if (filled[r] > 0) para(rowText(r));
  // Columns actually used by the grid rows (trailing empty columns dropped).
  let lastCol = 0;
  for (let r = top; r <= bottom; r++) for (let c = cols - 1; c >= lastCol; c--) if (text[r][c].trim() !== '' || origin.has(key(r, c))) {
    lastCol = Math.max(lastCol, c + (origin.get(key(r, c))?.cs ?? 1) - 1);
    break;
  }
  const table = document.createElement('table');
  const tbody = document.createElement('tbody');
  table.appendChild(tbody);
  for (let r = top; r <= bottom; r++) {
    const tr = document.createElement('tr');
    for (let c = 0; c <= lastCol; c++) {
      if (covered.has(key(r, c))) continue;
      const td = document.createElement('td');
      const m = origin.get(key(r, c));
      if (m) {
        const rs = Math.min(m.rs, bottom - r + 1);
        const cs = Math.min(m.cs, lastCol - c + 1);
        if (rs > 1) td.setAttribute('rowspan', String(rs));
        if (cs > 1) td.setAttribute('colspan', String(cs));
      }
      td.textContent = text[r][c];
      tr.appendChild(td);
    }
    tbody.appendChild(tr);
  }
  into.appendChild(table);
  for (let r = bottom + 1; r < rows; r++) if (filled[r] > 0) para(rowText(r));
  return 1;
}
