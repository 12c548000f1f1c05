/** I-21 (domain.md): T3↔T5 — T5 ≤ T3 for 合计, 基本, 项目 and each shared code (T5 is a subset). */
import { defineRule } from './types';
import type { RuleMeta } from './types';
import { cellOf, checker, grandRow, panel, valueRows } from './helpers';
import type { RuleDoc } from './helpers';

const COLS = ['total', 'basic', 'project'];

export const meta: RuleMeta = {
  id: 'I-21',
  title: { zh: '一般公共预算支出不超过全部支出', en: 'General public budget spending does not exceed total spending' },
  severity: 'error',
  tables: ['T3', 'T5'],
};

export const doc: RuleDoc = {
  rationale: {
    zh: '一般公共预算财政拨款支出是全部支出的一部分：T5 的合计、基本支出、项目支出及每个共有科目都不得大于 T3 的相应数。只有超出容差的部分才是错误。',
    en: 'T5 is a subset of T3: its total, basic and project spending and each shared code cannot exceed T3\'s. Only an excess beyond the rounding tolerance is an error.',
  },
  relation: { zh: 'T5 ≤ T3（合计、基本、项目、每个共有科目）', en: 'T5 ≤ T3 (total, basic, project, each shared code)' },
  pass: 'T3 合计 896.57；T5 合计 880.81',
  fail: 'T3 2013101 行政运行 合计 732.39；T5 2013101 行政运行 合计 **742.39**\n\n→ error: 2013101 行政运行「合计」742.39 > 支出决算表 2013101 行政运行「合计」732.39',
  limits: [{ zh: '只比较两表共有的科目编码。', en: 'Only codes printed in both tables are compared.' }],
};

export const rule = defineRule({
  meta,
  run(ctx) {
    const p3 = panel(ctx.disclosure.tables.T3);
    const p5 = panel(ctx.disclosure.tables.T5);
    const c = checker(ctx, meta);
    const g3 = grandRow(p3);
    const g5 = grandRow(p5);
    for (const k of COLS) c.atMost(cellOf(g5, k), cellOf(g3, k));
    const byCode = new Map(valueRows(p3).filter((r) => r.code && r.kind !== 'of-which').map((r) => [r.code!, r]));
    for (const r5 of valueRows(p5)) {
      if (!r5.code || r5.kind === 'of-which') continue;
      const r3 = byCode.get(r5.code);
      if (!r3) continue;
      for (const k of COLS) c.atMost(cellOf(r5, k), cellOf(r3, k));
    }
  },
});
