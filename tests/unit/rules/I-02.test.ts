import { describe, expect, test } from 'vitest';
import { rule } from '../../../lib/checks/I-02';
import { at, brief, disclosure, expected, run, tbl } from './build';

function t1(total: string, edu = '') {
  return tbl('T1', {
    panels: {
      expense: {
        cols: ['amount'],
        rows: [
          ['', '一、一般公共服务支出', '742.39'],
          ['', '五、教育支出', edu],
          ['', '八、社会保障和就业支出', '87.96'],
          ['', '本年支出合计', total],
          ['', '结余分配', ''],
          ['', '年末结转和结余', ''],
          ['', '总计', total],
        ],
      },
    },
  });
}

describe('I-02 本年支出合计 = Σ 类 rows', () => {
  const cases = [
    { name: 'exact', total: '830.35', severity: null },
    { name: 'rounding-only → notice', total: '830.36', severity: 'notice' },
    { name: 'beyond tolerance → error', total: '830.45', severity: 'error' },
    { name: 'a class printed as 0 still counts', total: '830.35', edu: '0', severity: null },
  ];
  for (const c of cases) {
    test(c.name, () => {
      const t = t1(c.total, c.edu);
      const { findings } = run(rule, disclosure([t]));
      if (!c.severity) return expect(findings).toEqual([]);
      expect(brief(findings)).toEqual([
        expected('I-02', c.severity, [
          [at(t, '本年支出合计', 'amount'), 'total'],
          [at(t, '一、一般公共服务支出', 'amount'), 'part'],
          [at(t, '五、教育支出', 'amount'), 'part'],
          [at(t, '八、社会保障和就业支出', 'amount'), 'part'],
        ]),
      ]);
    });
  }
  test('no 本年支出合计 row → not applicable', () => {
    const t = tbl('T1', { panels: { expense: { cols: ['amount'], rows: [['', '一、一般公共服务支出', '1']] } } });
    expect(run(rule, disclosure([t])).outcome).toBe('not-applicable');
  });
});
