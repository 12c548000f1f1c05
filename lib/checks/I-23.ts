/** I-23 (domain.md): T9↔T6 — T6 30212 ≤ T9 出国 决算; 30217 ≤ 接待; 30231 ≤ 运行; 31013 ≤ 购置. */
import { defineRule } from './types';
import type { RuleMeta } from './types';
import { cellOf, checker, panel, t6Code, valueRows } from './helpers';
import type { RuleDoc } from './helpers';

const PAIRS: Array<[string, string]> = [
  ['30212', 'actual.abroad'],
  ['30217', 'actual.reception'],
  ['30231', 'actual.carRunning'],
  ['31013', 'actual.carPurchase'],
];

export const meta: RuleMeta = {
  id: 'I-23',
  title: { zh: '基本支出中的“三公”科目不超过“三公”经费决算', en: 'T6 "three public" items do not exceed the T9 actuals' },
  severity: 'error',
  tables: ['T6', 'T9'],
};

export const doc: RuleDoc = {
  rationale: {
    zh: '基本支出明细表只含基本支出，其中因公出国（境）费用、公务接待费、公务用车运行维护费、公务用车购置不得大于“三公”经费表的相应决算数。只有超出容差才是错误。',
    en: 'T6 covers basic expenditure only, so its travel abroad, reception, car running and car purchase items cannot exceed the T9 actuals. Only an excess beyond tolerance is an error.',
  },
  relation: { zh: 'T6 30212 ≤ T9 出国；30217 ≤ 接待；30231 ≤ 运行；31013 ≤ 购置（决算数）', en: 'T6 30212 ≤ T9 abroad; 30217 ≤ reception; 30231 ≤ running; 31013 ≤ purchase (actuals)' },
  pass: 'T6 30212 因公出国（境）费用 7.57；T9 决算 因公出国（境）费 7.57',
  fail: 'T6 30217 公务接待费 **2.00**；T9 决算 公务接待费 0\n\n→ error: 30217 公务接待费 2.00 > “三公”经费 决算数公务接待费 0.00',
  limits: [{ zh: '只比较两表都印出的项目。', en: 'Only items printed in both tables are compared.' }],
};

export const rule = defineRule({
  meta,
  run(ctx) {
    const { T6, T9 } = ctx.disclosure.tables;
    const row9 = valueRows(panel(T9)).find((r) => r.cells['actual.total'] || r.cells['actual.abroad']);
    if (!row9) return ctx.notApplicable('T9 has no 决算数 row');
    const c = checker(ctx, meta);
    for (const [code, key] of PAIRS) c.atMost(cellOf(t6Code(T6, code), 'amount'), cellOf(row9, key));
  },
});
