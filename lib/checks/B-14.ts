/** B-14 (budget.md): BT8 — per row 合计 = 人员 + 公用; 类 = Σ 款; 合计 = Σ 类; 人员经费 = 301 + 303; 公用经费 = 302 + 310 (+307/399). */
import { defineRule } from './types';
import type { RuleMeta } from './types';
import { cellOf, checker, grandRow, panel, rowByCode, sumLabel, valueRows } from './helpers';
import type { RuleDoc } from './helpers';

const COLS = ['total', 'personnel', 'office'];

export const meta: RuleMeta = {
  id: 'B-14',
  title: { zh: '基本支出经济分类预算表自身平衡', en: 'BT8 adds up' },
  severity: 'error',
  tables: ['BT8'],
};

export const doc: RuleDoc = {
  rationale: {
    zh: '一般公共预算基本支出部门预算经济分类预算表：每行合计 = 人员经费 + 公用经费；类 = Σ 款；合计行 = Σ 类；人员经费合计 = 301 工资福利支出 + 303 对个人和家庭的补助；公用经费合计 = 302 商品和服务支出 + 310 资本性支出（另有 307、399 时计入）。',
    en: 'BT8: each row total = personnel + office; class = Σ its 款; the 合计 row = Σ classes; personnel total = 301 + 303; office total = 302 + 310 (+307, 399 where present).',
  },
  relation: { zh: '每行 合计 = 人员 + 公用；类 = Σ 款；人员经费合计 = 301 + 303；公用经费合计 = 302 + 310', en: 'row total = personnel + office; class = Σ 款; personnel = 301 + 303; office = 302 + 310' },
  pass: '| 编码 | 科目 | 合计 | 人员经费 | 公用经费 |\n|---|---|---|---|---|\n| 303 | 对个人和家庭的补助 | 1,303,660.00 | 1,303,660.00 | |\n| 30301 | 离休费 | 114,940.00 | 114,940.00 | |\n| 30302 | 退休费 | 1,188,720.00 | 1,188,720.00 | |',
  fail: '| 编码 | 科目 | 合计 | 人员经费 | 公用经费 |\n|---|---|---|---|---|\n| 303 | 对个人和家庭的补助 | **1,303,660.00** | 1,303,660.00 | |\n| 30301 | 离休费 | 114,940.00 | 114,940.00 | |\n| 30302 | 退休费 | 1,188,270.00 | 1,188,270.00 | |\n\n→ error: 303「合计」1303660.00 ≠ 各款之和 1303210.00',
  limits: [{ zh: '人员/公用经费与类的对应按上海表式（301、303 为人员经费）；没有人员经费或公用经费列时只核对层级。', en: 'The personnel/office split follows the Shanghai layout (301, 303 personnel); without those columns only the hierarchy is checked.' }],
};

export const rule = defineRule({
  meta,
  run(ctx) {
    const d = ctx.disclosure;
    const p = panel(d.tables.BT8);
    const keys = new Set(p?.columns.map((col) => col.key) ?? []);
    const c = checker(ctx, meta, { wholeYuanPerTerm: true });
    const rows = valueRows(p).filter((r) => r.kind !== 'of-which');
    const grand = grandRow(p);
    if (keys.has('personnel') || keys.has('office')) {
      for (const r of rows) c.sum(cellOf(r, 'total'), [cellOf(r, 'personnel'), cellOf(r, 'office')], { zh: '人员经费与公用经费之和', en: 'personnel + office' });
    }
    const classes = rows.filter((r) => r.code?.length === 3);
    for (const cls of classes) {
      const kids = rows.filter((r) => r.code && r.code.length === 5 && r.code.startsWith(cls.code!));
      if (kids.length === 0) continue;
      for (const k of COLS) {
        const parts = kids.map((r) => cellOf(r, k));
        c.sum(cellOf(cls, k), parts, { zh: '各款之和', en: 'the sum of its 款' });
      }
    }
    if (!grand) return;
    for (const k of COLS) {
      const parts = classes.map((r) => cellOf(r, k));
      c.sum(cellOf(grand, k), parts, () => sumLabel(d, parts, { zh: '各类之和', en: 'the sum of the classes' }));
    }
    if (keys.has('personnel')) {
      const parts = ['301', '303'].map((code) => cellOf(rowByCode(p, code), 'total'));
      c.sum(cellOf(grand, 'personnel'), parts, () => sumLabel(d, parts, { zh: '301 与 303 之和', en: '301 + 303' }));
    }
    if (keys.has('office')) {
      const parts = ['302', '307', '310', '399'].map((code) => cellOf(rowByCode(p, code), 'total'));
      c.sum(cellOf(grand, 'office'), parts, () => sumLabel(d, parts, { zh: '302、310（及 307、399）之和', en: '302 + 310 (+ 307, 399)' }));
    }
  },
});
