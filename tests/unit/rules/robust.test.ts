/** Bad input → clear findings, never a crash: random tiny tables through every table identity. */
import { describe, expect, test } from 'vitest';
import fc from 'fast-check';
import { RULES } from '../../../lib/checks/registry';
import { runRules } from '../../../lib/checks/runner';
import { disclosure, tbl } from './build';
import type { RowInput } from './build';
import type { TableKey } from '../../../lib/model/types';

const TABLE_RULES = RULES.filter((r) => /^I-\d\d$/.test(r.meta.id));

const COLS: Partial<Record<TableKey, Record<string, string[]>>> = {
  T1: { income: ['amount'], expense: ['amount'] },
  T2: { main: ['total', 'fiscal', 'upper', 'business', 'operating', 'affiliated', 'other'] },
  T3: { main: ['total', 'basic', 'project', 'remit', 'operating', 'subsidy'] },
  T4: { income: ['amount'], expense: ['total', 'general', 'govfund', 'soe'] },
  T5: { main: ['total', 'basic', 'project'] },
  T6: { left: ['amount'], right: ['amount'] },
  T7: { main: ['opening', 'income', 'total', 'basic', 'project', 'closing'] },
  T8: { main: ['opening', 'income', 'total', 'basic', 'project', 'closing'] },
  T9: { main: ['budget.total', 'budget.abroad', 'budget.car', 'actual.total', 'actual.abroad', 'actual.carRunning'] },
};

const text = fc.oneof(
  fc.constantFrom('', '0', '0.00', '-', '—', '/', '单位不需填列', '1,234.56', '（1.00）', '-3', '12', '0.5'),
  fc.integer({ min: -100000, max: 100000 }).map((n) => (n / 100).toFixed(2)),
);
const code = fc.constantFrom('', '201', '20131', '2013101', '208', '20805', '2080501', '301', '30101', '302', '30212', '30217', '31013', '12', '2013');
const name = fc.constantFrom('合计', '本年收入合计', '本年支出合计', '总计', '年初结转和结余', '年末结转和结余', '年初财政拨款结转和结余', '一、一般公共预算财政拨款收入', '八、其他收入', '一、一般公共服务支出', '其中：x', '人员经费合计', '公用经费合计', '（一）x', '1.y', '', 'z');

function row(width: number) {
  return fc.tuple(code, name, fc.array(text, { minLength: width, maxLength: width })).map(([c, n, vs]) => [c, n, ...vs] as RowInput);
}

const table = (key: TableKey) =>
  fc
    .tuple(...Object.entries(COLS[key] ?? {}).map(([id, cols]) => fc.array(row(cols.length), { maxLength: 6 }).map((rows) => [id, { cols, rows }] as const)))
    .map((panels) => tbl(key, { panels: Object.fromEntries(panels) }));

describe('table identities on random tables', () => {
  test('never throw; every finding names a rule, a severity and a bilingual message', () => {
    const keys = Object.keys(COLS) as TableKey[];
    fc.assert(
      fc.property(fc.subarray(keys, { minLength: 1 }).chain((ks) => fc.tuple(...ks.map(table))), (tables) => {
        const { findings, rules } = runRules(disclosure(tables), TABLE_RULES);
        expect(rules.filter((r) => r.outcome === 'internal-error')).toEqual([]);
        for (const f of findings) {
          expect(f.rule).toMatch(/^I-\d\d$/);
          expect(f.message.zh.length).toBeGreaterThan(0);
          expect(f.message.en.length).toBeGreaterThan(0);
          // An unreadable cell is reported as such, never silently used as 0.
          if (f.severity === 'warning' && f.cells.length === 1 && f.cells[0].cell.value.kind === 'nan') expect(f.message.zh).toContain('不是数字');
        }
      }),
      { numRuns: 150 },
    );
  });
});
