/** B-N05 (budget.md): per 项 "Y−1年当年预算执行数 A，Y年预算安排 B，比…执行数增加/减少 P%" — P = (B − A) / A, the word fits. */
import { wordEn } from '../claims/english';
import { defineRule } from './types';
import type { RuleMeta } from './types';
import type { RuleDoc } from './helpers';
import { BudgetClaims, after } from '../claims/budget';
import { checkPercent } from '../money/operands';
import { halfUnit } from '../money';

export const meta: RuleMeta = {
  id: 'B-N05',
  title: { zh: '项目预算比上年执行数的增减率与方向正确', en: 'Per-项 change on last year\'s execution: rate and word' },
  severity: 'error',
  tables: [],
};

export const doc: RuleDoc = {
  rationale: {
    zh: '“Y−1年当年预算执行数 A 万元，Y年预算安排 B 万元，比Y−1年当年预算执行数增加/减少 P%”：P = |B − A| ÷ A（A、B 各按印刷精度取区间），方向词与 B − A 的符号一致；A 为 0 时增减率无意义，写“增长100%”之类是惯例写法，给出警告。',
    en: '"Y−1 execution A, Y budget B, 比…执行数增加/减少 P%": P = |B − A| / A with A and B as intervals of their printed precision, and the word follows the sign of B − A; with A = 0 there is no rate (the "增长100%" convention is a warning).',
  },
  relation: { zh: 'P = |B − A| ÷ A × 100；方向 = sign(B − A)', en: 'P = |B − A| / A × 100; word = sign(B − A)' },
  pass: '2024年当年预算执行数0.50万元，2025年预算安排0.62万元，比2024年当年预算执行数增加24.00%，主要原因是…',
  fail: '2024年当年预算执行数100.00万元，2025年预算安排110.00万元，比2024年当年预算执行数增加**11.00%** → error: 10.00%',
  limits: [{ zh: '执行数只印在说明中（万元），不在表中：按 ±0.005 万元的区间计算；原因的方向不做语义判断。', en: 'The execution figure is printed only in the text (万元) and taken as ±0.005; the reason\'s direction is not judged.' }],
};

const A_RE = /(\d{4})\s*年度?当年预算执行数(?:为|是)?/;
const B_RE = /(\d{4})\s*年度?(?:预算安排|预算数)(?:为|是)?/;
const P_RE = /比\S{0,12}?执行数(增加|增长|减少|下降)/;

export const rule = defineRule({
  meta,
  run(ctx) {
    const k = new BudgetClaims(ctx, meta);
    for (const bs of k.t.sentences) {
      const a = after(bs, A_RE)[0];
      const b = after(bs, B_RE)[0];
      const p = after(bs, P_RE, 'percent')[0];
      if (!a || !b || !p) continue;
      k.touched = true;
      k.mark(bs, a.num, b.num, p.num);
      const word = p.m[1];
      const up = word === '增加' || word === '增长';
      const A = a.num.value;
      const B = b.num.value;
      if (A.isZero()) {
        k.report(bs, 'warning', { zh: `上年执行数为 0，增减率“${word}${p.num.text}”无意义（惯例写法，建议只写增加额）`, en: `Last year's execution is 0, so the rate "${word} ${p.num.text}" has no meaning (a convention; state the amount instead)` }, null, p.num.text);
        continue;
      }
      const h = halfUnit(a.num.decimals).plus(halfUnit(b.num.decimals));
      const diff = B.minus(A);
      // The word against the sign, when the intervals leave no doubt.
      if ((up && diff.lt(h.neg())) || (!up && diff.gt(h))) {
        k.report(bs, 'error', { zh: `预算安排 ${b.num.text} ${diff.isNeg() ? '少于' : '多于'}执行数 ${a.num.text}，应为“${diff.isNeg() ? '减少' : '增加'}”而不是“${word}”`, en: `The budget ${b.num.text} is ${diff.isNeg() ? 'below' : 'above'} the execution ${a.num.text}: ${wordEn(diff.isNeg() ? '减少' : '增加')}, not ${wordEn(word)}` }, diff.isNeg() ? '减少' : '增加', word);
        continue;
      }
      const r = checkPercent({ value: p.num.value, decimals: p.num.decimals }, { value: diff.abs(), decimals: null, half: h }, { value: A, decimals: a.num.decimals });
      if (r.outcome === 'pass') continue;
      k.report(
        bs,
        r.outcome === 'notice' ? 'notice' : 'error',
        {
          zh: `增减率 ${p.num.text} ≠ |${b.num.text} − ${a.num.text}| ÷ ${a.num.text} = ${r.expected}%${r.outcome === 'notice' ? '（尾数差异）' : ''}`,
          en: `The rate ${p.num.text} ≠ |B − A| / A = ${r.expected}%${r.outcome === 'notice' ? ' (rounding difference)' : ''}`,
        },
        `${r.expected}%`,
        p.num.text,
      );
    }
    if (!k.touched) ctx.notApplicable('no per-项 “当年预算执行数 … 预算安排 … 比…增加/减少 P%” sentence');
  },
});
