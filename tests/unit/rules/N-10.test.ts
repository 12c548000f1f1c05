import { describe, expect, it } from 'vitest';
import { rule } from '../../../lib/checks/N-10';
import { brief, disclosure, outcome, run, table } from '../claims.builders';

const T7 = (v: string) => table('T7', { main: [{ name: '合计', kind: 'total', cells: { opening: '0', income: v, total: v, basic: '0', project: v, closing: '0' } }] });
const d = (s: string, v = '0') => disclosure(['八、政府性基金预算收入支出决算情况', s], { T7: T7(v) });

describe('N-10 政府性基金 / 国有资本经营 = T7 / T8', () => {
  it('passes zeros against an empty table', () => {
    expect(run(rule, d('2024年度政府性基金预算财政拨款收入0万元；年初结转和结余0万元；支出0万元，其中基本支出0万元，项目支出0万元；年末结转和结余0万元。'))).toEqual([]);
  });
  it('flags spending that the table does not show', () => {
    expect(brief(run(rule, d('2024年度政府性基金预算财政拨款收入0万元；支出5.00万元。')))).toEqual([['N-10', 'error', '0', '5.00万元']]);
  });
});

describe('N-10 the "无" sentence', () => {
  const dd = (v: string) => disclosure(['八、政府性基金预算财政拨款收入支出决算情况说明', '本部门2024年度无政府性基金预算财政拨款收入和支出。'], { T7: T7(v) });
  it('agrees with an empty table', () => {
    expect(run(rule, dd('0'))).toEqual([]);
  });
  it('contradicts a table with data', () => {
    const fs = run(rule, dd('12.50'));
    expect(fs.map((f) => [f.rule, f.severity, f.actual, f.cells.length])).toEqual([['N-10', 'error', '无', 3]]);
  });
});

describe('N-10 outcome', () => {
  it('passes (not "not applicable") when only the "无" sentence is there', () => {
    const dd = disclosure(['八、政府性基金预算财政拨款收入支出决算情况说明', '本部门2024年度无政府性基金预算财政拨款收入和支出。'], { T7: T7('0') });
    expect(outcome(rule, dd)).toBe('pass');
    expect(outcome(rule, disclosure(['一、部门职责'], { T7: T7('0') }))).toBe('not-applicable');
  });
});
