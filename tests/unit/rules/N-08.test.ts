import { describe, expect, it } from 'vitest';
import { rule } from '../../../lib/checks/N-08';
import { brief, disclosure, run, T5, T6 } from '../claims.builders';

const H = '六、一般公共预算财政拨款基本支出决算情况说明';
const d = (...lines: string[]) => disclosure([H, ...lines], { T5: T5(), T6: T6() });

describe('N-08 基本支出: 人员经费 / 公用经费 = T6 totals, with shares', () => {
  it('passes the seed numbers, across paragraphs (880.80 = 582.12 + 298.68)', () => {
    const fs = run(rule, d('2024年度一般公共预算财政拨款基本支出880.80万元，其中：', '人员经费582.12万元，占基本支出的66.09 %。公用经费298.68万元，占基本支出的33.91 %，主要包括办公费。'));
    expect(fs).toEqual([]);
  });

  it('flags an amount against T6 and a share over the stated 基本支出', () => {
    const fs = run(rule, d('基本支出880.80万元，其中：', '人员经费582.12万元，占基本支出的66.90 %。公用经费289.68万元，占基本支出的32.89 %。'));
    expect(brief(fs)).toEqual([
      ['N-08', 'error', '66.09%', '66.90 %'],
      ['N-08', 'error', '298.68', '289.68万元'],
    ]);
    expect(fs[1].cells[0].cell).toMatchObject({ table: 'T6', text: '298.68' });
  });

  it('ties economic classes inside the basic-spending section to T6 类 rows', () => {
    const fs = run(rule, d('全年支出为896.56万元，全部为基本支出其中：工资福利支出578.83万元，商品和服务支出314.20万元，对个人和家庭的补助支出3.29万元，资本性支出0.24万元。'));
    expect(brief(fs)).toEqual([
      ['N-08', 'error', '880.80', '896.56万元'],
      ['N-08', 'error', '298.44', '314.20万元'],
    ]);
  });

  it('an item listed under 主要包括 that is zero in T6 is a notice', () => {
    const fs = run(rule, d('人员经费582.12万元，占基本支出的66.09 %，主要包括基本工资、伙食补助费。'));
    expect(fs.map((f) => [f.severity, f.cells[0]?.cell.text])).toEqual([['notice', '']]);
    expect(fs[0].message.zh).toMatch(/伙食补助费/);
  });
});

describe('N-08 "全年支出…全部为基本支出"', () => {
  it('is the basic spending of the section (T6 人员 + 公用)', () => {
    const fs = run(rule, d('全年支出为896.56万元，全部为基本支出其中：工资福利支出578.83万元，商品和服务支出298.44万元。'));
    expect(brief(fs)).toEqual([['N-08', 'error', '880.80', '896.56万元']].concat([['N-08', 'error', '877.27', '896.56万元']]));
    expect(fs[0].cells.map((c) => c.cell.text)).toEqual(['582.12', '298.68']);
  });
});
