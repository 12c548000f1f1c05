/**
 * B-N06 (budget.md): per 项 the prior year's budget "Y−1年(度)预算 C万元" — Σ C = last year's total
 * where the text states it (the 财政拨款支出预算 X with its "比Y−1年预算增加/减少 D": X ∓ D).
 */
import { wordEn } from '../claims/english';
import Decimal from 'decimal.js';
import { defineRule } from './types';
import type { RuleMeta } from './types';
import type { RuleDoc } from './helpers';
import { BudgetClaims, after, headlines, signed } from '../claims/budget';
import type { Head, Hit } from '../claims/budget';
import { formatAmount, halfUnit } from '../money';
import { toInt } from '../int';

export const meta: RuleMeta = {
  id: 'B-N06',
  title: { zh: '各项上年预算之和等于上年预算总额', en: 'Per-项 prior-year budgets add up to last year\'s total' },
  severity: 'warning',
  tables: [],
};

export const doc: RuleDoc = {
  rationale: {
    zh: '按项说明时写出各项的上年预算“Y−1年预算 C 万元”时，各项 C 之和应等于上年的财政拨款支出预算；上年总额只在文字中：本年财政拨款支出预算 X 与“比Y−1年预算增加/减少 D”给出上年 = X ∓ D（各按印刷精度取区间）。上年有预算、本年没有安排的项不会列出，因此不一致为警告。',
    en: 'When the per-项 paragraphs state each item\'s prior-year budget ("Y−1年预算 C万元"), the Cs add up to last year\'s fiscal expenditure budget, which the text gives as this year\'s X and its change "比Y−1年预算增加/减少 D": X ∓ D (intervals of the printed precision). An item budgeted last year but not this year is not listed, so a gap is a warning.',
  },
  relation: { zh: 'Σ C = X − (±D)', en: 'Σ C = X − (±D)' },
  pass: '财政拨款支出预算300.00万元，比2024年预算增加20.00万元 … 1.“…”科目100.00万元 … 2024年预算90.00万元 … 2.“…”科目200.00万元 … 2024年预算190.00万元（Σ C = 280.00 = 300.00 − 20.00）',
  fail: '… 2024年预算90.00万元 … 2024年预算**200.00**万元 → warning: Σ C 290.00 ≠ 上年 280.00',
  limits: [
    { zh: '只在每个按项段落都写出上年预算、且文字写出本年财政拨款支出预算（或财政拨款收入）及其比上年增减额时核对；上年总额不在表中，无从与表格核对。', en: 'Only when every per-项 paragraph states its prior budget and the text states this year\'s fiscal expenditure (or income) with its change; last year\'s total is in no table.' },
    { zh: '不声明比较关系（lib/localize 不据此定位）：列表可能有意不全。', en: 'Declares no relation for lib/localize: the list may be partial on purpose.' },
  ],
};

// "“类-款-项”科目 X万元" starts a per-项 paragraph (as B-N04 / B-N12 read it).
const ITEM = /[“"]([^”"“]+?)[-－—–]([^”"“]+?)[-－—–]([^”"“]+?)[”"](?:科目)?(?:为|预算)?/;
// "2024年预算 C万元", "2024年度预算数为C万元" — not "当年预算执行数", not "预算安排".
const C_RE = /(\d{4})\s*年度?(?:部门)?预算(?:数)?(?:为|是)?/;

export const rule = defineRule({
  meta,
  run(ctx) {
    const k = new BudgetClaims(ctx, meta);
    const y = ctx.disclosure.info.year;
    if (!y) return ctx.notApplicable('the budget year is not known');
    // Per-项 paragraphs in order, each with its first prior-year budget (if stated).
    const items: Array<{ head: Hit; c: Hit | undefined }> = [];
    for (const bs of k.t.sentences) {
      const head = k.after(bs, ITEM)[0];
      if (head) items.push({ head, c: undefined });
      const last = items[items.length - 1];
      if (!last || last.c || last.head.bs.paragraph !== bs.paragraph) continue;
      last.c = after(bs, C_RE).find((h) => toInt(h.m[1]) === y - 1);
    }
    const cs = items.map((i) => i.c);
    if (cs.length < 2 || cs.some((c) => !c)) return ctx.notApplicable('the per-项 paragraphs do not all state a prior-year budget');
    const h = headlines(k.t);
    const total: Head | undefined = h.fiscalExpense?.change ? h.fiscalExpense : h.fiscalIncome?.change ? h.fiscalIncome : undefined;
    const change = signed(total?.change);
    if (!total || !change) return ctx.notApplicable('last year\'s total is not stated (no 财政拨款 amount with its change)');
    const hits = cs as Hit[];
    for (const c of hits) k.mark(c.bs, c.num);
    k.mark(total.hit.bs, total.hit.num, total.change?.num);
    // Last year = X − signed D, with the widths of both printed values.
    const prior = total.hit.num.value.minus(change.value);
    let tol = halfUnit(total.hit.num.decimals).plus(change.decimals === null ? 0 : halfUnit(change.decimals));
    let sum = new Decimal(0);
    for (const c of hits) {
      sum = sum.plus(c.num.value);
      tol = tol.plus(halfUnit(c.num.decimals));
    }
    const diff = sum.minus(prior).abs();
    if (diff.lte(tol)) return;
    const dec = Math.max(2, total.hit.num.decimals);
    const word = total.change!.word;
    k.report(
      [total.hit.bs, ...hits.map((c) => c.bs)].filter((x, i, a) => a.indexOf(x) === i),
      'warning',
      {
        zh: `按项列出的 ${hits.length} 项上年预算合计 ${formatAmount(sum, dec)} 万元 ≠ 上年预算 ${formatAmount(prior, dec)} 万元（本年 ${total.hit.num.text.trim()}，比上年${word} ${total.change!.num?.text.trim() ?? '0'}）：可能漏列或多列了项目，或上年数有误`,
        en: `The ${hits.length} per-item prior-year budgets add up to ${formatAmount(sum, dec)} (10k yuan), but last year's total is ${formatAmount(prior, dec)} (this year ${total.hit.num.text.trim()}, ${wordEn(word)} ${total.change!.num?.text.trim() ?? '0'}): an item may be missing or extra, or a prior figure wrong`,
      },
      formatAmount(prior, dec),
      formatAmount(sum, dec),
    );
  },
});
