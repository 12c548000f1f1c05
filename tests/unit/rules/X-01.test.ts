import { describe, expect, it } from 'vitest';
import { rule } from '../../../lib/checks/X-01';
import { disclosure, outcome, run, table } from '../claims.builders';

/** A T9 row from [item, budget, actual] triples (columns budget.x / actual.x). */
const T9 = (...items: Array<[string, string, string]>) =>
  table('T9', { main: [{ name: '', cells: Object.fromEntries(items.flatMap(([k, b, a]) => [[`budget.${k}`, b], [`actual.${k}`, a]])) }] });
const doc = (...items: Array<[string, string, string]>) => disclosure(['七、财政拨款“三公”经费支出决算情况说明'], { T9: T9(...items) });

describe('X-01 三公 actual above its budget (insight)', () => {
  it.each([
    ['every item within budget (seed numbers)', [['total', '9.32', '7.57'], ['abroad', '7.57', '7.57'], ['car', '0', '0'], ['reception', '1.75', '0']]],
    ['actual equal to budget (boundary)', [['total', '5.00', '5.00'], ['reception', '1.50', '1.5']]],
    ['a blank or unreadable budget is not compared', [['reception', '', '1.75'], ['abroad', '-', '2.00']]],
  ] as const)('passes: %s', (_, items) => {
    expect(run(rule, doc(...(items as unknown as Array<[string, string, string]>)))).toEqual([]);
  });

  it.each([
    ['reception above budget', [['total', '9.32', '9.00'], ['reception', '1.50', '1.75']], [['公务接待费', '≤ 1.50', '1.75', '超出0.25（16.67%）']]],
    ['just above (0.01)', [['abroad', '7.57', '7.58']], [['因公出国（境）费', '≤ 7.57', '7.58', '超出0.01（0.13%）']]],
    ['a zero budget: above, no percentage', [['car', '0', '3.20']], [['公务用车购置及运行维护费', '≤ 0', '3.20', '超出3.20']]],
    ['split car costs: the parts, not the subtotal', [['car', '4.00', '5.00'], ['carPurchase', '0', '0'], ['carRunning', '4.00', '5.00']], [['公务用车运行维护费', '≤ 4.00', '5.00', '超出1.00（25.00%）']]],
    ['total and item, in column order', [['total', '9.00', '9.50'], ['reception', '1.00', '1.50']], [['“三公”经费合计', '≤ 9.00', '9.50', '超出0.50（5.56%）'], ['公务接待费', '≤ 1.00', '1.50', '超出0.50（50.00%）']]],
  ] as const)('notice: %s', (_, items, want) => {
    const fs = run(rule, doc(...(items as unknown as Array<[string, string, string]>)));
    expect(fs.map((f) => [f.rule, f.severity])).toEqual(want.map(() => ['X-01', 'notice']));
    want.forEach(([name, expected, actual, over], i) => {
      const f = fs[i];
      expect([f.expected, f.actual]).toEqual([expected, actual]);
      expect(f.message.zh).toBe(`${name}决算数${actual}高于预算数${expected.slice(2)}，${over}`);
      // Exactly the item's two cells: budget then actual.
      expect(f.cells.map((c) => [c.cell.table, c.cell.text, c.role])).toEqual([['T9', expected.slice(2), 'value'], ['T9', actual, 'value']]);
    });
  });

  it('not applicable without T9 or without a budget/actual pair', () => {
    expect(outcome(rule, disclosure(['一、部门职责']))).toBe('not-applicable');
    expect(outcome(rule, doc(['reception', '', '']))).toBe('not-applicable');
  });
});
