/**
 * The shape of one <table> grid, independent of which disclosure table it is: title rows inside
 * the table, header rows (merged top-down into one header path per column), the column-number row
 * (栏次 1 2 3 …), where the body starts, and the role of each column (code / name / 行次 / value).
 */
import type { GridSlot, SourceCell, TableBlock } from '../extract/types';
import { parseAmount } from '../money';
import { toInt } from '../int';
import { findDepartment, findMarker, findParenUnit, findUnit, norm } from './text';
import { titleKeys } from './specs';
import type { TableKey, Unit } from '../model/types';

export type ColumnRole = 'code' | 'name' | 'line' | 'value';

export interface Layout {
  block: TableBlock;
  /** Rows above the header that hold a title, marker, unit or department line. */
  preamble: number[];
  /** Header rows, column-number rows and blank rows between them. */
  header: number[];
  bodyStart: number;
  /** Header path per grid column (norm() components, top-down, repeats dropped). */
  paths: string[][];
  /** Header as printed per column, components joined by "/". */
  headers: string[];
  roles: ColumnRole[];
  /** Header cells printed inside the body (a publisher's slip); never values. */
  bodyHeaderCells: Set<SourceCell>;
  /** Title/marker/unit/department found in preamble rows. */
  title: { text: string; keys: TableKey[] } | null;
  marker: string | null;
  unit: Unit | null;
  department: string | null;
  /** Normalised texts of the header rows, to recognise a repeated header after a page break. */
  headerSignature: string[];
  /** Rows naming several disclosure tables (a contents list laid out as a table). */
  listOfTables: boolean;
}

