import { describe, expect, it } from 'vitest';
import { rule } from '../../../lib/checks/N-14';
import { rule as n07 } from '../../../lib/checks/N-07';
import { rule as n11 } from '../../../lib/checks/N-11';
import { brief, disclosure, outcome, run, T5, T6 } from '../claims.builders';

// Without T5 the concept has no table counterpart, so only N-14 can compare its statements.
const d = (...s: string[]) => disclosure(['五、一般公共预算财政拨款支出决算情况说明', ...s]);
const withT5 = (...s: string[]) => disclosure(['五、一般公共预算财政拨款支出决算情况说明', ...s], { T5: T5() });

describe('N-14 one indicator, one value', () => {
  it('passes two equal statements', () => {
    expect(run(rule, d('（一）一般公共预算财政拨款支出决算总体情况', '财政拨款支出880.81万元。', '（二）一般公共预算财政拨款支出决算结构情况', '财政拨款支出880.81万元，主要用于以下方面。'))).toEqual([]);
  });
  it('flags a different value with both sentences as spans', () => {
    const fs = run(rule, d('（一）一般公共预算财政拨款支出决算总体情况', '财政拨款支出880.81万元。', '（三）一般公共预算财政拨款支出决算具体情况', '财政拨款支出年初预算数为757.07万元，支出决算数为896.57万元。'));
    expect(brief(fs)).toEqual([['N-14', 'error', '880.81万元', '896.57万元']]);
    expect(fs[0].spans).toHaveLength(2);
  });
  it('with the table present, the wrong statement is left to its own rule: one finding, only the wrong sentence marked', () => {
    const lines = ['（一）一般公共预算财政拨款支出决算总体情况', '财政拨款支出880.81万元。', '（三）一般公共预算财政拨款支出决算具体情况', '财政拨款支出年初预算数为757.07万元，支出决算数为896.57万元。'];
    expect(run(rule, withT5(...lines))).toEqual([]);
    // Nothing left for N-14 to compare: not applicable, rather than a pass it did not check.
    expect(outcome(rule, withT5(...lines))).toBe('not-applicable');
    const byTable = run(n07, withT5(...lines)).filter((f) => f.severity === 'error');
    expect(brief(byTable)).toEqual([['N-07', 'error', '880.81', '896.57万元']]);
    expect(byTable[0].spans.map((sp) => sp.paragraph.text.slice(sp.start, sp.end))).toEqual([lines[3]]);
  });
  it('a rounding-level difference is a notice', () => {
    expect(brief(run(rule, d('（一）一般公共预算财政拨款支出决算总体情况', '财政拨款支出880.81万元。', '（二）一般公共预算财政拨款支出决算结构情况', '财政拨款支出880.80万元。')))).toEqual([
      ['N-14', 'notice', '880.81万元', '880.80万元'],
    ]);
  });
  it('counts: vehicles stated twice', () => {
    const dd = disclosure(['十二、关于国有资产占用情况说明', '共有车辆9辆，其中：其他用车9辆。', '截至12月31日，机关共有车辆8辆。']);
    expect(brief(run(rule, dd))).toEqual([['N-14', 'error', '9辆', '8辆']]);
    // 公务用车保有量 (appropriation-funded vehicles) is another indicator than all vehicles.
    const other = disclosure(['十二、关于国有资产占用情况说明', '共有车辆9辆，其中：其他用车9辆。', '七、“三公”经费', '公务用车保有量为 8 辆。']);
    expect(run(rule, other)).toEqual([]);
  });
  // Issue 16 class 9: 机关运行经费 (compared with T6 by N-11 only for a purely administrative unit).
  describe('机关运行经费 stated twice', () => {
    const lines = (a: string, b: string) => ['十、关于机关运行经费支出说明', `本部门2024年度机关运行经费支出${a}万元。`, `综上，机关运行经费${b}万元。`];
    const admin = (intro: string, a: string, b: string) => {
      const dd = disclosure([intro, ...lines(a, b)], { T6: T6() });
      dd.tables.T6!.blocks = [{ kind: 'table', index: 101, el: null, grid: [], rows: 0, cols: 0, caption: '' }];
      dd.paragraphs[0].index = 50;
      return dd;
    };
    it.each([
      ['本单位是行政单位。', '298.68', '298.44', []], // N-11 warns on 298.44: one finding, not two
      ['本单位是行政单位。', '298.68', '298.68', []],
      ['本部门包括下属事业单位。', '298.68', '298.44', [['N-14', 'error', '298.68万元', '298.44万元']]], // N-11 does not compare here
      ['本部门包括下属事业单位。', '298.68', '298.67', [['N-14', 'notice', '298.68万元', '298.67万元']]],
    ])('%s %s then %s', (intro, a, b, want) => {
      expect(brief(run(rule, admin(intro, a, b)))).toEqual(want);
    });
    it('N-11 names the wrong statement only, for an administrative unit', () => {
      const fs = run(n11, admin('本单位是行政单位。', '298.68', '298.44'));
      expect(brief(fs)).toEqual([['N-11', 'warning', '298.68', '298.44万元']]);
      expect(fs[0].quote).toBe('综上，机关运行经费298.44万元。');
    });
  });
});
