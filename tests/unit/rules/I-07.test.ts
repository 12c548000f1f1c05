import { describe, expect, test } from 'vitest';
import { rule } from '../../../lib/checks/I-07';
import { at, brief, disclosure, expected, run, tbl } from './build';
import type { RowInput } from './build';

const ROWS: RowInput[] = [
  ['', '合计', '896.57'],
  ['201', '一般公共服务支出', '742.39'],
  ['20131', '党委办公厅（室）及相关机构事务', '742.39'],
  ['2013101', '行政运行', '732.39'],
  ['2013199', '其他党委办公厅（室）及相关机构事务支出', '10'],
  ['208', '社会保障和就业支出', '154.18'],
  ['20805', '行政事业单位养老支出', '87.96'],
  ['2080501', '行政单位离退休', '1.8'],
  ['2080505', '机关事业单位基本养老保险缴费支出', '86.16'],
  ['20899', '其他社会保障和就业支出', '66.22'],
];

function t3(rows: RowInput[], key: 'T2' | 'T3' | 'T5' | 'T7' | 'T8' = 'T3') {
  return tbl(key, { cols: ['total'], rows });
}

function withValue(code: string, v: string): RowInput[] {
  return ROWS.map((r) => ((r as string[])[0] === code || (r as string[])[1] === code ? [(r as string[])[0], (r as string[])[1], v] : r));
}

