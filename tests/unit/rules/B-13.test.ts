import { describe, expect, test } from 'vitest';
import { rule } from '../../../lib/checks/B-13';
import { at, brief, disclosure, expected, run } from './build';
import { bt1, EXPENSE_OK, INCOME_OK, set, yuan } from './budget-build';

const COLS = ['total', 'basic', 'project'];
const bt3 = () => yuan('BT3', COLS, [['2010301', '行政运行', '12,029,501.84', '11,919,501.84', '110,000.00'], ['', '合计', '12,029,501.84', '11,919,501.84', '110,000.00']]);
const bt5 = (project: string, total = '12,029,501.84') =>
  yuan('BT5', COLS, [['2010301', '行政运行', total, '11,919,501.84', project], ['', '合计', total, '11,919,501.84', project]]);

describe('B-13 BT5 + BT6 + BT7 ≤ BT3 per code; equal when all income is fiscal', () => {
  test('all fiscal (BT1 has only 财政拨款收入) and equal → pass', () => {
    const { findings, outcome } = run(rule, disclosure([bt1(INCOME_OK, EXPENSE_OK), bt3(), bt5('110,000.00')]));
    expect(findings).toEqual([]);
    expect(outcome).toBe('pass');
  });
  test('all fiscal: BT5 below BT3 → error (equality), one cent → notice', () => {
    const t3 = bt3();
    const t5 = bt5('100,000.00', '12,019,501.84');
    const f = run(rule, disclosure([bt1(INCOME_OK, EXPENSE_OK), t3, t5])).findings;
    expect(brief(f)).toEqual([
      expected('B-13', 'error', [[at(t5, '2010301', 'total'), 'value'], [at(t3, '2010301', 'total'), 'value']]),
      expected('B-13', 'error', [[at(t5, '2010301', 'project'), 'value'], [at(t3, '2010301', 'project'), 'value']]),
      expected('B-13', 'error', [[at(t5, '合计', 'total'), 'value'], [at(t3, '合计', 'total'), 'value']]),
      expected('B-13', 'error', [[at(t5, '合计', 'project'), 'value'], [at(t3, '合计', 'project'), 'value']]),
    ]);
    const notice = run(rule, disclosure([bt1(INCOME_OK, EXPENSE_OK), bt3(), bt5('110,000.01', '12,029,501.85')])).findings;
    expect(notice.map((x) => x.severity)).toEqual(['notice', 'notice', 'notice', 'notice']);
  });
  test('with 事业收入 only ≤ applies: below passes, above is an error', () => {
    const withBusiness = bt1(set(INCOME_OK, '二、事业收入', '10.00'), EXPENSE_OK);
    expect(run(rule, disclosure([withBusiness, bt3(), bt5('100,000.00', '12,019,501.84')])).findings).toEqual([]);
    const t3 = bt3();
    const t5 = bt5('150,000.00', '12,069,501.84');
    const f = run(rule, disclosure([withBusiness, t3, t5])).findings;
    expect(f.map((x) => x.severity)).toEqual(['error', 'error', 'error', 'error']);
    expect(brief(f)[0]).toEqual(expected('B-13', 'error', [[at(t3, '2010301', 'total'), 'total'], [at(t5, '2010301', 'total'), 'part']]));
  });
  test('no fiscal tables → not applicable', () => {
    expect(run(rule, disclosure([bt3()])).outcome).toBe('not-applicable');
  });
});
