/** B-N14 (budget.md): 部门/单位 wording matches the document's scope (fixed names like 部门预算经济分类 aside). */
import { defineRule } from './types';
import type { RuleMeta } from './types';
import type { RuleDoc } from './helpers';
import { BudgetClaims } from '../claims/budget';

export const meta: RuleMeta = {
  id: 'B-N14',
  title: { zh: '“部门”“单位”用语与文件类型一致', en: '部门/单位 wording matches the document' },
  severity: 'warning',
  tables: [],
};

export const doc: RuleDoc = {
  rationale: {
    zh: '单位预算由部门预算的模板改成，漏改的“本部门”“部门预算编制说明”“部门主要职能”会留在单位预算中（反之亦然）。“部门预算经济分类”是固定名称，名词解释同时提到两者，均不算。',
    en: 'A unit budget is made from the department\'s template: a leftover "本部门", "部门预算编制说明" or "部门主要职能" stays in the unit document (and the reverse). "部门预算经济分类" is a fixed name and the glossary names both: neither counts.',
  },
  relation: { zh: '单位预算中不出现“本部门/部门预算说明/部门职能”等；部门预算中不出现“本单位/单位预算说明”等', en: 'no 本部门 … in a unit budget; no 本单位 … in a department budget' },
  pass: '单位预算：2025年单位预算编制说明；本单位政府采购预算34万元。',
  fail: '单位预算：2025年**本部门**政府采购预算34万元 → warning',
  limits: [{ zh: '只查成对的固定用语；文件类型取自封面（预算主管部门 / 预算单位）。', en: 'Only fixed phrases; the scope comes from the cover.' }],
};

const WRONG = {
  unit: /本部门|部门预算编制说明|部门主要职能|部门机构设置|区级部门预算/g,
  department: /本单位|单位预算编制说明|单位主要职能|单位机构设置|区级单位预算/g,
};

export const rule = defineRule({
  meta,
  run(ctx) {
    const scope = ctx.disclosure.info.scope;
    if (scope !== 'unit' && scope !== 'department') return ctx.notApplicable('scope unknown');
    const k = new BudgetClaims(ctx, meta);
    k.touched = true;
    const re = WRONG[scope];
    for (const bs of k.t.sentences) {
      // The glossary defines both words.
      if (bs.headings.some((h) => /名词解释/.test(h))) continue;
      for (const m of bs.text.replace(/部门预算经济分类/g, '########').matchAll(re)) {
        const right = scope === 'unit' ? m[0].replace('部门', '单位') : m[0].replace('单位', '部门');
        k.report(bs, 'warning', { zh: `${scope === 'unit' ? '单位' : '部门'}预算中出现“${m[0]}”，应为“${right}”（疑为模板未改）`, en: `"${m[0]}" in a ${scope} budget; expected "${right}" (template not adapted?)` }, right, m[0]);
      }
    }
  },
});
