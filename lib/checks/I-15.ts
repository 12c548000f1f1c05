/** I-15 (domain.md): T1↔T4 — T4 income by fund = T1 rows 一/二/三; T4 结转 ≤ T1 结转. */
import { defineRule } from './types';
import type { RuleMeta } from './types';
import {
  cellOf, checker, named, panel, RE_EXPENSE_TOTAL, RE_INCOME_TOTAL, RE_T4_CLOSING, RE_T4_OPENING, sourceRow,
} from './helpers';
import type { RuleDoc } from './helpers';

export const meta: RuleMeta = {
  id: 'I-15',
  title: { zh: '财政拨款收入与收入支出决算总表一致', en: 'Fiscal appropriation income agrees with the summary table' },
  severity: 'error',
  tables: ['T1', 'T4'],
};

export const doc: RuleDoc = {
  rationale: {
    zh: '财政拨款收入支出决算总表的三项财政拨款收入应分别等于收入支出决算总表第一、二、三行；财政拨款结转和结余是全部结转和结余的一部分，不得大于后者。',
    en: 'T4 income by fund equals T1 rows 一/二/三; T4 fiscal balances (opening and closing) are part of the T1 balances and cannot exceed them.',
  },
  relation: { zh: 'T4 各项拨款收入 = T1 一/二/三 行；T4 年初（年末）结转 ≤ T1 年初（年末）结转', en: 'T4 income by fund = T1 rows 一/二/三; T4 opening (closing) balance ≤ T1 opening (closing) balance' },
  pass: 'T1：一、一般公共预算财政拨款收入 880.81；年初结转和结余 5.00\n\nT4：一、一般公共预算财政拨款 880.81；年初财政拨款结转和结余 3.00',
  fail: 'T1：年初结转和结余 5.00\n\nT4：年初财政拨款结转和结余 **8.00**\n\n→ error: 年初财政拨款结转和结余 8.00 > 收入支出决算总表 年初结转和结余 5.00',
  limits: [{ zh: '行按名称配对；找不到的行不比较。', en: 'Rows are paired by name; rows not found are not compared.' }],
};

export const rule = defineRule({
  meta,
  run(ctx) {
    const { T1, T4 } = ctx.disclosure.tables;
    const i1 = panel(T1, 'income');
    const e1 = panel(T1, 'expense');
    const i4 = panel(T4, 'income');
    const e4 = panel(T4, 'expense');
    const tot1 = named(i1, RE_INCOME_TOTAL);
    const tot4 = named(i4, RE_INCOME_TOTAL);
    const c = checker(ctx, meta);
    for (const k of ['general', 'govfund', 'soe']) {
      const r4 = sourceRow(i4, k, tot4);
      const r1 = sourceRow(i1, k, tot1);
      if (r4 && r1) c.equal(cellOf(r4, 'amount'), cellOf(r1, 'amount'));
    }
    if (tot1 && tot4) {
      const open1 = named(i1, /^年初结转和结余$/, i1!.rows.indexOf(tot1) + 1);
      const open4 = named(i4, RE_T4_OPENING, i4!.rows.indexOf(tot4) + 1);
      c.atMost(cellOf(open4, 'amount'), cellOf(open1, 'amount'));
    }
    const sp1 = named(e1, RE_EXPENSE_TOTAL);
    const sp4 = named(e4, RE_EXPENSE_TOTAL);
    if (sp1 && sp4) {
      const close1 = named(e1, /^年末结转和结余$/, e1!.rows.indexOf(sp1) + 1);
      const close4 = named(e4, RE_T4_CLOSING, e4!.rows.indexOf(sp4) + 1);
      c.atMost(cellOf(close4, 'total'), cellOf(close1, 'amount'));
    }
  },
});
