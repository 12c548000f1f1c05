/**
 * CSV renderings (RFC 4180, CRLF, UTF-8 BOM so spreadsheet apps read Chinese correctly).
 * Pure and browser-safe: the popup's "download" reuses these.
 */
import { sanitizeText } from '../sanitize';
import type { Report } from './schema';
import { formatCell } from './text';
import { orderedFindings } from './order';

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

export const FINDINGS_CSV_HEADER = [
  'source',
  'department',
  'year',
  'severity',
  'rule',
  'message',
  'message_en',
  'expected',
  'actual',
  'cells',
  'quote',
  'cause',
] as const;

/**
 * One row per cause (severity "cause", rule = its id, expected = the suggested value) first, then one
 * row per finding with the id of the cause that explains it, across one or several reports (documents
 * without findings add no row), each report's findings in reading order (errors first; table, row,
 * column). A spreadsheet filters and folds by the severity column itself, so notices are listed in
 * full here, last.
 */
export function renderFindingsCsv(reports: readonly Report[]): string {
  const causeRows = reports.flatMap((r) =>
    (r.causes ?? [])
      .filter((c) => c.confidence !== 'none')
      .map((c) => [
        r.source,
        r.document.department,
        r.document.year,
        'cause',
        c.id,
        c.message,
        c.messageEn ?? '',
        c.suggested,
        c.stated,
        c.cells.map((x) => `${x.table}[r${x.row},c${x.col}] "${x.text}"`).join('; '),
        c.quote,
        c.confidence,
      ]),
  );
  const rows = reports.flatMap((r) =>
    orderedFindings(r).map(({ finding: f }) => [
      r.source,
      r.document.department,
      r.document.year,
      f.severity,
      f.rule,
      f.message,
      f.messageEn ?? '',
      f.expected,
      f.actual,
      f.cells.map(formatCell).join('; '),
      f.quote,
      f.cause ?? '',
    ]),
  );
  return csvDocument(FINDINGS_CSV_HEADER, [...causeRows, ...rows]);
}

/** The CSV of a single report: its findings. */
export function renderCsv(report: Report): string {
  return renderFindingsCsv([report]);
}
