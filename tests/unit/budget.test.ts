/**
 * Budget documents (issue 19, budget.md): kind and scope, BT1–BT9 recognised, the B-xx identities
 * run; the 决算 fixtures stay final and keep their findings.
 */
import { describe, expect, test } from 'vitest';
import { readFileSync } from 'node:fs';
import { parseHTML } from 'linkedom';
import { checkDocument } from '../../lib/index';
import { BUDGET_RULES, RULES } from '../../lib/checks/registry';
import { BUDGET_TABLE_KEYS } from '../../lib/model/types';

function load(rel: string) {
  const html = readFileSync(new URL(`../fixtures/${rel}`, import.meta.url), 'utf8');
  return parseHTML(html).document as unknown as Document;
}

describe('putuo 2025 部门预算 as an HTML page (made from dept-budget.pdf)', () => {
  const run = checkDocument(load('budget/putuo-dept-budget-2025.html'));

  test('a budget of a department, year 2025, in 元', () => {
    expect(run.disclosure.info).toMatchObject({ kind: 'budget', scope: 'department', year: 2025, unit: '元', department: '上海市普陀区人民政府办公室' });
  });

  test('BT1–BT9 recognised, nothing unrecognised, no 决算 table', () => {
    expect(Object.keys(run.disclosure.tables).sort()).toEqual([...BUDGET_TABLE_KEYS].sort());
    expect(run.disclosure.unrecognised).toEqual([]);
    expect(run.disclosure.tables.BT9?.unit).toBe('万元');
    expect(run.disclosure.tables.BT5?.blocks).toHaveLength(2); // split over two pages, header repeated
  });

  test('only budget rules run; every identity that applies passes', () => {
    const ids = run.rules.map((r) => r.id);
    expect(ids).toEqual(BUDGET_RULES.map((r) => r.meta.id));
    expect(ids.some((id) => RULES.some((r) => r.meta.id === id))).toBe(false);
    const outcome = Object.fromEntries(run.rules.map((r) => [r.id, r.outcome]));
    // A department budget's BT1 has no 人员/公用/项目 columns: B-04 and B-16 are the unit's.
    expect(outcome['B-04']).toBe('not-applicable');
    expect(outcome['B-16']).toBe('not-applicable');
    // No per-项 执行数 sentences in this document: B-N05 and B-N12 have nothing to read.
    const absent = new Set(['B-04', 'B-16', 'B-N05', 'B-N12']);
    for (const [id, o] of Object.entries(outcome)) expect(o, id).toBe(absent.has(id) ? 'not-applicable' : 'pass');
    expect(run.findings.map((f) => `${f.rule} ${f.severity} ${f.message.zh}`)).toEqual([]);
  });
});

describe('the 决算 fixtures stay final', () => {
  for (const rel of ['lukou-2024.html', 'putuo-2025.html']) {
    test(rel, () => {
      const run = checkDocument(load(rel));
      expect(run.disclosure.info.kind).toBe('final');
      expect(run.rules.map((r) => r.id)).toEqual(RULES.map((r) => r.meta.id));
      expect(Object.keys(run.disclosure.tables).every((k) => /^T\d$/.test(k))).toBe(true);
    });
  }
});
