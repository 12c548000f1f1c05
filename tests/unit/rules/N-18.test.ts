import { describe, expect, it } from 'vitest';
import { rule } from '../../../lib/checks/N-18';
import { brief, disclosure, outcome, run, table } from '../claims.builders';

const T5 = () =>
  table('T5', {
    main: [
      { name: '合计', kind: 'total', cells: { total: '200.00' } },
      { name: '社会保障和就业支出', code: '208', cells: { total: '100.00' } },
      { name: '行政事业单位养老支出', code: '20805', cells: { total: '100.00' } },
      { name: '行政单位离退休', code: '2080501', cells: { total: '100.00' } },
      { name: '卫生健康支出', code: '210', cells: { total: '100.00' } },
      { name: '行政事业单位医疗', code: '21011', cells: { total: '100.00' } },
      { name: '行政单位医疗', code: '2101101', cells: { total: '100.00' } },
    ],
  });
const H = ['五、一般公共预算财政拨款支出决算情况说明', '（三）一般公共预算财政拨款支出决算具体情况'];
const d = (line: string, year = 2024) => {
  const dd = disclosure([...H, line], { T5: T5() });
  dd.info.year = year;
  return dd;
};

describe('N-18 classification names: as the tables print them, in force for the year', () => {
  it.each([
    '1.社会保障和就业支出（类）行政事业单位养老支出（款）行政单位离退休（项），年初预算为51.50万元，支出决算为51.98万元。',
    '卫生健康支出（类）行政事业单位医疗（款）行政单位医疗（项）支出决算为46.34万元。',
    '主要用于社会保障和就业支出（类）100.00万元。',
  ])('passes: %s', (line) => {
    expect(run(rule, d(line))).toEqual([]);
  });

  it.each([
    ['1.社会保障和就业支出（类）行政事业单位离退休（款）行政单位离退休（项），支出决算为51.98万元。', [['N-18', 'error', '行政事业单位养老支出', '行政事业单位离退休']]],
    ['医疗卫生与计划生育支出（类）行政事业单位医疗（款）行政单位医疗（项）支出决算为46.34万元。', [['N-18', 'error', '卫生健康支出', '医疗卫生与计划生育支出']]],
    ['主要用于医疗卫生与计划生育支出（类）100.00万元。', [['N-18', 'error', '卫生健康支出', '医疗卫生与计划生育支出']]],
    // a 项 the tables do not have: a warning
    ['社会保障和就业支出（类）行政事业单位养老支出（款）归口管理的行政单位离退休（项）支出决算为51.98万元。', [['N-18', 'warning', null, '归口管理的行政单位离退休']]],
  ])('flags: %s', (line, want) => {
    expect(brief(run(rule, d(line)))).toEqual(want);
  });

  it('an old name before its rename year is the name in force (2018 report)', () => {
    const dd = d('医疗卫生与计划生育支出（类）行政事业单位医疗（款）行政单位医疗（项）支出决算为46.34万元。', 2018);
    expect(run(rule, dd)).toEqual([]);
  });

  it('the error names the current name and the year of the rename', () => {
    const [f] = run(rule, d('医疗卫生与计划生育支出（类）行政事业单位医疗（款）行政单位医疗（项）支出决算为46.34万元。'));
    expect(f.message.zh).toContain('自2019年起已更名为“卫生健康支出”');
    expect(f.quote).toBe('医疗卫生与计划生育支出（类）行政事业单位医疗（款）行政单位医疗（项）支出决算为46.34万元。');
  });

  it('not applicable without any 类/款/项 name', () => {
    expect(outcome(rule, d('一般公共预算财政拨款支出200.00万元。'))).toBe('not-applicable');
  });
});
