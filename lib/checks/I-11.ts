/**
 * I-11 (domain.md): T2↔T3 — NO identity. Income by function and spending by function differ
 * legitimately (balances carried over, spending from earlier years' money); never compare them.
 */
import { defineRule } from './types';
import type { RuleMeta } from './types';
import type { RuleDoc } from './helpers';

export const meta: RuleMeta = {
  id: 'I-11',
  title: { zh: '收入决算表与支出决算表之间没有恒等关系', en: 'No identity between the income and expenditure tables' },
  severity: 'notice',
  tables: ['T2', 'T3'],
};

export const doc: RuleDoc = {
  rationale: {
    zh: '按功能分类的收入（T2）与支出（T3）可以合理地不同（年初结转、结余、以前年度资金安排的支出），因此不作比较。列出此规则是为了说明“未比较”是有意为之。',
    en: 'Income by function (T2) and spending by function (T3) can legitimately differ (opening balances, carry-overs, spending of earlier years\' money), so they are never compared. The rule is listed to document that this is deliberate.',
  },
  relation: { zh: '无恒等关系——从不比较 T2 与 T3', en: 'no identity — T2 and T3 are never compared' },
  pass: 'T2：201 一般公共服务支出 本年收入合计 742.39\n\nT3：201 一般公共服务支出 本年支出合计 760.00\n\n→ 不比较，无任何发现（outcome: not-applicable）',
  fail: '（本规则从不报告发现 / this rule never reports a finding）',
  limits: [{ zh: '结果总是“不适用”，并注明原因。', en: 'The outcome is always not-applicable, with the reason.' }],
};

export const rule = defineRule({
  meta,
  run(ctx) {
    ctx.notApplicable('no identity between T2 and T3 by design (domain.md I-11): never compared');
  },
});
