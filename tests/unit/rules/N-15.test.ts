import { describe, expect, it } from 'vitest';
import { rule } from '../../../lib/checks/N-15';
import { brief, disclosure, run } from '../claims.builders';

describe('N-15 report year', () => {
  it.each([
    '2024年年末实有人数38人，与2023年度相比，总体减少3人。',
    '2025年度年初收入预算为934.23万元。',
    '比 2023 年度增加5.07 万元，与 2023 年持平。',
    '截至2024年12月31日，共有车辆0辆。',
    '根据《2019年预算管理办法》执行。',
  ])('passes: %s', (s) => {
    expect(run(rule, disclosure(['十一、说明', s]))).toEqual([]);
  });
  it.each([
    ['中共某机关2023年度政府采购支出总额0万元。', '2023'],
    ['截至2023年12月31日，共有车辆0辆。', '2023'],
    ['2022年度“三公”经费财政拨款支出预算为9.32万元。', '2022'],
  ])('warns: %s', (s, y) => {
    expect(brief(run(rule, disclosure(['十一、说明', s])))).toEqual([['N-15', 'warning', '2024', y]]);
  });
});

describe('N-15 placeholder years', () => {
  it.each(['某局 202 年度部门决算情况说明', '20XX年度收入合计0万元。'])('warns: %s', (s) => {
    expect(run(rule, disclosure(['第三部分', s])).map((f) => [f.severity, f.expected])).toEqual([['warning', '2024']]);
  });
  it('a 3-digit number that is not a year is left alone', () => {
    expect(run(rule, disclosure(['一、说明', '共接待来访群众200人次，年度目标完成。']))).toEqual([]);
  });
});

describe('N-15 comparison year', () => {
  it('a comparison must name the previous year', () => {
    expect(brief(run(rule, disclosure(['一、说明', '收支总计896.57万元，与2022年度相比，增加10.42万元。'])))).toEqual([['N-15', 'warning', '2023', '2022']]);
  });
});
