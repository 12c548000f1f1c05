/**
 * putuo-budget-2025/*.pdf (WPS 表格: rules drawn as thin filled rectangles): every table's grid with
 * its merged header cells; tables continued on the next page joined. shanghai-template-2024.pdf:
 * a template (no amounts in any table) is reported as such, with no findings.
 */
import { readFileSync } from 'node:fs';
import { beforeAll, describe, expect, it } from 'vitest';
import { extractDocument, type TableBlock } from '../../lib/extract';
import { checkDocument, toReport, type Report } from '../../lib/index';
import { readPdf } from '../../cli/pdf';

const DIR = '../shared/fixtures/putuo-budget-2025/';

/** A grid row as "text/rN/cN" for origin cells (copies left out). */
function row(t: TableBlock, r: number): string[] {
  return t.grid[r].filter((s) => !s.isCopy).map((s) => `${s.cell.text}${s.cell.rowSpan > 1 ? '/r' + s.cell.rowSpan : ''}${s.cell.colSpan > 1 ? '/c' + s.cell.colSpan : ''}`);
}

const tables: Record<string, TableBlock[]> = {};
let template: Report;

beforeAll(async () => {
  for (const f of ['dept-budget', 'unit-budget']) {
    const { document, result } = await readPdf(new Uint8Array(readFileSync(DIR + f + '.pdf')));
    expect(result.problem).toBeNull();
    tables[f] = extractDocument(document).blocks.filter((b): b is TableBlock => b.kind === 'table');
  }
  const t = await readPdf(new Uint8Array(readFileSync('../shared/fixtures/pdf/shanghai-template-2024.pdf')));
  template = toReport(checkDocument(t.document, { format: 'pdf' }), 'template');
}, 180_000);

describe('budget PDFs: grids with merged header cells', () => {
  it.each(['dept-budget', 'unit-budget'])('%s: nine tables on their pages, continued tables joined', (f) => {
    const pages = tables[f].map((t) => Number(t.el!.getAttribute('data-page')));
    expect(pages).toEqual([8, 9, 11, 13, 14, 16, 17, 18, 20]);
    // 收入预算总表 and 支出预算总表 run over two pages: one table each, with every row to 合计.
    for (const i of [1, 2, 4]) expect(row(tables[f][i], tables[f][i].rows - 1)[0]).toBe('合计/c4');
    expect(tables[f][6].rows).toBeGreaterThan(3);
  });

  it('dept-budget: header spans as printed', () => {
    const t = tables['dept-budget'];
    expect([t[0].rows, t[0].cols]).toEqual([16, 4]);
    expect(row(t[0], 0)).toEqual(['本年收入/c2', '本年支出/c2']);
    expect(row(t[0], 15)).toEqual(['收入总计', '91,016,775.35', '支出总计', '91,016,775.35']);
    expect([t[1].rows, t[1].cols]).toEqual([24, 9]);
    expect(row(t[1], 0)).toEqual(['项目/c4', '收入预算/c5']);
    expect(row(t[1], 1)).toEqual(['功能分类科目编码/c3', '功能分类科目名称/r2', '合计/r2', '财政拨款收入/r2', '事业收入/r2', '事业单位经营收入/r2', '其他收入/r2']);
    expect(row(t[1], 2)).toEqual(['类', '款', '项']);
    expect(row(t[1], 5)).toEqual(['201', '03', '01', '行政运行', '12,029,501.84', '12,029,501.84', '', '', '']);
    expect(row(t[3], 0)).toEqual(['财政拨款收入/c2', '财政拨款支出/c5']);
    expect([t[7].rows, t[7].cols]).toEqual([33, 6]);
    expect(row(t[7], 32)).toEqual(['合计/c3', '24,606,775.35', '22,473,997.81', '2,132,777.54']);
    expect(row(t[8], 0)).toEqual(['“三公”经费预算数/c6', '机关运行经费预算数/r3']);
    expect(row(t[8], 1)).toEqual(['合计/r2', '因公出国(境)费/r2', '公务接待费/r2', '公务用车购置及运行费/c3']);
    expect(row(t[8], 3)).toEqual(['867.50', '839.00', '28.50', '', '', '', '213.28']);
  });

  it('unit-budget: the summary table with a header over four columns and three header rows', () => {
    const t = tables['unit-budget'][0];
    expect([t.rows, t.cols]).toEqual([13, 7]);
    expect(row(t, 0)).toEqual(['本年收入/c2', '本年支出/c5']);
    expect(row(t, 1)).toEqual(['项目/r3', '预算数/r3', '项目/r3', '预算数/c4']);
    expect(row(t, 2)).toEqual(['合计/r2', '基本支出/c2', '项目支出/r2']);
  });
});

describe('shanghai-template-2024.pdf', () => {
  it('is reported as a template: tables recognised, no rule run, no findings', () => {
    expect(template.tables).toHaveLength(9);
    expect(template.document.template).toBe(true);
    expect(template.findings).toEqual([]);
    expect(template.summary.errors).toBe(0);
  });
});
