/** B-N13 (budget.md): years — "比…预算" and 执行数 name Y−1, the assets date is in Y−1, 预算安排 and 实施周期 cover Y. */
import { defineRule } from './types';
import type { RuleMeta } from './types';
import type { RuleDoc } from './helpers';
import { BudgetClaims } from '../claims/budget';
import type { BSentence } from '../claims/budget';
import { toInt } from '../int';

export const meta: RuleMeta = {
  id: 'B-N13',
  title: { zh: '说明中的年份与预算年度一致', en: 'Years in the narrative fit the budget year' },
  severity: 'error',
  tables: [],
};

export const doc: RuleDoc = {
  rationale: {
    zh: 'Y 年预算的说明中：“比…年预算”“…年当年预算执行数”指 Y−1 年；国有资产“截至…年8月31日”为 Y−1 年；“Y 年预算安排”“Y 年收入预算”为 Y 年；项目的实施周期应包含 Y 年。上一年的说明原样沿用时，这些年份最先露出破绽。',
    en: 'In the narrative of the year-Y budget: "比…年预算" and "…年当年预算执行数" name Y−1; the assets date "截至…年8月31日" is in Y−1; "Y年预算安排" names Y; a project\'s 实施周期 covers Y. Text carried over from last year shows first in these years.',
  },
  relation: { zh: '比较年 = Y−1；截至年 = Y−1；预算安排年 = Y；实施周期 ∋ Y', en: 'comparison year = Y−1; assets date in Y−1; 预算安排 year = Y; 实施周期 ∋ Y' },
  pass: '2025年预算：比2024年预算减少2,389.52万元；截至2024年8月31日；实施周期2025全年度。',
  fail: '2025年预算：比**2023**年预算减少2,389.52万元 → error: 应为 2024 年',
  limits: [{ zh: '年度取自封面/标题；只读上述固定句式中的年份（立项依据中引用的文件年份不核对）。', en: 'The year comes from the cover/title; only the years of the fixed phrases above are read (documents cited as 立项依据 are not).' }],
};

const PREV: Array<{ re: RegExp; what: { zh: string; en: string } }> = [
  { re: /(?:比|较|与)(\d{4})\s*年度?(?:当年)?预算/g, what: { zh: '比较的上年预算', en: 'the budget compared with' } },
  { re: /(\d{4})\s*年度?当年预算执行数/g, what: { zh: '上年预算执行数', en: 'last year\'s execution' } },
  { re: /截至(\d{4})\s*年\s*8\s*月\s*31\s*日/g, what: { zh: '国有资产统计日', en: 'the assets date' } },
];
const CURRENT: Array<{ re: RegExp; what: { zh: string; en: string } }> = [
  { re: /(\d{4})\s*年度?(?:本部门|本单位|部门|单位)?预算安排/g, what: { zh: '预算安排年度', en: 'the year of the budget' } },
  { re: /^(\d{4})\s*年度?[，,]?[^。；]{0,40}?收入预算\d/g, what: { zh: '收入预算年度', en: 'the year of budgeted income' } },
];

export const rule = defineRule({
  meta,
  run(ctx) {
    const k = new BudgetClaims(ctx, meta);
    const y = ctx.disclosure.info.year;
    if (!y) return ctx.notApplicable('the budget year is not known');
    const bad = (bs: BSentence, m: RegExpExecArray, want: number, what: { zh: string; en: string }) => {
      k.touched = true;
      const got = toInt(m[1]);
      if (got === want) return;
      k.report(bs, 'error', { zh: `${what.zh}写作“${m[0]}”，${y}年预算中应为 ${want} 年`, en: `${what.en} reads "${m[0]}"; in the ${y} budget it should be ${want}` }, `${want}`, `${got}`);
    };
    let cycleHeading = false;
    for (const bs of k.t.sentences) {
      for (const p of PREV) for (const m of bs.text.matchAll(p.re)) bad(bs, m as RegExpExecArray, y - 1, p.what);
      for (const c of CURRENT) for (const m of bs.text.matchAll(c.re)) bad(bs, m as RegExpExecArray, y, c.what);
      // 实施周期: on its heading line or the paragraph after it ("五、实施周期" / "2025全年度。").
      const inline = /实施周期[：:]?\s*(.*)$/.exec(bs.text);
      const text = inline ? inline[1] : cycleHeading ? bs.text : null;
      cycleHeading = !!inline && inline[1].trim() === '';
      if (text === null || text.trim() === '') continue;
      const years = [...text.matchAll(/(20\d\d)/g)].map((m) => toInt(m[1]));
      if (years.length === 0) continue;
      k.touched = true;
      const lo = Math.min(...years);
      const hi = Math.max(...years);
      if (lo <= y && y <= hi) continue;
      k.report(bs, 'error', { zh: `项目实施周期“${text.trim()}”不含预算年度 ${y} 年`, en: `The project period "${text.trim()}" does not cover the budget year ${y}` }, `${y}`, text.trim());
    }
    if (!k.touched) ctx.notApplicable('no dated phrase in the narrative');
  },
});
