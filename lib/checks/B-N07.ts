/** B-N07 (budget.md): the 三公 paragraph — total and items = BT9, the total's change = Σ item changes, 持平 ⇔ 0, a reason given. */
import { defineRule } from './types';
import type { Bilingual, RuleMeta } from './types';
import type { RuleDoc } from './helpers';
import { cellOf, panel, valueRows } from './helpers';
import { BudgetClaims, changeAfter, endOf, first, signed } from '../claims/budget';
import type { Head } from '../claims/budget';
import { zeroChangeWords } from './budget-text';

export const meta: RuleMeta = {
  id: 'B-N07',
  title: { zh: '“三公”经费预算及增减与表9一致', en: 'The "three public expenses" paragraph agrees with BT9' },
  severity: 'error',
  tables: [],
};

export const doc: RuleDoc = {
  rationale: {
    zh: '“三公”经费预算情况说明中的合计、因公出国（境）费、公务用车购置及运行费（购置费、运行费）、公务接待费应等于 BT9 对应单元格（BT9 为万元时按区间比较，为元时按四舍五入折合）；合计的增减额等于各项增减额之和（持平为 0）；有增减时须写明原因（“主要原因是。”为空）。',
    en: 'The 三公 paragraph\'s total and items must equal the BT9 cells (intervals when BT9 is in 万元, half-up when in 元); the total\'s change is the sum of the items\' changes (持平 = 0); a change needs a reason ("主要原因是。" is empty).',
  },
  relation: { zh: '各数 = BT9；D(合计) = D(出国) + D(公车) + D(接待)；D(公车) = D(购置) + D(运行)', en: 'figures = BT9; D(total) = D(abroad) + D(cars) + D(reception); D(cars) = D(purchase) + D(running)' },
  pass: '2025年“三公”经费预算数为867.50万元，与2024年预算持平。其中：（一）因公出国（境）费839万元，与2024年预算持平。… （三）公务接待费28.50万元，与2024年预算持平。',
  fail: '“三公”经费预算数为**876.50**万元 → error: BT9「合计」867.50',
  limits: [{ zh: '上年预算不在表中：增减额只在说明内部核对。', en: 'Last year\'s budget is in no table: changes are checked against each other only.' }],
};

const ITEMS: Array<{ key: string; re: RegExp; label: Bilingual }> = [
  { key: 'total', re: /[“"]?三公[”"]?经费(?:财政拨款)?预算(?:数)?(?:合计)?(?:为|是)?/, label: { zh: '“三公”经费预算', en: 'the "three public expenses" total' } },
  { key: 'abroad', re: /因公出国[（(]境[)）]费(?:预算)?(?:为)?/, label: { zh: '因公出国（境）费', en: 'travel abroad' } },
  { key: 'car', re: /公务用车购置及运行(?:维护)?费(?:预算)?(?:为)?/, label: { zh: '公务用车购置及运行费', en: 'official cars' } },
  { key: 'carPurchase', re: /公务用车购置费(?:预算)?(?:为)?/, label: { zh: '公务用车购置费', en: 'car purchase' } },
  { key: 'carRunning', re: /公务用车运行(?:维护)?费(?:预算)?(?:为)?/, label: { zh: '公务用车运行费', en: 'car running' } },
  { key: 'reception', re: /公务接待费(?:预算)?(?:为)?/, label: { zh: '公务接待费', en: 'official reception' } },
];

export const rule = defineRule({
  meta,
  run(ctx) {
    const k = new BudgetClaims(ctx, meta);
    const row = valueRows(panel(ctx.disclosure.tables.BT9))[0];
    const heads: Record<string, Head & { label: Bilingual }> = {};
    for (const it of ITEMS) {
      const h = first(k.t.sentences, it.re);
      if (!h) continue;
      heads[it.key] = { hit: h, change: changeAfter(h.bs, endOf(h)), label: it.label };
      const cell = cellOf(row, it.key);
      if (cell) k.vsCell(h, cell, it.label, { zh: `“三公”经费预算表「${it.label.zh}」`, en: `BT9 [${it.label.en}]` });
      zeroChangeWords(k, heads[it.key], it.label);
    }
    changes(k, heads, 'total', ['abroad', 'car', 'reception']);
    changes(k, heads, 'car', ['carPurchase', 'carRunning']);
    // A change needs its reason: "主要原因是。" with nothing after it.
    const tot = heads.total;
    if (tot) {
      for (const bs of k.t.sentences.filter((s) => s.paragraph === tot.hit.bs.paragraph || s.headings.some((x) => /三公/.test(x)))) {
        const m = /原因(?:是|为|主要是)[：:]?\s*([。；;]|$)/.exec(bs.text);
        if (!m) continue;
        k.touched = true;
        k.report(bs, 'warning', { zh: `“${bs.text}”未写明增减原因`, en: `"${bs.text}" gives no reason for the change` }, '原因', '');
      }
    }
    if (!k.touched) ctx.notApplicable('no “三公”经费 figures in the narrative');
  },
});

/** D(whole) = Σ D(parts), when the whole and every part state their change. */
function changes(k: BudgetClaims, heads: Record<string, Head & { label: Bilingual }>, whole: string, parts: string[]): void {
  const w = heads[whole];
  const ps = parts.map((p) => heads[p]);
  if (!w?.change || ps.some((p) => !p?.change || !signed(p.change))) return;
  const wd = w.change;
  k.mark(w.hit.bs, wd.num);
  for (const p of ps) k.mark(p.hit.bs, p.change!.num);
  // 持平 on the whole: Σ parts must be 0; the whole's "number" is then an exact 0 — compared as 0 = Σ.
  if (wd.dir === 0) {
    const nonzero = ps.filter((p) => p.change!.dir !== 0 && p.change!.num && !p.change!.num.value.isZero());
    if (nonzero.length === 0) {
      k.touched = true;
      return;
    }
    // Σ of signed part changes ≠ 0 while the whole says 持平.
    const sum = ps.reduce((s, p) => s.plus(signed(p.change)!.value), signed(wd)!.value);
    if (sum.isZero()) {
      k.touched = true;
      return;
    }
    k.touched = true;
    k.report(
      [w.hit.bs, ...nonzero.map((p) => p.hit.bs)].filter((x, i, a) => a.indexOf(x) === i),
      'error',
      {
        zh: `${w.label.zh}写“持平”，但各项增减额之和为 ${sum.toFixed()} 万元（${nonzero.map((p) => `${p.label.zh}${p.change!.word}${p.change!.num!.text}`).join('、')}）`,
        en: `${w.label.en} is said to be unchanged, but the items' changes add up to ${sum.toFixed()} (10k yuan)`,
      },
      sum.toFixed(),
      '持平',
    );
    return;
  }
  if (!wd.num) return;
  k.sum(
    [w.hit.bs, ...ps.map((p) => p.hit.bs)].filter((x, i, a) => a.indexOf(x) === i),
    { num: wd.num, bs: w.hit.bs, sign: wd.dir as 1 | -1, label: { zh: `${w.label.zh}${wd.word}额`, en: `${w.label.en} change` } },
    ps.map((p) =>
      p.change!.num
        ? { num: p.change!.num, bs: p.hit.bs, sign: p.change!.dir as 1 | -1, label: { zh: `${p.label.zh}${p.change!.word}额`, en: `${p.label.en} change` } }
        : { value: signed(p.change)!.value, label: { zh: `${p.label.zh}（持平，0）`, en: `${p.label.en} (no change, 0)` } },
    ),
  );
}
