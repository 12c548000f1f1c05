import { describe, expect, it } from 'vitest';
import { rule } from '../../../lib/checks/N-12';
import { brief, disclosure, run } from '../claims.builders';

const d = (...s: string[]) => disclosure(['十一、关于政府采购支出说明', ...s]);

describe('N-12 政府采购 total = 货物 + 工程 + 服务; SME ≤ total', () => {
  it('passes consistent numbers', () => {
    expect(run(rule, d('2024年度政府采购金额为 372.34 万元，其中：货物采购金额 8.57 万元、工程采购金额 0.00 万元、服务采购金额 363.77 万元。', '面向中小企业预留政府采购项目预算金额372.34 万元，面向小微企业预留政府采购项目预算金额 152.92万元。'))).toEqual([]);
  });
  it('flags parts that do not add up', () => {
    expect(brief(run(rule, d('2024年度政府采购金额为 372.34 万元，其中：货物采购金额 8.57 万元、工程采购金额 0.00 万元、服务采购金额 336.77 万元。')))).toEqual([
      ['N-12', 'error', '345.34', '372.34 万元'],
    ]);
  });
  it('flags SME contracts above the total', () => {
    expect(brief(run(rule, d('2024年度政府采购支出总额100万元，其中：货物100万元。授予中小企业合同金额120万元。')))).toEqual([['N-12', 'error', '≤ 100万元', '120万元']]);
  });
});

describe('N-12 shares of SME contracts', () => {
  it('checks 占政府采购支出总额 and 占授予中小企业合同金额', () => {
    const ok = d('政府采购支出总额100万元，其中：货物40万元、工程0万元、服务60万元。授予中小企业合同金额80万元，占政府采购支出总额的80%，其中：授予小微企业合同金额20万元，占授予中小企业合同金额的25%。');
    expect(run(rule, ok)).toEqual([]);
    const bad = d('政府采购支出总额100万元，其中：货物40万元、工程0万元、服务60万元。授予中小企业合同金额80万元，占政府采购支出总额的80%，其中：授予小微企业合同金额20万元，占授予中小企业合同金额的20%。');
    expect(brief(run(rule, bad))).toEqual([['N-12', 'error', '25%', '20%']]);
  });
});

// Issue 16 class 4: the SME parts named add up to no more than their whole; 货物 + 工程 + 服务 = 总额.
describe('N-12 procurement arithmetic in the wordings in use', () => {
  const TOTAL = '2024年度政府采购支出总额372.34万元，其中：政府采购货物支出8.57万元、政府采购工程支出0万元、政府采购服务支出363.77万元。';
  it.each([
    [TOTAL + '授予中小企业合同金额372.34万元，占政府采购支出总额的100%，其中：授予小微企业合同金额300.00万元，占授予中小企业合同金额的80.57%。', []],
    [TOTAL + '授予中小企业合同金额372.34万元，其中：预留份额授予中小企业合同金额200.00万元，非预留项目中小企业中标172.34万元。', []],
    // 小微企业 within 中小企业
    [TOTAL + '授予中小企业合同金额300.00万元，占政府采购支出总额的80.57%，其中：授予小微企业合同金额320.00万元。', [['N-12', 'error', '320.00', '300.00万元']]],
    [TOTAL + '授予中小企业合同金额300.00万元，占政府采购支出总额的80.57%。授予小微企业合同金额320.00万元。', [['N-12', 'error', '≤ 300.00万元', '320.00万元']]],
    // 预留 + 非预留 won by SMEs against the SME total
    [TOTAL + '授予中小企业合同金额300.00万元，其中：预留份额授予中小企业合同金额200.00万元，非预留项目中小企业中标172.34万元。', [['N-12', 'error', '372.34', '300.00万元']]],
    // SME above the whole
    [TOTAL + '授予中小企业合同金额380.00万元。', [['N-12', 'error', '≤ 372.34万元', '380.00万元']]],
    // the three parts listed without 其中
    ['2024年度政府采购支出总额372.34万元。政府采购货物支出8.57万元、政府采购工程支出0万元、政府采购服务支出363.77万元。', []],
    ['2024年度政府采购支出总额372.34万元。政府采购货物支出8.57万元、政府采购工程支出0万元、政府采购服务支出336.77万元。', [['N-12', 'error', '345.34', '372.34万元']]],
    // rounding boundary: one cent within the half-units of four printed amounts is a notice
    ['2024年度政府采购支出总额372.35万元。政府采购货物支出8.57万元、政府采购工程支出0.00万元、政府采购服务支出363.77万元。', [['N-12', 'notice', '372.34', '372.35万元']]],
  ])('%s', (text, want) => {
    expect(brief(run(rule, d(text)))).toEqual(want);
  });
});
