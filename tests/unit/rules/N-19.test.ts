import { describe, expect, it } from 'vitest';
import { rule } from '../../../lib/checks/N-19';
import { disclosure, outcome, run } from '../claims.builders';

const overall = (...s: string[]) => disclosure(['一、收入支出决算总体情况说明', ...s]);
const item = (...s: string[]) => disclosure(['五、一般公共预算财政拨款支出决算情况说明', '（三）一般公共预算财政拨款支出决算具体情况', '1、一般公共服务支出（类）党委办公厅（室）及相关机构事务（款）行政运行（项）', ...s]);
const admin = (...s: string[]) => disclosure(['十、关于机关运行经费支出说明', ...s]);

describe('N-19 a stated change comes with its reason', () => {
  it.each([
    overall('2024年度收、支总计896.57万元。与上年相比，增加10.42万元，增长1.18%，主要原因是退回款和三个高地创建奖。'),
    overall('2025 年度收入支出总计 4733.14万元。与 2024 年度相比，收入支出总计增加 90.09 万元，增长1.94%。主要原因：基本支出增加。'),
    overall('2024年度收入支出总计896.57万元，较上年减少10.42万元，下降1.15%，系人员减少。'),
    overall('2024年度收入支出总计896.57万元，与上年持平。'),
    item('年初预算为622.38万元，支出决算为732.39万元，完成年初预算的117.68%。决算数大于年初预算数的主要原因是：人员异动。'),
    item('年初预算为1.27万元，支出决算为1.27万元，决算数与预算数持平。'),
    admin('机关运行经费支出185.41万元，比2024年度增加4.68万元，增长2.60%。', '主要原因是人员变动，导致福利费增加。'),
  ])('passes %#', (d) => {
    expect(run(rule, d)).toEqual([]);
  });

  it.each([
    [overall('2024年度收、支总计896.57万元。与上年相比，增加10.42万元，增长1.18%。'), '增加10.42万元', '与上年相比，增加10.42万元，增长1.18%。'],
    [overall('2024年度收入支出总计896.57万元，较上年减少10.42万元，下降1.15%。'), '减少10.42万元', '2024年度收入支出总计896.57万元，较上年减少10.42万元，下降1.15%。'],
    [item('年初预算为622.38万元，支出决算为732.39万元，完成年初预算的117.68%。决算数大于年初预算数。'), '决算数大于年初预算', '决算数大于年初预算数。'],
    [admin('机关运行经费支出185.41万元，比2024年度增加4.68万元，增长2.60%。'), '增加4.68万元', '机关运行经费支出185.41万元，比2024年度增加4.68万元，增长2.60%。'],
  ])('warns %#', (d, what, quote) => {
    const fs = run(rule, d);
    expect(fs.map((f) => [f.rule, f.severity, f.quote])).toEqual([['N-19', 'warning', quote]]);
    expect(fs[0].message.zh).toContain(what);
  });

  it('sections whose template asks no reason are left alone; nothing stated → not applicable', () => {
    expect(run(rule, disclosure(['二、收入决算情况说明', '本年收入合计896.57万元，比上年增加10.42万元。']))).toEqual([]);
    expect(outcome(rule, disclosure(['一、部门职责', '负责……']))).toBe('not-applicable');
  });
});
