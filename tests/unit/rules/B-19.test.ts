import { describe, expect, test } from 'vitest';
import { rule } from '../../../lib/checks/B-19';
import { at, brief, disclosure, expected, run, tbl } from './build';
import { yuan } from './budget-build';

const COLS = ['total', 'abroad', 'car', 'carPurchase', 'carRunning', 'reception', 'running'];
const bt9 = (running: string) => tbl('BT9', { unit: '万元', cols: COLS, rows: [['', '', '867.50', '839.00', '', '', '', '28.50', running]] });
const bt8 = (office: string) => yuan('BT8', ['total', 'personnel', 'office'], [['', '合计', '24,606,775.35', '22,473,997.81', office]]);

describe('B-19 BT9 机关运行经费 (万元) ≤ BT8 公用经费合计 (元)', () => {
  test.each([
    // 2,132,777.54 元 → half-up 213.28 万元: the published pair is the same amount (pass, not a notice).
    ['the published pair: 213.28 = half-up(2,132,777.54 / 10⁴)', '213.28', '2,132,777.54', null],
    ['below', '200.00', '2,132,777.54', null],
    // The half-up boundary: 2,132,750.00 元 → 213.275 → 213.28 (pass); one 分 less → 213.27, and 213.28
    // is then more than any rounding of the 元 amount allows → error.
    ['on the half-up boundary', '213.28', '2,132,750.00', null],
    ['one 分 below the boundary (half-up 213.27) → error', '213.28', '2,132,749.99', 'error'],
    ['over → error', '231.28', '2,132,777.54', 'error'],
  ])('%s', (_n, running, office, severity) => {
    const t8 = bt8(office as string);
    const t9 = bt9(running as string);
    const { findings } = run(rule, disclosure([t8, t9]));
    if (!severity) return expect(findings).toEqual([]);
    expect(brief(findings)).toEqual([expected('B-19', severity as string, [[at(t8, '合计', 'office'), 'total'], [at(t9, '', 'running'), 'part']])]);
  });
  test('no 机关运行经费 column → not applicable', () => {
    const t9 = tbl('BT9', { unit: '万元', cols: ['total'], rows: [['', '', '1.00']] });
    expect(run(rule, disclosure([bt8('1.00'), t9])).outcome).toBe('not-applicable');
  });

  test.each([
    ['every unit 行政: running below office → warning on both cells', '行政单位2家，事业单位0家。', '200.00', 'warning'],
    ['every 事业单位 参公 → warning', '行政单位1家，事业单位1家，其中参照公务员法管理的事业单位1家。', '200.00', 'warning'],
    ['every unit 行政 and running = half-up(office) → pass', '行政单位2家，事业单位0家。', '213.28', null],
    ['a 事业单位 not 参公 (the putuo department) → no warning', '本部门中，行政单位1家，事业单位1家。', '200.00', null],
    ['no counts in 机构设置 → no warning', '本部门包括本部及下属单位。', '200.00', null],
  ])('equal when every unit is 行政 or 参公: %s', (_n, org, running, severity) => {
    const t8 = bt8('2,132,777.54');
    const t9 = bt9(running as string);
    const { findings } = run(rule, disclosure([org as string, t8, t9]));
    if (!severity) return expect(findings).toEqual([]);
    expect(findings.map((f) => [f.rule, f.severity, f.expected, f.actual])).toEqual([['B-19', 'warning', '213.28', running]]);
    expect(findings[0].cells.map((c) => c.cell)).toEqual([at(t9, '', 'running'), at(t8, '合计', 'office')]);
  });
});
