/**
 * X-02 (insight, off by default; issue 23 item 5): an item whose actual differs from its budget by
 * more than 30% and the narrative gives no reason for it: a notice. Budgets come from T9 (the "三公"
 * items, 预算数 next to 决算数) and from the 具体情况 of 一般公共预算财政拨款支出 (each 项's 年初预算,
 * stated in the text; its actual is the T5 row).
 */
import Decimal from 'decimal.js';
import type { CellRef, RuleMeta } from './types';
import { defineRule } from './types';
import type { RuleDoc } from './helpers';
import { checker, panel, valueRows } from './helpers';
import { analyse } from '../claims/index';
import { shownInTableUnit } from '../claims/tables';
import { sentenceFinding } from '../claims/checks';
import { hasReason, REASON } from './N-19';
import { t9Pairs, valueOfCell } from './X-01';

export const meta: RuleMeta = {
  id: 'X-02',
  title: { zh: '决算与年初预算相差超过30%且未说明原因（分析提示）', en: 'Actual differs from budget by more than 30% with no reason given (insight)' },
  severity: 'notice',
  tables: [],
};

export const doc: RuleDoc = {
  rationale: {
    zh: '分析提示（默认关闭，CLI --insights 或扩展选项开启）：决算数与年初预算数相差超过预算数的30%，而情况说明中没有说明原因。预算数取自财政拨款“三公”经费支出决算表（预算数与决算数并列的各项），以及“一般公共预算财政拨款支出决算具体情况”中各项的年初预算（决算数取公开05表该项）。“说明了原因”指：叙述中提到该项的句子本身、其下一句或下一段第一句含“原因”“由于”“因”“主要是”等字样（与 N-19 相同）。',
    en: 'Insight (off by default; enabled by the CLI flag --insights or the extension option): an actual that differs from its budget by more than 30% of the budget, with no reason given in the text. Budgets come from the "three public expenses" table (budget next to actual for each item) and from each 项\'s 年初预算 stated in the specific situation of general public budget spending (its actual is the T5 row). A reason is given when a sentence naming the item, its next sentence or the first sentence of the next paragraph says 原因 / 由于 / 因 / 主要是 (as N-19 recognises a reason).',
  },
  relation: { zh: '|决算 − 预算| > 30% × 预算 且 叙述未就该项说明原因 ⇒ 提示', en: '|actual − budget| > 30% × budget and no reason named for the item ⇒ notice' },
  pass: '（一般公共服务支出（类）……行政运行（项））年初预算为100.00万元，支出决算为140.00万元，完成年初预算的140.00%，决算数大于年初预算数的主要原因是人员增加。',
  fail: '年初预算为100.00万元，支出决算为130.01万元，完成年初预算的130.01%。（没有原因）→ notice (X-02)；恰好30%（130.00万元）不提示',
  limits: [
    { zh: '预算数为0的项不计算比例，不提示（“三公”超预算见 X-01）。按印出的数值比较，不考虑尾数。', en: 'An item with a zero budget has no ratio and is not reported (see X-01 for 三公 above budget). Values are compared as printed, without rounding tolerance.' },
    { zh: '只识别是否有原因字样，不判断原因是否充分；“三公”各项以名称（因公出国、公务接待、公务用车等）在叙述中的任一处与原因相邻即算说明。', en: 'Only the presence of a reason is recognised, not its adequacy; a 三公 item counts as explained when its name (因公出国, 公务接待, 公务用车 …) appears anywhere in the text next to a reason.' },
  ],
};

const LIMIT = new Decimal('0.3');
/** "由于决算为0万元，无法计算完成百分比" explains a missing percentage, not the difference. */
const NO_PERCENT = /由于[^。；;]*?无法计算[^，。；,;]*/g;
const isReason = (text: string): boolean => REASON.test(text.replace(NO_PERCENT, ''));

/** |actual − budget| > 30% of budget (budget ≠ 0); the signed percentage difference, else null. */
export function beyondLimit(budget: Decimal, actual: Decimal): Decimal | null {
  if (budget.isZero()) return null;
  const diff = actual.minus(budget);
  return diff.abs().gt(budget.abs().times(LIMIT)) ? diff.div(budget.abs()).times(100) : null;
}

const pctText = (p: Decimal): string => `${p.isNeg() ? '' : '+'}${p.toFixed(2)}%`;

export const rule = defineRule({
  meta,
  run(ctx) {
    const d = ctx.disclosure;
    const c = checker(ctx, meta);
    const a = analyse(d);
    const items = a.sentences;
    let compared = 0;

    // "三公" items: the text names the item next to a reason anywhere.
    // Without a 三公 section in the text there is no narrative to have given a reason.
    const told = items.some((it) => it.topic === 'sangong');
    const pairs = told ? valueRows(panel(d.tables.T9)).flatMap(t9Pairs) : [];
    for (const { item, budget, actual } of pairs) {
      compared++;
      const p = beyondLimit(valueOfCell(budget), valueOfCell(actual));
      if (!p) continue;
      if (items.some((it, i) => item.named.test(it.sentence.text) && hasReason(items, i, isReason))) continue;
      const cells: CellRef[] = [
        { cell: budget, role: 'value' },
        { cell: actual, role: 'value' },
      ];
      c.report(
        'notice',
        {
          zh: `${item.zh}决算数${actual.text.trim()}与预算数${budget.text.trim()}相差${pctText(p)}（超过30%），情况说明中没有说明原因`,
          en: `${item.en}: actual ${actual.text.trim()} differs from the budget ${budget.text.trim()} by ${pctText(p)} (more than 30%), and the text gives no reason`,
        },
        cells,
        { expected: budget.text.trim(), actual: actual.text.trim() },
      );
    }

    // Each 项 of the 具体情况: 年初预算 as stated, the actual from T5 (else as stated).
    const seen = new Set<string>();
    for (const cl of a.claims) {
      const f = cl.fact;
      if (cl.topic !== 'gpb.detail' || !f.budget || !cl.concept?.key.startsWith('T5.xiang:') || seen.has(cl.concept.key)) continue;
      if (f.budget.num.unit === '%' || f.num.unit === '%') continue;
      seen.add(cl.concept.key);
      const tv = cl.concept.table(d);
      const cell = tv && tv.cells.length === 1 && tv.cells[0].value.kind === 'number' ? tv.cells[0] : null;
      const budget = f.budget.num.value;
      // Both in 万元: the stated numbers are converted on reading, the table value by its unit.
      const actual = cell && tv ? tv.op.value : f.num.value;
      const shown = cell && tv ? shownInTableUnit(tv) : null;
      const actualText = shown ? (tv?.converted ? shown : `${shown.trim()}万元`) : f.num.text.trim();
      compared++;
      const p = beyondLimit(budget, actual);
      if (!p) continue;
      const i = items.indexOf(cl.item);
      if (i < 0 || hasReason(items, i, isReason)) continue;
      ctx.report({
        rule: meta.id,
        ...sentenceFinding(
          cl.paragraph,
          cl.item.sentence,
          'notice',
          `${cl.concept.name}支出决算${actualText}与年初预算${f.budget.num.text.trim()}相差${pctText(p)}（超过30%），没有说明原因`,
          `${cl.concept.nameEn}: the actual ${actualText} differs from its budget ${f.budget.num.text.trim()} by ${pctText(p)} (more than 30%), and no reason is given`,
          f.budget.num.text.trim(),
          actualText,
          cell ? [{ cell, role: 'value' }] : [],
        ),
      });
    }
    if (compared === 0) ctx.notApplicable('no item with both a budget and an actual');
  },
});
