/** B-S02 (budget.md, "Required parts"): Table of contents lists the parts and tables, all present. Shared presence logic: ./budget-parts.ts. */
import { defineRule } from './types';
import type { RuleMeta } from './types';
import type { RuleDoc } from './helpers';
import { missing, tocTables, TABLE_NAME } from './budget-parts';

export const meta: RuleMeta = {
  id: 'B-S02',
  title: { zh: '目录列出各部分和各表，所列的表都在', en: 'Table of contents lists the parts and tables, all present' },
  severity: 'error',
  tables: [],
};

export const doc: RuleDoc = {
  rationale: {
    zh: '目录列出各部分和九张预算表；目录列出的表在文件中必须找得到（缺目录为警告：网页版常不带目录）。',
    en: 'The 目录 lists the parts and the nine tables; every table it lists must be in the document (a missing 目录 is a warning: web pages often have none).',
  },
  relation: { zh: '目录所列表 ⊆ 识别出的表', en: 'tables listed ⊆ tables recognised' },
  pass: '目录：1. 2025年部门财务收支预算总表 … 9. “三公”经费和机关运行经费预算表；九张表都在',
  fail: '目录列出“收入预算总表”，文件中没有 → error',
  limits: [{ zh: '按标题（或粘在段首、段尾的标题）判断是否存在，写法宽松；缺少才报告。', en: 'Presence by headings (also one glued to a paragraph’s start or end), tolerant wording; only absence is reported.' }],
};

export const rule = defineRule({
  meta,
  run(ctx) {
    const d = ctx.disclosure;
    if (d.tocBlocks.length === 0) return missing(ctx, meta, { zh: '目录', en: 'table of contents' }, 'warning');
    for (const [k, p] of tocTables(d)) {
      if (d.tables[k]) continue;
      const n = TABLE_NAME(k);
      ctx.report({
        severity: meta.severity,
        message: { zh: `目录列出的「${n.zh}」在文件中没有找到`, en: `The table of contents lists ${n.en}, which is not in the document` },
        expected: n.zh,
        actual: null,
        cells: [],
        spans: [{ paragraph: p, start: 0, end: p.text.length }],
        quote: p.text,
      });
    }
  },
});
