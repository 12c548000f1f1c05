import { describe, expect, it } from 'vitest';
import { rule } from '../../../lib/checks/N-09';
import { brief, disclosure, run, T9 } from '../claims.builders';

const H = ['七、财政拨款“三公”经费支出决算情况说明', '（一）“三公”经费财政拨款支出决算总体情况说明'];
const d = (...lines: string[]) => disclosure([...H, ...lines], { T9: T9() });

describe('N-09 三公: budget, actual, completion, items, year-on-year', () => {
  it('passes the seed paragraph (1477.08% = 7.09 ÷ 0.48)', () => {
    expect(
      run(rule, d('2024年度“三公”经费财政拨款支出预算为9.32万元，支出决算为7.57万元，完成预算的81.22%；与上年相比增加7.09万元，增长1477.08%。决算数小于预算数的主要原因是未产生公务接待费用。决算数大于上年数的主要原因是因公出国（境）支出增加。')),
    ).toEqual([]);
  });

  it('checks budget and actual against T9 and the completion rate', () => {
    const fs = run(rule, d('2024年度“三公”经费财政拨款支出预算为9.23万元，支出决算为7.57万元，完成预算的82.21%。'));
    expect(brief(fs)).toEqual([
      ['N-09', 'error', '9.32', '9.23万元'],
      ['N-09', 'error', '82.02%', '82.21%'],
    ]);
  });

  it('items: completion with the T9 budget; no rate over a zero budget unless both are zero (notice)', () => {
    const ok = run(rule, d('其中：因公出国（境）费支出决算为7.57万元，完成预算的100%；公务接待费支出决算为0万元，完成预算的0.00%。'));
    expect(ok).toEqual([]);
    const zero = run(rule, d('公务用车购置及运行维护费支出决算为0万元，完成预算的0.00%。'));
    expect(zero.map((f) => f.severity)).toEqual(['notice']);
  });

  it('a direction word about the previous year must match the change', () => {
    const fs = run(rule, d('3.公务接待费支出预算为1.75万元，支出决算为0万元；与上年相比减少0.48万元。决算数大于上年数的主要原因是压缩支出。'));
    expect(brief(fs)).toEqual([['N-09', 'error', '小于', '大于']]);
  });

  it('a change-only statement uses the T9 actual as the current value', () => {
    expect(run(rule, d('“三公”经费财政拨款支出决算数比2023年度增加7.09万元，增长1477.08%。'))).toEqual([]);
    expect(brief(run(rule, d('“三公”经费财政拨款支出决算数比2023年度增加7.09万元，增长147.08%。')))).toEqual([['N-09', 'error', '1477.08%', '147.08%']]);
  });
});
