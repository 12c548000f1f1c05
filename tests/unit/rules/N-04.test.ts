import { describe, expect, it } from 'vitest';
import { rule } from '../../../lib/checks/N-04';
import { brief, disclosure, run, T4 } from '../claims.builders';

const H = '四、财政拨款收入支出决算总体情况说明';
const d = (s: string) => disclosure([H, s], { T4: T4() });

describe('N-04 财政拨款收支总计', () => {
  it('passes a decrease with its rate (P = D ÷ (X + D))', () => {
    expect(run(rule, d('2024年度财政拨款收、支总计880.81万元，与上年相比，减少5.34万元，减少0.6%。'))).toEqual([]);
  });
  it('flags the total against T4 总计', () => {
    expect(brief(run(rule, d('2024年度财政拨款收、支总计0.3万元。')))).toEqual([['N-04', 'error', '880.81', '0.3万元']]);
  });
  it('flags "增长" for a decrease', () => {
    expect(brief(run(rule, d('2024年度财政拨款收、支总计880.81万元，与上年相比，减少5.34万元，增长0.6%。')))).toEqual([['N-04', 'error', '下降', '增长']]);
  });
});
