/** Helpers for the Office reader tests: read a file through the dispatcher and check it. */
import { parseHTML } from 'linkedom';
import * as XLSX from '@e965/xlsx';
import { readDisclosureFile, type ReadFileOptions, type ReadFileResult } from '../../../lib/extract/file';
import { readWord97 } from '../../../lib/extract/office/doc-node';
import { checkDocument, toReport, type Report } from '../../../lib/index';

export function newDocument(): Document {
  return parseHTML('<!doctype html><html><head></head><body></body></html>').document as unknown as Document;
}

export async function read(bytes: Uint8Array, name: string, opts: Partial<ReadFileOptions> = {}): Promise<ReadFileResult> {
  const document = newDocument();
  const r = await readDisclosureFile(bytes, name, { document, readWord97, ...opts });
  document.body.appendChild(r.root);
  return r;
}

export async function reportOf(bytes: Uint8Array, name: string): Promise<Report> {
  const r = await read(bytes, name);
  if (r.fatal) throw new Error(`unreadable: ${r.problem?.en}`);
  return toReport(checkDocument(r.root, { format: r.format }), name);
}

export function pageReport(html: string): Report {
  const { document } = parseHTML(html);
  return toReport(checkDocument(document as unknown as Document), 'page');
}

/**
 * A finding as the acceptance compares it: rule, severity, values, quote and the cells by table,
 * column, text and label (row indices differ where a page carries empty spacer rows a Word file does not).
 */
export function findingKey(f: Report['findings'][number], opts: { markerInLabel?: boolean } = {}): string {
  // A workbook's sheets print no 公开NN表 marker: its labels name the table by title instead.
  const label = (l: string) => (opts.markerInLabel === false ? l.replace(/^[^·]*·\s*/, '') : l);
  const cells = f.cells.map((c) => `${c.table}:${c.col}=${c.text} (${label(c.label)})`).join(' ');
  return [f.rule, f.severity, f.expected ?? '', f.actual ?? '', f.quote ?? '', cells].join(' | ');
}

export function keys(r: Report): string[] {
  return r.findings.map((f) => findingKey(f)).sort();
}

/** A workbook from arrays of rows (cells as SheetJS cell objects or plain values). */
export function workbook(sheets: { name: string; rows: unknown[][]; merges?: XLSX.Range[] }[], bookType: 'xlsx' | 'biff8' = 'xlsx'): Uint8Array {
  const wb = XLSX.utils.book_new();
  for (const s of sheets) {
    const ws = XLSX.utils.aoa_to_sheet([]);
    s.rows.forEach((row, r) =>
      row.forEach((v, c) => {
        if (v === undefined || v === null) return;
        const cell = typeof v === 'object' ? (v as XLSX.CellObject) : typeof v === 'number' ? { t: 'n', v } : { t: 's', v: String(v) };
        ws[XLSX.utils.encode_cell({ r, c })] = cell;
      }),
    );
    const cols = Math.max(1, ...s.rows.map((r) => r.length));
    ws['!ref'] = XLSX.utils.encode_range({ s: { r: 0, c: 0 }, e: { r: Math.max(0, s.rows.length - 1), c: cols - 1 } });
    if (s.merges) ws['!merges'] = s.merges;
    XLSX.utils.book_append_sheet(wb, ws, s.name);
  }
  return new Uint8Array(XLSX.write(wb, { type: 'array', bookType }) as ArrayBuffer);
}
