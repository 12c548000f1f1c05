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
  it.each(['某局 202 年度部门决算情况说明', '本单位202年度收入合计0万元。'])('warns: %s', (s) => {
    expect(run(rule, disclosure(['第三部分', s])).map((f) => [f.severity, f.expected])).toEqual([['warning', '2024']]);
  });
  it('"20XX年度" is left to N-17 (one finding per placeholder)', () => {
    expect(run(rule, disclosure(['第三部分', '20XX年度收入合计0万元。']))).toEqual([]);
  });
  it('a 3-digit number that is not a year is left alone', () => {
    expect(run(rule, disclosure(['一、说明', '共接待来访群众200人次，年度目标完成。']))).toEqual([]);
  });
});

describe('N-15 comparison year', () => {
  it('a comparison must name the previous year', () => {
    expect(brief(run(rule, disclosure(['一、说明', '收支总计896.57万元，与2022年度相比，增加10.42万元。'])))).toEqual([['N-15', 'warning', '2023', '2022']]);
  });

  // Issue 16 class 6: where the phrase can only mean the report's year, another year is an error.
  it.each([
    [['第三部分 2023年度部门决算情况说明', '一、收入支出决算总体情况说明'], 'error'],
    [['第三部分', '2023年度部门决算情况说明'], 'error'],
    [['一、2023年度收入支出决算总体情况说明', '收支总计896.57万元。'], 'error'],
    [['十二、关于国有资产占用情况说明', '截至2023年12月31日，共有车辆2辆。'], 'error'],
    [['十二、关于国有资产占用情况说明', '截止2023年12月31日，本部门共有车辆2辆，单价100万元（含）以上设备2台（套）。'], 'error'],
    // elsewhere a warning (a balance date can be the previous year's end in a comparison)
    [['十一、说明', '截至2023年12月31日，共有车辆0辆。'], 'warning'],
  ])('%j → %s', (lines, sev) => {
    const fs = run(rule, disclosure(lines as string[]));
    expect(brief(fs)).toEqual([['N-15', sev, '2024', '2023']]);
  });
  it.each([
    ['第三部分 2024年度部门决算情况说明', '十二、关于国有资产占用情况说明', '截至2024年12月31日，共有车辆2辆。'],
    ['十二、关于国有资产占用情况说明', '截至2024年12月31日，共有车辆2辆，比2023年12月31日减少1辆。'],
  ])('passes the report year: %s', (...lines) => {
    expect(brief(run(rule, disclosure(lines)).filter((f) => f.severity === 'error'))).toEqual([]);
  });
});
