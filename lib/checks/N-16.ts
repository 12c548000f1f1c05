/** N-16 (domain.md, "Narrative claims"): counts stated with their parts, and rates of counts (办结率 = 办结/受理). */
import type { RuleMeta } from './types';
import type { RuleDoc } from './helpers';
import { claimRule } from '../claims/rule';
import type { Claim } from '../claims/index';
import { staffCategory } from '../claims/concepts';

/** Staff categories (staffCategory) and named rates in English. */
const STAFF_EN: Record<string, string> = {
  公务员: 'civil servants',
  参公: 'staff managed as civil servants',
  事业编: 'public-institution staff',
  工勤: 'support workers',
  行政编: 'administrative staff',
};
const RATE_EN: [RegExp, string][] = [
  [/办结率/, 'closure rate'],
  [/完成率/, 'completion rate'],
  [/解决率/, 'resolution rate'],
  [/答复率/, 'reply rate'],
  [/满意率/, 'satisfaction rate'],
];
import { checkPercent } from '../money/operands';
import { sentenceFinding } from '../claims/checks';
import type { ClaimChecker } from '../claims/checks';

export const meta: RuleMeta = {
  id: 'N-16',
  title: { zh: '人数、件数等计数与其组成部分及比率一致', en: 'Counts agree with their parts and rates' },
  severity: 'error',
  tables: [],
};

export const doc: RuleDoc = {
  rationale: {
    zh: '实有人数应等于各类人员（公务员、事业编、工勤…）之和；“其中”列举的车辆、项目等之和不得超过（完整列举时应等于）总数；上年→本年的增减人数与增减率须自洽；办结率等比率 = 办结数 ÷ 受理数，按印刷精度比较。',
    en: 'Staff must equal the sum of its categories; listed parts (vehicles, projects …) cannot exceed (and, when complete, must equal) the whole; changes from last year and their rates must agree; rates like 办结率 = closed / received, compared at the printed precision.',
  },
  relation: { zh: '实有人数 = Σ 各类人员；办结率 = 办结 ÷ 受理', en: 'staff = Σ categories; closure rate = closed / received' },
  pass: '受理交办事项106件，办结98件，办结率92.45%。',
  fail: '受理交办事项106件，办结98件，办结率**92.56%** → error: 98 ÷ 106 = 92.45%',
  limits: [
    { zh: '人员类别须在同一“人员情况”章节中以“本年度…N人”写出，至少两类才比较。', en: 'Staff categories must be stated as 本年度…N人 in the same staff section; at least two are needed.' },
  ],
};

function staffCheck(k: ClaimChecker) {
  const staff = k.a.claims.filter((c) => c.topic === 'staff' && c.fact.num.kind === 'count');
  const total = staff.find((c) => c.concept?.key === 'staff.total');
  if (!total) return;
  const parts = new Map<string, Claim>();
  for (const c of staff) {
    const cat = staffCategory(c.fact.label);
    if (!cat || c.fact.num.unit !== '人' || c === total) continue;
    if (!/^(本年度?|本年末|年末|现有|今年)/.test(c.fact.label) && !c.fact.prev) continue;
    if (!parts.has(cat)) parts.set(cat, c);
  }
  if (parts.size < 2) return;
  const list = [...parts.values()];
  const sum = list.reduce((s, c) => s + c.fact.num.value.toNumber(), 0);
  k.mark(total.paragraph, total.fact.num);
  for (const c of list) k.mark(c.paragraph, c.fact.num);
  if (sum === total.fact.num.value.toNumber()) return;
  const texts = list.map((c) => `${staffCategory(c.fact.label)}${c.fact.num.text.trim()}`).join(' + ');
  const textsEn = list.map((c) => `${STAFF_EN[staffCategory(c.fact.label) ?? ''] ?? `"${c.fact.label}"`} ${c.fact.num.text.trim()}`).join(' + ');
  // The previous year, when both the total's change and every category's previous value are stated.
  let prevZh = '';
  let prevEn = '';
  const ch = total.fact.change;
  if (ch && ch.ref === 'prev' && list.every((c) => c.fact.prev)) {
    const prevTotal = total.fact.num.value.toNumber() - ch.dir * ch.num.value.toNumber();
    const prevSum = list.reduce((x, c) => x + c.fact.prev!.num.value.toNumber(), 0);
    if (prevTotal !== prevSum) {
      prevZh = `；上年同样不符：${total.fact.num.text.trim()}${ch.dir > 0 ? '−' : '+'}${ch.num.text.trim()} = ${prevTotal}人，各类之和 ${prevSum}人`;
      prevEn = `; the previous year disagrees too: ${prevTotal} implied vs ${prevSum} by category`;
    }
  }
  const f = sentenceFinding(
    total.paragraph,
    total.fact.sentence,
    'error',
    `实有人数 ${total.fact.num.text.trim()} 与各类人员之和 ${texts} = ${sum}人 不符${prevZh}`,
    `Staff ${total.fact.num.text.trim()} does not equal the categories ${textsEn} = ${sum}${prevEn}`,
    `${sum}人`,
    total.fact.num.text.trim(),
  );
  for (const c of list) f.spans.push({ paragraph: c.paragraph, start: c.fact.sentence.start, end: c.fact.sentence.end });
  k.report({ rule: 'N-16', ...f });
}

export const rule = claimRule(meta, {
  extra(k) {
    staffCheck(k);
    // 受理…N件，办结M件，办结率P%
    for (const it of k.a.sentences) {
      for (const r of it.rates) {
        if (!/办结率|完成率|解决率|答复率|满意率/.test(r.label)) continue;
        const counts = r.counts.filter((c) => c.num.unit === '件' || c.num.unit === '个' || c.num.unit === '项' || c.num.unit === '次');
        const numer = [...counts].reverse().find((c) => /办结|完成|解决|答复|满意/.test(c.label));
        if (!numer) continue;
        const denom = [...counts].reverse().find((c) => c !== numer && c.num.start < numer.num.start && /受理|交办|办理|收到|接收|承办|共/.test(c.label));
        if (!denom || denom.num.value.isZero()) continue;
        k.mark(it.paragraph, r.num, numer.num, denom.num);
        const res = checkPercent({ value: r.num.value, decimals: r.num.decimals }, { value: numer.num.value, decimals: null }, { value: denom.num.value, decimals: null });
        if (res.outcome === 'pass') continue;
        k.report({
          rule: 'N-16',
          ...sentenceFinding(
            it.paragraph,
            it.sentence,
            res.outcome === 'notice' ? 'notice' : 'error',
            `${r.label}应为 ${numer.num.text.trim()} ÷ ${denom.num.text.trim()} = ${res.expected}%，叙述为 ${r.num.text.trim()}`,
            `The ${RATE_EN.find(([re]) => re.test(r.label))?.[1] ?? 'rate'} should be ${numer.num.text.trim()} / ${denom.num.text.trim()} = ${res.expected}%, the text states ${r.num.text.trim()}`,
            `${res.expected}%`,
            r.num.text.trim(),
          ),
        });
      }
    }
  },
});
