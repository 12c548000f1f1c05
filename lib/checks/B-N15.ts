/**
 * B-N15 (budget.md, as N-02 / N-06 of domain.md): stated shares "X万元，占<whole>的P%" and year-on-year
 * rates "比Y−1年预算增加/减少 D万元，增长/下降 P%" of the budget narrative.
 */
import { defineRule } from './types';
import type { Bilingual, RuleMeta } from './types';
import type { RuleDoc } from './helpers';
import { BudgetClaims, changeAfter, headlines } from '../claims/budget';
import type { BSentence, HeadKey } from '../claims/budget';
import type { Num } from '../claims/numbers';
import { checkPercent, combine } from '../money/operands';
import type { Check } from '../money/operands';

export const meta: RuleMeta = {
  id: 'B-N15',
  title: { zh: '占比和增减率与所述金额一致', en: 'Shares and year-on-year rates fit the stated amounts' },
  severity: 'error',
  tables: [],
};

export const doc: RuleDoc = {
  rationale: {
    zh: '“X万元，占收入预算的P%”：P = X ÷ 总额（总额为说明中所写的收入预算、支出预算、财政拨款收入/支出预算或一般公共预算拨款支出预算）；“比Y−1年预算增加/减少 D万元，增长/下降 P%”：P = D ÷ 上年数，上年数 = X ∓ D。各数按印刷精度取区间；四舍五入差、截尾或差一个末位为提示（尾数差异），超出为错误。',
    en: '"X万元，占收入预算的P%": P = X / the whole (the income, expenditure, fiscal income/expenditure or general public budget total the text states); "比Y−1年预算增加/减少 D万元，增长/下降 P%": P = D / last year, last year = X ∓ D. Intervals of the printed precision; rounding, truncation or one last unit off is a notice, beyond is an error.',
  },
  relation: { zh: 'P = X ÷ 总额 × 100；P = D ÷ (X ∓ D) × 100', en: 'P = X / whole × 100; P = D / (X ∓ D) × 100' },
  pass: '收入预算1,000.00万元，其中：财政拨款收入800.00万元，占收入预算的80.00%；… 比2024年预算增加200.00万元，增长25.00%',
  fail: '财政拨款收入800.00万元，占收入预算的**85.00%** → error: 80.00%',
  limits: [
    { zh: '占比的总额按“占”后面的名称在说明所写的总额中查找；名称对不上的不核对（不猜测）。各项占比之和是否为100%不单独核对（每个占比已逐一核对）。', en: 'The whole of a share is looked up by the name after 占 among the totals the text states; an unknown name is not guessed. Whether shares add up to 100% is not checked separately (each share is).' },
    { zh: '增减率只在增减额后紧接“增长/下降 P%”时核对；方向词由 B-N01 / B-N02 / B-N07 核对。', en: 'A rate is read only right after its stated change; the direction words are B-N01 / B-N02 / B-N07\'s.' },
  ],
};

// The whole after 占 → the headline it names (most specific first).
const WHOLES: Array<[RegExp, HeadKey, Bilingual]> = [
  [/一般公共预算/, 'general', { zh: '一般公共预算拨款支出预算', en: 'general public budget expenditure' }],
  [/财政拨款支出/, 'fiscalExpense', { zh: '财政拨款支出预算', en: 'fiscal appropriation expenditure' }],
  [/财政拨款收入/, 'fiscalIncome', { zh: '财政拨款收入', en: 'fiscal appropriation income' }],
  [/收入/, 'income', { zh: '收入预算', en: 'budgeted income' }],
  [/支出/, 'expense', { zh: '支出预算', en: 'budgeted expenditure' }],
];

const SHARE = /^[，,]?\s*[（(]?\s*占(.{1,24}?)(?:的)?(?:比重|比例)?(?:为|是)?$/;
const RATE = /^[，,]?\s*(?:增长|下降|增加|减少|上升)(?:了)?(?:幅度为)?$/;

/** The percent right after sentence offset `from`, with the text between (at most 30 characters). */
function percentAfter(bs: BSentence, from: number): { p: Num; between: string } | undefined {
  const p = bs.nums.find((n) => n.kind === 'percent' && n.start >= bs.sentence.start + from);
  if (!p) return undefined;
  const between = bs.text.slice(from, p.start - bs.sentence.start);
  if (between.length > 30 || bs.nums.some((n) => n !== p && n.kind === 'amount' && n.start >= bs.sentence.start + from && n.start < p.start)) return undefined;
  return { p, between };
}

const show = (n: Num): string => n.text.trim();

export const rule = defineRule({
  meta,
  run(ctx) {
    const k = new BudgetClaims(ctx, meta);
    const heads = headlines(k.t);
    const verdict = (bs: BSentence, r: Check, p: Num, zh: string, en: string) => {
      if (r.outcome === 'pass') return;
      k.report(
        bs,
        r.outcome === 'notice' ? 'notice' : 'error',
        {
          zh: `${zh}：所列 ${show(p)}，按所述金额应为 ${r.expected}%${r.outcome === 'notice' ? '（尾数差异）' : ''}`,
          en: `${en}: stated ${show(p)}, the stated amounts give ${r.expected}%${r.outcome === 'notice' ? ' (rounding difference)' : ''}`,
        },
        `${r.expected}%`,
        show(p),
      );
    };
    for (const bs of k.t.sentences) {
      for (const x of bs.nums) {
        if (x.kind !== 'amount') continue;
        const end = x.end - bs.sentence.start;
        // A share: "X万元，占收入预算的P%".
        const share = percentAfter(bs, end);
        const m = share && SHARE.exec(share.between);
        if (share && m) {
          const w = WHOLES.find(([re]) => re.test(m[1]));
          const whole = w && heads[w[1]];
          if (whole && whole.hit.num !== x && whole.hit.num.value.gt(0)) {
            k.touched = true;
            k.mark(bs, x, share.p);
            k.mark(whole.hit.bs, whole.hit.num);
            const r = checkPercent({ value: share.p.value, decimals: share.p.decimals }, { value: x.value, decimals: x.decimals }, { value: whole.hit.num.value, decimals: whole.hit.num.decimals }, { plug: true });
            verdict(bs, r, share.p, `占${w[2].zh}的比例（${show(x)} ÷ ${show(whole.hit.num)}）`, `the share of ${w[2].en} (${show(x)} / ${show(whole.hit.num)})`);
          }
        }
        // A rate: "X万元，比2024年预算减少 D万元，下降P%".
        const c = changeAfter(bs, end);
        if (!c?.num || c.dir === 0) continue;
        const rate = percentAfter(bs, c.end);
        if (!rate || !RATE.test(rate.between)) continue;
        const d = { value: c.num.value, decimals: c.num.decimals };
        const prior = combine({ value: x.value, decimals: x.decimals }, d, c.dir === 1 ? -1 : 1);
        if (prior.value.lte(0)) continue; // no base last year: B-N05's 增长100% convention, not a rate
        k.touched = true;
        k.mark(bs, x, c.num, rate.p);
        const r = checkPercent({ value: rate.p.value, decimals: rate.p.decimals }, d, prior);
        verdict(bs, r, rate.p, `${c.word}率（${show(c.num)} ÷ 上年 ${prior.value.toFixed()} 万元）`, `the rate (${show(c.num)} / last year ${prior.value.toFixed()})`);
      }
    }
    if (!k.touched) ctx.notApplicable('no share (占 P%) or rate after a stated change');
  },
});
