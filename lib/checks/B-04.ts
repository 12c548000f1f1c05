/** B-04 (budget.md): 单位 BT1 — per 类: 合计 = 人员 + 公用 + 项目; each column's total = Σ 类. */
import { defineRule } from './types';
import type { RuleMeta } from './types';
import { cellOf, checker, sumLabel } from './helpers';
import type { RuleDoc } from './helpers';
import { expenseClasses } from './budget';

export const meta: RuleMeta = {
  id: 'B-04',
  title: { zh: '单位预算总表：合计等于人员、公用与项目之和', en: 'Unit BT1: total equals personnel + office + project' },
  severity: 'error',
  tables: ['BT1'],
};

export const doc: RuleDoc = {
  rationale: {
    zh: '单位预算的财务收支预算总表按类列出合计、基本支出（人员经费、公用经费）和项目支出：每类合计 = 人员经费 + 公用经费 + 项目支出（或基本支出 + 项目支出），各列的支出总计 = 各类之和。',
    en: 'The unit version of BT1 splits each class into total, basic (personnel, office) and project: per class total = personnel + office + project (or basic + project); each column\'s total = Σ classes.',
  },
  relation: { zh: '每类 合计 = 人员 + 公用 + 项目；各列 支出总计 = Σ 类', en: 'per class total = personnel + office + project; per column total = Σ classes' },
  pass: '| 项目 | 合计 | 人员经费 | 公用经费 | 项目支出 |\n|---|---|---|---|---|\n| 一、一般公共服务支出 | 82,096,797.42 | 13,819,399.88 | 1,867,397.54 | 66,410,000.00 |',
  fail: '| 项目 | 合计 | 人员经费 | 公用经费 | 项目支出 |\n|---|---|---|---|---|\n| 一、一般公共服务支出 | **82,096,797.42** | 13,819,399.88 | 1,876,397.54 | 66,410,000.00 |\n\n→ error: 合计 82096797.42 ≠ 人员经费、公用经费与项目支出之和 82096806.42',
  limits: [{ zh: '只在总表右侧印有人员经费/公用经费/项目支出列时运行（单位预算）。', en: 'Runs only when BT1\'s expense half has personnel/office/project columns (unit budgets).' }],
};

export const rule = defineRule({
  meta,
  run(ctx) {
    const d = ctx.disclosure;
    const e = expenseClasses(d.tables.BT1);
    const keys = new Set(e.panel?.columns.map((col) => col.key) ?? []);
    const parts = keys.has('personnel') || keys.has('office') ? ['personnel', 'office', 'basic', 'project'] : keys.has('basic') ? ['basic', 'project'] : [];
    if (parts.length === 0 || !keys.has('project')) return ctx.notApplicable('BT1 has no 人员/公用/项目 columns (a department budget)');
    const present = parts.filter((k) => keys.has(k));
    const c = checker(ctx, meta, { wholeYuanPerTerm: true });
    const label = { zh: '人员经费、公用经费与项目支出之和', en: 'personnel + office + project' };
    for (const r of [...e.classes, ...(e.total ? [e.total] : [])]) {
      c.sum(cellOf(r, 'amount'), present.map((k) => cellOf(r, k)), label);
    }
    if (!e.total) return;
    for (const k of present) {
      const cells = e.classes.map((r) => cellOf(r, k));
      c.sum(cellOf(e.total, k), cells, () => sumLabel(d, cells, { zh: '各类之和', en: 'the sum of the classes' }));
    }
  },
});
