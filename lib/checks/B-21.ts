/**
 * B-21 (budget.md): every 万元 figure of the narrative that restates a 元 table cell equals
 * half-up(元 / 10⁴, 2) exactly. The restatements read here are the 预算编制说明's fixed sentences:
 * 收入预算 / 财政拨款收入 / 事业收入 / 事业单位经营收入 / 其他收入, 支出预算, 财政拨款支出预算 and its
 * three funds, and each "“类-款-项”科目 X万元" line (the BT5/BT6/BT7 项 row by its printed names).
 */
import { defineRule } from './types';
import type { Bilingual, RuleMeta } from './types';
import type { ModelCell, Row, TableKey } from '../model/types';
import type { ParagraphBlock } from '../extract/types';
import { compareRestatement, formatAmount, parseAmount } from '../money';
import { cellOf, describeCell, normName, panel, TABLE_NAMES, valueRows } from './helpers';
import type { RuleDoc } from './helpers';
import { bt1Income, BUDGET_INCOME, expenseClasses, findRow } from './budget';
import type { Disclosure } from '../model/types';
import { budgetText, markComparedAt } from '../claims/budget';

export const meta: RuleMeta = {
  id: 'B-21',
  title: { zh: '万元数等于元数四舍五入', en: '10k-yuan figures restate the yuan cells half-up' },
  severity: 'error',
  tables: [],
};

export const doc: RuleDoc = {
  rationale: {
    zh: '预算表以元为单位，预算编制说明以万元为单位：说明中的每个万元数都是表中某个元数的折算，必须等于 half-up(元 ÷ 10⁴, 2)，不得截尾（1,839,485 元 → 183.95 万元，不是 183.94）。元数是精确值，四舍五入只有一个正确答案，因此不设容差。',
    en: 'Budget tables are in 元, the narrative in 万元: each 万元 figure restating a table cell must equal half-up(元 / 10⁴, 2), never truncated (1,839,485 元 → 183.95, not 183.94). The 元 amount is exact and half-up leaves one right answer, so there is no tolerance.',
  },
  relation: { zh: '说明中的万元数 = half-up(表中元数 ÷ 10⁴, 2)', en: 'narrative 万元 = half-up(table 元 / 10⁴, 2)' },
  pass: '“一般公共服务支出-政府办公厅（室）及相关机构事务-行政运行”科目1,202.95万元；BT5 2010301「合计」12,029,501.84 元',
  fail: '“…-行政运行”科目**1,202.94**万元；BT5 2010301「合计」12,029,501.84 元\n\n→ error: 说明 1202.94 ≠ 12,029,501.84 元折合万元 1202.95',
  limits: [
    { zh: '只核对预算编制说明中的固定句式（收入/支出预算总额、各项收入、财政拨款支出及三项资金、按项列出的科目金额）；其他叙述数字由 B-N 规则负责。', en: 'Only the fixed sentences of the 预算编制说明 are read (income/expenditure totals, each source, fiscal expenditure and its funds, the per-项 lines); other narrative numbers are B-N rules\' business.' },
    { zh: '按项的科目按“类-款-项”名称在 BT5、BT6、BT7 中查找；名称对不上（如旧科目名）的行不在此核对。', en: 'Per-项 lines are matched by their 类-款-项 names in BT5, BT6, BT7; a line whose names match no row (old names) is not checked here.' },
  ],
};

const NUM = '([0-9０-９][0-9０-９,，]*(?:[.．][0-9０-９]+)?)';

interface Headline {
  re: RegExp;
  cell: (d: Disclosure) => ModelCell | undefined;
}

function bt1Row(key: string) {
  return (d: Disclosure) => {
    const inc = bt1Income(d.tables.BT1);
    const row = key === 'fiscal' ? inc.fiscal : findRow(inc.panel, BUDGET_INCOME[key], inc.total);
    return cellOf(row, 'amount');
  };
}

function bt4Total(col: string) {
  return (d: Disclosure) => cellOf(expenseClasses(d.tables.BT4).total, col);
}

const HEADLINES: Headline[] = [
  { re: new RegExp(`收入预算(?:为)?${NUM}万元`, 'g'), cell: (d) => cellOf(bt1Income(d.tables.BT1).total, 'amount') },
  { re: new RegExp(`财政拨款收入(?:预算)?(?:为)?${NUM}万元`, 'g'), cell: bt1Row('fiscal') },
  { re: new RegExp(`(?<!单位)事业收入(?:预算)?(?:为)?${NUM}万元`, 'g'), cell: bt1Row('business') },
  { re: new RegExp(`事业单位经营收入(?:预算)?(?:为)?${NUM}万元`, 'g'), cell: bt1Row('operating') },
  { re: new RegExp(`其他收入(?:预算)?(?:为)?${NUM}万元`, 'g'), cell: bt1Row('other') },
  { re: new RegExp(`(?<!拨款)支出预算(?:为)?${NUM}万元`, 'g'), cell: (d) => cellOf(expenseClasses(d.tables.BT1).total, 'amount') },
  { re: new RegExp(`财政拨款支出预算(?:为)?${NUM}万元`, 'g'), cell: bt4Total('total') },
  { re: new RegExp(`一般公共预算(?:财政)?拨款支出预算(?:为)?${NUM}万元`, 'g'), cell: bt4Total('general') },
  { re: new RegExp(`政府性基金(?:预算)?(?:财政)?拨款支出预算(?:为)?${NUM}万元`, 'g'), cell: bt4Total('govfund') },
  { re: new RegExp(`国有资本经营预算(?:财政)?拨款支出预算(?:为)?${NUM}万元`, 'g'), cell: bt4Total('soe') },
];

