/**
 * Issue 19 acceptance on the published PDFs: dept-budget.pdf and unit-budget.pdf are budgets of the
 * department and of the unit, BT1–BT9 recognised, every identity that applies runs — and the two
 * carry identical numbers (the unit is merged into the department: correct, not an error), so both
 * are clean, as is the HTML page made from the department's PDF.
 */
import { describe, expect, test } from 'vitest';
import { readFileSync } from 'node:fs';
import { parseHTML } from 'linkedom';
import { readPdf } from '../../cli/pdf';
import { checkDocument } from '../../lib/index';
import { BUDGET_TABLE_KEYS } from '../../lib/model/types';

const DIR = new URL('../../../shared/fixtures/putuo-budget-2025/', import.meta.url);

async function pdf(name: string) {
  const { document, result } = await readPdf(new Uint8Array(readFileSync(new URL(name, DIR))));
  expect(result.problem).toBeNull();
  return checkDocument(document, { format: 'pdf' });
}

const brief = (run: ReturnType<typeof checkDocument>) => run.findings.map((f) => `${f.rule} ${f.severity} ${f.message.zh}`);

describe('putuo 2025 budgets as published (PDF)', () => {
  test('部门预算: kind budget, scope department, BT1–BT9, identities pass, same findings as the HTML page', { timeout: 120_000 }, async () => {
    const run = await pdf('dept-budget.pdf');
    expect(run.disclosure.info).toMatchObject({ kind: 'budget', scope: 'department', year: 2025, format: 'pdf' });
    expect(Object.keys(run.disclosure.tables).sort()).toEqual([...BUDGET_TABLE_KEYS].sort());
    const outcome = Object.fromEntries(run.rules.map((r) => [r.id, r.outcome]));
    expect(outcome['B-04']).toBe('not-applicable'); // a department's BT1 has no 人员/公用/项目 columns
    expect(outcome['B-16']).toBe('not-applicable');
    // No per-项 执行数 sentences in this document: B-N05 and B-N12 have nothing to read; no per-项
    // prior budgets (B-N06), no 占 P% or rates (B-N15); B-N16 needs the unit beside it (a batch).
    const absent = new Set(['B-04', 'B-16', 'B-N05', 'B-N06', 'B-N12', 'B-N15', 'B-N16']);
    for (const [id, o] of Object.entries(outcome)) expect(o, id).toBe(absent.has(id) ? 'not-applicable' : 'pass');
    const html = checkDocument(parseHTML(readFileSync(new URL('../fixtures/budget/putuo-dept-budget-2025.html', import.meta.url), 'utf8')).document as unknown as Document);
    expect(brief(run)).toEqual(brief(html));
    expect(brief(run)).toEqual([]);
  });

  test('单位预算: kind budget, scope unit, BT1–BT9, every identity (B-04, B-16 too) passes', { timeout: 120_000 }, async () => {
    const run = await pdf('unit-budget.pdf');
    expect(run.disclosure.info).toMatchObject({ kind: 'budget', scope: 'unit', year: 2025, format: 'pdf' });
    expect(Object.keys(run.disclosure.tables).sort()).toEqual([...BUDGET_TABLE_KEYS].sort());
    // No 执行数 sentences (B-N05, B-N12); the 项目经费情况说明 is a department's part (B-S09).
    const absent = new Set(['B-N05', 'B-N06', 'B-N12', 'B-N15', 'B-N16', 'B-S09']);
    for (const r of run.rules) expect(r.outcome, r.id).toBe(absent.has(r.id) ? 'not-applicable' : 'pass');
    expect(brief(run)).toEqual([]);
  });
});
