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