// “一般公共服务支出-政府办公厅（室）及相关机构事务-行政运行”科目1,202.95万元
const ITEM = new RegExp(`[“"]([^”"“]+?)[-－—]([^”"“]+?)[-－—]([^”"“]+?)[”"](?:科目)?(?:为)?${NUM}万元`, 'g');

/** The 项 row named 类-款-项 in BT5, BT6 or BT7 (names compared without spaces and numbering). */
function itemRow(d: Disclosure, names: [string, string, string]): Row | undefined {
  const [lei, kuan, xiang] = names.map((n) => normName(n));
  for (const key of ['BT5', 'BT6', 'BT7'] as TableKey[]) {
    const rows = valueRows(panel(d.tables[key])).filter((r) => r.code && r.kind !== 'of-which');
    const classRow = rows.find((r) => r.code!.length === 3 && normName(r.name) === lei);
    if (!classRow) continue;
    const kuanRow = rows.find((r) => r.code!.length === 5 && r.code!.startsWith(classRow.code!) && normName(r.name) === kuan);
    if (!kuanRow) continue;
    const hit = rows.find((r) => r.code!.length === 7 && r.code!.startsWith(kuanRow.code!) && normName(r.name) === xiang);
    if (hit) return hit;
  }
  return undefined;
}

/** The sentence around [start, end) of a paragraph (up to 。；; or the paragraph's ends). */
function sentence(p: ParagraphBlock, start: number, end: number): { start: number; end: number } {
  let s = start;
  while (s > 0 && !/[。；;]/.test(p.text[s - 1])) s--;
  let e = end;
  while (e < p.text.length && !/[。；;]/.test(p.text[e])) e++;
  if (e < p.text.length) e++;
  while (s < e && /\s/.test(p.text[s])) s++;
  return { start: s, end: e };
}

export const rule = defineRule({
  meta,
  run(ctx) {
    const d = ctx.disclosure;
    if (!d.tables.BT1 && !d.tables.BT4 && !d.tables.BT5) return ctx.notApplicable('none of BT1 BT4 BT5');
    budgetText(d).ran.add(meta.id);
    const toc = new Set(d.tocBlocks);
    const notes = new Set<ParagraphBlock>();
    for (const t of Object.values(d.tables)) for (const n of t?.notes ?? []) notes.add(n);
    let seen = 0;
    const check = (p: ParagraphBlock, m: RegExpExecArray, numText: string, cell: ModelCell | undefined) => {
      if (!cell || d.tables[cell.table]?.unit !== '元') return;
      const stated = parseAmount(numText);
      if (stated.kind !== 'number') return;
      seen++;
      // The number's place in the paragraph: the match ends with it and 万元.
      markComparedAt(d, p, m.index + m[0].length - 2 - numText.length);
      const cmp = compareRestatement(stated, cell.value);
      if (cmp.verdict === 'unreadable' || cmp.verdict === 'pass') return;
      const where = describeCell(d, cell);
      const t = TABLE_NAMES[cell.table];
      const s = sentence(p, m.index, m.index + m[0].length);
      const expected = formatAmount(cmp.expected, 2);
      const yuanVal = cell.value.kind === 'number' ? cell.value.value.div(10000).toDecimalPlaces(2, 1) : null;
      const truncated = yuanVal !== null && yuanVal.eq(cmp.actual);
      const why: Bilingual = truncated ? { zh: '（截尾而非四舍五入）', en: ' (truncated, not rounded half-up)' } : { zh: '', en: '' };
      ctx.report({
        severity: meta.severity,
        message: {
          zh: `说明中的 ${m[0]} ≠ ${t.zh} ${where.zh} ${cell.text} 元折合 ${expected} 万元${why.zh}`,
          en: `the narrative's "${m[0]}" ≠ ${t.en} ${where.en} ${cell.text} yuan = ${expected} (10k yuan, half-up)${why.en}`,
        },
        expected,
        actual: numText,
        cells: [{ cell, role: 'value' }],
        spans: [{ paragraph: p, start: s.start, end: s.end }],
        quote: p.text.slice(s.start, s.end),
      });
    };
    for (const p of d.paragraphs) {
      if (toc.has(p.index) || notes.has(p) || !p.text.includes('万元')) continue;
      for (const h of HEADLINES) {
        h.re.lastIndex = 0;
        for (let m = h.re.exec(p.text); m; m = h.re.exec(p.text)) check(p, m, m[1], h.cell(d));
      }
      ITEM.lastIndex = 0;
      for (let m = ITEM.exec(p.text); m; m = ITEM.exec(p.text)) check(p, m, m[4], cellOf(itemRow(d, [m[1], m[2], m[3]]), 'total'));
    }
    if (seen === 0) ctx.notApplicable('no 万元 restatement of a 元 table cell found in the narrative');
  },
});
