/**
 * Acceptance: lukou-2024-printed.pdf (the seed page printed by Chromium) gives the same findings
 * as lukou-2024/page.html — same rules, severities, values, cells and quotes, finding for finding.
 *
 * Cells are matched by how a person cites them (table · row code and name · column: `label`) and
 * their text, not by grid row index: the Word page has zero-height rows (every slot a rowspan copy)
 * that print as nothing, so the PDF's grid has fewer rows above the same cell. Quotes are compared
 * without white space: a space the page has at a printed line break cannot be seen in the PDF.
 */
import { readFileSync } from 'node:fs';
import { parseHTML } from 'linkedom';
import { beforeAll, describe, expect, it } from 'vitest';
import { checkDocument, toReport, type Report } from '../../lib/index';
import { readPdf } from '../../cli/pdf';

const HTML = '../shared/fixtures/lukou-2024/page.html';
const PDF = '../shared/fixtures/pdf/lukou-2024-printed.pdf';
let html: Report;
let pdf: Report;

function key(f: Report['findings'][number]): string {
  const cells = f.cells.map((c) => `${c.table}|${c.label}|${c.text}|${c.role}`).join(' ; ');
  return [f.rule, f.severity, f.expected, f.actual, f.message.replace(/\s+/g, ''), cells, (f.quote ?? '').replace(/\s+/g, '')].join(' ‖ ');
}

beforeAll(async () => {
  const { document } = parseHTML(readFileSync(HTML, 'utf8'));
  html = toReport(checkDocument(document as unknown as Document), HTML);
  const read = await readPdf(new Uint8Array(readFileSync(PDF)));
  expect(read.result.problem).toBeNull();
  pdf = toReport(checkDocument(read.document, { format: 'pdf' }), PDF);
}, 120_000);

describe('lukou-2024: printed PDF vs the HTML page', () => {
  it('recognises the same nine tables and document facts', () => {
    expect(pdf.tables.map((t) => t.id)).toEqual(html.tables.map((t) => t.id));
    expect(pdf.tables.map((t) => t.cols)).toEqual(html.tables.map((t) => t.cols));
    const { format: _h, title: _ht, ...hd } = html.document;
    const { format, title: _pt, ...pd } = pdf.document;
    expect(format).toBe('pdf');
    expect(pd).toEqual(hd);
  });

  it('gives the same findings, finding for finding', () => {
    expect(html.findings.length).toBeGreaterThan(5);
    expect(pdf.findings.map(key)).toEqual(html.findings.map(key));
    expect(pdf.summary).toEqual(html.summary);
    expect(pdf.rules).toEqual(html.rules);
  });

  it('every cited cell and quote has its place on a page', () => {
    for (const f of pdf.findings) {
      for (const c of f.cells) {
        expect(c.page).toBeGreaterThanOrEqual(1);
        expect(c.box![2]).toBeGreaterThan(c.box![0]);
        expect(c.box![3]).toBeGreaterThan(c.box![1]);
      }
      if (f.quote !== null) expect(f.page).toBeGreaterThanOrEqual(1);
    }
  });
});
