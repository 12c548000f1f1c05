/** B-17 (budget.md): BT9 — 合计 = 出国 + 公车小计 + 接待; 小计 = 购置 + 运行. */
import { defineRule } from './types';
import type { RuleMeta } from './types';
import { cellOf, checker, panel, valueRows } from './helpers';
import type { RuleDoc } from './helpers';

export const meta: RuleMeta = {
  id: 'B-17',
  title: { zh: '“三公”经费预算合计等于各项之和', en: 'BT9 total equals its items' },
  severity: 'error',
  tables: ['BT9'],
};

export const doc: RuleDoc = {
  rationale: {
    zh: '“三公”经费预算表：合计 = 因公出国（境）费 + 公务用车购置及运行费小计 + 公务接待费；小计 = 购置费 + 运行费。机关运行经费不计入“三公”合计。',
    en: 'BT9: total = travel abroad + official cars subtotal + reception; subtotal = purchase + running. The running-cost column is not part of the total.',
  },
  relation: { zh: '合计 = 出国 + 公车小计 + 接待；小计 = 购置 + 运行', en: 'total = abroad + cars + reception; cars = purchase + running' },
  pass: '| 合计 | 因公出国(境)费 | 小计 | 购置费 | 运行费 | 公务接待费 |\n|---|---|---|---|---|---|\n| 867.50 | 839.00 | | | | 28.50 |',
  fail: '| 合计 | 因公出国(境)费 | 小计 | 购置费 | 运行费 | 公务接待费 |\n|---|---|---|---|---|---|\n| **876.50** | 839.00 | | | | 28.50 |\n\n→ error: 合计 876.50 ≠ 各项之和 867.50',
  limits: [],
};

export const rule = defineRule({
  meta,
  run(ctx) {
    const rows = valueRows(panel(ctx.disclosure.tables.BT9));
    if (rows.length === 0) return ctx.notApplicable('BT9 has no data row');
    const c = checker(ctx, meta);
    for (const r of rows) {
      c.sum(cellOf(r, 'total'), [cellOf(r, 'abroad'), cellOf(r, 'car'), cellOf(r, 'reception')], { zh: '各项之和', en: 'the sum of the items' });
      c.sum(cellOf(r, 'car'), [cellOf(r, 'carPurchase'), cellOf(r, 'carRunning')], { zh: '购置费与运行费之和', en: 'purchase + running' });
    }
  },
});
