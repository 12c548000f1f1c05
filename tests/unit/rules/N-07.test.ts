import { describe, expect, it } from 'vitest';
import { rule } from '../../../lib/checks/N-07';
import { brief, disclosure, run, T5 } from '../claims.builders';

const H = ['五、一般公共预算财政拨款支出决算情况说明', '（三）一般公共预算财政拨款支出决算具体情况'];
const ITEM = '1、一般公共服务支出（类）党委办公厅（室）及相关机构事务（款）行政运行（项）';
const ITEM2 = '2、一般公共服务支出（类）党委办公厅（室）及相关机构事务（款）其他党委办公厅（室）及相关机构事务支出（项）';
const d = (...lines: string[]) => disclosure([...H, ...lines], { T5: T5() });

describe('N-07 each 项: budget, actual, completion, comparison words', () => {
  it('passes consistent items (heading on its own line or in the same paragraph)', () => {
    expect(run(rule, d(ITEM, '年初预算为622.38万元，支出决算为732.39万元，完成年初预算的117.68%。决算数大于年初预算数的主要原因是：人员异动。'))).toEqual([]);
    expect(run(rule, d(`${ITEM}，主要用于日常运转。年初预算为622.38万元，支出决算为732.39万元，完成年初预算的117.68%。`))).toEqual([]);
    expect(run(rule, d(ITEM2, '年初预算为0万元，支出决算为10万元，由于预算数为0万元，无法计算完成预算的百分比。决算数大于年初预算数的主要原因是：年中追加。'))).toEqual([]);
  });

  it('the total actual must be the T5 合计', () => {
    const fs = run(rule, d('2024年度财政拨款支出年初预算数为757.07万元，支出决算数为896.57万元，完成年初预算的118.42%，其中：'));
    // 896.57 / 757.07 = 118.4257…% prints 118.43: the stated 118.42 is a rounding difference (notice).
    expect(brief(fs)).toEqual([
      ['N-07', 'error', '880.81', '896.57万元'],
      ['N-07', 'notice', '118.43%', '118.42%'],
    ]);
  });

  it('flags the item against its T5 row found by the 类/款/项 chain', () => {
    const fs = run(rule, d(ITEM, '年初预算为622.38万元，支出决算为723.39万元，完成年初预算的116.23%。'));
    expect(brief(fs)).toEqual([['N-07', 'error', '732.39', '723.39万元']]);
    expect(fs[0].cells[0].cell).toMatchObject({ table: 'T5', text: '732.39' });
  });

  it('a completion rate over a zero budget is an error', () => {
    expect(brief(run(rule, d(ITEM2, '年初预算为0万元，支出决算为10万元，完成年初预算的100%。')))).toEqual([['N-07', 'error', '无法计算', '100%']]);
  });

  it('wrong completion rate; truncated rate → notice', () => {
    expect(brief(run(rule, d(ITEM, '年初预算为622.38万元，支出决算为732.39万元，完成年初预算的118.68%。')))).toEqual([['N-07', 'error', '117.68%', '118.68%']]);
    // 732.39 / 622.37 = 117.6776…: 117.67 is the truncated value
    const T = disclosure([...H, ITEM, '年初预算为622.37万元，支出决算为732.39万元，完成年初预算的117.67%。'], { T5: T5() });
    expect(brief(run(rule, T))).toEqual([['N-07', 'notice', '117.68%', '117.67%']]);
    expect(run(rule, T)[0].message.zh).toMatch(/截断/);
  });

  it('"大于/小于/一致" must match the numbers', () => {
    const fs = run(rule, d(ITEM, '年初预算为622.38万元，支出决算为732.39万元，完成年初预算的117.68%。决算数小于年初预算数的主要原因是：节约。'));
    expect(brief(fs)).toEqual([['N-07', 'error', '大于', '小于']]);
    expect(fs[0].quote).toBe('决算数小于年初预算数的主要原因是：节约。');
    expect(brief(run(rule, d(ITEM, '年初预算为622.38万元，支出决算为732.39万元，完成年初预算的117.68%。决算数与年初预算数一致。')))).toEqual([['N-07', 'error', '大于', '等于']]);
  });
});
