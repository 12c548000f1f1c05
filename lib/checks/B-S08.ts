/** B-S08 (budget.md, "Required parts"): Other matters: 三公, running costs, procurement, performance targets, assets. Shared presence logic: ./budget-parts.ts. */
import { defineRule } from './types';
import type { RuleMeta, Bilingual } from './types';
import type { RuleDoc } from './helpers';
import { missing, headingOf, textOf, tablesOnly } from './budget-parts';

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
    const parts: Array<[Bilingual, RegExp, RegExp]> = [
      [{ zh: '“三公”经费预算情况', en: 'the 三公 budget' }, /三公.{0,4}经费.{0,8}(?:预算|情况)/, /三公.{0,3}经费.{0,10}预算.{0,6}\d/],
      [{ zh: '机关运行经费', en: 'running costs' }, /机关运行经费/, /机关运行经费.{0,14}\d/],
      [{ zh: '政府采购预算情况', en: 'government procurement' }, /政府采购/, /政府采购.{0,8}预算.{0,4}\d/],
      [{ zh: '绩效目标设置情况', en: 'performance targets' }, /绩效目标|绩效管理|预算绩效/, /绩效目标.{0,30}\d/],
      [{ zh: '国有资产占有使用情况', en: 'assets held' }, /国有资产|资产占有/, /共有(?:公务)?车辆\d/],
    ];
    // Glossary entries ("（七）“三公”经费：是…") define the words; they are not the parts.
    const entry = (p: { text: string }) => /^[（(][一二三四五六七八九十]+[)）][^：:]{0,16}[：:]/.test(p.text.trim());
    for (const [name, heading, body] of parts) {
      const h = headingOf(d, heading);
      if (h && !entry(h)) continue;
      const b = textOf(d, body);
      if (b && !entry(b)) continue;
      missing(ctx, meta, { zh: `其他相关情况说明：${name.zh}`, en: `other matters: ${name.en}` });
    }
  },
});
