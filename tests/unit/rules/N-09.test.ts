import { describe, expect, it } from 'vitest';
import { rule } from '../../../lib/checks/N-09';
import { brief, disclosure, run, T9 } from '../claims.builders';
import { parseAmount } from '../../../lib/money';

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

  // Issue 16 class 2: each sub-item against its own T9 预算数 / 决算数 columns, and its own change.
  describe('sub-items one by one', () => {
    const T9b = () => {
      const t = T9();
      const set = (k: string, text: string) => {
        const c = t.panels[0].rows[0].cells;
        c[k] = { ...c['actual.total'], text, value: parseAmount(text) };
      };
      set('budget.car', '20.50');
      set('actual.car', '16.95');
      set('budget.total', '29.82');
      set('actual.total', '24.52');
      return t;
    };
    const dd = (...lines: string[]) => disclosure([...H, ...lines], { T9: T9b() });
    it.each([
      // Hunan wording: each item with its budget, actual, completion and change
      ['1.因公出国（境）费支出预算为7.57万元，支出决算为7.57万元，完成预算的100%；与上年相比增加7.57万元，由于去年为0万元，无法计算完成增长百分比。', []],
      ['1.因公出国（境）费支出预算为7.57万元，支出决算为7.57万元，完成预算的101%。', [['N-09', 'error', '100%', '101%']]],
      ['1.因公出国（境）费支出预算为7.75万元，支出决算为7.57万元，完成预算的97.68%。', [['N-09', 'error', '7.57', '7.75万元']]],
      ['2.公务用车购置及运行维护费支出预算为20.50万元，支出决算为16.95万元，完成预算的82.68%。', []],
      ['2.公务用车购置及运行维护费支出预算为20.50万元，支出决算为16.95万元，完成预算的82.60%。', [['N-09', 'error', '82.68%', '82.60%']]],
      // Shanghai wording: the item's actual and completion; its budget is T9's 预算数 column
      ['其中：因公出国（境）费决算为7.57万元，完成预算的100.00%；公务用车购置及运行维护费支出决算为16.95万元，完成预算的82.68%；公务接待费支出决算为0.00万元，完成预算的0.00%。', []],
      ['其中：因公出国（境）费决算为7.57万元，完成预算的100.00%；公务用车购置及运行维护费支出决算为16.95万元，完成预算的80.71%。', [['N-09', 'error', '82.68%', '80.71%']]],
      // rounding boundary: 16.95 ÷ 20.50 = 82.6829…%: 82.7% passes, 82.68% truncated from 82.6829 is exact
      ['公务用车购置及运行维护费支出决算为16.95万元，完成预算的82.7%。', []],
      // year on year, the item's own change and base (current − change)
      ['公务用车购置及运行维护费支出决算增加5.07万元，增长42.68%。', []],
      ['公务用车购置及运行维护费支出决算比上年增加5.07万元，增长43.68%。', [['N-09', 'error', '42.68%', '43.68%']]],
    ])('%s', (line, want) => {
      expect(brief(run(rule, dd(line)))).toEqual(want);
    });

    it("a rate copied from the total onto a sub-item is an error (the item's own base)", () => {
      const fs = run(rule, dd('“三公”经费财政拨款支出决算数比上年增加7.09万元，增长40.67%，其中：公务用车购置及运行维护费支出决算增加5.07万元，增长40.67%。'));
      // The total's own rate prints 40.68 (a rounding difference); the sub-item's is 42.68 (an error).
      expect(brief(fs)).toEqual([
        ['N-09', 'notice', '40.68%', '40.67%'],
        ['N-09', 'error', '42.68%', '40.67%'],
      ]);
    });
  });
});
