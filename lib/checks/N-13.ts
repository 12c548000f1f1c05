/** N-13 (domain.md, "Narrative claims"): shares meant to cover a whole sum to 100 (plugs and rounding → notice). */
import Decimal from 'decimal.js';
import type { RuleMeta } from './types';
import type { RuleDoc } from './helpers';
import { claimRule } from '../claims/rule';
import type { Claim } from '../claims/index';
import { compareSum } from '../money/operands';
import { opNum } from '../claims/checks';
import { half } from '../claims/numbers';

export const meta: RuleMeta = {
  id: 'N-13',
  title: { zh: '覆盖整体的各项占比之和为100%', en: 'Shares covering a whole add up to 100%' },
  severity: 'error',
  tables: [],
};

export const doc: RuleDoc = {
  rationale: {
    zh: '同一分母下列举的各项占比，当各项金额之和等于整体时，占比之和应为100%；各项四舍五入可造成每项半个单位的偏差（提示），更大的偏差为错误。发布者常把最后一项“凑”到合计100%，单项相差一个单位由各占比规则作提示。',
    en: 'When the listed parts add up to their whole, their shares must add up to 100%; each rounded share may be off by half a unit (a notice); more is an error. Publishers often plug the last share to reach exactly 100; a one-unit share is a notice in the share rules.',
  },
  relation: { zh: 'Σ 占比 = 100 ± n·½·10⁻ᵖ（仅当 Σ 分项 = 整体）', en: 'Σ shares = 100 ± n·½·10⁻ᵖ (only when Σ parts = whole)' },
  pass: '一般公共服务支出742.39万元，占84.28%；社会保障和就业支出87.96万元，占9.99%；住房保障支出50.46万元，占5.73%。',
  fail: '…占84.28%；…占9.99%；…占**6.73%** → error: Σ = 101.00%',
  limits: [{ zh: '各项金额之和不等于整体（列举不全）时不校验。', en: 'Not checked when the parts do not add up to the whole (a partial list).' }],
};

/** Consecutive claims of one paragraph with a share over the same base. */
function groups(all: Claim[]): Claim[][] {
  const out: Claim[][] = [];
  let cur: Claim[] = [];
  for (const c of all) {
    const last = cur[cur.length - 1];
    const same = last && last.paragraph === c.paragraph && last.fact.share!.base === c.fact.share!.base;
    if (!same) {
      if (cur.length >= 2) out.push(cur);
      cur = [];
    }
    cur.push(c);
  }
  if (cur.length >= 2) out.push(cur);
  return out;
}

export const rule = claimRule(meta, {
  own: true,
  extra(k, ctx) {
    const withShare = k.a.claims.filter((c) => c.fact.share && !c.fact.changeOnly);
    const gs = groups(withShare);
    if (gs.length === 0) return ctx.notApplicable('no set of shares');
    for (const g of gs) {
      const base = k.base(g[0]);
      if (!base || base.op.value.isZero()) continue;
      // Only a set whose amounts make up the whole is meant to cover it.
      const cover = compareSum(base.op, g.map((c) => opNum(c.fact.num)));
      if (cover.outcome === 'error') continue;
      let sum = new Decimal(0);
      let tol = new Decimal(0);
      for (const c of g) {
        sum = sum.add(c.fact.share!.num.value);
        tol = tol.add(half(c.fact.share!.num.decimals));
        k.mark(c.paragraph, c.fact.share!.num, c.fact.num);
      }
      if (sum.eq(100)) continue;
      const off = sum.sub(100).abs();
      const last = g[g.length - 1];
      const texts = g.map((c) => c.fact.share!.num.text.trim()).join(' + ');
      k.emit(
        last,
        off.lte(tol) ? 'notice' : 'error',
        `各项占比之和 ${texts} = ${sum.toString()}%，应为100%${off.lte(tol) ? '（尾数差异）' : ''}`,
        `The shares ${texts} add up to ${sum.toString()}%, not 100%${off.lte(tol) ? ' (rounding)' : ''}`,
        '100%',
        `${sum.toString()}%`,
      );
    }
  },
});
