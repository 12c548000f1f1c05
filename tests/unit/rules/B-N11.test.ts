import { describe, expect, test } from 'vitest';
import { rule } from '../../../lib/checks/B-N11';
import { at, run, tbl } from './build';
import { budgetDoc } from './budget-build';

const bt9 = (purchase = '0.00') => tbl('BT9', { unit: '万元', precision: 2, cols: ['total', 'carPurchase'], rows: [['', '', '867.50', purchase]] });
const HAVE = (n: string, a: string, b: string) => `截至2024年8月31日，本部门共有车辆${n}辆，其中：执法执勤用车${a}辆、其他用车${b}辆；单价100万元（含）以上设备（不含车辆）0台（套）。`;
const BUY = (k: string) => `2025年部门预算安排购置车辆${k}辆，其中：执法执勤用车${k}辆、其他用车0辆。`;

describe('B-N11 vehicles', () => {
  test.each([
    ['counts add up, nothing bought, no purchase budget', [HAVE('2', '1', '1'), BUY('0')], '0.00', null, null],
    ['the categories do not add up → error', [HAVE('3', '1', '1'), BUY('0')], '0.00', 'error', '2辆'],
    ['a vehicle to buy without a purchase budget → warning on BT9', [HAVE('2', '1', '1'), BUY('1')], '0.00', 'warning', '> 0'],
    ['a purchase budget with no vehicle to buy → warning', [HAVE('2', '1', '1'), BUY('0')], '30.00', 'warning', '0'],
  ])('%s', (_n, paras, purchase, severity, expected) => {
    const t9 = bt9(purchase as string);
    const { findings, outcome } = run(rule, budgetDoc([t9, ...(paras as string[])]));
    if (!severity) {
      expect(findings).toEqual([]);
      expect(outcome).toBe('pass');
      return;
    }
    expect(findings.map((f) => [f.rule, f.severity, f.expected])).toEqual([['B-N11', severity, expected]]);
    if (severity === 'warning') expect(findings[0].cells.map((c) => c.cell)).toEqual([at(t9, '', 'carPurchase')]);
  });
});
