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
