/**
 * Other regions' template phrasings (Sichuan/Guangdong style), with consistent numbers: no finding
 * but notices may be raised, and the numbers are reconciled.
 */
import { describe, expect, it } from 'vitest';
import { CLAIM_RULES } from '../../lib/checks/registry';
import { runRules } from '../../lib/checks/runner';
import { claimStats } from '../../lib/claims';
import { disclosure, table } from './claims.builders';

const tables = () => ({
  T1: table('T1', {
    income: [
      { name: '一、一般公共预算财政拨款收入', cells: { amount: '2,800.00' } },
      { name: '八、其他收入', cells: { amount: '200.00' } },
      { name: '本年收入合计', kind: 'total' as const, cells: { amount: '3,000.00' } },
      { name: '总计', kind: 'grand-total' as const, cells: { amount: '3,000.00' } },
    ],
  }),
  T3: table('T3', { main: [{ name: '合计', kind: 'total', cells: { total: '3,000.00', basic: '2,000.00', project: '1,000.00' } }] }),
  T4: table('T4', { income: [{ name: '总计', kind: 'grand-total', cells: { amount: '2,800.00' } }] }),
  T5: table('T5', {
    main: [
      { name: '合计', kind: 'total', cells: { total: '2,800.00', basic: '1,800.00', project: '1,000.00' } },
      { name: '一般公共服务支出', code: '201', cells: { total: '2,500.00' } },
      { name: '人大事务', code: '20101', cells: { total: '2,500.00' } },
      { name: '行政运行', code: '2010101', cells: { total: '2,500.00' } },
      { name: '住房保障支出', code: '221', cells: { total: '300.00' } },
    ],
  }),
  T9: table('T9', { main: [{ name: '', cells: { 'budget.total': '20.00', 'actual.total': '10.00', 'budget.abroad': '0', 'actual.abroad': '0', 'budget.car': '20.00', 'actual.car': '10.00', 'budget.reception': '0', 'actual.reception': '0' } }] }),
});

const text = [
  '第三部分 2023年度部门决算情况说明',
  '一、收入支出决算总体情况说明',
  '2023年度收、支总计3,000.00万元。与2022年相比，收、支总计各增加200.00万元，增长7.14%。主要变动原因是人员增加。',
  '二、收入决算情况说明',
  '本年收入合计3,000.00万元，其中：一般公共预算财政拨款收入2,800.00万元，占93.33%；政府性基金预算财政拨款收入0万元，占0%；其他收入200.00万元，占6.67%。',
  '三、支出决算情况说明',
  '本年支出合计3,000.00万元，其中：基本支出2,000.00万元，占66.67%；项目支出1,000.00万元，占33.33%。',
  '四、财政拨款收入支出决算总体情况说明',
  '2023年度财政拨款收、支总计2,800.00万元。与2022年相比，财政拨款收、支总计各增加100.00万元，增长3.70%。',
  '五、一般公共预算财政拨款支出决算情况说明',
  '（一）一般公共预算财政拨款支出决算总体情况',
  '2023年度财政拨款支出2,800.00万元，占本年支出合计的93.33%。与2022年相比，财政拨款支出增加100.00万元，增长3.70%。',
  '（二）一般公共预算财政拨款支出决算结构情况',
  '2023年度财政拨款支出2,800.00万元，主要用于以下方面：一般公共服务(类)支出2,500.00万元，占89.29%；住房保障(类)支出300.00万元，占10.71%。',
  '（三）一般公共预算财政拨款支出决算具体情况',
  '2023年度财政拨款支出年初预算为2,700.00万元，支出决算为2,800.00万元，完成年初预算的103.70%。其中：',
  '1.一般公共服务(类)人大事务(款)行政运行(项): 年初预算为2,400.00万元，支出决算为2,500.00万元，完成年初预算的104.17%。决算数大于年初预算数的主要原因是人员增加。',
  '七、财政拨款“三公”经费支出决算情况说明',
  '2023年度“三公”经费财政拨款支出决算为10.00万元，完成预算的50.00%，较上年增加/减少2.00万元，增长/下降25.00%。',
  '其中：因公出国（境）费支出决算为0万元，完成预算的0%；公务用车购置及运行维护费支出决算为10.00万元，完成预算的50%；公务接待费支出决算为0万元。',
  '截至2023年12月31日，开支财政拨款的公务用车保有量为3辆。',
  '十、其他重要事项的情况说明',
  '（二）政府采购支出情况',
  '2023年度政府采购支出总额100.00万元，其中：政府采购货物支出20.00万元、政府采购工程支出0万元、政府采购服务支出80.00万元。授予中小企业合同金额80.00万元，占政府采购支出总额的80%，其中：授予小微企业合同金额20.00万元，占授予中小企业合同金额的25%。',
  '（三）国有资产占用情况',
  '截至2023年12月31日，本部门共有车辆5辆，其中，主要负责人用车1辆，其他用车4辆。单价100万元以上设备0台（套）。',
];

describe('other regions\' phrasings', () => {
  const d = disclosure(text, tables(), 2023);
  const run = runRules(d, CLAIM_RULES);

  it('raise no error on consistent numbers; template residue is a warning', () => {
    expect(run.findings.filter((f) => f.severity === 'error').map((f) => [f.rule, f.message.zh])).toEqual([]);
    expect(run.findings.filter((f) => f.severity === 'warning').map((f) => [f.rule, f.actual])).toEqual([
      ['N-09', '增加/减少'],
      ['N-09', '增长/下降'],
    ]);
  });

  it('reconcile most numbers', () => {
    const st = claimStats(d, CLAIM_RULES);
    expect(st.reconciled / st.found).toBeGreaterThan(0.8);
  });

  it('catch a wrong number in the same phrasing', () => {
    const bad = text.map((t) => t.replace('增长3.70%。主要', 'x').replace('占89.29%', '占98.29%'));
    const fs = runRules(disclosure(bad, tables(), 2023), CLAIM_RULES).findings.filter((f) => f.severity === 'error');
    expect(fs.map((f) => [f.rule, f.expected, f.actual])).toEqual([['N-06', '89.29%', '98.29%'], ['N-13', '100%', '109%']]);
  });
});
