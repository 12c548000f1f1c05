/** B-13 (budget.md): BT3 ↔ BT5+BT6+BT7 — per code, the fiscal tables ≤ BT3; equal where all income is 财政拨款. */
import { defineRule } from './types';
import type { RuleMeta } from './types';
import type { Row } from '../model/types';
import { cellOf, checker, describeCell, grandRow, isNonZero, panel, rowByCode, valueRows, TABLE_NAMES } from './helpers';
import type { Checker } from './helpers';
import type { ModelCell } from '../model/types';
import type { RuleDoc } from './helpers';
import { bt1Income } from './budget';

const COLS = ['total', 'basic', 'project'];

export const meta: RuleMeta = {
  id: 'B-13',
  title: { zh: '财政拨款支出不超过支出预算', en: 'Fiscal expenditure does not exceed BT3' },
  severity: 'error',
  tables: ['BT3'],
};

export const doc: RuleDoc = {
  rationale: {
    zh: '一般公共预算、政府性基金、国有资本经营预算支出表是支出预算总表中财政拨款安排的部分：同一科目（及合计行）的合计、基本支出、项目支出不得超过支出预算总表；收入全部为财政拨款时（无事业、经营、其他收入）两者应相等。',
    en: 'BT5, BT6 and BT7 are the fiscal part of BT3: for each code (and the 合计 row) their total, basic and project cannot exceed BT3; when all income is fiscal appropriation (no other sources) they are equal.',
  },
  relation: { zh: '每个科目 BT5 + BT6 + BT7 ≤ BT3；全部为财政拨款时相等', en: 'per code BT5 + BT6 + BT7 ≤ BT3; equal when all income is fiscal' },
  pass: 'BT5 2010301「基本支出」11,919,501.84 = BT3 2010301「基本支出」11,919,501.84（收入全部为财政拨款）',
  fail: 'BT5 2010301「项目支出」**150,000.00** > BT3 2010301「项目支出」110,000.00\n\n→ error',
  limits: [
    { zh: '同一科目同时出现在两张财政拨款分表中时，各自与 BT3 比较（不相加）。', en: 'A code present in two of BT5/BT6/BT7 is compared table by table (not added).' },
    { zh: '“全部为财政拨款”按财务收支预算总表的事业、经营、其他收入均为空或零判断。', en: '"All income is fiscal" means BT1\'s public-service, operating and other income rows are blank or zero.' },
  ],
};

export const rule = defineRule({
  meta,
  run(ctx) {
    const d = ctx.disclosure;
    const fiscalTables = (['BT5', 'BT6', 'BT7'] as const).filter((k) => d.tables[k]);
    if (fiscalTables.length === 0) return ctx.notApplicable('none of BT5 BT6 BT7');
    const p3 = panel(d.tables.BT3);
    const inc = bt1Income(d.tables.BT1);
    // Equality only when BT1 says so: every income source other than 财政拨款 is blank or 0.
    const allFiscal = !!inc.fiscal && inc.terms.every((r) => r === inc.fiscal || !isNonZero(cellOf(r, 'amount')));
    const c = checker(ctx, meta);
    const codes = new Map<string, Row[]>();
    for (const k of fiscalTables) {
      for (const r of valueRows(panel(d.tables[k]))) {
        if (!r.code || r.kind === 'of-which') continue;
        const list = codes.get(r.code) ?? [];
        list.push(r);
        codes.set(r.code, list);
      }
    }
    const compare = (fr: Row, r3: Row | undefined, single: boolean) => {
      for (const k of COLS) {
        const a = cellOf(fr, k);
        const b = cellOf(r3, k);
        if (!a || !b) continue;
        if (allFiscal && single) c.equal(a, b);
        else c.atMost(a, b);
      }
    };
    codes.forEach((rows, code) => {
      const r3 = rowByCode(p3, code);
      for (const fr of rows) {
        if (!r3) {
          const a = cellOf(fr, 'total');
          if (a && isNonZero(a)) missing(c, a, '支出预算总表', 'BT3');
          continue;
        }
        compare(fr, r3, rows.length === 1);
      }
    });
    // All fiscal: BT3's codes are BT5/BT6/BT7's codes too.
    if (allFiscal) {
      for (const r of valueRows(p3)) {
        if (!r.code || r.kind === 'of-which' || codes.has(r.code)) continue;
        const a = cellOf(r, 'total');
        if (a && isNonZero(a)) missing(c, a, '财政拨款支出表（一般公共预算/政府性基金/国有资本经营）', 'BT5/BT6/BT7');
      }
    }
    const grands = fiscalTables.map((k) => grandRow(panel(d.tables[k]))).filter((r): r is Row => !!r && Object.values(r.cells).some((x) => isNonZero(x)));
    const g3 = grandRow(p3);
    for (const g of grands) compare(g, g3, grands.length === 1);
  },
});

function missing(c: Checker, cell: ModelCell, other: string, otherEn: string): void {
  const where = describeCell(c.d, cell);
  const t = TABLE_NAMES[cell.table];
  c.report(
    'error',
    {
      zh: `${t.zh} ${where.zh} ${cell.text} 在${other}中没有同一科目的行（应为 ${cell.text}，实际为 0）`,
      en: `${t.en} ${where.en} ${cell.text} has no row with the same code in ${otherEn} (expected ${cell.text}, found 0)`,
    },
    [{ cell, role: 'value' }],
    { expected: cell.text, actual: '0' },
  );
}
