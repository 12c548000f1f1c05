/** B-N10 (budget.md): 绩效目标 — the project funds with targets are at most BT3's 项目支出. */
import { defineRule } from './types';
import type { RuleMeta } from './types';
import type { RuleDoc } from './helpers';
import { cellOf, grandRow, panel } from './helpers';
import { BudgetClaims, first } from '../claims/budget';

export const meta: RuleMeta = {
  id: 'B-N10',
  title: { zh: '编报绩效目标的项目资金不超过项目支出', en: 'Funds with performance targets ≤ project expenditure' },
  severity: 'error',
  tables: [],
};

export const doc: RuleDoc = {
  rationale: {
    zh: '“编报绩效目标的项目 n 个，涉及项目预算资金 F 万元”：F 是项目支出的一部分，不能超过 BT3 合计行的项目支出（元，精确折合万元比较）。',
    en: '"n projects with performance targets, project funds F万元": F is part of project expenditure, so it cannot exceed BT3\'s 项目支出 total (元, converted exactly).',
  },
  relation: { zh: 'F ≤ BT3 合计「项目支出」', en: 'F ≤ BT3 total [project]' },
  pass: '编报绩效目标的项目11个，涉及项目预算资金6626万元。（BT3 项目支出 66,260,000.00 元）',
  fail: '涉及项目预算资金**6726**万元 → error: 超过 BT3 项目支出 6626.00 万元',
  limits: [{ zh: '绩效目标可能也覆盖非财政拨款项目：只查“不超过”，不查相等。', en: 'Only "at most" is checked, not equality.' }],
};

export const rule = defineRule({
  meta,
  run(ctx) {
    const k = new BudgetClaims(ctx, meta);
    const h = first(k.t.sentences, /(?:涉及)?项目预算资金(?:共计|合计|总额)?(?:为)?/);
    const cell = cellOf(grandRow(panel(ctx.disclosure.tables.BT3)), 'project');
    if (h && cell) k.atMostCell(h, cell, { zh: '编报绩效目标的项目预算资金', en: 'the project funds with targets' }, { zh: '支出预算总表合计「项目支出」', en: 'BT3 total [project]' });
    if (!k.touched) ctx.notApplicable('no 绩效目标 project funds or no BT3 项目支出 total');
  },
});
