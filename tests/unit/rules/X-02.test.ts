import { describe, expect, it } from 'vitest';
import { rule } from '../../../lib/checks/X-02';
import { disclosure, outcome, run, table } from '../claims.builders';

const SANGONG = '七、财政拨款“三公”经费支出决算情况说明';
const T9 = (...items: Array<[string, string, string]>) =>
  table('T9', { main: [{ name: '', cells: Object.fromEntries(items.flatMap(([k, b, a]) => [[`budget.${k}`, b], [`actual.${k}`, a]])) }] });
const sangong = (items: Array<[string, string, string]>, ...text: string[]) => disclosure([SANGONG, ...text], { T9: T9(...items) });

const T5 = (total: string) =>
  table('T5', {
    main: [
      { name: '合计', kind: 'total', cells: { total } },
      { name: '一般公共服务支出', code: '201', cells: { total } },
      { name: '党委办公厅（室）及相关机构事务', code: '20131', cells: { total } },
      { name: '行政运行', code: '2013101', cells: { total } },
    ],
  });
const HEAD = ['五、一般公共预算财政拨款支出决算情况说明', '（三）一般公共预算财政拨款支出决算具体情况', '1、一般公共服务支出（类）党委办公厅（室）及相关机构事务（款）行政运行（项）'];
const item = (actual: string, ...text: string[]) => disclosure([...HEAD, ...text], { T5: T5(actual) });
const stated = (actual: string) => `年初预算为100.00万元，支出决算为${actual}万元。`;

describe('X-02 actual more than 30% off its budget with no reason (insight)', () => {
  it.each([
    ['三公: exactly +30% (boundary)', sangong([['reception', '10.00', '13.00']], '公务接待费支出决算13.00万元。')],
    ['三公: exactly −30% (boundary)', sangong([['reception', '10.00', '7.00']], '公务接待费支出决算7.00万元。')],
    ['三公: reason in the sentence naming the item', sangong([['reception', '1.75', '0']], '公务接待费支出决算为0万元，完成预算的0%，决算数小于预算数的主要原因是严格执行中央八项规定。')],
    ['三公: reason in the next sentence', sangong([['abroad', '7.57', '2.00']], '因公出国（境）费支出决算为2.00万元，完成预算的26.42%。主要是出访计划取消。')],
    ['三公: a zero budget has no ratio', sangong([['car', '0', '5.00']], '公务用车购置及运行维护费支出决算5.00万元。')],
    ['三公: no 三公 text at all (tables only)', disclosure(['一、部门职责'], { T9: T9(['reception', '1.75', '0']) })],
    ['项: exactly +30% (boundary)', item('130.00', stated('130.00'))],
    ['项: exactly −30% (boundary)', item('70.00', stated('70.00'))],
    ['项: a reason given', item('140.00', `${stated('140.00')}决算数大于年初预算数的主要原因是人员增加。`)],
  ] as const)('passes: %s', (_, d) => {
    expect(run(rule, d)).toEqual([]);
  });

  it.each([
    ['just above +30%', '10.00', '13.01', '+30.10%'],
    ['just below −30%', '10.00', '6.99', '-30.10%'],
    ['nothing spent (seed numbers)', '1.75', '0', '-100.00%'],
  ] as const)('三公 notice: %s', (_, budget, actual, pct) => {
    const fs = run(rule, sangong([['reception', budget, actual]], `公务接待费支出决算为${actual}万元。`));
    expect(fs.map((f) => [f.rule, f.severity, f.expected, f.actual])).toEqual([['X-02', 'notice', budget, actual]]);
    expect(fs[0].message.zh).toBe(`公务接待费决算数${actual}与预算数${budget}相差${pct}（超过30%），情况说明中没有说明原因`);
    expect(fs[0].cells.map((c) => [c.cell.table, c.cell.text, c.role])).toEqual([['T9', budget, 'value'], ['T9', actual, 'value']]);
  });

  it('三公: "由于决算为0万元，无法计算完成百分比" is no reason for the difference', () => {
    const fs = run(rule, sangong([['reception', '1.75', '0']], '3.公务接待费支出预算为1.75万元，支出决算为0万元，由于决算为0万元，无法计算完成百分比。'));
    expect(fs.map((f) => [f.rule, f.expected, f.actual])).toEqual([['X-02', '1.75', '0']]);
  });

  it('三公: a reason for another item does not explain this one', () => {
    const fs = run(rule, sangong([['abroad', '5.00', '1.00'], ['reception', '2.00', '0']], '因公出国（境）费支出决算1.00万元，主要原因是出访减少。', '公务接待费支出决算0万元。'));
    expect(fs.map((f) => [f.rule, f.expected, f.actual])).toEqual([['X-02', '2.00', '0']]);
  });

  it.each([
    ['just above +30%', '130.01', '+30.01%'],
    ['just below −30%', '69.99', '-30.01%'],
  ] as const)('项 notice: %s', (_, actual, pct) => {
    const fs = run(rule, item(actual, stated(actual)));
    expect(fs.map((f) => [f.rule, f.severity, f.expected, f.actual, f.quote])).toEqual([['X-02', 'notice', '100.00万元', `${actual}万元`, stated(actual)]]);
    expect(fs[0].message.zh).toBe(`行政运行支出决算${actual}万元与年初预算100.00万元相差${pct}（超过30%），没有说明原因`);
    // The actual is the T5 row's cell.
    expect(fs[0].cells.map((c) => [c.cell.table, c.cell.row, c.cell.text, c.role])).toEqual([['T5', 3, actual, 'value']]);
  });

  it('not applicable with no budget next to an actual', () => {
    expect(outcome(rule, disclosure(['一、部门职责']))).toBe('not-applicable');
  });
});
