/**
 * B-N04 (budget.md): the per-项 list "“类-款-项”科目 X万元，主要用于…" — the names are the table's names
 * for that code, and the items add up to the fiscal expenditure (BT4).
 */
import { defineRule } from './types';
import type { Bilingual, RuleMeta } from './types';
import type { RuleDoc } from './helpers';
import { cellOf, normName, panel, valueRows } from './helpers';
import type { Disclosure, ModelCell, Row, TableKey } from '../model/types';
import { BudgetClaims } from '../claims/budget';
import type { BSentence, Hit } from '../claims/budget';
import { expenseClasses } from './budget';
import { exact, formatAmount, halfUnit } from '../money';

export const meta: RuleMeta = {
  id: 'B-N04',
  title: { zh: '按项列出的科目名称与表一致、合计与财政拨款支出一致', en: 'Per-项 lines name the table\'s subjects and add up to the fiscal total' },
  severity: 'error',
  tables: [],
};

export const doc: RuleDoc = {
  rationale: {
    zh: '“财政拨款支出主要内容如下”逐项写“类-款-项”科目及金额：科目名称须与 BT5/BT6/BT7 中该编码的名称一致（如 210 类已更名为“卫生健康支出”，写旧名“医疗卫生与计划生育支出”是错误）；各项之和应约等于财政拨款支出合计（BT4）。金额与表中项行的对应由 B-21 核对；名称对不上、只能按其余两级名称找到的行，金额在此核对。',
    en: 'The per-项 list names each 类-款-项 subject and its amount: the names must be the BT5/BT6/BT7 names of that code (210 was renamed 卫生健康支出; the old 医疗卫生与计划生育支出 is an error); the items should add up to the fiscal expenditure (BT4). Amounts against the 项 rows are B-21\'s check; for a line found only by two of its three names the amount is checked here.',
  },
  relation: { zh: '名称 = 表中该编码的名称；Σ X ≈ BT4 财政拨款支出合计', en: 'names = the table\'s names for the code; Σ X ≈ BT4 fiscal expenditure total' },
  pass: '“一般公共服务支出-政府办公厅（室）及相关机构事务-行政运行”科目1,202.95万元 …（各项合计 9,101.68 = BT4 91,016,775.35 元）',
  fail: '“**医疗卫生与计划生育支出**-行政事业单位医疗-行政单位医疗”科目78.29万元 → error: 表中 2101101 的类名为“卫生健康支出”',
  limits: [
    { zh: '只有恰好一个项行与三级名称中的两级相符时才认定为改名；都对不上的行不报告。', en: 'A renamed subject is recognised only when exactly one 项 row matches two of the three names; a line matching nothing is not reported.' },
    { zh: '合计核对是警告：清单可能有意只列主要科目。', en: 'The total is a warning: a list may deliberately name only the main subjects.' },
  ],
};

