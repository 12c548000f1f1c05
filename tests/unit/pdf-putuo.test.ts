/**
 * putuo-czj-2024.pdf (ONLYOFFICE, as published): all nine tables with every row, the narrative
 * numbers in their sentences, and only its real inconsistencies as errors.
 */
import { readFileSync } from 'node:fs';
import { beforeAll, describe, expect, it } from 'vitest';
import { checkDocument, toReport, type Report } from '../../lib/index';
import { readPdf } from '../../cli/pdf';

const FILE = '../shared/fixtures/pdf/putuo-czj-2024.pdf';
let report: Report;
let paragraphs: string[];

beforeAll(async () => {
  const { document, result } = await readPdf(new Uint8Array(readFileSync(FILE)));
  expect(result.problem).toBeNull();
  expect(result.pages).toHaveLength(25);
  paragraphs = Array.from(document.querySelectorAll('p, h1')).map((p) => p.textContent ?? '');
  report = toReport(checkDocument(document, { format: 'pdf' }), FILE);
}, 120_000);

describe('putuo-czj-2024.pdf', () => {
  it('recognises all nine tables with every row (tables continued over pages joined)', () => {
    const rows = Object.fromEntries(report.tables.map((t) => [t.id, [t.rows, t.cols]]));
    expect(rows).toEqual({
      T1: [32, 4], // 2 header rows + 26 expenditure rows + 4 total rows, over pages 6–7
      T2: [23, 11],
      T3: [23, 10],
      T4: [34, 7], // over pages 12–14
      T5: [24, 7],
      T6: [42, 8], // over pages 16–17
      T7: [12, 10],
      T8: [12, 10],
      T9: [6, 12],
    });
    expect(report.document).toMatchObject({ year: 2024, unit: '万元', format: 'pdf' });
  });

  it('keeps narrative numbers in their sentences (digits in another font)', () => {
    expect(paragraphs).toContain('本年收入合计2946.25万元，其中： 财政拨款收入2940.05万元，占99.79%；其他收入6.2万元，占0.21%；');
    // A sentence broken after "主要原因：" by a blank line is one paragraph.
    expect(paragraphs.some((p) => p.includes('主要原因：基本支出中人员进出及退休变化'))).toBe(true);
  });

  it('reports only its real inconsistencies as errors', () => {
    const errors = report.findings.filter((f) => f.severity === 'error').map((f) => `${f.rule} ${f.actual ?? ''}`);
    // 0.3万元 stated for the fiscal total 2,961.68; 2106.66 / 2940.05 = 71.65% stated as 71.73%,
    // so the four shares sum to 100.07%.
    expect(errors.sort()).toEqual(['N-04 0.3万元', 'N-06 71.73%', 'N-13 100.07%'].sort());
  });

  it('cells and quotes carry their page and box', () => {
    const cells = report.findings.flatMap((f) => f.cells);
    expect(cells.length).toBeGreaterThan(0);
    for (const c of cells) {
      expect(c.page).toBeGreaterThanOrEqual(1);
      expect(c.box).toHaveLength(4);
    }
    const quoted = report.findings.filter((f) => f.quote !== null);
    expect(quoted.length).toBeGreaterThan(0);
    for (const f of quoted) expect(f.page).toBeGreaterThanOrEqual(21);
  });
});
