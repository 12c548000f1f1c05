/** B-19 (budget.md): BT9 机关运行经费 ≤ BT8 公用经费合计 (across 万元 and 元). */
import { defineRule } from './types';
import type { RuleMeta } from './types';
import { cellOf, checker, describeCell, grandRow, panel, valueRows } from './helpers';
import { compareRestatement, formatAmount } from '../money';
import type { Disclosure } from '../model/types';
import { toInt } from '../int';
import type { RuleDoc } from './helpers';

export const meta: RuleMeta = {
  id: 'B-19',
  title: { zh: '机关运行经费不超过公用经费', en: 'Running costs do not exceed office expenditure' },
  severity: 'error',
  tables: ['BT8', 'BT9'],
};

export const doc: RuleDoc = {
  rationale: {
    zh: '机关运行经费是行政单位和参公事业单位一般公共预算基本支出中的日常公用经费，不能超过 BT8 的公用经费合计（BT9 为万元，BT8 为元，元数精确折合后比较）。',
    en: 'Running costs are the office part of the general budget\'s basic expenditure of administrative (and civil-service-managed) units, so they cannot exceed BT8\'s office total (BT9 in 万元, BT8 in 元, converted exactly).',
  },
  relation: { zh: 'BT9 机关运行经费 ≤ BT8 公用经费合计', en: 'BT9 running costs ≤ BT8 office total' },
  pass: 'BT9 机关运行经费 213.28 万元 ≤ BT8 公用经费合计 2,132,777.54 元（213.2777554 万元，四舍五入即 213.28：同一金额）',
  fail: 'BT9 机关运行经费 **231.28** 万元 > BT8 公用经费合计 2,132,777.54 元\n\n→ error',
  limits: [
    {
      zh: '“全部为行政或参公单位时应相等”是警告：单位性质取自机构设置中的“行政单位N家、事业单位M家（其中参公K家）”，只有写明且 M = 0 或 M = K 时才核对。',
      en: 'The "equal when every unit is administrative" check is a warning, made only when 机构设置 states the counts (行政单位N家, 事业单位M家, 参公K家) and M = 0 or M = K.',
    },
  ],
};

export const rule = defineRule({
  meta,
  run(ctx) {
    const d = ctx.disclosure;
    const row9 = valueRows(panel(d.tables.BT9))[0];
    const g8 = grandRow(panel(d.tables.BT8));
    const running = cellOf(row9, 'running');
    if (!running || !g8) return ctx.notApplicable('BT9 has no 机关运行经费 column or BT8 no 合计 row');
    const office = cellOf(g8, 'office');
    const cmp = checker(ctx, meta).atMostAcross(running, office);
    if (!cmp || cmp.verdict === 'error' || !office || !allAdministrative(d)) return;
    // Every unit is 行政 or 参公: all of their office expenditure is running costs (budget.md, B-19).
    const eq = compareRestatement(running.value, office.value);
    if (eq.verdict !== 'error') return;
    const where = describeCell(d, office);
    ctx.report({
      severity: 'warning',
      message: {
        zh: `机构设置中的单位均为行政单位或参公事业单位，机关运行经费 ${running.text} 万元应等于 BT8 ${where.zh} ${office.text} 元折合的 ${formatAmount(eq.expected, 2)} 万元`,
        en: `Every unit in 机构设置 is administrative or civil-service-managed, so running costs ${running.text} should equal BT8 ${where.en} ${office.text} yuan = ${formatAmount(eq.expected, 2)} (10k yuan)`,
      },
      expected: formatAmount(eq.expected, 2),
      actual: running.text,
      cells: [
        { cell: running, role: 'value' },
        { cell: office, role: 'value' },
      ],
      spans: [],
      quote: null,
    });
  },
});

/** 机构设置 says every unit is 行政 or 参公: "行政单位N家，事业单位M家" with M = 0, or all M of them 参公. */
function allAdministrative(d: Disclosure): boolean {
  for (const p of d.paragraphs) {
    const t = p.text.replace(/\s+/g, '');
    const admin = /行政单位(\d+)家/.exec(t);
    if (!admin) continue;
    const inst = /(?<!参公|参照公务员法管理的)事业单位(\d+)家/.exec(t);
    const civil = /(?:参公|参照公务员法管理的)事业单位(\d+)家/.exec(t);
    const m = inst ? toInt(inst[1]) : 0;
    const k = civil ? toInt(civil[1]) : 0;
    return toInt(admin[1]) > 0 && (m === 0 || m === k);
  }
  return false;
}
