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
    for (const c of cells) expect(c.label, `${c.table}[${c.row},${c.col}]`).toMatch(/^公开0\d表 · .+ · .+$/);
    expect(cells.map((c) => c.label)).toContain('公开06表 · 302 商品和服务支出 · 决算数');
    expect(cells.map((c) => c.label)).toContain('公开05表 · 合计 · 基本支出');
  });

  test('HTML cells carry no PDF position', () => {
    for (const c of lukou.findings.flatMap((f) => f.cells)) {
      expect(c.page).toBeUndefined();
      expect(c.box).toBeUndefined();
    }
  });
});
