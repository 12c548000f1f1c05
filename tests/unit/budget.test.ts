/**
 * Budget documents (issue 19, budget.md): kind and scope, BT1–BT9 recognised, the B-xx identities
 * run; the 决算 fixtures stay final and keep their findings.
 */
import { describe, expect, test } from 'vitest';
import { readFileSync } from 'node:fs';
import { parseHTML } from 'linkedom';
import { checkDisclosure, checkDocument, toReport } from '../../lib/index';
import { budgetDoc } from './rules/budget-build';
import { partsDoc } from './rules/budget-parts-build';
import { BUDGET_RULES, RULES } from '../../lib/checks/registry';
import { BUDGET_TABLE_KEYS } from '../../lib/model/types';

const EMPTY: Parameters<typeof checkDisclosure>[0] = { title: '', blocks: [] };

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
    // No per-项 执行数 sentences in this document: B-N05 and B-N12 have nothing to read; no per-项
    // prior budgets (B-N06), no 占 P% or rates (B-N15); B-N16 needs the unit beside it (a batch).
    const absent = new Set(['B-04', 'B-16', 'B-N05', 'B-N06', 'B-N12', 'B-N15', 'B-N16']);
    for (const [id, o] of Object.entries(outcome)) expect(o, id).toBe(absent.has(id) ? 'not-applicable' : 'pass');
    expect(run.findings.map((f) => `${f.rule} ${f.severity} ${f.message.zh}`)).toEqual([]);
  });

  test("report: the budget's required parts (B-Sxx) and its narrative claim counts", () => {
    const report = toReport(run, 'putuo-dept-budget-2025.html');
    // 封面 目录 职能 机构 名词 + 3 编制说明 + 9 tables + 5 other matters + 8 项目经费情况说明 (department).
    expect(report.sections).toHaveLength(30);
    expect(report.sections.filter((s) => !s.present)).toEqual([]);
    expect(report.sections.slice(0, 2)).toEqual([
      { id: 'B-S01.封面', title: '封面 · cover', present: true },
      { id: 'B-S02.目录', title: '目录 · table of contents', present: true },
    ]);
    expect(report.sections.filter((s) => s.id.startsWith('B-S07.')).map((s) => s.id)).toEqual(BUDGET_TABLE_KEYS.map((k) => `B-S07.${k}`));
    // 68 numbers in the narrative; the 61 compared with a cell or another stated number are reconciled;
    // the skipped are counts no rule reads (下属1家事业单位, 1个预算单位, 项目11个), the 100万元 threshold
    // and 0台（套）, twice each.
    expect(report.claims).toEqual({ found: 68, reconciled: 61, skipped: 7 });
  });
});

describe("a budget's report sections follow its parts", () => {
  test('a dropped part is listed as absent; a unit budget has no 项目经费情况说明', () => {
    const dept = checkDisclosure(EMPTY, budgetDoc(partsDoc({ drop: ['procurement', 'glossary', 'glossaryBody'] })));
    // The built document has no 目录 either.
    expect(dept.sections.filter((s) => !s.present).map((s) => s.id)).toEqual(['B-S02.目录', 'B-S05.名词解释', 'B-S08.政府采购']);
    const unit = checkDisclosure(EMPTY, budgetDoc(partsDoc({ drop: ['project', 'p1', 'p2', 'p3', 'p4', 'p5', 'p6', 'p7'] }), 'unit'));
    expect(unit.sections.some((s) => s.id.startsWith('B-S09'))).toBe(false);
    expect(unit.sections.filter((s) => !s.present).map((s) => s.id)).toEqual(['B-S02.目录']);
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
