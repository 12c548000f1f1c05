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

// Issue 16 class 1: items of T7/T8 named in the text, against their own row (the way N-07 reads T5).
describe('N-10 items against their T7 / T8 rows', () => {
  const T7i = () =>
    table('T7', {
      main: [
        { name: '合计', kind: 'total', cells: { opening: '0', income: '120.00', total: '120.00', basic: '0', project: '120.00', closing: '0' } },
        { name: '城乡社区支出', code: '212', cells: { total: '100.00' } },
        { name: '国有土地使用权出让收入安排的支出', code: '21208', cells: { total: '100.00' } },
        { name: '城市建设支出', code: '2120803', cells: { total: '100.00' } },
        { name: '住房保障支出', code: '221', cells: { total: '20.00' } },
        { name: '保障性安居工程支出', code: '22101', cells: { total: '20.00' } },
        { name: '其他住房保障支出', code: '2210199', cells: { total: '20.00' } },
      ],
    });
  const T8i = () =>
    table('T8', {
      main: [
        { name: '合计', kind: 'total', cells: { total: '8.00', basic: '0', project: '8.00' } },
        { name: '国有资本经营预算支出', code: '223', cells: { total: '8.00' } },
        { name: '解决历史遗留问题及改革成本支出', code: '22301', cells: { total: '8.00' } },
        { name: '其他解决历史遗留问题及改革成本支出', code: '2230199', cells: { total: '8.00' } },
      ],
    });
  const g = (...lines: string[]) => disclosure(['八、政府性基金预算财政拨款收入支出决算情况说明', ...lines], { T7: T7i() });
  const s = (...lines: string[]) => disclosure(['九、国有资本经营预算财政拨款支出决算情况说明', ...lines], { T8: T8i() });
  it.each([
    [g('2024年度政府性基金预算财政拨款支出120.00万元，其中：城市建设支出100.00万元，其他住房保障支出20.00万元。'), []],
    // (the 其中 list no longer adds up either: a second relation on the same number, grouped by causes)
    [g('2024年度政府性基金预算财政拨款支出120.00万元，其中：城市建设支出100.00万元，其他住房保障支出2.00万元。'), [['N-10', 'error', '102.00', '120.00万元'], ['N-10', 'error', '20.00', '2.00万元']]],
    [g('2024年度政府性基金预算财政拨款支出120.00万元，主要用于城市建设支出10.00万元。'), [['N-10', 'error', '100.00', '10.00万元']]],
    [g('1、住房保障支出（类）保障性安居工程支出（款）其他住房保障支出（项）', '年初预算为0万元，支出决算为20.00万元。'), []],
    [g('1、住房保障支出（类）保障性安居工程支出（款）其他住房保障支出（项）', '年初预算为0万元，支出决算为21.00万元。'), [['N-10', 'error', '20.00', '21.00万元']]],
    [g('1.住房保障支出（类）保障性安居工程支出（款）其他住房保障支出（项）支出决算为20.00万元，主要用于公租房。'), []],
    [g('1.住房保障支出（类）保障性安居工程支出（款）其他住房保障支出（项）支出决算为120.00万元，主要用于公租房。'), [['N-10', 'error', '20.00', '120.00万元']]],
    // rounding boundary: one unit of the last place is a notice, never an error
    [g('城乡社区支出（类）国有土地使用权出让收入安排的支出（款）城市建设支出（项）年初预算为80.00万元，支出决算为100.01万元。'), [['N-10', 'notice', '100.00', '100.01万元']]],
    // the section's own total
    [g('2024年度政府性基金预算财政拨款支出112.00万元。'), [['N-10', 'error', '120.00', '112.00万元']]],
    [s('2024年度国有资本经营预算财政拨款支出8.00万元，其中：其他解决历史遗留问题及改革成本支出8.00万元。'), []],
    [s('2024年度国有资本经营预算财政拨款支出8.00万元，其中：其他解决历史遗留问题及改革成本支出6.00万元。'), [['N-10', 'error', '6.00', '8.00万元'], ['N-10', 'error', '8.00', '6.00万元']]],
  ])('%#', (dd, want) => {
    expect(brief(run(rule, dd)).filter((f) => f[1] !== 'notice' || want.some((w) => w[1] === 'notice'))).toEqual(want);
  });
  it('the finding points at the row\'s 本年支出 cell', () => {
    const fs = run(rule, g('2024年度政府性基金预算财政拨款支出120.00万元，其中：城市建设支出100.00万元，其他住房保障支出2.00万元。'));
    const item = fs.find((f) => f.expected === '20.00')!;
    expect(item.cells.map((c) => [c.cell.table, c.cell.text])).toEqual([['T7', '20.00']]);
    expect(item.message.zh).toContain('2210199 其他住房保障支出');
  });
});
