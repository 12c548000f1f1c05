/** B-S08 (budget.md, "Required parts"): Other matters: 三公, running costs, procurement, performance targets, assets. Shared presence logic: ./budget-parts.ts. */
import { defineRule } from './types';
import type { RuleMeta } from './types';
import type { RuleDoc } from './helpers';
import { OTHER_PARTS, missing, otherPartPresent, tablesOnly } from './budget-parts';

export const meta: RuleMeta = {
  id: 'B-S08',
  title: { zh: '其他相关情况说明：三公、机关运行经费、政府采购、绩效目标、国有资产', en: 'Other matters: 三公, running costs, procurement, performance targets, assets' },
  severity: 'error',
  tables: [],
};

export const doc: RuleDoc = {
  rationale: {
    zh: '其他相关情况说明包括“三公”经费预算（含增减及原因）、机关运行经费、政府采购预算、绩效目标设置情况、国有资产占有使用情况，缺一为错误（名词解释中的定义不算）。',
    en: 'Other matters: the 三公 budget (with change and reasons), running costs, procurement, performance targets, assets held; each is required (a glossary definition does not count).',
  },
  relation: { zh: '五项说明都在', en: 'all five present' },
  pass: '一、“三公”经费预算情况说明 … 五、国有资产占有使用情况',
  fail: '（缺政府采购预算情况） → error',
  limits: [{ zh: '按标题（或粘在段首、段尾的标题）判断是否存在，写法宽松；缺少才报告。', en: 'Presence by headings (also one glued to a paragraph’s start or end), tolerant wording; only absence is reported.' }],
};

export const rule = defineRule({
  meta,
  run(ctx) {
    const d = ctx.disclosure;
    if (tablesOnly(d)) return ctx.notApplicable('tables only: no narrative');
    for (const part of OTHER_PARTS) {
      if (otherPartPresent(d, part)) continue;
      missing(ctx, meta, { zh: `其他相关情况说明：${part.name.zh}`, en: `other matters: ${part.name.en}` });
    }
  },
});
