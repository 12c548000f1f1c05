/**
 * N-17 (beyond the catalog; issue 16 class 5): placeholders and template residue left in the
 * headings and text ("XX局", "××", "20XX年", "待填写", "（单位名称）").
 */
import type { RuleMeta } from './types';
import { defineRule } from './types';
import type { RuleDoc } from './helpers';
import { sentenceFinding } from '../claims/checks';
import { splitSentences } from '../claims/text';

export const meta: RuleMeta = {
  id: 'N-17',
  title: { zh: '标题和正文中没有未替换的模板占位符', en: 'No template placeholders left in the headings and text' },
  severity: 'error',
  tables: [],
};

export const doc: RuleDoc = {
  rationale: {
    zh: '公开文本按模板编写；“XX局”“××”“20XX年”“X年”“待填写”“（单位名称）”等占位符未替换，说明套用模板后没有填写，读者无法知道所指。标题（含各部分标题）和正文都检查，每处报告一次，指出所在的句子。',
    en: 'Disclosures are written from a template; a placeholder left in ("XX局", "××", "20XX年", "X年", "待填写", "（单位名称）") means the template was not filled in. Headings (part headings included) and text are checked; each occurrence is reported once, naming its sentence.',
  },
  relation: { zh: '正文与标题中不出现模板占位符', en: 'no template placeholder in headings or text' },
  pass: '上海市普陀区生态环境局2024年度部门决算情况说明',
  fail: '**XX局**2024年度部门决算情况说明 → error：模板占位符“XX局”未替换',
  limits: [
    { zh: '只认常见占位写法（连续的X/×、X年、待填写/待补充、（单位名称）/（部门名称）、某某）；“202 年度”这类缺位年份由 N-15 报告。', en: 'Only the common placeholder forms are recognised (runs of X/×, X年, 待填写/待补充, （单位名称）/（部门名称）, 某某); a year with a missing digit ("202 年度") is N-15\'s.' },
    { zh: '表格单元格中的占位符不在此检查。', en: 'Placeholders inside table cells are not examined here.' },
  ],
};

/**
 * A run of two or more X / × (not inside a Latin word), "X年"/"X月" alone, the fill-in words, and the
 * bracketed name slots. Groups: the placeholder as printed.
 */
const PLACEHOLDER =
  /(?<![A-Za-z])(?:20)?[XＸ×]{2,}(?![A-Za-z])(?:局|委|办|单位|部门|中心|年度|年|月|日|万元|元|个|人次|人|辆|项)?|(?<![A-Za-z0-9０-９])[XＸ]\s*[年月日](?![A-Za-z])|待填写|待补充|待填报|[（(【\[](?:单位|部门|机构|项目)名称[）)】\]]|某某(?:局|委|办|单位|部门|中心)?/g;

export const rule = defineRule({
  meta,
  run(ctx) {
    const d = ctx.disclosure;
    const toc = new Set(d.tocBlocks);
    let any = false;
    for (const p of d.paragraphs) {
      if (toc.has(p.index)) continue;
      const text = p.text;
      // Cheap prefilter: every pattern contains one of these characters.
      if (!/[XＸ×待名某]/.test(text)) continue;
      any = true;
      for (const s of splitSentences(text)) {
        PLACEHOLDER.lastIndex = 0;
        const seen = new Set<string>();
        for (let m = PLACEHOLDER.exec(s.text); m; m = PLACEHOLDER.exec(s.text)) {
          const ph = m[0].trim();
          if (seen.has(ph)) continue;
          seen.add(ph);
          ctx.report({
            rule: meta.id,
            ...sentenceFinding(p, s, 'error', `模板占位符“${ph}”未替换为实际内容`, `Template placeholder "${ph}" was left in the text`, null, ph),
          });
        }
      }
    }
    if (!any) ctx.notApplicable('no placeholder-like text');
  },
});
