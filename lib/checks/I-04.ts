/** I-04 (domain.md): T1 支出总计 = 本年支出合计 + 结余分配 + 年末结转和结余. */
import { defineRule } from './types';
import type { RuleMeta } from './types';
import { balanceTerms, cellOf, checker, grandTotalRow, named, panel, RE_EXPENSE_TOTAL } from './helpers';
import type { RuleDoc } from './helpers';

export const meta: RuleMeta = {
  id: 'I-04',
  title: { zh: '支出总计等于本年支出合计加结余分配和年末结转', en: 'Expenditure grand total = total expenditure + allocation + closing balance' },
  severity: 'error',
  tables: ['T1'],
};

export const doc: RuleDoc = {
  rationale: {
    zh: '支出总计 = 本年支出合计 + 结余分配 + 年末结转和结余。',
    en: 'Grand total of expenditure = total expenditure + allocation of balances + closing balance.',
  },
  relation: { zh: 'T1 支出总计 = 本年支出合计 + 结余分配 + 年末结转和结余', en: 'T1 expenditure grand total = total expenditure + allocation + closing balance' },
  pass: '| 项目 | 决算数 |\n|---|---|\n| 本年支出合计 | 896.57 |\n| 结余分配 | |\n| 年末结转和结余 | 5.00 |\n| 总计 | 901.57 |',
  fail: '| 项目 | 决算数 |\n|---|---|\n| 本年支出合计 | 896.57 |\n| 年末结转和结余 | 5.00 |\n| 总计 | **896.57** |\n\n→ error: 总计 896.57 ≠ 本年支出合计与结余之和 901.57',
  limits: [
    { zh: '“本年支出合计”与“总计”之间的各行（“其中”行及基本支出结转等分项除外）都视为加项。', en: 'Every row between 本年支出合计 and 总计 (except 其中 rows and balance breakdowns such as 基本支出结转) is a term.' },
  ],
};

export const rule = defineRule({
  meta,
  run(ctx) {
    const p = panel(ctx.disclosure.tables.T1, 'expense');
    const spent = named(p, RE_EXPENSE_TOTAL);
    const grand = grandTotalRow(p, spent);
    if (!p || !spent || !cellOf(grand, 'amount')) return ctx.notApplicable('T1 has no 本年支出合计 / 总计 rows');
    const between = balanceTerms(p, spent, grand!);
    checker(ctx, meta).sum(
      cellOf(grand, 'amount'),
      [cellOf(spent, 'amount'), ...between.map((r) => cellOf(r, 'amount'))],
      { zh: '本年支出合计与结余之和', en: 'total expenditure plus balances' },
    );
  },
});
