/**
 * CSV renderings (RFC 4180, CRLF, UTF-8 BOM so spreadsheet apps read Chinese correctly).
 * Pure and browser-safe: the popup's "download" reuses these.
 */
import { sanitizeText } from '../sanitize';
import type { Report } from './schema';
import { formatCell } from './text';
import { anchorCell, orderedFindings } from './order';
import { EXPECTED_WORDS, detailsLine, expectedOf, mainLine } from './words';

export const CSV_BOM = '\uFEFF';

/**
 * Quotes a field when needed. Page text is data: a field a spreadsheet would run as a formula
 * (=, @, +/- not followed by a plain number) gets a leading apostrophe. Numbers such as "-5.00"
 * are left alone so they stay numbers.
 */
export function csvField(value: string | number | null | undefined): string {
  if (value === null || value === undefined) return '';
  let s = sanitizeText(String(value), { keepCr: true });
  if (/^[=@\t\r]/.test(s) || (/^[+-]/.test(s) && !/^[+-]?[\d,]+(\.\d+)?%?$/.test(s))) s = `'${s}`;
  return /[",\r\n]/.test(s) ? `"${s.replace(/"/g, '""')}"` : s;
}

export function csvRow(fields: readonly (string | number | null | undefined)[]): string {
  return fields.map(csvField).join(',');
}

export function csvDocument(header: readonly string[], rows: readonly (readonly (string | number | null | undefined)[])[]): string {
  return CSV_BOM + [csvRow(header), ...rows.map(csvRow)].map((l) => l + '\r\n').join('');
}

/**
 * Columns: where (table, row code, row name, column of the finding's anchor cell — its total, else
 * its first cell — or of the cause's first cell), stated vs expected and what the expected value is
 * (应为 only where a cause names the value; 按明细合计为, 应不超过, 对照), the plain message, the
 * details (formula, tolerance, rule), every cell cited, the quote. `stated` was `actual` before.
 */
export const FINDINGS_CSV_HEADER = [
  'source',
  'department',
  'year',
  'severity',
  'rule',
  'table',
  'row_code',
  'row_name',
  'column',
  'stated',
  'expected',
  'expected_is',
  'message',
  'message_en',
  'details',
  'cells',
  'quote',
  'cause',
  // Dismissed by the reviewer (docs/dismissals.md): the note, or "yes" without one.
  'dismissed',
] as const;

type AnyCell = Report['findings'][number]['cells'][number] | NonNullable<Report['causes']>[number]['cells'][number];

/** The table / row code / row name / column fields of a cell (its cite, else what the label and table id give). */
function whereFields(report: Report, cell: AnyCell | null | undefined): [string, string, string, string] {
  if (!cell) return ['', '', '', ''];
  if (cell.cite) return [cell.cite.table, cell.cite.rowCode, cell.cite.rowName, cell.cite.column];
  // A report without cites (older JSON): the label's parts, "表 · 行 · 列".
  const parts = cell.label?.split(' · ') ?? [];
  if (parts.length === 3) {
    const m = /^(\d+)\s+(.+)$/.exec(parts[1]);
    return [parts[0], m ? m[1] : '', m ? m[2] : parts[1], parts[2]];
  }
  const t = report.tables.find((x) => x.id === cell.table);
  return [t?.marker || t?.name || cell.table, '', `第${cell.row + 1}行`, `第${cell.col + 1}列`];
}

export interface CsvOptions {
  /** 'zh': Chinese only (no message_en column). Default: both. */
  lang?: 'zh' | 'both';
}

/**
 * One row per cause (severity "cause", rule = its id, expected = the suggested value) first, then one
 * row per finding with the id of the cause that explains it, across one or several reports (documents
 * without findings add no row), each report's findings in reading order (errors first; table, row,
 * column). A spreadsheet filters and folds by the severity column itself, so notices are listed in
 * full here, last.
 */
export function renderFindingsCsv(reports: readonly Report[], options: CsvOptions = {}): string {
  const zhOnly = options.lang === 'zh';
  const causeRows = reports.flatMap((r) =>
    (r.causes ?? [])
      .filter((c) => c.confidence !== 'none')
      .map((c) => [
        r.source,
        r.document.department,
        r.document.year,
        'cause',
        c.id,
        ...whereFields(r, c.cells[0]),
        c.stated,
        c.suggested,
        c.bound ? EXPECTED_WORDS.bound.zh : EXPECTED_WORDS.fix.zh,
        c.message,
        c.messageEn ?? '',
        '',
        c.cells.map(formatCell).join('; '),
        c.quote,
        c.confidence,
        '',
      ]),
  );
  const rows = reports.flatMap((r) =>
    orderedFindings(r).map(({ finding: f }) => [
      r.source,
      r.document.department,
      r.document.year,
      f.severity,
      f.rule,
      ...whereFields(r, anchorCell(f)),
      f.actual,
      expectedOf(r, f).value,
      f.expected === null ? '' : EXPECTED_WORDS[expectedOf(r, f).kind].zh,
      mainLine(f, 'zh'),
      f.messageEn ? mainLine(f, 'en') : '',
      detailsLine(f, 'zh') ?? '',
      f.cells.map(formatCell).join('; '),
      f.quote,
      f.cause ?? '',
      f.dismissed ? f.dismissed.note || 'yes' : '',
    ]),
  );
  const all = [...causeRows, ...rows];
  if (!zhOnly) return csvDocument(FINDINGS_CSV_HEADER, all);
  const en = FINDINGS_CSV_HEADER.indexOf('message_en');
  return csvDocument(
    FINDINGS_CSV_HEADER.filter((_, i) => i !== en),
    all.map((row) => row.filter((_, i) => i !== en)),
  );
}

/** The CSV of a single report: its findings. */
export function renderCsv(report: Report, options: CsvOptions = {}): string {
  return renderFindingsCsv([report], options);
}
