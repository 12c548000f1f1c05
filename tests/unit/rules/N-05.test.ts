import { describe, expect, it } from 'vitest';
import { rule } from '../../../lib/checks/N-05';
import { brief, disclosure, run, T1, T3, T5 } from '../claims.builders';

const H = ['五、一般公共预算财政拨款支出决算情况说明', '（一）一般公共预算财政拨款支出决算总体情况'];
const d = (s: string) => disclosure([...H, s], { T1: T1(), T3: T3(), T5: T5() });

describe('N-05 一般公共预算财政拨款支出 and its share of total spending', () => {
  it('passes the seed sentence', () => {
    expect(run(rule, d('2024年度财政拨款支出880.81万元，占本年支出合计的98.24 %，与上年相比，财政拨款支出减少5.34万元，减少0.6%。'))).toEqual([]);
  });
  it('X must be the T5 合计, not the T1/T3 total', () => {
    const fs = run(rule, d('2024年度财政拨款支出896.57万元，占本年支出合计的100.00%。'));
    expect(brief(fs)).toEqual([['N-05', 'error', '880.81', '896.57万元']]);
    expect(fs[0].cells[0].cell.table).toBe('T5');
  });
  it('the share is over T3 合计 (with the cell as total)', () => {
    const fs = run(rule, d('2024年度财政拨款支出880.81万元，占本年支出合计的97.24%。'));
    expect(brief(fs)).toEqual([['N-05', 'error', '98.24%', '97.24%']]);
    expect(fs[0].cells).toMatchObject([{ role: 'total', cell: { table: 'T3', text: '896.57' } }]);
  });
});

describe('N-05 with a table printed in 元', () => {
  it('converts the table to 万元 before comparing', () => {
    const t5 = T5();
    t5.unit = '元';
    for (const r of t5.panels[0].rows) for (const c of Object.values(r.cells)) {
      if (c.value.kind !== 'number') continue;
      c.text = c.value.value.mul(10000).toFixed(0);
      c.value = { ...c.value, value: c.value.value.mul(10000), decimals: 0, printedDecimals: 0, text: c.text };
    }
    expect(run(rule, disclosure([...H, '2024年度财政拨款支出880.81万元。'], { T5: t5 }))).toEqual([]);
    expect(brief(run(rule, disclosure([...H, '2024年度财政拨款支出880.18万元。'], { T5: t5 })))).toEqual([['N-05', 'error', '8808100元', '880.18万元']]);
  });
});

describe('N-05 unit slip', () => {
  it('names 元 written for 万元', () => {
    const fs = run(rule, disclosure([...H, '2024年度财政拨款支出880.81元。'], { T5: T5() }));
    expect(fs.map((f) => f.severity)).toEqual(['error']);
    expect(fs[0].message.zh).toMatch(/相差一万倍，疑为元与万元混用/);
  });
});
