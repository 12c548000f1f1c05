import { describe, expect, test } from 'vitest';
import { rule } from '../../../lib/checks/I-22';
import { at, brief, disclosure, expected, run, tbl } from './build';
import { T9 } from './samples';

describe('I-22 T9: 合计 = 出国 + 公务用车小计 + 接待; 小计 = 购置 + 运行', () => {
  test('consistent table passes', () => {
    expect(run(rule, disclosure([T9()])).findings).toEqual([]);
  });
  test('budget total wrong → error with the three items', () => {
    const t = T9({ 'budget.total': '9.42' });
    expect(brief(run(rule, disclosure([t])).findings)).toEqual([
      expected('I-22', 'error', [
        [at(t, '', 'budget.total'), 'total'],
        [at(t, '', 'budget.abroad'), 'part'],
        [at(t, '', 'budget.car'), 'part'],
        [at(t, '', 'budget.reception'), 'part'],
      ]),
    ]);
  });
  test('car subtotal off by 0.01 → notice', () => {
    const t = T9({ 'actual.car': '16.95', 'actual.carRunning': '16.94', 'actual.total': '24.52' });
    expect(brief(run(rule, disclosure([t])).findings)).toEqual([
      expected('I-22', 'notice', [[at(t, '', 'actual.car'), 'total'], [at(t, '', 'actual.carPurchase'), 'part'], [at(t, '', 'actual.carRunning'), 'part']]),
    ]);
  });
  test('older layouts with 会议费/培训费: either definition of the total is accepted', () => {
    const cols = ['actual.total', 'actual.abroad', 'actual.car', 'actual.reception', 'actual.meeting', 'actual.training'];
    const withMeetings = tbl('T9', { cols, rows: [['', '', '10.00', '1.00', '2.00', '3.00', '2.00', '2.00']] });
    expect(run(rule, disclosure([withMeetings])).findings).toEqual([]);
    const without = tbl('T9', { cols, rows: [['', '', '6.00', '1.00', '2.00', '3.00', '2.00', '2.00']] });
    expect(run(rule, disclosure([without])).findings).toEqual([]);
    const neither = tbl('T9', { cols, rows: [['', '', '8.00', '1.00', '2.00', '3.00', '2.00', '2.00']] });
    expect(run(rule, disclosure([neither])).findings.map((f) => f.severity)).toEqual(['error']);
  });
});