const MAX_HEADER_ROWS = 8;
/** Texts a column-number row can hold besides 栏次: digits, and what norm() drops or folds. */
const MAYBE_NUMBERING = /^[\d\s\u00a0\u3000\u200b-\u200d\u2060\ufeff"'“”‘’„‟「」『』〝〞＂＇（）:]*$/;
const CODE_TEXT = /^\d{3}(?:[\s/／\-]*\d{2}){0,2}$/;
const TOTAL_LABEL = /^(合计|总计|本年(收入|支出)合计|小计)$/;
const NUMBERED = /^[一二三四五六七八九十]{1,3}[、.．]/;

function origins(row: GridSlot[]): SourceCell[] {
  const out: SourceCell[] = [];
  for (const s of row) if (!s.isCopy) out.push(s.cell);
  return out;
}

function isBlankRow(row: GridSlot[]): boolean {
  for (const s of row) if (!s.isCopy && s.cell.text !== '') return false;
  return true;
}

/** "栏次 | 1 | 2 | 3" or a bare "1 2 3 … 12" numbering row. */
export function isColumnNumberRow(row: GridSlot[]): boolean {
  // Quick exit without allocating: unless a cell says 栏次, a numbering row holds only digits (so an
  // origin text with another character — almost every row — rules it out).
  let other = false;
  let lanci = false;
  for (const s of row) {
    if (s.isCopy) continue;
    const t = s.cell.text;
    if (t === '' || (!other && MAYBE_NUMBERING.test(t))) continue;
    if (t.includes('栏')) {
      lanci = true;
      break;
    }
    other = true;
  }
  if (other && !lanci) return false;
  const texts = origins(row)
    .map((c) => norm(c.text))
    .filter((t) => t !== '');
  if (texts.length === 0) return false;
  if (texts.some((t) => t === '栏次')) return true;
  if (texts.length < 2 || (texts.length === 2 && texts[0] !== '1')) return false;
  let prev = 0;
  for (const t of texts) {
    if (!/^\d{1,2}$/.test(t)) return false;
    const n = toInt(t);
    if (prev !== 0 && n !== prev + 1) return false;
    prev = n;
  }
  return true;
}

/** A row above the header that only carries the title, marker, unit or department. */
function preambleInfo(row: GridSlot[]): { keys: TableKey[]; text: string; marker: string | null; unit: Unit | null; dept: string | null } | null {
  const cells = origins(row).filter((c) => c.text !== '');
  if (cells.length === 0 || cells.length > 4) return null;
  const text = cells.map((c) => c.text).join(' ');
  const keys = titleKeys(text);
  const marker = findMarker(text);
  const unit = findUnit(text);
  const dept = findDepartment(text);
  if (keys.length === 0 && !marker && !unit && !dept) return null;
  // Anything else in the row must be part of those lines, not header words.
  if (keys.length === 0 && cells.some((c) => !findMarker(c.text) && !findUnit(c.text) && !findDepartment(c.text))) return null;
  return { keys, text, marker, unit, dept };
}

function isBodyRow(row: GridSlot[]): boolean {
  let firstLabel: SourceCell | null = null;
  let hasEmptyData = false;
  for (const s of row) {
    if (s.isCopy) continue;
    const c = s.cell;
    const t = c.text;
    if (t === '') {
      if (!c.isHeader) hasEmptyData = true;
      continue;
    }
    if (firstLabel === null) firstLabel = c;
    if (parseAmount(t).kind === 'number') return true;
    if (CODE_TEXT.test(t.trim())) return true;
  }
  if (firstLabel && !firstLabel.isHeader) {
    const n = norm(firstLabel.text);
    if (NUMBERED.test(n)) return true;
    if (TOTAL_LABEL.test(n) && hasEmptyData) return true;
  }
  return false;
}

const LINE_RE = /^行次$/;
const CODE_RE = /编码|代码|^类$|^款$|^项$|^类款项$|^科目编码$/;
const NAME_RE = /^项目$|名称$|^科目$|^收入项目$|^支出项目$/;

function roleOfPath(path: string[]): ColumnRole | null {
  for (let i = path.length - 1; i >= 0; i--) {
    const p = path[i];
    if (LINE_RE.test(p)) return 'line';
    if (CODE_RE.test(p)) return 'code';
    if (NAME_RE.test(p)) return 'name';
    if (p !== '项目' && i === path.length - 1) return 'value';
  }
  return null;
}

export function analyseTable(block: TableBlock): Layout {
  const { grid, cols } = block;
  const preamble: number[] = [];
  const header: number[] = [];
  let title: Layout['title'] = null;
  let marker: string | null = null;
  let unit: Unit | null = null;
  let department: string | null = null;
  let listOfTables = false;

  let r = 0;
  // In-table title rows (Excel exports put the title, 公开01表 and 单位 in the first rows).
  for (; r < grid.length && r < 4; r++) {
    if (isBlankRow(grid[r])) {
      preamble.push(r);
      continue;
    }
    const info = preambleInfo(grid[r]);
    if (!info) break;
    if (info.keys.length > 0 && title) {
      // A second title row: a list of tables (a table of contents), not one table's title.
      listOfTables = true;
      break;
    }
    preamble.push(r);
    if (info.keys.length > 0) title = { text: info.text, keys: info.keys };
    marker = marker ?? info.marker;
    unit = unit ?? info.unit;
    department = department ?? info.dept;
  }
  if (preamble.length === r && r > 0 && !title && !marker && !unit && !department) {
    // Only blank rows: they are not a preamble, just leading junk; keep them out of the header.
  }
  let bodyStart = grid.length;
  // Header rows that carry header words (not blank, not a column-number row).
  const textRows: number[] = [];
  for (; r < grid.length; r++) {
    const row = grid[r];
    if (isBlankRow(row) || isColumnNumberRow(row)) {
      header.push(r);
      continue;
    }
    if (isBodyRow(row) || header.length >= MAX_HEADER_ROWS) {
      bodyStart = r;
      break;
    }
    header.push(r);
    textRows.push(r);
  }
  // Trailing blank rows of the header zone belong to the body when no body row follows.
  if (bodyStart === grid.length) {
    while (header.length > 0 && isBlankRow(grid[header[header.length - 1]])) bodyStart = header.pop()!;
  }

  const paths: string[][] = [];
  const headers: string[] = [];
  for (let c = 0; c < cols; c++) {
    const comps: string[] = [];
    // Header components as printed, joined by "/" (each is non-empty).
    let printed = '';
    let last: SourceCell | null = null;
    let prev = '';
    for (const h of textRows) {
      const slot = grid[h][c];
      if (!slot || slot.cell === last) continue;
      last = slot.cell;
      const t = norm(slot.cell.text);
      if (t === '' || t === prev) continue;
      comps.push(t);
      prev = t;
      printed = printed === '' ? slot.cell.text : `${printed}/${slot.cell.text}`;
      if (!unit) unit = findParenUnit(slot.cell.text);
    }
    paths.push(comps);
    headers.push(printed);
  }

  // Header words printed in the first body row as <th> or as a label word (e.g. 本年支出's
  // 合计/基本支出/项目支出 beside the 合计 row): extend those columns' paths and never read them as values.
  const bodyHeaderCells = new Set<SourceCell>();
  if (bodyStart < grid.length) {
    const row = grid[bodyStart];
    for (let c = 1; c < cols; c++) {
      const slot = row[c];
      if (slot.isCopy || slot.cell.text === '') continue;
      // Only value columns (a <th> row label in the name column stays a label).
      if (roleOfPath(paths[c]) !== 'value') continue;
      const a = parseAmount(slot.cell.text);
      if (a.kind !== 'nan') continue;
      // A <th>, or a table label word in a plain cell (Word/PDF exports lose the <th>).
      if (!slot.cell.isHeader && !a.label) continue;
      bodyHeaderCells.add(slot.cell);
      for (let k = c; k < c + slot.cell.colSpan && k < cols; k++) {
        paths[k].push(norm(slot.cell.text));
        headers[k] = headers[k] ? `${headers[k]}/${slot.cell.text}` : slot.cell.text;
      }
    }
  }

  const roles: ColumnRole[] = paths.map((p) => roleOfPath(p) ?? 'value');
  // "项目" spanning both code and name columns: the column whose body holds codes is the code.
  for (let c = 0; c < cols; c++) {
    if (roles[c] !== 'name' || c + 1 >= cols || roles[c + 1] !== 'name') continue;
    if (bodyCodeShare(grid, bodyStart, c) > 0.5) roles[c] = 'code';
  }
  // Columns without any header words: read the body. Digit codes → code; text left of the
  // first value column → name.
  const firstValue = roles.findIndex((x, i) => x === 'value' && paths[i].length > 0);
  for (let c = 0; c < cols; c++) {
    if (paths[c].length > 0) continue;
    let codes = 0;
    let texts = 0;
    for (let k = bodyStart; k < grid.length && k < bodyStart + 12; k++) {
      const s = grid[k][c];
      if (s.isCopy || s.cell.text === '') continue;
      if (CODE_TEXT.test(s.cell.text.trim())) codes++;
      else if (parseAmount(s.cell.text).kind === 'nan') texts++;
    }
    if (codes > 0 && codes >= texts) roles[c] = 'code';
    else if (texts > 0 && (firstValue < 0 || c < firstValue)) roles[c] = 'name';
  }

  const headerSignature = textRows.map((h) =>
    origins(grid[h])
      .map((c) => norm(c.text))
      .join('|'),
  );

  return {
    block,
    preamble,
    header,
    bodyStart,
    paths,
    headers,
    roles,
    bodyHeaderCells,
    title,
    marker,
    unit,
    department,
    headerSignature,
    listOfTables,
  };
}

/** Share of the first body cells of column c that are classification codes. */
function bodyCodeShare(grid: GridSlot[][], bodyStart: number, c: number): number {
  let codes = 0;
  let filled = 0;
  for (let r = bodyStart; r < grid.length && r < bodyStart + 12; r++) {
    const s = grid[r][c];
    if (!s || s.isCopy || s.cell.text === '') continue;
    filled++;
    if (CODE_TEXT.test(s.cell.text.trim())) codes++;
  }
  return filled === 0 ? 0 : codes / filled;
}

/** All header words of a layout, for signatures. */
export function headerWords(layout: Layout): string[] {
  const out: string[] = [];
  for (const p of layout.paths) for (const w of p) out.push(w);
  return out;
}

export { CODE_TEXT };
