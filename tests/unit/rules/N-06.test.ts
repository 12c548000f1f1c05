import { describe, expect, it } from 'vitest';
import { rule } from '../../../lib/checks/N-06';
import { brief, disclosure, run, T5 } from '../claims.builders';

const H = ['五、一般公共预算财政拨款支出决算情况说明', '（二）一般公共预算财政拨款支出决算结构情况'];
const d = (s: string) => disclosure([...H, s], { T5: T5() });

describe('N-06 structure by 类', () => {
  it('passes the seed sentence', () => {
    expect(run(rule, d('2024年度财政拨款支出880.81万元，主要用于以下方面：一般公共服务（类）支出742.39万元，占84.28 %；社会保障和就业支出87.96万元，占9.99%；住房保障支出50.46万元，占5.73%。'))).toEqual([]);
  });
  it('flags a 类 amount and a share', () => {
    const fs = run(rule, d('2024年度财政拨款支出880.81万元，主要用于以下方面：一般公共服务（类）支出724.39万元，占84.28 %；住房保障支出50.46万元，占7.53%。'));
    expect(brief(fs)).toEqual([
      ['N-06', 'error', '742.39', '724.39万元'],
      ['N-06', 'error', '82.24%', '84.28 %'],
      ['N-06', 'error', '5.73%', '7.53%'],
    ]);
    expect(fs[0].cells[0].cell).toMatchObject({ table: 'T5', text: '742.39' });
  });
});
