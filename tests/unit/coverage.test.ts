/**
 * What was checked: the table map (recognised, required but missing, unrecognised), the comparisons
 * per table, the required parts — from the JSON report, the same sentence in popup, text and Markdown.
 */
import { describe, expect, it } from 'vitest';
import { parseHTML } from 'linkedom';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { checkDocument, toReport } from '../../lib/index';
import type { Report } from '../../lib/report/schema';
import { ReportSchema } from '../../lib/report/schema';
import { coverage, coverageLine, mapRowLine } from '../../lib/report/coverage';
import { renderText } from '../../lib/report/text';
import { renderMarkdown } from '../../lib/report/markdown';

const CJK = /[\u3000-\u303f\u4e00-\u9fff\uff00-\uffef]/;

function report(over: Partial<Report> = {}): Report {
  return {
    source: 'x.html',
    document: { title: '', department: null, year: 2024, unit: '万元', kind: 'final', scope: null, format: 'html' },
    tables: [
      { id: 'T1', name: '收入支出决算总表', marker: '公开01表', rows: 30, cols: 6, checks: { identities: 12, claims: 3 } },
      { id: 'T3', name: '支出决算表', marker: '公开03表', rows: 20, cols: 8, checks: { identities: 40, claims: 0 } },
    ],
    unrecognised: [{ title: '<b>附表</b>', reason: '表头无法识别' }],
    sections: [
      { id: 'S-01.部门职责', title: '部门职责（主要职能） · duties (main functions)', present: true },
      { id: 'S-03.T1', title: '收入支出决算总表 · income & expenditure summary (T1)', present: true },
      { id: 'S-03.T2', title: '收入决算表 · income table (T2)', present: false },
      { id: 'S-03.T3', title: '支出决算表 · expenditure table (T3)', present: true },
      { id: 'S-10.名词解释', title: '名词解释 · glossary', present: false },
    ],
    findings: [
      { rule: 'I-01', severity: 'notice', message: 'n', expected: '1', actual: '1.01', cells: [{ table: 'T1', row: 3, col: 2, text: '1.01', role: 'total', label: 'l' }], quote: null },
      { rule: 'I-07', severity: 'error', message: 'e', expected: '1', actual: '2', cells: [{ table: 'T3', row: 9, col: 2, text: '2', role: 'total', label: 'l' }], quote: null },
      { rule: 'I-07', severity: 'error', message: 'e', expected: '1', actual: '2', cells: [{ table: 'T3', row: 4, col: 2, text: '2', role: 'total', label: 'l' }], quote: null },
      { rule: 'N-15', severity: 'warning', message: 'w', expected: '2024', actual: '2023', cells: [], quote: '2023年' },
    ],
    rules: [],
    claims: { found: 10, reconciled: 3, skipped: 7 },
    summary: { errors: 2, warnings: 1, notices: 1, rulesRun: 40, relations: 55 },
    ...over,
  };
}

describe('coverage', () => {
  it('maps recognised and missing tables in T order, with comparisons, counts and the first finding', () => {
    const c = coverage(report());
    expect(c.rows.map((r) => [r.id, r.status, r.identities, r.claims, r.counts.error, r.counts.notice, r.first])).toEqual([
      ['T1', 'checked', 12, 3, 0, 1, 0],
      ['T2', 'missing', null, null, 0, 0, null],
      ['T3', 'checked', 40, 0, 2, 0, 2], // the first in reading order is row 4 (finding #2)
    ]);
    expect(c.parts).toEqual({ present: 3, total: 5, missing: [{ id: 'S-03.T2', title: '收入决算表 · income table (T2)' }, { id: 'S-10.名词解释', title: '名词解释 · glossary' }] });
    expect(c.rows[1].name).toEqual({ zh: '收入决算表', en: 'income table (T2)' });
  });

  it('says the numbers it shows, one language at a time', () => {
    const c = coverage(report());
    const zh = coverageLine(c, 'zh');
    expect(zh).toBe('已核对 2 张表、55 项比对、3 个叙述数字；1 张必备表格未找到；1 张表格未能识别：2 处错误 · 1 处警告 · 1 处提示');
    const en = coverageLine(c, 'en');
    expect(en).toBe('Checked 2 tables, 55 comparisons, 3 narrative numbers; 1 required table not found; 1 not recognised: 2 errors · 1 warning · 1 notice');
    expect(en).not.toMatch(CJK);
    expect(mapRowLine(c.rows[0], 'zh')).toBe('T1 公开01表 收入支出决算总表 — 15 项比对（叙述 3） · 1 处提示');
    expect(mapRowLine(c.rows[1], 'zh')).toBe('T2 收入决算表 — 未找到');
    expect(mapRowLine(c.rows[1], 'en')).toBe('T2 income table (T2) — not found');
    expect(mapRowLine(c.rows[2], 'en')).toContain('40 comparisons · 2 errors');
  });

  it('an older report without comparison counts claims none; a budget without parts expects BT1–BT9', () => {
    const old = report({ summary: { errors: 2, warnings: 1, notices: 1, rulesRun: 40 }, claims: undefined, tables: [{ id: 'T1', name: '收入支出决算总表', marker: null, rows: 1, cols: 1 }] });
    const c = coverage(old);
    expect(c.relations).toBeNull();
    expect(coverageLine(c, 'zh')).toMatch(/^已核对 1 张表；/);
    expect(mapRowLine(c.rows[0], 'zh')).toBe('T1 收入支出决算总表 — 1 处提示');
    const budget = coverage(report({ document: { ...old.document, kind: 'budget' }, sections: [], tables: [{ id: 'BT1', name: '财务收支预算总表', marker: null, rows: 1, cols: 1 }], findings: [] }));
    expect(budget.rows.map((r) => `${r.id}:${r.status}`)).toEqual(['BT1:checked', ...[2, 3, 4, 5, 6, 7, 8, 9].map((n) => `BT${n}:missing`)]);
  });

  it('the seed page: every table checked, the comparisons the run made, in the text and Markdown reports', () => {
    const html = readFileSync(join(__dirname, '../fixtures/lukou-2024.html'), 'utf8');
    const run = checkDocument(parseHTML(html).document as unknown as Document);
    const r = toReport(run, 'lukou.html');
    expect(ReportSchema.parse(r)).toEqual(r); // the additions are part of the schema
    expect(r.summary.relations).toBe(run.relations.length);
    const c = coverage(r);
    expect(c.tables).toBe(9);
    expect(c.missing).toBe(0);
    // Every relation reads at least one cell or is a narrative one: per-table counts cover them all.
    const perTable = r.tables.reduce((n, t) => n + t.checks!.identities + t.checks!.claims, 0);
    expect(perTable).toBeGreaterThanOrEqual(run.relations.length);
    const line = coverageLine(c, 'zh');
    expect(line).toContain(`已核对 9 张表、${run.relations.length} 项比对、${run.claims!.reconciled} 个叙述数字：`);
    expect(line).toContain(`${r.summary.errors} 处错误`);
    expect(renderText(r)).toContain(line);
    expect(renderText(r, { lang: 'zh' })).toContain(line);
    expect(renderMarkdown(r)).toContain(line);
  });
});
