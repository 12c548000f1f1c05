import { describe, expect, it } from 'vitest';
import { rule } from '../../../lib/checks/N-13';
import { brief, disclosure, outcome, run, T5 } from '../claims.builders';

const H = ['五、一般公共预算财政拨款支出决算情况说明', '（二）一般公共预算财政拨款支出决算结构情况'];
const d = (s: string) => disclosure([...H, s], { T5: T5() });

describe('N-13 shares covering a whole add up to 100', () => {
  it('passes an exact 100', () => {
    expect(run(rule, d('财政拨款支出880.81万元，主要用于：一般公共服务（类）支出742.39万元，占84.28%；社会保障和就业支出87.96万元，占9.99%；住房保障支出50.46万元，占5.73%。'))).toEqual([]);
  });
  it('rounding-level sum → notice', () => {
    expect(brief(run(rule, d('财政拨款支出880.81万元，主要用于：一般公共服务（类）支出742.39万元，占84.29%；社会保障和就业支出87.96万元，占9.99%；住房保障支出50.46万元，占5.73%。')))).toEqual([
      ['N-13', 'notice', '100%', '100.01%'],
    ]);
  });
  it('a sum far from 100 → error', () => {
    expect(brief(run(rule, d('财政拨款支出880.81万元，主要用于：一般公共服务（类）支出742.39万元，占84.28%；社会保障和就业支出87.96万元，占9.99%；住房保障支出50.46万元，占6.73%。')))).toEqual([
      ['N-13', 'error', '100%', '101%'],
    ]);
  });
  it('a partial list (parts do not add up to the whole) is not checked', () => {
    expect(run(rule, d('财政拨款支出880.81万元，主要用于：一般公共服务（类）支出742.39万元，占84.28%；住房保障支出50.46万元，占5.73%。'))).toEqual([]);
    expect(outcome(rule, disclosure(['一、部门职责']))).toBe('not-applicable');
  });
});
