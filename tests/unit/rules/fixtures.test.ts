/** The table identities on the two real fixtures (issue 3 acceptance). */
import { describe, expect, test } from 'vitest';
import { readFileSync } from 'node:fs';
import { parseHTML } from 'linkedom';
import { checkDocument, toReport } from '../../../lib/index';
import { RULES } from '../../../lib/checks/registry';

const TABLE_RULES = RULES.filter((r) => /^I-\d\d$/.test(r.meta.id));

function check(name: string) {
  const { document } = parseHTML(readFileSync(new URL(`../../fixtures/${name}.html`, import.meta.url), 'utf8'));
  return checkDocument(document, { rules: TABLE_RULES });
}

describe('lukou-2024 (seed page)', () => {
  const run = check('lukou-2024');
  test('all nine tables are there and every identity except I-11 runs and passes', () => {
    expect(Object.keys(run.disclosure.tables).sort()).toEqual(['T1', 'T2', 'T3', 'T4', 'T5', 'T6', 'T7', 'T8', 'T9']);
    const byId = Object.fromEntries(run.rules.map((r) => [r.id, r.outcome]));
    for (const r of TABLE_RULES) expect(byId[r.meta.id], r.meta.id).toBe(r.meta.id === 'I-11' ? 'not-applicable' : 'pass');
  });
  test('no error and no warning', () => {
    expect(run.findings.filter((f) => f.severity !== 'notice').map((f) => f.message.zh)).toEqual([]);
  });
  test('T5 基本支出 880.81 vs T6 582.12 + 298.68 = 880.80 is a rounding notice naming the three cells', () => {
    const f = run.findings.filter((x) => x.rule === 'I-19');
    expect(f.length).toBe(1);
    expect(f[0].severity).toBe('notice');
    expect(f[0].cells.map((c) => [c.cell.table, c.cell.text.trim(), c.role])).toEqual([
      ['T5', '880.81', 'total'],
      ['T6', '582.12', 'part'],
      ['T6', '298.68', 'part'],
    ]);
    expect(f[0].message.zh).toContain('880.80（尾数差异：差 0.01，容差 0.015）');
    expect(f[0].expected).toBe('880.80');
    expect(f[0].actual).toBe('880.81');
  });
  test('the JSON report lists every rule with its outcome', () => {
    const report = toReport(run, 'lukou-2024.html');
    expect(report.rules.filter((r) => r.id.startsWith('I-')).length).toBe(26);
    expect(report.summary.errors).toBe(0);
  });
});

describe('putuo-2025 (Shanghai layout)', () => {
  const run = check('putuo-2025');
  test('no error; the rounding differences are notices', () => {
    expect(run.findings.filter((f) => f.severity === 'error').map((f) => f.message.zh)).toEqual([]);
    expect(run.findings.filter((f) => f.severity === 'notice').length).toBeGreaterThan(0);
    const byId = Object.fromEntries(run.rules.map((r) => [r.id, r.outcome]));
    for (const r of TABLE_RULES) expect(byId[r.meta.id], r.meta.id).not.toBe('fail');
  });
});

describe('injected errors on the Shanghai layout (tests/fixtures/batch/shanghai)', () => {
  const errors = (path: string) => {
    const { document } = parseHTML(readFileSync(new URL(`../../fixtures/batch/shanghai/${path}`, import.meta.url), 'utf8'));
    return checkDocument(document, { rules: TABLE_RULES }).findings.filter((f) => f.severity === 'error');
  };
  test('T9 决算数合计 19.65 ≠ 0 + 16.95 + 0 → I-22 error naming the total and its items', () => {
    const f = errors('putuo-t9-total.htm');
    expect(f.map((x) => x.rule)).toEqual(['I-22']);
    expect(f[0].cells.map((c) => [c.cell.text, c.role])).toEqual([
      ['19.65', 'total'],
      ['0.00', 'part'],
      ['16.95', 'part'],
      ['0.00', 'part'],
    ]);
    expect(f[0].expected).toBe('16.95');
    expect(f[0].actual).toBe('19.65');
  });
  test('T1 本年收入合计 4,833.14 → I-01, I-03 and I-09 errors, each referencing that cell', () => {
    const f = errors('putuo-t1-income-total.html');
    expect(f.map((x) => x.rule)).toEqual(['I-01', 'I-03', 'I-09']);
    for (const x of f) expect(x.cells.some((c) => c.cell.text === '4,833.14')).toBe(true);
  });
  test('the clean copy has no error', () => {
    expect(errors('putuo-clean.html')).toEqual([]);
  });
});

describe('I-26 on the seed page', () => {
  const load = () => parseHTML(readFileSync(new URL('../../fixtures/lukou-2024.html', import.meta.url), 'utf8')).document;
  const i26 = (document: Document) => checkDocument(document, { rules: TABLE_RULES }).findings.filter((f) => f.rule === 'I-26');
  /** The innermost element whose text holds `needle`. */
  const find = (document: Document, needle: string): Element => {
    const all = Array.from(document.querySelectorAll('p, div, span, td')).filter((e) => (e.textContent ?? '').includes(needle));
    return all.find((e) => !Array.from(e.children).some((c) => (c.textContent ?? '').includes(needle))) ?? all[all.length - 1];
  };

  test('removing the 政府性基金 explanation → error on the empty T7', () => {
    const document = load();
    const p = find(document, '我单位没有政府性基金收入');
    p.parentNode!.removeChild(p);
    const f = i26(document);
    expect(f.map((x) => [x.severity, x.cells[0]?.cell.table])).toEqual([['error', 'T7']]);
  });

  test('T7 with data under "故本表无数据" → error quoting the sentence', () => {
    const document = load();
    const run = checkDocument(document, { rules: TABLE_RULES });
    const cell = Object.values(run.disclosure.tables.T7!.panels[0].rows.find((r) => Object.keys(r.cells).length > 0)!.cells)[0];
    cell.source.el!.textContent = '12.00';
    const f = i26(document);
    expect(f.map((x) => [x.severity, x.cells.map((c) => c.cell.text)])).toEqual([['error', ['12.00']]]);
    expect(f[0].quote).toContain('故本表无数据');
  });
});
