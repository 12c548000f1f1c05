import { describe, expect, test } from 'vitest';
import { rule } from '../../../lib/checks/I-24';
import { at, brief, disclosure, expected, run, tbl } from './build';
import { fundTable } from './samples';

describe('I-24 T7/T8 each row: 年末 = 年初 + 本年收入 − 本年支出; 本年支出 = 基本 + 项目', () => {
  const ok = { opening: '10.00', income: '20.00', total: '25.00', basic: '5.00', project: '20.00', closing: '5.00' };
  test('consistent rows pass (T7 and T8)', () => {
    expect(run(rule, disclosure([fundTable('T7', ok), fundTable('T8', ok)])).findings).toEqual([]);
  });
  test('closing wrong → error naming the four cells', () => {
    const t = fundTable('T7', { ...ok, closing: '15.00' });
    expect(brief(run(rule, disclosure([t])).findings)).toEqual([
      expected('I-24', 'error', [
        [at(t, '合计', 'closing'), 'total'],
        [at(t, '合计', 'opening'), 'part'],
        [at(t, '合计', 'income'), 'part'],
        [at(t, '合计', 'total'), 'part'],
      ]),
    ]);
  });
  test('spending split off by 0.01 → notice', () => {
    const t = fundTable('T8', { ...ok, basic: '5.01' });
    expect(brief(run(rule, disclosure([t])).findings)).toEqual([
      expected('I-24', 'notice', [[at(t, '合计', 'total'), 'total'], [at(t, '合计', 'basic'), 'part'], [at(t, '合计', 'project'), 'part']]),
    ]);
  });
  test('T8 with 本年支出 columns only: only the split is checked', () => {
    const t = tbl('T8', { cols: ['total', 'basic', 'project'], rows: [['', '合计', '3.00', '1.00', '2.00']] });
    expect(run(rule, disclosure([t])).findings).toEqual([]);
  });
  // Issue 16 class 7: label text where the amounts belong is "no value": the row's relations do not
  // apply (no "年末 应为 105.00" error, no "not a number" warning); the rows below are checked.
  test.each([
    ['合计', '基本支出', '项目支出'],
    ['本年支出', '基本支出', '项目支出'],
    ['合 计', '基本支出', '项目支出'],
  ])('labels %s / %s / %s in the 合计 row: not applicable on that row, data rows still checked', (a, b, c) => {
    const cols = ['opening', 'income', 'total', 'basic', 'project', 'closing'];
    const good = tbl('T7', { cols, rows: [['', '合计', '100.00', '5.00', a, b, c, '0.00'], ['2120803', '城市建设支出', '100.00', '5.00', '105.00', '0.00', '105.00', '0.00']] });
    expect(run(rule, disclosure([good])).findings).toEqual([]);
    const bad = tbl('T7', { cols, rows: [['', '合计', '100.00', '5.00', a, b, c, '0.00'], ['2120803', '城市建设支出', '100.00', '5.00', '105.00', '0.00', '105.00', '10.00']] });
    expect(brief(run(rule, disclosure([bad])).findings).map((f) => f.severity)).toEqual(['error']);
  });
  test('other text where an amount belongs is still reported as not a number (warning, never 0)', () => {
    const t = fundTable('T7', { ...ok, total: '见附表' });
    expect(run(rule, disclosure([t])).findings.map((f) => [f.severity, f.actual])).toEqual([['warning', '见附表']]);
  });
  test('neither T7 nor T8 → not applicable', () => {
    expect(run(rule, disclosure([])).outcome).toBe('not-applicable');
  });
});
