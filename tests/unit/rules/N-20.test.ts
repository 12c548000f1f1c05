import { describe, expect, it } from 'vitest';
import { rule } from '../../../lib/checks/N-20';
import { disclosure, outcome, run, table } from '../claims.builders';

const T5 = (xiang: Array<[string, string, string]>) =>
  table('T5', {
    main: [
      { name: '合计', kind: 'total', cells: { total: '880.81' } },
      { name: '一般公共服务支出', code: '201', cells: { total: '742.39' } },
      { name: '党委办公厅（室）及相关机构事务', code: '20131', cells: { total: '742.39' } },
      ...xiang.map(([code, name, total]) => ({ name, code, cells: { total } })),
      { name: '住房保障支出', code: '221', cells: { total: '50.46' } },
      { name: '住房改革支出', code: '22102', cells: { total: '50.46' } },
    ],
  });
const ITEMS: Array<[string, string, string]> = [
  ['2013101', '行政运行', '732.39'],
  ['2013199', '其他党委办公厅（室）及相关机构事务支出', '10.00'],
  ['2210201', '住房公积金', '50.46'],
];
const HEAD = ['五、一般公共预算财政拨款支出决算情况说明', '（三）一般公共预算财政拨款支出决算具体情况'];
const RUN = '1、一般公共服务支出（类）党委办公厅（室）及相关机构事务（款）行政运行（项）';
const OTHER = '2、一般公共服务支出（类）党委办公厅（室）及相关机构事务（款）其他党委办公厅（室）及相关机构事务支出（项）';
const HOUSING = '3、住房保障支出（类）住房改革支出（款）住房公积金（项）';
const AMOUNTS = '年初预算为622.38万元，支出决算为732.39万元，完成年初预算的117.68%。';

describe('N-20 every item of general public budget spending is explained', () => {
  it.each([
    ['each 项 under its own heading (lukou)', [RUN, AMOUNTS, OTHER, AMOUNTS, HOUSING, AMOUNTS], ITEMS],
    ['chains inside a sentence (putuo)', [`1.${RUN.slice(2)}，主要用于支付在职人员经费。${AMOUNTS}`, `${OTHER.slice(2)}年初预算为0万元，支出决算为10万元；${HOUSING.slice(2)}年初预算为48.53万元。`], ITEMS],
    ['named without the chain', ['行政运行支出732.39万元；其他党委办公厅（室）及相关机构事务支出10万元；住房公积金50.46万元。'], ITEMS],
    ['a zero or blank 项 needs no explanation (boundary)', [RUN, AMOUNTS], [ITEMS[0], ['2013199', '其他党委办公厅（室）及相关机构事务支出', '0.00'], ['2210201', '住房公积金', '']]],
  ] as const)('passes: %s', (_, lines, items) => {
    expect(run(rule, disclosure([...HEAD, ...lines], { T5: T5(items as Array<[string, string, string]>) }))).toEqual([]);
  });

  it.each([
    ['one 项 left out', [RUN, AMOUNTS, OTHER, AMOUNTS], ['2210201 住房公积金'], [[5, '50.46']]],
    ['two left out, listed in table order', [HOUSING, AMOUNTS], ['2013101 行政运行', '2013199 其他党委办公厅（室）及相关机构事务支出'], [[3, '732.39'], [4, '10.00']]],
  ] as const)('notice: %s', (_, lines, names, cells) => {
    const fs = run(rule, disclosure([...HEAD, ...lines], { T5: T5(ITEMS) }));
    expect(fs.map((f) => [f.rule, f.severity])).toEqual([['N-20', 'notice']]);
    expect(fs[0].message.zh).toBe(`公开05表中有金额的${names.length}个项在“具体情况”中没有说明：${names.join('、')}`);
    expect(fs[0].cells.map((c) => [c.cell.row, c.cell.text, c.role])).toEqual(cells.map(([r, t]) => [r, t, 'value']));
  });

  it('not applicable without the 具体情况 part or without a 项 with an amount', () => {
    expect(outcome(rule, disclosure(['五、一般公共预算财政拨款支出决算情况说明', '（一）一般公共预算财政拨款支出决算总体情况', '支出880.81万元。'], { T5: T5(ITEMS) }))).toBe('not-applicable');
    expect(outcome(rule, disclosure([...HEAD, RUN], { T5: T5([['2013101', '行政运行', '0.00']]) }))).toBe('not-applicable');
    expect(outcome(rule, disclosure([...HEAD, RUN]))).toBe('not-applicable');
  });
});
