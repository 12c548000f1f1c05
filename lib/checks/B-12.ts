/** B-12 (budget.md): BT4 ↔ BT5/BT6/BT7 — per 类 and in total, each fund column of BT4 = its own table. */
import { defineRule } from './types';
import type { RuleMeta } from './types';
import type { TableKey } from '../model/types';
import { cellOf, checker, grandRow, matchClasses, normName, panel } from './helpers';
import type { RuleDoc } from './helpers';
import { expenseClasses } from './budget';

const PAIRS: Array<{ key: TableKey; col: string }> = [
  { key: 'BT5', col: 'general' },
  { key: 'BT6', col: 'govfund' },
  { key: 'BT7', col: 'soe' },
];

export const meta: RuleMeta = {
  id: 'B-12',
  title: { zh: '财政拨款收支预算总表各资金列与分表一致', en: 'BT4 fund columns agree with BT5, BT6, BT7' },
  severity: 'error',
  tables: ['BT4'],
};

export const doc: RuleDoc = {
  rationale: {
    zh: '财政拨款收支预算总表的一般公共预算列按类等于一般公共预算支出功能分类预算表，政府性基金列等于政府性基金预算支出表，国有资本经营列等于国有资本经营预算支出表，合计亦然。',
    en: 'BT4\'s general-budget column equals BT5 class by class and in total; its government-fund column equals BT6 and its state-capital column BT7.',
  },
  relation: { zh: 'BT4 一般公共预算列 = BT5；政府性基金列 = BT6；国有资本经营列 = BT7（按类及合计）', en: 'BT4 general = BT5; govfund = BT6; soe = BT7 (per class and in total)' },
  pass: 'BT4 一、一般公共服务支出「一般公共预算」82,096,797.42 = BT5 201「合计」82,096,797.42',
  fail: 'BT4 二、社会保障和就业支出「一般公共预算」**1,097,073.43** vs BT5 208「合计」4,213,779.28\n\n→ error',
  limits: [{ zh: '空的 BT6/BT7 与 BT4 空白资金列一致即通过。', en: 'An empty BT6/BT7 agrees with an empty BT4 fund column.' }],
};

export const rule = defineRule({
  meta,
  run(ctx) {
    const d = ctx.disclosure;
    const e = expenseClasses(d.tables.BT4);
    const present = PAIRS.filter((p) => d.tables[p.key] && e.panel?.columns.some((col) => col.key === p.col));
    if (present.length === 0) return ctx.notApplicable('none of BT5 BT6 BT7 beside a BT4 fund column');
    const c = checker(ctx, meta);
    const named = e.classes.filter((r) => normName(r.name) !== '');
    for (const { key, col } of present) {
      const p = panel(d.tables[key]);
      c.equal(cellOf(grandRow(p), 'total'), cellOf(e.total, col));
      const classes = (p?.rows ?? []).filter((r) => r.code && r.code.length === 3 && r.kind !== 'of-which');
      matchClasses(c, classes, 'total', named, col);
    }
  },
});
