/** N-14 (domain.md, "Narrative claims"): the same indicator stated twice has the same value. */
import type { RuleMeta } from './types';
import type { RuleDoc } from './helpers';
import { claimRule } from '../claims/rule';
import type { Claim } from '../claims/index';
import { compareValues } from '../money/operands';
import { opNum, sentenceFinding } from '../claims/checks';
import { purelyAdministrative } from './N-11';

export const meta: RuleMeta = {
  id: 'N-14',
  title: { zh: '同一指标多次出现时数值一致', en: 'An indicator stated twice has one value' },
  severity: 'error',
  tables: [],
};

export const doc: RuleDoc = {
  rationale: {
    zh: '同一概念（如一般公共预算财政拨款支出、“三公”经费决算数、实有人数、车辆数）在叙述中多次出现时数值应相同；仅尾数差异为提示。比率只在各自算式不一致时才由对应规则报告，两次印刷同一比率且都在舍入范围内不算矛盾。',
    en: 'One concept (general-budget spending, the three-public-expenses actual, staff, vehicles …) stated more than once must have one value; rounding-level differences are notices. Rates are judged by their own arithmetic in the owning rule: two printings of one rate that both agree with the numbers within rounding are not a contradiction.',
  },
  relation: { zh: '同一概念的各次陈述 = 同一数值', en: 'every statement of one concept = one value' },
  pass: '共有车辆9辆…截至12月31日，机关共有车辆9辆',
  fail: '共有车辆9辆…截至12月31日，机关共有车辆**8**辆 → error（表中有对应数时由 N-07/N-08 等与表比对 · with a table counterpart, N-07/N-08 … compare with the table）',
  limits: [
    { zh: '只比较已对应到同一概念的金额和人数、车辆数。', en: 'Only amounts and counts tied to the same concept are compared.' },
    {
      zh: '表中有对应数的概念（如一般公共预算财政拨款支出）由其所属规则逐句与表比对，只标出错的那一句；本规则只比较表中没有对应数的概念（人数、车辆数等）或表缺失时的陈述。',
      en: 'A concept with a table counterpart (e.g. general-budget spending) is checked sentence by sentence against the table by its own rule, which marks only the wrong sentence; this rule compares only concepts without one (staff, vehicles …) or statements whose table is missing.',
    },
  ],
};

export const rule = claimRule(meta, {
  own: true,
  extra(k, ctx) {
    const byKey = new Map<string, Claim[]>();
    for (const c of k.a.claims) {
      if (!c.concept || c.concept.repeatable || c.fact.changeOnly) continue;
      const list = byKey.get(c.concept.key) ?? [];
      list.push(c);
      byKey.set(c.concept.key, list);
    }
    let any = false;
    for (const list of byKey.values()) {
      if (list.length < 2) continue;
      const first = list[0];
      // A concept the tables state is judged statement by statement against the table by its own
      // rule (N-07, N-08 …), which blames only the wrong statement; comparing the statements here
      // as well would report that mistake twice and mark the correct sentence too.
      // 机关运行经费 (soft: ≈ 公用经费) is compared with the table by N-11 only for a purely
      // administrative unit; there N-11 already warns on each statement that differs, so N-14 would
      // repeat it (issue 16 class 9). Elsewhere only N-14 can see that two statements disagree.
      const c0 = first.concept!;
      if (c0.table(k.a.disclosure) !== null && (!c0.soft || purelyAdministrative(k.a.disclosure))) continue;
      any = true;
      for (const c of list.slice(1)) {
        k.mark(c.paragraph, c.fact.num);
        k.mark(first.paragraph, first.fact.num);
        const r = compareValues(opNum(c.fact.num), opNum(first.fact.num));
        if (r.outcome === 'pass') continue;
        const f = sentenceFinding(
          c.paragraph,
          c.fact.sentence,
          r.outcome === 'notice' ? 'notice' : 'error',
          `${c.concept!.name}前文为 ${first.fact.num.text.trim()}，此处为 ${c.fact.num.text.trim()}`,
          `${c.concept!.nameEn} is stated as ${first.fact.num.text.trim()} earlier and ${c.fact.num.text.trim()} here`,
          first.fact.num.text.trim(),
          c.fact.num.text.trim(),
        );
        f.spans.push({ paragraph: first.paragraph, start: first.fact.sentence.start, end: first.fact.sentence.end });
        k.report({ rule: 'N-14', ...f });
      }
    }
    if (!any) ctx.notApplicable('no indicator without a table counterpart stated twice');
  },
});
