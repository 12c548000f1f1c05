/** I-12 (domain.md): T4 — 本年收入合计 = Σ three funds; 年初结转 = Σ its parts; 收入总计 = 本年收入合计 + 年初. */
import { defineRule } from './types';
import type { RuleMeta } from './types';
import { cellOf, checker, grandTotalRow, itemRowsBefore, named, openingParts, panel, RE_INCOME_TOTAL, RE_T4_OPENING, sumLabel } from './helpers';
import type { RuleDoc } from './helpers';

export const meta: RuleMeta = {
  id: 'I-12',
  title: { zh: '财政拨款收入支出决算总表收入侧自洽', en: 'Fiscal appropriation summary: income side adds up' },
  severity: 'error',
  tables: ['T4'],
};

export const doc: RuleDoc = {
  rationale: {
    zh: '财政拨款收入支出决算总表左侧：本年收入合计 = 三项财政拨款之和；年初财政拨款结转和结余 = 其分项之和；收入总计 = 本年收入合计 + 年初结转和结余。',
    en: 'T4 income side: total income = the three funds; the opening balance = its parts by fund; grand total = total income + opening balance.',
  },
  relation: { zh: 'T4 本年收入合计 = Σ 三项拨款；年初 = Σ 分项；总计 = 本年收入合计 + 年初', en: 'T4 total income = Σ funds; opening = Σ parts; grand total = total income + opening' },
  pass: '| 项目 | 金额 |\n|---|---|\n| 一、一般公共预算财政拨款 | 880.81 |\n| 本年收入合计 | 880.81 |\n| 年初财政拨款结转和结余 | 0 |\n| 总计 | 880.81 |',
  fail: '| 项目 | 金额 |\n|---|---|\n| 一、一般公共预算财政拨款 | 880.81 |\n| 本年收入合计 | **890.81** |\n\n→ error: 本年收入合计 890.81 ≠ 各项财政拨款之和 880.81',
  limits: [{ zh: '年初分项为“年初”行与“总计”行之间的各行。', en: 'The opening balance parts are the rows between the 年初 row and 总计.' }],
};

export const rule = defineRule({
  meta,
  run(ctx) {
    const p = panel(ctx.disclosure.tables.T4, 'income');
    const total = named(p, RE_INCOME_TOTAL);
    if (!p || !total) return ctx.notApplicable('T4 has no 本年收入合计 row');
    const c = checker(ctx, meta);
    const funds = itemRowsBefore(p, total).map((r) => cellOf(r, 'amount'));
    c.sum(cellOf(total, 'amount'), funds, { zh: '各项财政拨款之和', en: 'the sum of the three funds' });
    const opening = named(p, RE_T4_OPENING, p.rows.indexOf(total) + 1);
    const grand = grandTotalRow(p, total);
    const parts = openingParts(p, opening, grand);
    if (opening && parts.length > 0)
      c.sum(cellOf(opening, 'amount'), parts.map((r) => cellOf(r, 'amount')), { zh: '年初结转和结余分项之和', en: 'the sum of the opening balance by fund' });
    if (grand) {
      const terms = [cellOf(total, 'amount'), cellOf(opening, 'amount')];
      c.sum(cellOf(grand, 'amount'), terms, () => sumLabel(c.d, terms, { zh: '本年收入合计与年初结转和结余之和', en: 'total income plus opening balance' }));
    }
  },
});
