/** I-03 (domain.md): T1 收入总计 = 本年收入合计 + 使用非财政拨款结余 + 年初结转和结余. */
import { defineRule } from './types';
import type { RuleMeta } from './types';
import { balanceTerms, cellOf, checker, grandTotalRow, named, panel, RE_INCOME_TOTAL } from './helpers';
import type { RuleDoc } from './helpers';

export const meta: RuleMeta = {
  id: 'I-03',
  title: { zh: '收入总计等于本年收入合计加结余和结转', en: 'Income grand total = total income + balances used + opening balance' },
  severity: 'error',
  tables: ['T1'],
};

export const doc: RuleDoc = {
  rationale: {
    zh: '收入总计 = 本年收入合计 + 使用非财政拨款结余（含专用结余）+ 年初结转和结余（旧版“用事业基金弥补收支差额”等行同样计入）。',
    en: 'Grand total of income = total income + non-fiscal balances used + opening balance (older layouts\' extra rows between the two totals are added too).',
  },
  relation: { zh: 'T1 收入总计 = 本年收入合计 + 使用非财政拨款结余 + 年初结转和结余', en: 'T1 income grand total = total income + balances used + opening balance' },
  pass: '| 项目 | 决算数 |\n|---|---|\n| 本年收入合计 | 896.57 |\n| 使用非财政拨款结余 | |\n| 年初结转和结余 | 10.00 |\n| 总计 | 906.57 |',
  fail: '| 项目 | 决算数 |\n|---|---|\n| 本年收入合计 | 896.57 |\n| 年初结转和结余 | 10.00 |\n| 总计 | **896.57** |\n\n→ error: 总计 896.57 ≠ 本年收入合计与结转结余之和 906.57',
  limits: [
    { zh: '“本年收入合计”与“总计”之间的各行（“其中”行及基本支出结转等分项除外）都视为加项。', en: 'Every row between 本年收入合计 and 总计 (except 其中 rows and balance breakdowns such as 基本支出结转) is a term.' },
  ],
};

export const rule = defineRule({
  meta,
  run(ctx) {
    const p = panel(ctx.disclosure.tables.T1, 'income');
    const income = named(p, RE_INCOME_TOTAL);
    const grand = grandTotalRow(p, income);
    if (!p || !income || !cellOf(grand, 'amount')) return ctx.notApplicable('T1 has no 本年收入合计 / 总计 rows');
    const between = balanceTerms(p, income, grand!);
    checker(ctx, meta).sum(
      cellOf(grand, 'amount'),
      [cellOf(income, 'amount'), ...between.map((r) => cellOf(r, 'amount'))],
      { zh: '本年收入合计与结转结余之和', en: 'total income plus balances' },
    );
  },
});
