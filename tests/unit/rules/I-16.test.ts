import { describe, expect, test } from 'vitest';
import { rule } from '../../../lib/checks/I-16';
import { at, brief, disclosure, expected, run } from './build';
import { T2, T4 } from './samples';

describe('I-16 T2 财政拨款收入 合计 = T4 本年收入合计', () => {
  test.each([
    ['exact', '880.81', null],
    ['one unit → notice', '880.80', 'notice'],
    ['error', '890.81', 'error'],
  ])('%s', (_n, fiscal, severity) => {
    const t2 = T2({ '合计|fiscal': fiscal as string });
    const t4 = T4();
    const { findings } = run(rule, disclosure([t2, t4]));
    if (!severity) return expect(findings).toEqual([]);
    expect(brief(findings)).toEqual([
      expected('I-16', severity as string, [[at(t2, '合计', 'fiscal'), 'value'], [at(t4, '本年收入合计', 'amount'), 'value']]),
    ]);
  });
});

describe('I-16 across units', () => {
  test('a 元 table is not compared cell by cell with a 万元 table: one notice, no error', () => {
    const t2 = T2({ '合计|fiscal': '8808100' });
    t2.unit = '元';
    const t4 = T4();
    const { findings } = run(rule, disclosure([t2, t4]));
    expect(brief(findings)).toEqual([
      expected('I-16', 'notice', [[at(t2, '合计', 'fiscal'), 'value'], [at(t4, '本年收入合计', 'amount'), 'value']]),
    ]);
    expect(findings[0].message.zh).toContain('金额单位不同');
  });
});
