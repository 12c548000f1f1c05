/** B-S05 (budget.md, "Required parts"): Glossary. Shared presence logic: ./budget-parts.ts. */
import { defineRule } from './types';
import type { RuleMeta } from './types';
import type { RuleDoc } from './helpers';
import { GLOSSARY, missing, headingOf, tablesOnly } from './budget-parts';

export const meta: RuleMeta = {
  id: 'B-S05',
  title: { zh: '名词解释', en: 'Glossary' },
  severity: 'error',
  tables: [],
};

export const doc: RuleDoc = {
  rationale: {
    zh: '预算公开附名词解释（财政拨款收入、基本支出、项目支出、“三公”经费、机关运行经费等）。',
    en: 'A glossary (财政拨款收入, 基本支出, 项目支出, 三公, 机关运行经费 …) is part of the disclosure.',
  },
  relation: { zh: '有“名词解释”一节', en: 'a glossary' },
  pass: '三、名词解释',
  fail: '（无名词解释） → error',
  limits: [{ zh: '按标题（或粘在段首、段尾的标题）判断是否存在，写法宽松；缺少才报告。', en: 'Presence by headings (also one glued to a paragraph’s start or end), tolerant wording; only absence is reported.' }],
};

export const rule = defineRule({
  meta,
  run(ctx) {
    if (tablesOnly(ctx.disclosure)) return ctx.notApplicable('tables only: no narrative');
    if (!headingOf(ctx.disclosure, GLOSSARY)) missing(ctx, meta, { zh: '名词解释', en: 'glossary' });
  },
});