const ITEM = /[“"]([^”"“]+?)[-－—–]([^”"“]+?)[-－—–]([^”"“]+?)[”"](?:科目)?(?:为|预算)?/;

/** Names compared without spaces, numbering, bracket widths and a 类's trailing 支出. */
const key = (s: string): string => normName(s).replace(/[（(]/g, '(').replace(/[）)]/g, ')').replace(/支出$/, '');

interface Found {
  row: Row;
  names: [string, string, string];
}

/** 项 rows of BT5/BT6/BT7 with the names of their 类 and 款 (by code prefix). */
function itemRows(d: Disclosure): Found[] {
  const out: Found[] = [];
  for (const t of ['BT5', 'BT6', 'BT7'] as TableKey[]) {
    const rows = valueRows(panel(d.tables[t])).filter((r) => r.code && r.kind !== 'of-which');
    const byCode = new Map(rows.map((r) => [r.code!, r]));
    for (const r of rows) {
      if (r.code!.length !== 7) continue;
      const lei = byCode.get(r.code!.slice(0, 3));
      const kuan = byCode.get(r.code!.slice(0, 5));
      if (lei && kuan) out.push({ row: r, names: [lei.name, kuan.name, r.name] });
    }
  }
  return out;
}

const LEVEL: Bilingual[] = [
  { zh: '类', en: 'class' },
  { zh: '款', en: 'section' },
  { zh: '项', en: 'item' },
];

export const rule = defineRule({
  meta,
  run(ctx) {
    const k = new BudgetClaims(ctx, meta);
    const d = ctx.disclosure;
    const rows = itemRows(d);
    const lines: Hit[] = [];
    for (const bs of k.t.sentences) {
      const h = k.after(bs, ITEM)[0];
      if (!h) continue;
      lines.push(h);
      if (rows.length === 0) continue;
      const said = [h.m[1], h.m[2], h.m[3]].map(key);
      if (rows.some((f) => f.names.every((n, i) => key(n) === said[i]))) {
        k.touched = true;
        continue;
      }
      // Two of three names agree with exactly one row: the third is not the table's name.
      const near = rows.filter((f) => f.names.filter((n, i) => key(n) === said[i]).length === 2);
      if (near.length !== 1) continue;
      k.touched = true;
      const f = near[0];
      const i = f.names.findIndex((n, j) => key(n) !== said[j]);
      const cell = cellOf(f.row, 'total');
      k.report(
        bs,
        'error',
        {
          zh: `科目“${h.m[i + 1]}”与${f.row.code} 的${LEVEL[i].zh}名称“${normName(f.names[i])}”不一致（表中为“${f.names.map(normName).join('-')}”）`,
          en: `The ${LEVEL[i].en} name "${h.m[i + 1]}" is not the table's name "${normName(f.names[i])}" for ${f.row.code} (the table prints "${f.names.map(normName).join('-')}")`,
        },
        normName(f.names[i]),
        h.m[i + 1],
        cell ? [{ cell, role: 'value' }] : [],
      );
      // B-21 finds rows by all three names: this line's amount is compared here.
      k.vsCell(h, cell, { zh: `${f.row.code} 的金额`, en: `the amount of ${f.row.code}` }, { zh: `${f.row.code}「合计」`, en: `${f.row.code} [total]` });
    }
    sumOfLines(k, lines, d);
    if (!k.touched) ctx.notApplicable('no per-项 “类-款-项” lines');
  },
});

/** Σ of the listed items ≈ the fiscal expenditure total (BT4, else BT5 + BT6 + BT7): a warning. */
function sumOfLines(k: BudgetClaims, lines: Hit[], d: Disclosure): void {
  if (lines.length < 2) return;
  const bt4 = cellOf(expenseClasses(d.tables.BT4).total, 'total');
  const cells: ModelCell[] = bt4
    ? [bt4]
    : (['BT5', 'BT6', 'BT7'] as TableKey[]).map((t) => cellOf(valueRows(panel(d.tables[t])).find((r) => !r.code && /合计|总计/.test(r.name)), 'total')).filter((c): c is ModelCell => !!c);
  if (cells.length === 0 || cells.some((c) => c.value.kind === 'nan' || d.tables[c.table]?.unit !== '元')) return;
  k.touched = true;
  for (const h of lines) k.mark(h.bs, h.num);
  let sum = exact(0);
  let tol = halfUnit(2);
  for (const h of lines) {
    sum = sum.plus(h.num.value);
    tol = tol.plus(halfUnit(h.num.decimals));
  }
  let total = exact(0);
  for (const c of cells) if (c.value.kind === 'number') total = total.plus(c.value.value);
  const wan = total.div(10000);
  const totalText = cells.length === 1 ? cells[0].text : formatAmount(total, 2);
  const diff = sum.minus(wan).abs();
  // A warning, and no relation for lib/localize: the list may be partial on purpose.
  if (diff.gt(tol)) {
    const bss: BSentence[] = lines.map((h) => h.bs);
    k.report(
      bss,
      'warning',
      {
        zh: `按项列出的 ${lines.length} 个科目合计 ${formatAmount(sum, 2)} 万元 ≠ 财政拨款支出合计 ${totalText} 元（折合 ${formatAmount(wan, 2)} 万元，差 ${formatAmount(sum.minus(wan).abs(), 2)} 万元）：可能漏列或多列了科目`,
        en: `The ${lines.length} listed subjects add up to ${formatAmount(sum, 2)} (10k yuan), but the fiscal expenditure total is ${totalText} yuan (${formatAmount(wan, 2)}; off by ${formatAmount(sum.minus(wan).abs(), 2)}): a subject may be missing or extra`,
      },
      formatAmount(wan, 2),
      formatAmount(sum, 2),
      cells.map((cell) => ({ cell, role: 'total' as const })),
    );
  }
}
