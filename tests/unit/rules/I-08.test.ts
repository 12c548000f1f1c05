import { describe, expect, test } from 'vitest';
import { rule } from '../../../lib/checks/I-08';
import { at, brief, disclosure, expected, run, tbl } from './build';

const COLS = ['total', 'basic', 'project', 'remit', 'operating', 'subsidy'];

describe('I-08 T3 each row: 合计 = 基本 + 项目 + 上缴上级 + 经营 + 对附属单位补助', () => {
  test.each([
    ['exact', '471.44', null],
    ['rounding-only → notice', '471.45', 'notice'],
    ['error', '481.44', 'error'],
  ])('%s', (_n, total, severity) => {
    const t = tbl('T3', { cols: COLS, rows: [['208', '社会保障和就业支出', total as string, '460.67', '10.77', '0.00', '0.00', '0.00']] });
    const { findings } = run(rule, disclosure([t]));
    if (!severity) return expect(findings).toEqual([]);
    expect(brief(findings)).toEqual([
      expected('I-08', severity as string, [
        [at(t, '208', 'total'), 'total'],
        ...COLS.slice(1).map((k) => [at(t, '208', k), 'part'] as [ReturnType<typeof at>, 'part']),
      ]),
    ]);
  });
  test('an unreadable part is a warning, never summed as 0', () => {
    const t = tbl('T3', { cols: COLS, rows: [['208', '社会保障和就业支出', '471.44', '见附表', '10.77', '', '', '']] });
    const { findings } = run(rule, disclosure([t]));
    expect(brief(findings)).toEqual([expected('I-08', 'warning', [[at(t, '208', 'basic'), 'value']])]);
  });
});
