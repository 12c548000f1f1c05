/** I-14 (domain.md): T4 per fund — 年初 + 本年收入 = 本年支出 + 年末. */
import { defineRule } from './types';
import type { RuleMeta } from './types';
import {
  cellOf, checker, grandTotalRow, isNonZero, named, openingParts, panel, RE_EXPENSE_TOTAL, RE_INCOME_TOTAL, RE_T4_CLOSING, RE_T4_OPENING, sourceRow, INCOME_SOURCES, normName,
} from './helpers';
import type { RuleDoc } from './helpers';

const FUNDS: Array<{ key: string; zh: string; en: string }> = [
  { key: 'general', zh: '一般公共预算财政拨款', en: 'general public budget' },
  { key: 'govfund', zh: '政府性基金预算财政拨款', en: 'government fund budget' },
  { key: 'soe', zh: '国有资本经营预算财政拨款', en: 'state capital budget' },
];

export const meta: RuleMeta = {
  id: 'I-14',
  title: { zh: '各项财政拨款收支平衡', en: 'Each fund balances: opening + income = spending + closing' },
  severity: 'error',
  tables: ['T4'],
};

export const doc: RuleDoc = {
  rationale: {
    zh: '财政拨款收入支出决算总表中，每一项财政拨款：年初结转和结余 + 本年收入 = 本年支出 + 年末结转和结余。',
    en: 'In T4, for each fund: opening balance + income of the year = spending of the year + closing balance.',
  },
  relation: { zh: 'T4 每项拨款：年末 = 年初 + 本年收入 − 本年支出', en: 'T4 per fund: closing = opening + income − spending' },
  pass: '一般公共预算：年初 0；本年收入 880.81；本年支出 880.81；年末 0',
  fail: '一般公共预算：年初 0；本年收入 880.81；本年支出 870.81；年末 **0**\n\n→ error: 年末「一般公共预算财政拨款」0.00 ≠ 年初 + 本年收入 − 本年支出 10.00',
  limits: [{ zh: '年初结转和结余没有按拨款分项且不为 0 时，不做分项校验。', en: 'When the opening balance is not broken down by fund and is not 0, the per-fund check is skipped.' }],
};

export const rule = defineRule({
  meta,
  run(ctx) {
    const t = ctx.disclosure.tables.T4;
    const inc = panel(t, 'income');
    const exp = panel(t, 'expense');
    const incTotal = named(inc, RE_INCOME_TOTAL);
    const spent = named(exp, RE_EXPENSE_TOTAL);
    if (!inc || !exp || !incTotal || !spent) return ctx.notApplicable('T4 lacks 本年收入合计 or 本年支出合计');
    const opening = named(inc, RE_T4_OPENING, inc.rows.indexOf(incTotal) + 1);
    const parts = openingParts(inc, opening, grandTotalRow(inc, incTotal));
    const closing = named(exp, RE_T4_CLOSING, exp.rows.indexOf(spent) + 1);
    const c = checker(ctx, meta);
    // A breakdown whose cells are all blank under a non-zero opening does not split it.
    const split = parts.some((r) => Object.values(r.cells).some((x) => x.value.kind !== 'empty'));
    if (!split && isNonZero(cellOf(opening, 'amount'))) return;
    for (const f of FUNDS) {
      const src = INCOME_SOURCES.find((s) => s.key === f.key)!;
      const openRow = parts.find((r) => src.re.test(normName(r.name)));
      // Without a breakdown the opening by fund is known only when the whole opening is 0.
      if (!openRow && isNonZero(cellOf(opening, 'amount'))) continue;
      const income = cellOf(sourceRow(inc, f.key, incTotal), 'amount');
      const out = cellOf(spent, f.key);
      const close = cellOf(closing, f.key);
      if (!close) continue;
      c.linear(
        close,
        [
          { cell: cellOf(openRow, 'amount'), sign: 1 },
          { cell: income, sign: 1 },
          { cell: out, sign: -1 },
        ],
        { zh: `${f.zh}年初 + 本年收入 − 本年支出`, en: `${f.en} opening + income − spending` },
      );
    }
  },
});
