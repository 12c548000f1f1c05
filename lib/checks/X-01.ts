/**
 * X-01 (insight, off by default; issue 23 item 5): a "三公" expense (T9) whose actual is above its
 * budget. Not an inconsistency — information for the reader: a notice per item.
 */
import type { RuleMeta } from './types';
import { defineRule } from './types';
import type { RuleDoc } from './helpers';
import { cellOf, checker, panel, valueRows } from './helpers';
import type { ModelCell, Row } from '../model/types';

export const meta: RuleMeta = {
  id: 'X-01',
  title: { zh: '“三公”经费决算数超过预算数（分析提示）', en: '"Three public expenses" above budget (insight)' },
  severity: 'notice',
  tables: ['T9'],
};

export const doc: RuleDoc = {
  rationale: {
    zh: '分析提示（默认关闭，CLI --insights 或扩展选项开启）：财政拨款“三公”经费支出决算表中，合计或某一项（因公出国（境）费、公务用车购置费、公务用车运行维护费、公务接待费等）的决算数大于预算数。这不是报表错误，只是值得关注的信息：每项一条提示，指向预算数与决算数两个单元格。',
    en: 'Insight (off by default; enabled by the CLI flag --insights or the extension option): in the "three public expenses" table, the total or an item (travel abroad, car purchase, car running costs, reception …) spent more than its budget. Not an inconsistency, only information worth a look: one notice per item, pointing at its budget and actual cells.',
  },
  relation: { zh: '决算数 > 预算数（合计及各项，公务用车分购置费与运行维护费时看这两项）', en: 'actual > budget (the total and each item; the car costs as purchase and running when the table splits them)' },
  pass: '| | 预算数 | 决算数 |\n|---|---|---|\n| 公务接待费 | 2.00 | 1.75 |',
  fail: '| | 预算数 | 决算数 |\n|---|---|---|\n| 公务接待费 | 1.50 | **1.75** |\n\n→ notice (X-01): 公务接待费决算数1.75高于预算数1.50，超出0.25（16.67%）',
  limits: [
    { zh: '按表中印出的数值比较，不考虑尾数；预算数为空白或不是数字的项不比较。', en: 'Values are compared as printed, without rounding tolerance; an item whose budget is blank or not a number is not compared.' },
    { zh: '只提示，不判断超支是否有合理原因（另见 X-02）。', en: 'Information only; whether the excess is justified is not judged (see also X-02).' },
  ],
};

/** The 三公 items of T9: column suffix, Chinese name, English name, words the narrative names it by. */
export const T9_ITEMS: readonly { key: string; zh: string; en: string; named: RegExp }[] = [
  { key: 'total', zh: '“三公”经费合计', en: 'total of the three public expenses', named: /三公/ },
  { key: 'abroad', zh: '因公出国（境）费', en: 'travel abroad', named: /因公出国/ },
  { key: 'car', zh: '公务用车购置及运行维护费', en: 'official cars', named: /公务用车/ },
  { key: 'carPurchase', zh: '公务用车购置费', en: 'official car purchase', named: /公务用车购置|车辆购置/ },
  { key: 'carRunning', zh: '公务用车运行维护费', en: 'official car running costs', named: /公务用车运行|运行维护费|运行费/ },
  { key: 'reception', zh: '公务接待费', en: 'official reception', named: /公务接待/ },
  { key: 'meeting', zh: '会议费', en: 'meetings', named: /会议费/ },
  { key: 'training', zh: '培训费', en: 'training', named: /培训费/ },
];

export interface T9Pair {
  item: (typeof T9_ITEMS)[number];
  budget: ModelCell;
  actual: ModelCell;
}

/** Budget/actual cell pairs of a T9 row, both numbers; the car subtotal only when its parts are not split. */
export function t9Pairs(r: Row): T9Pair[] {
  const out: T9Pair[] = [];
  const num = (c: ModelCell | undefined) => c && c.value.kind === 'number';
  const split = ['carPurchase', 'carRunning'].some((k) => num(cellOf(r, `budget.${k}`)) && num(cellOf(r, `actual.${k}`)));
  for (const item of T9_ITEMS) {
    if (item.key === 'car' && split) continue;
    const budget = cellOf(r, `budget.${item.key}`);
    const actual = cellOf(r, `actual.${item.key}`);
    if (budget && actual && num(budget) && num(actual)) out.push({ item, budget, actual });
  }
  return out;
}

const printed = (c: ModelCell): number => (c.value.kind === 'number' ? c.value.printedDecimals : 0);

/** A number cell's value (callers pass number cells only). */
export const valueOfCell = (c: ModelCell) => (c.value.kind === 'number' ? c.value.value : null)!;

export const rule = defineRule({
  meta,
  run(ctx) {
    const c = checker(ctx, meta);
    let compared = 0;
    for (const r of valueRows(panel(ctx.disclosure.tables.T9))) {
      for (const { item, budget, actual } of t9Pairs(r)) {
        compared++;
        const b = valueOfCell(budget);
        const a = valueOfCell(actual);
        if (!a.gt(b)) continue;
        // The excess at the printed precision of its operands (3.20 − 0 → 3.20, not 3.2).
        const places = Math.max(printed(budget), printed(actual));
        const over = a.minus(b).toFixed(places);
        const pct = b.isZero() ? null : a.minus(b).div(b).times(100).toFixed(2);
        const more = pct === null ? '' : `（${pct}%）`;
        c.report(
          'notice',
          {
            zh: `${item.zh}决算数${actual.text.trim()}高于预算数${budget.text.trim()}，超出${over}${more}`,
            en: `${item.en}: actual ${actual.text.trim()} is above the budget ${budget.text.trim()} by ${over}${pct === null ? '' : ` (${pct}%)`}`,
          },
          [
            { cell: budget, role: 'value' },
            { cell: actual, role: 'value' },
          ],
          { expected: `≤ ${budget.text.trim()}`, actual: actual.text.trim() },
        );
      }
    }
    if (compared === 0) ctx.notApplicable('no budget/actual pair in T9');
  },
});
