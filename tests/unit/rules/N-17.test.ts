import { describe, expect, it } from 'vitest';
import { rule } from '../../../lib/checks/N-17';
import { disclosure, outcome, run } from '../claims.builders';

describe('N-17 template placeholders', () => {
  it.each([
    ['XX局2024年度部门决算情况说明', 'XX局'],
    ['第三部分 XX局2024年度部门决算情况说明', 'XX局'],
    ['××单位2024年度收入支出总计896.57万元。', '××单位'],
    ['20XX年度收入合计0万元。', '20XX年度'],
    ['截至X年12月31日，共有车辆2辆。', 'X年'],
    ['本部门共有车辆待填写辆。', '待填写'],
    ['（单位名称）2024年度没有政府性基金预算财政拨款收入。', '（单位名称）'],
    ['某某局2024年度政府采购支出总额0万元。', '某某局'],
    ['ＸＸ部门2024年度部门决算', 'ＸＸ部门'],
  ])('flags %s', (line, ph) => {
    const fs = run(rule, disclosure([line]));
    expect(fs.map((f) => [f.rule, f.severity, f.actual])).toEqual([['N-17', 'error', ph]]);
    expect(fs[0].quote).toBe(line);
  });

  it.each([
    '上海市普陀区生态环境局2024年度部门决算情况说明',
    '详见 http://www.example.gov.cn/xxgk/ 。',
    '截至2024年12月31日，共有车辆2辆，单价100万元（含）以上设备2台（套）。',
    'CT机、DR机等设备已于年内更换。',
    '按照《关于做好XML格式数据报送的通知》执行。',
  ])('passes %s', (line) => {
    expect(run(rule, disclosure([line]))).toEqual([]);
  });

  it('one finding per placeholder per sentence; each sentence quoted', () => {
    const fs = run(rule, disclosure(['XX局收入XX万元，XX局支出XX万元。XX局无三公经费。']));
    expect(fs.map((f) => [f.actual, f.quote])).toEqual([
      ['XX局', 'XX局收入XX万元，XX局支出XX万元。'],
      ['XX万元', 'XX局收入XX万元，XX局支出XX万元。'],
      ['XX局', 'XX局无三公经费。'],
    ]);
  });

  it('not applicable on a text without anything like a placeholder', () => {
    expect(outcome(rule, disclosure(['一、部门职责', '负责全区生态环境工作。']))).toBe('not-applicable');
  });
});
