/** B-S06 (budget.md, "Required parts"): Budget explanation: totals with changes, the per-项 list. Shared presence logic: ./budget-parts.ts. */
import { defineRule } from './types';
import type { RuleMeta } from './types';
import type { RuleDoc } from './helpers';
import { EXPLANATION, ITEM_LINE, TOTALS, narrative, missing, headingOf, textOf, tablesOnly } from './budget-parts';

export const meta: RuleMeta = {
  id: 'B-S06',
  title: { zh: '预算编制说明：收支总体及增减、按项说明', en: 'Budget explanation: totals with changes, the per-项 list' },
  severity: 'error',
  tables: [],
};

export const doc: RuleDoc = {
  rationale: {
    zh: '预算编制说明写明收支预算总体情况及比上年预算的增减和原因，并按项说明财政拨款支出。没有这一部分为错误；有这一部分但缺少收支总体或按项说明为警告。',
    en: 'The 预算编制说明 states the income/expenditure totals with their change on last year’s budget and reasons, and lists fiscal expenditure per 项. A missing part is an error; a part lacking the totals or the list is a warning.',
  },
  relation: { zh: '有“预算编制说明”，含收支总体（含增减）和按项说明', en: 'a 预算编制说明 with totals (and changes) and the per-项 list' },
  pass: '2025年部门预算编制说明 / 收入预算9,101.68万元，…比2024年预算减少… / 1. “一般公共服务支出-…”科目…',
  fail: '（只有表，没有预算编制说明） → error',
  limits: [{ zh: '按标题（或粘在段首、段尾的标题）判断是否存在，写法宽松；缺少才报告。', en: 'Presence by headings (also one glued to a paragraph’s start or end), tolerant wording; only absence is reported.' }],
};

export const rule = defineRule({
  meta,
  run(ctx) {
    const d = ctx.disclosure;
    if (tablesOnly(d)) {
      missing(ctx, meta, { zh: '预算编制说明（页面只有表格，没有文字说明）', en: 'budget explanation (the page has tables only, no text)' }, 'warning');
      return;
    }
    const head = headingOf(d, EXPLANATION);
    const totals = textOf(d, TOTALS);
    if (!head && !totals) return missing(ctx, meta, { zh: '预算编制说明', en: 'budget explanation' });
    if (!totals) missing(ctx, meta, { zh: '预算编制说明：收支预算总体情况', en: 'budget explanation: income and expenditure totals' }, 'warning', head);
    // The change belongs to the totals: their paragraph or the two after it (not the 三公 paragraph's).
    else if (!narrative(d).some((p) => p.index >= totals.index && p.index <= totals.index + 2 && /(?:比|较|与)\d{4}年度?预算(?:相比)?[，,]?(?:增加|增长|减少|下降|持平)/.test(p.text)))
      missing(ctx, meta, { zh: '预算编制说明：比上年预算的增减', en: 'budget explanation: the change on last year’s budget' }, 'warning', totals);
    if (!textOf(d, ITEM_LINE))
      missing(ctx, meta, { zh: '预算编制说明：按项说明的财政拨款支出', en: 'budget explanation: fiscal expenditure per 项' }, 'warning', head ?? totals);
  },
});