describe('I-07 hierarchy: 合计 = Σ 类; 类 = Σ 款; 款 = Σ 项 (by code)', () => {
  test('consistent hierarchy passes (any order of rows)', () => {
    expect(run(rule, disclosure([t3(ROWS)])).findings).toEqual([]);
    // Codes, not order: shuffle the rows (合计 printed last, 项 before their 款).
    const shuffled = [ROWS[3], ROWS[8], ROWS[2], ROWS[1], ROWS[7], ROWS[6], ROWS[5], ROWS[4], ROWS[9], ROWS[0]];
    expect(run(rule, disclosure([t3(shuffled)])).findings).toEqual([]);
  });

  const cases: Array<[string, string, string, string, Array<[string, 'total' | 'part']>]> = [
    ['项 changed → 款 ≠ Σ 项 (error)', '2013101', '742.39', 'error', [['20131', 'total'], ['2013101', 'part'], ['2013199', 'part']]],
    ['款 changed → 类 and 款 identities fail', '20805', '87.86', 'error', []],
    ['合计 off by 0.01 → notice', '合计', '896.58', 'notice', [['合计', 'total'], ['201', 'part'], ['208', 'part']]],
    ['合计 off by 1 → error', '合计', '897.57', 'error', [['合计', 'total'], ['201', 'part'], ['208', 'part']]],
  ];
  for (const [name, code, value, severity, cells] of cases) {
    test(name, () => {
      const t = t3(withValue(code, value));
      const { findings } = run(rule, disclosure([t]));
      expect(findings.length).toBeGreaterThan(0);
      expect(findings.every((f) => f.rule === 'I-07' && f.severity === severity)).toBe(true);
      if (cells.length > 0) expect(brief(findings)).toEqual([expected('I-07', severity, cells.map(([c, r]) => [at(t, c, 'total'), r]))]);
      else expect(findings.length).toBe(2); // 208 = Σ 款 and 20805 = Σ 项
    });
  }

  test('其中 rows are never extra terms', () => {
    const rows = [...ROWS.slice(0, 4), { code: null, name: '其中：专项', kind: 'of-which' as const, values: ['100.00'] }, ...ROWS.slice(4)];
    expect(run(rule, disclosure([t3(rows)])).findings).toEqual([]);
  });

  test('works on T2, T5, T7 and T8 and on every amount column', () => {
    for (const key of ['T2', 'T5', 'T7', 'T8'] as const) {
      const t = tbl(key, { cols: ['total', 'basic'], rows: [['', '合计', '10.00', '3.00'], ['201', 'x', '10.00', '4.00']] });
      expect(brief(run(rule, disclosure([t])).findings)).toEqual([
        expected('I-07', 'error', [[at(t, '合计', 'basic'), 'total'], [at(t, '201', 'basic'), 'part']]),
      ]);
    }
  });

  test('split 类/款/项 columns joined by the recogniser carry a level', () => {
    const t = tbl('T3', {
      cols: ['total'],
      rows: [
        { code: '201', name: '一般公共服务支出', level: 'lei', values: ['10.00'] },
        { code: '20131', name: '党委办公厅', level: 'kuan', values: ['9.00'] },
      ],
    });
    expect(brief(run(rule, disclosure([t])).findings)).toEqual([
      expected('I-07', 'error', [[at(t, '201', 'total'), 'total'], [at(t, '20131', 'total'), 'part']]),
    ]);
  });

  test('rows without codes: unambiguous numbering is used', () => {
    const ok = tbl('T3', {
      cols: ['total'],
      rows: [['', '合计', '10.00'], ['', '一、一般公共服务支出', '10.00'], ['', '（一）党委办公厅', '10.00'], ['', '1.行政运行', '6.00'], ['', '2.其他', '4.00']],
    });
    expect(run(rule, disclosure([ok])).findings).toEqual([]);
    const bad = tbl('T3', {
      cols: ['total'],
      rows: [['', '合计', '10.00'], ['', '一、一般公共服务支出', '10.00'], ['', '（一）党委办公厅', '10.00'], ['', '1.行政运行', '6.00'], ['', '2.其他', '5.00']],
    });
    expect(brief(run(rule, disclosure([bad])).findings)).toEqual([
      expected('I-07', 'error', [[at(bad, '（一）党委办公厅', 'total'), 'total'], [at(bad, '1.行政运行', 'total'), 'part'], [at(bad, '2.其他', 'total'), 'part']]),
    ]);
  });

  test('rows without codes or clear numbering: a notice "could not determine the hierarchy", never a guess', () => {
    const t = tbl('T3', {
      cols: ['total'],
      rows: [['', '合计', '99.00'], ['', '一般公共服务支出', '10.00'], ['', '行政运行', '6.00']],
    });
    const { findings } = run(rule, disclosure([t]));
    expect(brief(findings)).toEqual([
      expected('I-07', 'notice', [[at(t, '一般公共服务支出', 'total'), 'value'], [at(t, '行政运行', 'total'), 'value']]),
    ]);
    expect(findings[0].message.zh).toContain('无法确定科目层级');
    expect(findings[0].message.en).toContain('could not determine the hierarchy');
  });

  test('mixed coded and uncoded rows → notice, not a guess', () => {
    const t = tbl('T3', { cols: ['total'], rows: [['', '合计', '99.00'], ['201', 'a', '10.00'], ['', '一、b', '6.00']] });
    expect(brief(run(rule, disclosure([t])).findings)).toEqual([expected('I-07', 'notice', [[at(t, '一、b', 'total'), 'value']])]);
  });

  test('none of T2 T3 T5 T7 T8 → not applicable', () => {
    expect(run(rule, disclosure([])).outcome).toBe('not-applicable');
  });
});

describe('I-07 missing levels', () => {
  test('a 项 whose 款 is not printed belongs to its 类 (not double-counted in 合计)', () => {
    const t = tbl('T5', {
      cols: ['total'],
      rows: [['', '合计', '10.00'], ['201', 'a', '10.00'], ['20131', 'b', '6.00'], ['2013101', 'c', '6.00'], ['2019901', 'd', '4.00']],
    });
    expect(run(rule, disclosure([t])).findings).toEqual([]);
  });
  test('a 款 without its 类 is top level', () => {
    const t = tbl('T5', { cols: ['total'], rows: [['', '合计', '10.00'], ['20131', 'b', '6.00'], ['221', 'x', '4.00']] });
    expect(run(rule, disclosure([t])).findings).toEqual([]);
  });
});
