import { describe, expect, test } from 'vitest';
import { rule } from '../../../lib/checks/I-04';
import { at, brief, disclosure, expected, run, tbl } from './build';

function t1(grand: string) {
  return tbl('T1', {
    panels: {
      expense: {
        cols: ['amount'],
        rows: [
          ['', '一、一般公共服务支出', '896.57'],
          ['', '本年支出合计', '896.57'],
          ['', '结余分配', ''],
          ['', '年末结转和结余', '5.00'],
          ['', '总计', grand],
        ],
      },
    },
  });
}

describe('I-04 支出总计 = 本年支出合计 + 结余分配 + 年末结转和结余', () => {
  test.each([
    ['exact', '901.57', null],
    ['rounding-only → notice', '901.56', 'notice'],
    ['closing balance forgotten → error', '896.57', 'error'],
  ])('%s', (_n, grand, severity) => {
    const t = t1(grand as string);
    const { findings } = run(rule, disclosure([t]));
    if (!severity) return expect(findings).toEqual([]);
    expect(brief(findings)).toEqual([
      expected('I-04', severity as string, [
        [at(t, '总计', 'amount'), 'total'],
        [at(t, '本年支出合计', 'amount'), 'part'],
        [at(t, '结余分配', 'amount'), 'part'],
        [at(t, '年末结转和结余', 'amount'), 'part'],
      ]),
    ]);
  });
});

describe('I-04 balance breakdowns', () => {
  test('基本支出结转 / 项目支出结转和结余 under 年末结转和结余 are not extra terms', () => {
    const t = tbl('T1', {
      panels: {
        expense: {
          cols: ['amount'],
          rows: [
            ['', '本年支出合计', '896.57'],
            ['', '结余分配', ''],
            ['', '年末结转和结余', '5.00'],
            ['', '基本支出结转', '2.00'],
            ['', '项目支出结转和结余', '3.00'],
            ['', '总计', '901.57'],
          ],
        },
      },
    });
    expect(run(rule, disclosure([t])).findings).toEqual([]);
  });
});
