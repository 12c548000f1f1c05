import { describe, expect, test } from 'vitest';
import { rule } from '../../../lib/checks/I-03';
import { at, brief, disclosure, expected, run, tbl } from './build';

function t1(grand: string, opening = '10.00', extra: string[][] = []) {
  return tbl('T1', {
    panels: {
      income: {
        cols: ['amount'],
        rows: [
          ['', '一、一般公共预算财政拨款收入', '896.57'],
          ['', '本年收入合计', '896.57'],
          ['', '使用非财政拨款结余（含专用结余）', ''],
          ...extra,
          ['', '年初结转和结余', opening],
          ['', '总计', grand],
        ],
      },
    },
  });
}

describe('I-03 收入总计 = 本年收入合计 + 使用非财政拨款结余 + 年初结转和结余', () => {
  const cells = (t: ReturnType<typeof tbl>, extra: string[] = []) =>
    [
      [at(t, '总计', 'amount'), 'total'],
      [at(t, '本年收入合计', 'amount'), 'part'],
      [at(t, '使用非财政拨款结余（含专用结余）', 'amount'), 'part'],
      ...extra.map((n) => [at(t, n, 'amount'), 'part']),
      [at(t, '年初结转和结余', 'amount'), 'part'],
    ] as Array<[ReturnType<typeof at>, 'total' | 'part']>;
  test.each([
    ['exact', '906.57', null],
    ['rounding-only → notice', '906.58', 'notice'],
    ['opening balance forgotten → error', '896.57', 'error'],
  ])('%s', (_n, grand, severity) => {
    const t = t1(grand as string);
    const { findings } = run(rule, disclosure([t]));
    if (!severity) return expect(findings).toEqual([]);
    expect(brief(findings)).toEqual([expected('I-03', severity as string, cells(t))]);
  });
  test('older layouts: rows between the totals (用事业基金弥补收支差额) are terms; 其中 rows are not', () => {
    const t = t1('916.57', '10.00', [
      ['', '用事业基金弥补收支差额', '10.00'],
      ['', '其中：专用结余', '3.00'],
    ]);
    expect(run(rule, disclosure([t])).findings).toEqual([]);
    const bad = t1('906.57', '10.00', [['', '用事业基金弥补收支差额', '10.00']]);
    expect(brief(run(rule, disclosure([bad])).findings)).toEqual([expected('I-03', 'error', cells(bad, ['用事业基金弥补收支差额']))]);
  });
});
