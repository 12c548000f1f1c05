import { describe, expect, it } from 'vitest';
import { rule } from '../../../lib/checks/N-14';
import { rule as n07 } from '../../../lib/checks/N-07';
import { brief, disclosure, outcome, run, T5 } from '../claims.builders';

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
});
