/** B-N01 (budget.md): the 收入预算 sentence — the sources add up to the total, the change words fit their figures. */
import { defineRule } from './types';
import type { RuleMeta } from './types';
import type { RuleDoc } from './helpers';
import { BudgetClaims, headlines, HEAD_LABEL } from '../claims/budget';
import type { HeadKey } from '../claims/budget';
import { zeroChangeWords } from './budget-text';

export const meta: RuleMeta = {
  id: 'B-N01',
  title: { zh: '收入预算及其来源、增减与表一致', en: 'Budgeted income, its sources and changes agree' },
  severity: 'error',
  tables: [],
};

export const doc: RuleDoc = {
  rationale: {
    zh: '预算编制说明写明“收入预算 X 万元，其中：财政拨款收入 …；事业收入 …；事业单位经营收入 …；其他收入 …”，各来源之和应等于 X（万元数各有 ±0.005 的舍入区间）；“比上年预算增加/减少 D 万元”的方向词须与 D 相符（D 为 0 时应写“持平”）。各数与 BT1 的对应（万元 = 元数四舍五入）由 B-21 核对，不在此重复报告。',
    en: 'The 预算编制说明 states "收入预算 X万元, of which 财政拨款收入 …, 事业收入 …, 经营收入 …, 其他收入 …": the sources must add up to X (each 万元 figure ±0.005); the word of "比上年预算增加/减少 D" must fit D (持平 when D is 0). Each figure against BT1 (万元 = half-up of the 元 cell) is B-21\'s check and is not reported twice.',
  },
  relation: { zh: 'X = 财政拨款 + 事业 + 经营 + 其他；增加/减少 ⇔ D ≠ 0', en: 'X = fiscal + business + operating + other; 增加/减少 ⇔ D ≠ 0' },
  pass: '收入预算9,101.68万元，其中：财政拨款收入9,101.68万元，比2024年预算减少2,389.52万元；事业收入0万元；事业单位经营收入0万元；其他收入0万元。',
  fail: '收入预算**9,110.68**万元，其中：财政拨款收入9,101.68万元；事业收入0万元 … → error: 9,110.68 ≠ 9,101.68 + 0 + 0 + 0',
  limits: [
    { zh: '上年预算数在表中没有，只能核对方向词与所写增减额是否自洽，不能核对增减额本身。', en: 'Last year\'s budget is in no table: only the word against the stated change is checked, not the change itself.' },
    { zh: '只读固定句式“收入预算 X 万元，其中 …”；其他写法不核对（不报告）。', en: 'Only the fixed phrasing is read; other phrasings are not checked (never reported).' },
  ],
};

const SOURCES: HeadKey[] = ['fiscalIncome', 'business', 'operating', 'other'];

export const rule = defineRule({
  meta,
  run(ctx) {
    const k = new BudgetClaims(ctx, meta);
    const h = headlines(k.t);
    const total = h.income;
    if (total) {
      // Parts stated in the same sentence as the total (its 其中 list).
      const parts = SOURCES.map((s) => ({ key: s, head: h[s] })).filter((x) => x.head && x.head.hit.bs === total.hit.bs);
      if (parts.length >= 2)
        k.sum(
          [total.hit.bs],
          { num: total.hit.num, bs: total.hit.bs, label: HEAD_LABEL.income },
          parts.map((x) => ({ num: x.head!.hit.num, bs: x.head!.hit.bs, label: HEAD_LABEL[x.key] })),
        );
    }
    for (const key of ['income', ...SOURCES] as HeadKey[]) zeroChangeWords(k, h[key], HEAD_LABEL[key]);
    if (!k.touched) ctx.notApplicable('no 收入预算 sentence with its sources or changes');
  },
});
