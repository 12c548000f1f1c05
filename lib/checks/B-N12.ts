/** B-N12 (budget.md): one amount stated twice — a per-项 line's "科目 X万元" and its "Y年预算安排 B万元" are equal. */
import { defineRule } from './types';
import type { RuleMeta } from './types';
import type { RuleDoc } from './helpers';
import { BudgetClaims, after } from '../claims/budget';
import type { Hit } from '../claims/budget';

export const meta: RuleMeta = {
  id: 'B-N12',
  title: { zh: '同一金额两处表述一致', en: 'One amount stated twice agrees' },
  severity: 'error',
  tables: [],
};

export const doc: RuleDoc = {
  rationale: {
    zh: '按项说明时，同一科目的金额常写两次：开头“…科目 X 万元”与后文“Y年预算安排 B 万元”，两者是同一个数，应相等（各按印刷精度取区间）。',
    en: 'A per-项 paragraph often states its amount twice — "…科目 X万元" at the head and "Y年预算安排 B万元" later: one quantity, so they must be equal (intervals of their printed precision).',
  },
  relation: { zh: 'X = B', en: 'X = B' },
  pass: '“…-行政运行”科目1,202.95万元，主要用于…。2024年当年预算执行数1,100.00万元，2025年预算安排1,202.95万元，…',
  fail: '…科目1,202.95万元 … 2025年预算安排**1,220.95**万元 → error',
  limits: [{ zh: '只核对同一段落内的“科目 X 万元”与“预算安排 B 万元”。', en: 'Only within one paragraph.' }],
};

const HEAD = /[”"](?:科目)?(?:为|预算)?/;
const B_RE = /(\d{4})\s*年度?预算安排(?:为|是)?/;

export const rule = defineRule({
  meta,
  run(ctx) {
    const k = new BudgetClaims(ctx, meta);
    let head: Hit | undefined;
    for (const bs of k.t.sentences) {
      if (head && head.bs.paragraph !== bs.paragraph) head = undefined;
      head = after(bs, HEAD)[0] ?? head;
      const b = after(bs, B_RE)[0];
      if (!head || !b || b === head) continue;
      k.sum(head.bs === b.bs ? [b.bs] : [head.bs, b.bs], { num: head.num, bs: head.bs, label: { zh: '科目金额', en: 'the amount at the head' } }, [{ num: b.num, bs: b.bs, label: { zh: `${b.m[1]}年预算安排`, en: `the ${b.m[1]} budget` } }]);
      head = undefined;
    }
    if (!k.touched) ctx.notApplicable('no amount stated twice');
  },
});
