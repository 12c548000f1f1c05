import { describe, expect, test } from 'vitest';
import { rule } from '../../../lib/checks/B-N08';
import { at, run, tbl } from './build';
import { budgetDoc } from './budget-build';

const bt9 = () => tbl('BT9', { unit: '万元', precision: 2, cols: ['total', 'running'], rows: [['', '', '867.50', '213.28']] });
const ORG = '本部门中，行政单位1家，事业单位1家，具体包括（列示至基层预算单位）：';
const RUN = (x: string, n = '1', m = '1') => `2025年上海市普陀区人民政府办公室下属${n}家机关和${m}家事业单位财政拨款的机关运行经费预算为${x}万元。`;

describe('B-N08 机关运行经费 = BT9; unit counts', () => {
  test.each([
    ['the published sentences', [ORG, RUN('213.28')], null, null],
    ['another amount → error on BT9', [ORG, RUN('231.28')], 'error', '213.28'],
    ['rounding boundary: 213.3 (1 decimal) vs 213.28 → notice (尾数差异)', [ORG, RUN('213.3')], 'notice', '213.28'],
    ['rounding boundary: 213.4 (1 decimal) vs 213.28 → error', [ORG, RUN('213.4')], 'error', '213.28'],
    ['counts that differ from 机构设置 → warning', [ORG, RUN('213.28', '2')], 'warning', '1家'],
  ])('%s', (_n, paras, severity, expected) => {
    const t9 = bt9();
    const { findings, outcome } = run(rule, budgetDoc([t9, ...(paras as string[])]));
    if (!severity) {
      expect(findings).toEqual([]);
      expect(outcome).toBe('pass');
      return;
    }
    expect(findings.map((f) => [f.rule, f.severity, f.expected])).toEqual([['B-N08', severity, expected]]);
    if (severity !== 'warning') expect(findings[0].cells.map((c) => c.cell)).toEqual([at(t9, '', 'running')]);
    expect(findings[0].quote).toContain('机关运行经费预算为');
  });
});
