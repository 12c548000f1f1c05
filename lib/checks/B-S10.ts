/** B-S10 (budget.md, "Required parts"): Hygiene: no placeholders, duplicates, unbalanced quotes, "。。". Shared presence logic: ./budget-parts.ts. */
import { defineRule } from './types';
import type { RuleMeta } from './types';
import type { RuleDoc } from './helpers';
import { narrative } from './budget-parts';
import type { ParagraphBlock } from '../extract/types';

const SPACE = /[\s\u00a0\u3000]+/g;

export const meta: RuleMeta = {
  id: 'B-S10',
  title: { zh: '文字卫生：无占位符、重复段落、不配对引号、“。。”', en: 'Hygiene: no placeholders, duplicates, unbalanced quotes, "。。"' },
  severity: 'warning',
  tables: [],
};

export const doc: RuleDoc = {
  rationale: {
    zh: '发布稿不应留有“XX局”“××”“待填写”等占位符，不应有重复的段落（重复页）、不配对的引号或“。。”。',
    en: 'A published text has no placeholders ("XX局", "××", "待填写"), no duplicated paragraphs (duplicated pages), no unbalanced quotes, no "。。".',
  },
  relation: { zh: '无占位符；段落不重复；“”成对；无“。。”', en: 'no placeholders; no duplicate paragraphs; quotes balanced; no 。。' },
  pass: '2025年本部门政府采购预算34万元。',
  fail: '2025年**XX局**政府采购预算34万元。。 → warning ×2',
  limits: [{ zh: '按标题（或粘在段首、段尾的标题）判断是否存在，写法宽松；缺少才报告。', en: 'Presence by headings (also one glued to a paragraph’s start or end), tolerant wording; only absence is reported.' }],
};

export const rule = defineRule({
  meta,
  run(ctx) {
    const d = ctx.disclosure;
    const seen = new Set<string>();
    const warn = (p: ParagraphBlock, zh: string, en: string, actual: string) =>
      ctx.report({ severity: meta.severity, message: { zh, en }, expected: null, actual, cells: [], spans: [{ paragraph: p, start: 0, end: p.text.length }], quote: p.text });
    for (const p of narrative(d)) {
      const t = p.text;
      const ph = /(?<![A-Za-z])(?:XX+|xx+|ＸＸ+)(?![A-Za-z])|××+|待填写|待补充|此处填写/.exec(t);
      if (ph) warn(p, `占位符“${ph[0]}”未替换为实际内容`, `Placeholder "${ph[0]}" left in the text`, ph[0]);
      if (t.includes('。。')) warn(p, '“。。”：重复的句号', '"。。": a doubled full stop', '。。');
      const open = (t.match(/“/g) ?? []).length;
      const close = (t.match(/”/g) ?? []).length;
      if (open !== close) warn(p, `引号不配对：“ ${open} 个、” ${close} 个`, `Unbalanced quotes: ${open} opening, ${close} closing`, `${open}/${close}`);
      const key = t.replace(SPACE, '');
      if (key.length < 60) continue;
      if (seen.has(key)) warn(p, '与前文段落完全重复（疑为重复页）', 'The same paragraph appears twice (a duplicated page?)', key.slice(0, 20));
      else seen.add(key);
    }
  },
});
