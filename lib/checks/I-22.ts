/** I-22 (domain.md): T9 for 预算数 and 决算数 each: 合计 = 出国 + 公务用车小计 + 接待; 小计 = 购置 + 运行. */
import { defineRule } from './types';
import type { RuleMeta } from './types';
import { compareSum } from '../money';
import { amountOf, cellOf, checker, panel, valueRows } from './helpers';
import type { RuleDoc } from './helpers';

export const meta: RuleMeta = {
  id: 'I-22',
  title: { zh: '“三公”经费合计等于各项之和', en: '"Three public expenses": total equals its items' },
  severity: 'error',
  tables: ['T9'],
};

export const doc: RuleDoc = {
  rationale: {
    zh: '“三公”经费表的预算数与决算数分别满足：合计 = 因公出国（境）费 + 公务用车购置及运行维护费小计 + 公务接待费；小计 = 购置费 + 运行维护费。',
    en: 'For budget and actual each: total = travel abroad + official cars subtotal + reception; cars subtotal = purchase + running costs.',
  },
  relation: { zh: '合计 = 出国 + 公务用车小计 + 接待；小计 = 购置 + 运行（预算、决算各自）', en: 'total = abroad + cars subtotal + reception; subtotal = purchase + running (budget and actual each)' },
  pass: '| 合计 | 出国 | 小计 | 购置 | 运行 | 接待 |\n|---|---|---|---|---|---|\n| 9.32 | 7.57 | 0 | 0 | 0 | 1.75 |',
  fail: '| 合计 | 出国 | 小计 | 购置 | 运行 | 接待 |\n|---|---|---|---|---|---|\n| **9.42** | 7.57 | 0 | 0 | 0 | 1.75 |\n\n→ error: 预算数合计 9.42 ≠ 三项之和 9.32',
  limits: [
    { zh: '旧版含会议费、培训费列时，合计按“三公”或“三公加会议培训”两种口径中相符的一种核对。', en: 'Older layouts with meeting/training columns: the total is accepted under either definition (三公 only, or with meetings and training).' },
  ],
};

export const rule = defineRule({
  meta,
  run(ctx) {
    const c = checker(ctx, meta);
    for (const r of valueRows(panel(ctx.disclosure.tables.T9))) {
      for (const side of ['budget', 'actual']) {
        const k = (s: string) => cellOf(r, `${side}.${s}`);
        const car = k('car');
        if (car && (k('carPurchase') || k('carRunning'))) c.sum(car, [k('carPurchase'), k('carRunning')], { zh: '购置费与运行维护费之和', en: 'purchase plus running costs' });
        const total = k('total');
        if (!total) continue;
        const carParts = car ? [car] : [k('carPurchase'), k('carRunning')];
        const core = [k('abroad'), ...carParts, k('reception')];
        const extra = [k('meeting'), k('training')].filter(Boolean);
        let parts = core;
        if (extra.length > 0) {
          // Either definition of the total is accepted: prefer whichever the page used.
          const a = compareSum(amountOf(total), core.map(amountOf));
          const b = compareSum(amountOf(total), [...core, ...extra].map(amountOf));
          if (a.verdict !== 'pass' && b.verdict === 'pass') parts = [...core, ...extra];
        }
        c.sum(total, parts, { zh: '各项之和', en: 'the sum of the items' });
      }
    }
  },
});
