import { describe, expect, it } from 'vitest';
import { rule } from '../../../lib/checks/N-03';
import { brief, disclosure, run, T1, T3 } from '../claims.builders';

const H = '三、支出决算情况说明';
const d = (s: string, h = H) => disclosure([h, s], { T1: T1(), T3: T3() });

describe('N-03 支出合计 with 基本/项目支出 and shares', () => {
  it('passes the seed sentence', () => {
    expect(run(rule, d('2024年度支出合计896.57万元，其中：基本支出896.57万元，占100.00%；项目支出0万元，占0.00%。'))).toEqual([]);
  });

  it('flags 基本支出 against T3 合计 row', () => {
    const fs = run(rule, d('2024年度支出合计896.57万元，其中：基本支出869.57万元，占96.99%；项目支出27万元，占3.01%。'));
    expect(brief(fs)).toEqual([
      ['N-03', 'error', '896.57', '869.57万元'],
      ['N-03', 'error', '0', '27万元'],
    ]);
    expect(fs[0].cells[0]).toMatchObject({ role: 'value', cell: { table: 'T3', text: '896.57' } });
  });

  it('checks the completion rate of 整体支出 in the performance section', () => {
    const h = '（二）绩效评价结果';
    expect(run(rule, d('2024年度本部门（单位）整体支出全年预算数757.07万元，执行数896.57万元，完成预算的118.43%。', h))).toEqual([]);
    expect(brief(run(rule, d('2024年度本部门（单位）整体支出全年预算数757.07万元，执行数896.57万元，完成预算的119.43%。', h)))).toEqual([
      ['N-03', 'error', '118.43%', '119.43%'],
    ]);
  });
});
