/**
 * English citations (issue 15): in the English UI a cell is cited with the table's and the column's
 * standard English names; row names are page text and stay as printed. Chinese stays the default.
 */
import { describe, expect, it } from 'vitest';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { parseHTML } from 'linkedom';
import { checkDocument, toReport } from '../../lib/index';
import { headerEn } from '../../lib/checks/helpers';
import type { ReportFinding } from '../../lib/report/schema';
import { mainLine } from '../../lib/report/words';
import { whereOf } from '../../lib/ext/verdict';
import type { ReportLike } from '../../lib/ext/messages';

const CJK = /[\u3000-\u303f\u4e00-\u9fff\uff00-\uffef]/;

describe('headerEn', () => {
  it.each([
    ['合计', 'total'],
    ['本年支出/基本支出', 'basic expenditure'],
    ['年初预算数', 'initial budget'],
    ['决算数', 'actual'],
    ['因公出国（境）费', 'travel abroad'],
    ['其他特别列', '其他特别列'], // no standard name: as printed
  ])('%s → %s', (zh, en) => expect(headerEn(zh)).toBe(en));
});

describe('the seed page in English', () => {
  const html = readFileSync(join(__dirname, '../fixtures/lukou-2024.html'), 'utf8');
  const report = toReport(checkDocument(parseHTML(html).document as unknown as Document), 'lukou.html');
  const cells = report.findings.flatMap((f) => f.cells);

  it('every cited cell has an English label: table and column in English, the row as printed', () => {
    expect(cells.length).toBeGreaterThan(0);
    for (const c of cells) {
      expect(c.labelEn, c.label).toBeDefined();
      const parts = c.labelEn!.split(' · ');
      expect(parts[0], c.labelEn).not.toMatch(CJK);
      expect(parts[0]).toContain(`(${c.table})`);
      // table · row · column (the column left out when it is the row's own name).
      if (parts.length === 3) expect(parts[2], c.labelEn).not.toMatch(CJK);
      // The row (code and name) is the page's own text, the same in both labels.
      if (c.cite?.rowName) expect(c.labelEn).toContain(c.cite.rowName);
    }
    // 合计 of the 合计 row: the column is said once, in either language.
    const t5 = cells.find((c) => c.table === 'T5' && c.cite?.rowName === '合计' && c.cite.column === '合计')!;
    expect([t5.label, t5.labelEn]).toEqual(['公开05表 · 合计', 'general public budget expenditure (T5) · 合计']);
    const t6 = cells.find((c) => c.table === 'T6' && c.cite?.rowCode === '302')!;
    expect(t6.label).toBe('公开06表 · 302 商品和服务支出 · 决算数');
    expect(t6.labelEn).toBe('basic expenditure by economic class (T6) · 302 商品和服务支出 · actual');
  });

  it('the English main line cites in English; the Chinese one is unchanged', () => {
    const table = report.findings.find((f) => f.basis && f.quote === null && f.cells.length > 0) as ReportFinding;
    expect(table).toBeDefined();
    const en = mainLine(table, 'en');
    const zh = mainLine(table, 'zh');
    expect(en).toContain(table.cells.find((c) => c.role === 'total')?.labelEn ?? table.cells[0].labelEn!);
    expect(en).not.toContain('公开0');
    expect(zh).toContain(table.cells.find((c) => c.role === 'total')?.label ?? table.cells[0].label);
  });

  it('the on-page chip names the cell in the reader\'s language', () => {
    const i = report.findings.findIndex((f) => f.cells.length > 0);
    const r = report as unknown as ReportLike;
    expect(whereOf(r, i, undefined, 'en')).not.toMatch(/公开0\d表/);
    expect(whereOf(r, i, undefined, 'zh')).toMatch(/公开0\d表/);
  });
});
