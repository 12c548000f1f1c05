import { describe, expect, it } from 'vitest';
import { rule } from '../../../lib/checks/N-16';
import { brief, disclosure, run } from '../claims.builders';

const staff = (...s: string[]) => disclosure(['二、机构设置及决算单位构成', '（3）人员情况', ...s]);

describe('N-16 counts with parts, and rates of counts', () => {
  it('staff: the total equals the sum of its categories', () => {
    const ok = staff('2024年年末实有人数37人。', '上年度本单位公务员30人，本年度公务员24人，减少6人，减少20%。', '上年度事业编10人，本年度事业编10人。', '上年度机关工人0人，本年度机关工人3人，增加3人。');
    expect(run(rule, ok)).toEqual([]);
    const bad = staff('2024年年末实有人数38人。', '上年度本单位公务员30人，本年度公务员24人，减少6人，减少20%。', '上年度事业编10人，本年度事业编10人。', '上年度机关工人0人，本年度机关工人3人，增加3人。');
    const fs = run(rule, bad);
    expect(brief(fs)).toEqual([['N-16', 'error', '37人', '38人']]);
    expect(fs[0].spans).toHaveLength(4);
  });

  it('staff: previous → current change and its rate', () => {
    expect(brief(run(rule, staff('上年度本单位公务员30人，本年度公务员24人，减少5人，减少20%。')))).toEqual([
      ['N-16', 'error', '-6', '-5人'],
    ]);
    expect(brief(run(rule, staff('上年度本单位公务员30人，本年度公务员24人，减少6人，减少25%。')))).toEqual([['N-16', 'error', '20%', '25%']]);
  });

  it.each([
    ['受理市委督查室交办事项106件，办结98件，办结率92.45%。', []],
    ['办理区委领导批示事项296件，办结257件，办结率87%。', []],
    ['受理市委督查室交办事项106件，办结98件，办结率92.56%。', [['N-16', 'error', '92.45%', '92.56%']]],
    ['办理区委领导批示事项296件，办结257件，办结率88%。', [['N-16', 'error', '87%', '88%']]],
  ])('办结率: %s', (s, want) => {
    expect(brief(run(rule, disclosure(['（一）整体支出绩效情况', s])))).toEqual(want);
  });

  it('listed parts cannot exceed the whole', () => {
    const d = disclosure(['十二、关于国有资产占用情况说明', '共有车辆9辆，其中：应急保障用车1辆、执法执勤用车0辆、其他用车9辆。']);
    expect(brief(run(rule, d))).toEqual([['N-16', 'error', '10', '9辆']]);
  });
});
