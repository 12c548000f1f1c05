import { describe, expect, it } from 'vitest';
import { rule } from '../../../lib/checks/N-01';
import { brief, disclosure, outcome, run, T1 } from '../claims.builders';

const H = '一、收入支出决算总体情况说明';
const d = (s: string) => disclosure([H, s], { T1: T1() });

describe('N-01 收支总计 and its year-on-year change', () => {
  it.each([
    '2024年度收、支总计896.57万元。与上年相比，增加10.42万元，增长1.18%，主要原因是退回款。',
    '2024年度收入支出总计896.57万元，较上年减少10.42万元，下降1.15%。', // 10.42 / 906.99 = 1.149
  ])('passes: %s', (s) => {
    expect(run(rule, d(s))).toEqual([]);
    expect(outcome(rule, d(s))).toBe('pass');
  });

  it('flags an amount that contradicts T1 总计, pointing at the cell', () => {
    const fs = run(rule, d('2024年度收、支总计869.57万元。'));
    expect(brief(fs)).toEqual([['N-01', 'error', '896.57', '869.57万元']]);
    expect(fs[0].cells.map((c) => [c.cell.table, c.cell.text, c.role])).toEqual([['T1', '896.57', 'value']]);
    expect(fs[0].quote).toBe('2024年度收、支总计869.57万元。');
    expect(fs[0].spans[0]).toMatchObject({ start: 0, end: fs[0].quote!.length });
  });

  it('flags a wrong growth rate (P = D ÷ (X − D))', () => {
    const fs = run(rule, d('2024年度收、支总计896.57万元，与上年相比，增加10.42万元，增长1.81%。'));
    expect(brief(fs)).toEqual([['N-01', 'error', '1.18%', '1.81%']]);
  });

  // Class 3 (issue 16): only the current value and the change are stated; base = X − D (X + D for a decrease).
  it.each([
    ['2024年度收、支总计896.57万元，与上年相比增加10.42万元，增长1.18%。', []],
    ['2024年度收、支总计896.57万元，与上年相比增加10.42万元，增长1.28%。', [['N-01', 'error', '1.18%', '1.28%']]],
    ['2024年度收、支总计896.57万元，比上年增加10.42万元，增长2.18%。', [['N-01', 'error', '1.18%', '2.18%']]],
    ['2024年度收入支出总计896.57万元，较上年减少10.42万元，下降1.15%。', []],
    ['2024年度收入支出总计896.57万元，较上年减少10.42万元，下降1.18%。', [['N-01', 'error', '1.15%', '1.18%']]],
    // rounding boundary: 10.42 ÷ 886.15 = 1.1759 %; one decimal prints 1.2 %, whole percent 1 %
    ['2024年度收、支总计896.57万元，与上年相比增加10.42万元，增长1.2%。', []],
    ['2024年度收、支总计896.57万元，与上年相比增加10.42万元，增长1%。', []],
    ['2024年度收、支总计896.57万元，与上年相比增加10.42万元，增长2%。', [['N-01', 'error', '1%', '2%']]],
  ])('base = current − change: %s', (s, want) => {
    expect(brief(run(rule, d(s)))).toEqual(want);
  });

  it('a rate one unit off the last digit is a notice (尾数差异)', () => {
    const fs = run(rule, d('2024年度收、支总计896.57万元，与上年相比，增加10.42万元，增长1.17%。'));
    expect(brief(fs)).toEqual([['N-01', 'notice', '1.18%', '1.17%']]);
  });

  it('flags a direction word contradicting the numbers', () => {
    const fs = run(rule, d('2024年度收、支总计896.57万元，与上年相比，增加10.42万元，下降1.18%。'));
    expect(fs.map((f) => [f.severity, f.expected, f.actual])).toEqual([['error', '增长', '下降']]);
  });

  it('growth from a zero base: error, except the "增长100%" convention (warning)', () => {
    expect(brief(run(rule, d('2024年度收、支总计896.57万元，与上年相比，增加896.57万元，增长50%。')))).toEqual([['N-01', 'error', '无法计算', '50%']]);
    expect(brief(run(rule, d('2024年度收、支总计896.57万元，与上年相比，增加896.57万元，增长100%。')))).toEqual([['N-01', 'warning', '无法计算', '100%']]);
  });

  it('is not applicable without such a statement', () => {
    expect(outcome(rule, disclosure(['一、部门职责'], { T1: T1() }))).toBe('not-applicable');
  });
});
