import { describe, expect, test } from 'vitest';
import { rule } from '../../../lib/checks/I-06';
import { at, brief, disclosure, expected, run, tbl } from './build';

const COLS = ['total', 'fiscal', 'upper', 'business', 'operating', 'affiliated', 'other'];

function t2(total: string, fiscal = '880.81', other = '15.76') {
  return tbl('T2', {
    cols: COLS,
    rows: [
      ['', '合计', total, fiscal, '0', '', '', '', other],
      ['201', '一般公共服务支出', '742.39', '742.39', '', '', '', '', ''],
    ],
  });
}

describe('I-06 T2 each row: 本年收入合计 = Σ six sources', () => {
  test.each([
    ['exact', '896.57', null],
    ['rounding-only → notice', '896.56', 'notice'],
    ['error', '906.57', 'error'],
  ])('%s', (_n, total, severity) => {
    const t = t2(total as string);
    const { findings } = run(rule, disclosure([t]));
    if (!severity) return expect(findings).toEqual([]);
    expect(brief(findings)).toEqual([
      expected('I-06', severity as string, [
        [at(t, '合计', 'total'), 'total'],
        ...COLS.slice(1).map((k) => [at(t, '合计', k), 'part'] as [ReturnType<typeof at>, 'part']),
      ]),
    ]);
  });
  test('every row is checked, not only the total', () => {
    const t = tbl('T2', { cols: COLS, rows: [['2013101', '行政运行', '732.39', '722.39', '', '', '', '', '']] });
    const { findings } = run(rule, disclosure([t]));
    expect(findings.map((f) => [f.rule, f.severity])).toEqual([['I-06', 'error']]);
    expect(findings[0].message.zh).toBe('收入决算表 2013101 行政运行「合计」 732.39 ≠ 各收入来源之和 722.39（差 10.00，容差 0.01）');
  });
});
