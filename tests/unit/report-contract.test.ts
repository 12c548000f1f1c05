/** design.md contract fields: document.kind / scope / format and each cell's human `label`. */
import { describe, expect, test } from 'vitest';
import { readFileSync } from 'node:fs';
import { parseHTML } from 'linkedom';
import { checkDocument, toReport } from '../../lib/index';

function report(name: string, format?: 'html' | 'docx') {
  const { document } = parseHTML(readFileSync(new URL(`../fixtures/${name}.html`, import.meta.url), 'utf8'));
  return toReport(checkDocument(document, format ? { format } : {}), name);
}

describe('report contract additions', () => {
  const lukou = report('lukou-2024');

  test('document says kind, scope and format', () => {
    expect(lukou.document).toMatchObject({ kind: 'final', scope: 'department', format: 'html', year: 2024, unit: '万元' });
    expect(report('putuo-2025').document).toMatchObject({ kind: 'final', format: 'html' });
    expect(report('lukou-2024', 'docx').document.format).toBe('docx');
  });

  test('every cited cell has a label: table marker · row code and name · column', () => {
    const cells = lukou.findings.flatMap((f) => f.cells);
    expect(cells.length).toBeGreaterThan(0);
    // "表 · 行 · 列", or "表 · 合计" when the column is named as its row (never "合计 · 合计").
    for (const c of cells) expect(c.label, `${c.table}[${c.row},${c.col}]`).toMatch(/^公开0\d表 · .+( · .+)?$/);
    for (const c of cells) expect(c.label).not.toMatch(/(^| · )([^·]+) · \2$/);
    expect(cells.map((c) => c.label)).toContain('公开06表 · 302 商品和服务支出 · 决算数');
    expect(cells.map((c) => c.label)).toContain('公开05表 · 合计 · 基本支出');
    expect(cells.map((c) => c.label)).toContain('公开05表 · 合计');
  });

  test('each cell carries its label in parts (cite), and the parts make the label', () => {
    const cells = lukou.findings.flatMap((f) => f.cells);
    const t6 = cells.find((c) => c.label === '公开06表 · 302 商品和服务支出 · 决算数');
    expect(t6?.cite).toEqual({ table: '公开06表', rowCode: '302', rowName: '商品和服务支出', column: '决算数' });
    const total = cells.find((c) => c.label === '公开05表 · 合计');
    expect(total?.cite).toEqual({ table: '公开05表', rowCode: '', rowName: '合计', column: '合计' });
    for (const c of cells) {
      const cite = c.cite!;
      const row = [cite.rowCode, cite.rowName].filter(Boolean).join(' ');
      expect(c.label).toBe([cite.table, row, cite.column === cite.rowName ? '' : cite.column].filter(Boolean).join(' · '));
    }
  });

  test('HTML cells carry no PDF position', () => {
    for (const c of lukou.findings.flatMap((f) => f.cells)) {
      expect(c.page).toBeUndefined();
      expect(c.box).toBeUndefined();
    }
  });
});
