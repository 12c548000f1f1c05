import { describe, expect, it } from 'vitest';
import { rule } from '../../../lib/checks/N-11';
import { brief, disclosure, run, T6 } from '../claims.builders';

const H = '九、关于机关运行经费支出说明';
const admin = (s: string, intro = '本单位是正科级行政单位。') => {
  const d = disclosure([intro, H, s], { T6: T6() });
  // The overview precedes the first table block.
  d.tables.T6!.blocks = [{ kind: 'table', index: 101, el: null, grid: [], rows: 0, cols: 0, caption: '' }];
  d.paragraphs[0].index = 50;
  return d;
};

describe('N-11 机关运行经费 ≈ T6 公用经费合计 (warning)', () => {
  it('passes when equal', () => {
    expect(run(rule, admin('本部门2024年度机关运行经费支出298.68万元。'))).toEqual([]);
  });
  it('warns (not errors) when it differs, for a purely administrative unit', () => {
    const fs = run(rule, admin('本部门2024年度机关运行经费支出298.44万元，比年初预算数增加118.77 万元，增长66.10%。'));
    expect(brief(fs)).toEqual([['N-11', 'warning', '298.68', '298.44万元']]);
  });
  it('does not compare for units with 事业单位, but still checks the rate', () => {
    expect(run(rule, admin('机关运行经费支出298.44万元。', '本部门包括下属行政事业单位。'))).toEqual([]);
    expect(brief(run(rule, admin('机关运行经费支出185.41万元，比2024年度增加4.68 万元，增长 2.60%。', '下属事业单位。')))).toEqual([['N-11', 'notice', '2.59%', '2.60%']]);
  });

  // Class 10 (issue 16): the rate's denominator is named by what it is.
  it.each([
    ['机关运行经费支出185.41万元，比2024年度增加4.68 万元，增长 2.50%。', '上年数'],
    ['机关运行经费支出185.41万元，比上年增加4.68万元，增长2.50%。', '上年数'],
    ['机关运行经费年初预算为170万元，支出决算为185.41万元，完成预算的109.06%；与上年相比增加4.68万元，增长2.50%。', '上年数'],
    ['机关运行经费支出185.41万元，比年初预算数增加4.68万元，增长2.50%。', '年初预算数'],
    ['机关运行经费支出185.41万元，比全年预算数增加4.68万元，增长2.50%。', '全年预算数'],
    ['机关运行经费支出185.41万元，比预算增加4.68万元，增长2.50%。', '预算数'],
  ])('names the base: %s → %s', (s, base) => {
    const fs = run(rule, admin(s, '下属事业单位。')).filter((f) => /率应为/.test(f.message.zh));
    expect(fs.map((f) => [f.severity, f.expected, f.actual])).toEqual([['error', '2.59%', '2.50%']]);
    expect(fs[0].message.zh).toContain(`（${base}）`);
  });

  // Issue 15: a stated previous-year figure was called （年初预算数） when the change was worded against the budget.
  it('names a stated previous-year figure 上年数, never a budget', () => {
    const fs = run(rule, admin('上年度机关运行经费支出180.73万元，本年度机关运行经费支出185.41万元，增长2.50%。', '下属事业单位。'));
    expect(fs.map((f) => [f.severity, f.expected, f.actual])).toEqual([['error', '2.59%', '2.50%']]);
    expect(fs[0].message.zh).toContain('4.68 ÷ 180.73（上年数）');
    expect(fs[0].message.en).toContain('(previous year)');
  });
  it('does not judge a rate worded against the budget on the previous-year figure', () => {
    const s = '上年度机关运行经费支出180.73万元，本年度机关运行经费支出185.41万元，比年初预算增加4.68万元，增长2.50%。';
    expect(run(rule, admin(s, '下属事业单位。')).filter((f) => /预算数）|率应为/.test(f.message.zh))).toEqual([]);
  });
});
