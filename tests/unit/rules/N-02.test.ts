import { describe, expect, it } from 'vitest';
import { rule } from '../../../lib/checks/N-02';
import { brief, disclosure, run, T1, table } from '../claims.builders';

const H = '二、收入决算情况说明';
const T2 = () => table('T2', { main: [{ name: '合计', kind: 'total', cells: { total: '896.57', fiscal: '880.81', other: '15.76' } }] });
const d = (s: string) => disclosure([H, s], { T1: T1(), T2: T2() });

describe('N-02 收入合计 and sources with shares', () => {
  it('passes the seed sentence', () => {
    expect(run(rule, d('2024年度收入合计896.57万元，其中：财政拨款收入880.81万元，占98.24%；上级补助收入0万元，占0.00 %；其他收入15.76万元，占1.76 %。'))).toEqual([]);
  });

  it('flags a wrong share', () => {
    const fs = run(rule, d('2024年度收入合计896.57万元，其中：财政拨款收入880.81万元，占98.42%；其他收入15.76万元，占1.76%。'));
    expect(brief(fs)).toEqual([['N-02', 'error', '98.24%', '98.42%']]);
  });

  it('flags a source that contradicts the tables, and the 其中 sum', () => {
    const fs = run(rule, d('2024年度收入合计896.57万元，其中：财政拨款收入880.18万元，占98.17%；其他收入15.76万元，占1.76%。'));
    expect(brief(fs).sort()).toEqual([
      ['N-02', 'error', '880.81', '880.18万元'],
      ['N-02', 'error', '895.94', '896.57万元'],
    ]);
    expect(fs.find((f) => f.expected === '880.81')!.cells[0].cell.table).toBe('T2');
  });

  it('a share plugged by one unit is a notice', () => {
    const fs = run(rule, d('2024年度收入合计896.57万元，其中：财政拨款收入880.81万元，占98.25%；其他收入15.76万元，占1.75%。'));
    expect(fs.map((f) => f.severity)).toEqual(['notice', 'notice']);
  });
});
