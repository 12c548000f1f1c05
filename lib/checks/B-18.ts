/** B-18 (budget.md): BT9 ↔ BT8 — 30212 ≤ 出国; 30217 ≤ 接待; 30231 ≤ 运行; 31013 ≤ 购置 (across 元 and 万元). */
import { defineRule } from './types';
import type { RuleMeta } from './types';
import { cellOf, checker, panel, rowByCode, valueRows } from './helpers';
import type { RuleDoc } from './helpers';

const PAIRS: Array<[string, string]> = [
  ['30212', 'abroad'],
  ['30217', 'reception'],
  ['30231', 'carRunning'],
  ['31013', 'carPurchase'],
];

export const meta: RuleMeta = {
  id: 'B-18',
  title: { zh: '基本支出中的“三公”科目不超过“三公”预算', en: 'BT8 three-public items do not exceed BT9' },
  severity: 'error',
  tables: ['BT8', 'BT9'],
};

export const doc: RuleDoc = {
  rationale: {
    zh: 'BT8 只含基本支出，其中的因公出国（境）费用（30212）、公务接待费（30217）、公务用车运行维护费（30231）、公务用车购置（31013）不能超过“三公”经费预算表的对应项。BT8 为元、BT9 为万元：元数精确折合万元后比较，差额在万元表的舍入范围内只作提示。',
    en: 'BT8 holds basic expenditure only, so its 30212, 30217, 30231 and 31013 cannot exceed the matching BT9 items. BT8 is in 元 and BT9 in 万元: the 元 amount is converted exactly; an excess within the 万元 rounding is a notice.',
  },
  relation: { zh: 'BT8 30212 ≤ BT9 出国；30217 ≤ 接待；30231 ≤ 运行；31013 ≤ 购置', en: 'BT8 30212 ≤ abroad; 30217 ≤ reception; 30231 ≤ running; 31013 ≤ purchase' },
  pass: 'BT8 30217 公务接待费 185,000.00 元（18.50 万元）≤ BT9 公务接待费 28.50 万元',
  fail: 'BT8 30217 公务接待费 **385,000.00** 元（38.50 万元）> BT9 公务接待费 28.50 万元\n\n→ error',
  limits: [{ zh: '项目支出中的“三公”经费不在 BT8 中，因此只能核对“不超过”。', en: 'Project-funded items are not in BT8, so only "at most" can be checked.' }],
};

export const rule = defineRule({
  meta,
  run(ctx) {
    const d = ctx.disclosure;
    const row9 = valueRows(panel(d.tables.BT9))[0];
    const p8 = panel(d.tables.BT8);
    if (!row9) return ctx.notApplicable('BT9 has no data row');
    const c = checker(ctx, meta);
    for (const [code, key] of PAIRS) {
      const r8 = rowByCode(p8, code);
      if (r8) c.atMostAcross(cellOf(r8, 'total'), cellOf(row9, key));
    }
  },
});
