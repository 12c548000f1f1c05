/** B-S07 (budget.md, "Required parts"): The budget tables BT1–BT9. Shared presence logic: ./budget-parts.ts. */
import { defineRule } from './types';
import type { RuleMeta } from './types';
import type { RuleDoc } from './helpers';
import { missing, TABLE_NAME } from './budget-parts';
import { BUDGET_TABLE_KEYS } from '../model/types';

export const meta: RuleMeta = {
  id: 'B-S07',
  title: { zh: '预算表 BT1–BT9', en: 'The budget tables BT1–BT9' },
  severity: 'error',
  tables: [],
};

export const doc: RuleDoc = {
  rationale: {
    zh: '九张预算表都要公开；没有数据的表（政府性基金、国有资本经营预算）也要公开空表并加注说明（注的核对见 B-20）。',
    en: 'All nine tables are published; a table without data (government funds, state capital) is published empty with its note (the note: B-20).',
  },
  relation: { zh: 'BT1 … BT9 都在', en: 'BT1 … BT9 all present' },
  pass: 'BT1 … BT9（BT6、BT7 为空表并有注）',
  fail: '（缺“三公”经费和机关运行经费预算表） → error',
  limits: [{ zh: '按标题（或粘在段首、段尾的标题）判断是否存在，写法宽松；缺少才报告。', en: 'Presence by headings (also one glued to a paragraph’s start or end), tolerant wording; only absence is reported.' }],
};

export const rule = defineRule({
  meta,
  run(ctx) {
    const d = ctx.disclosure;
    for (const k of BUDGET_TABLE_KEYS) {
      if (d.tables[k]) continue;
      const n = TABLE_NAME(k);
      missing(ctx, meta, { zh: `${n.zh}（${k}）`, en: n.en });
    }
  },
});
