/** N-15 (domain.md, "Narrative claims"): a year in the narrative that contradicts the report year (warning). */
import type { RuleMeta } from './types';
import type { RuleDoc } from './helpers';
import { claimRule } from '../claims/rule';
import { sentenceFinding } from '../claims/checks';
import { headingLevel, isSpaceCode } from '../claims/text';
import { toInt } from '../int';

export const meta: RuleMeta = {
  id: 'N-15',
  title: { zh: '叙述中的年度与报告年度一致', en: 'Years in the narrative match the report year' },
  severity: 'warning',
  tables: [],
};

export const doc: RuleDoc = {
  rationale: {
    zh: '决算说明叙述的是报告年度，同比比较的是上年（报告年度 − 1）；“YYYY年度…收入/支出/采购/决算…”写成其他年度通常是套用旧模板。比较上年（与2023年度相比、比上年）、下年预算（2025年度年初预算）、文号和书名中的年份是正当的，不报告。',
    en: 'The narrative describes the report year and compares with the year before; another year in front of an accounting subject ("2023年度政府采购…" in a 2024 report) is usually template residue. Comparisons with the previous year, next year\'s budget, document numbers and titles legitimately name other years and are not reported.',
  },
  relation: { zh: '叙述年度 = 报告年度（比较上年、下年预算除外）', en: 'narrative year = report year (comparisons and next-year budgets excepted)' },
  pass: '与2023年度相比，总体减少3人。2025年度年初收入预算为934.23万元。',
  fail: '（2024年度报告）**2023年度**政府采购支出总额0万元 → warning；“**202 年度**部门决算” → warning (placeholder)',
  limits: [
    { zh: '只看“YYYY年度/年”后接决算科目或“截至YYYY年12月31日”的写法。', en: 'Only "YYYY年度/年" followed by an accounting subject, and "截至YYYY年12月31日", are examined.' },
    {
      zh: '只能指报告年度的地方写成其他年度为错误：部分或章节标题（“2023年度部门决算情况说明”），国有资产占用一节的截止日（“截至2023年12月31日”）；其余为警告。',
      en: 'Where the phrase can only mean the report year it is an error: a part or section heading ("2023年度部门决算情况说明"), the holding date of the assets section ("截至2023年12月31日"); elsewhere a warning.',
    },
  ],
};

const SUBJECT = /^(度)?[^，。；,;]{0,12}?(收入|支出|决算|预算|采购|经费|“三公”|三公|部门决算|绩效|资产|车辆)/;
const COMPARE = /(与|比|较|同比|相比|对比|上年|去年)$/;
const YEAR_RE = /(?<![\d〔［\[（(])((?:19|20)\d\d)\s*年/g;

const WS = /\s+/g;
// "20XX年" and other X placeholders are N-17's (an error); a year with a digit missing is here.
const PLACEHOLDER = /(?<![\d０-９])\d{3}\s*年度?/;

/** Is some 年 preceded (after spaces) by an ASCII digit or an X placeholder? */
function yearLike(text: string): boolean {
  for (let j = text.indexOf('年'); j >= 0; j = text.indexOf('年', j + 1)) {
    let i = j - 1;
    while (i >= 0 && isSpaceCode(text.charCodeAt(i))) i--;
    if (i < 0) continue;
    const c = text.charCodeAt(i);
    if ((c >= 48 && c <= 57) || c === 0x58 || c === 0x78 || c === 0xff38 || c === 0xd7) return true;
  }
  return false;
}

/**
 * The text after a year without spaces — only its first 20 characters are ever tested (SUBJECT
 * reaches 1 + 12 + 5), so a window is stripped instead of the whole rest of the sentence.
 */
function afterYear(text: string, from: number): string {
  const end = from + 48;
  if (end >= text.length) return text.slice(from).replace(WS, '');
  const w = text.slice(from, end).replace(WS, '');
  return w.length >= 24 ? w : text.slice(from).replace(WS, '');
}

/** A heading or a title line: numbered ("第三部分 …", "一、…"), or short, unpunctuated and ending like a title. */
function isTitle(text: string): boolean {
  const t = text.trim();
  if (t.length > 60) return false;
  if (headingLevel(t) !== null) return true;
  return t.length <= 40 && !/[。，；,;：:]/.test(t) && /(说明|情况|决算|报告|公开)$/.test(t);
}

/** The year as printed (a regex match in the sentence): the clause marked. */
const yearAt = (base: number, m: RegExpMatchArray) => ({ at: [{ start: base + (m.index ?? 0), end: base + (m.index ?? 0) + m[0].length }], exact: true });

export const rule = claimRule(meta, {
  own: true,
  extra(k, ctx) {
    const year = k.a.year;
    if (!year) return ctx.notApplicable('report year unknown');
    for (const it of k.a.sentences) {
      const text = it.sentence.text;
      // Both patterns below end in a digit or X (then spaces) right before 年: most sentences have none.
      if (!yearLike(text)) continue;
      // Template residue: "202 年度", "20XX年度", "XXXX年".
      const ph = text.match(PLACEHOLDER);
      if (ph) {
        k.report({
          rule: 'N-15',
          ...sentenceFinding(it.paragraph, it.sentence, 'warning', `年份为模板占位符“${ph[0]}”，应为${year}年`, `The year is a template placeholder "${ph[0]}"; expected ${year}`, String(year), ph[0], [], yearAt(it.sentence.start, ph)),
        });
      }
      // An exec loop over a module-level regex: matchAll would clone the regex for every sentence.
      YEAR_RE.lastIndex = 0;
      for (let m = YEAR_RE.exec(text); m; m = YEAR_RE.exec(text)) {
        const y = toInt(m[1]);
        if (y === year) continue;
        const before = text.slice(Math.max(0, m.index - 6), m.index).replace(/\s+/g, '');
        const after = afterYear(text, m.index + m[0].length);
        // 截至YYYY年12月31日: the balance date must be the report year's end.
        const balanceDate = /截[至止]$/.test(before) && after.startsWith('12月31日');
        const comparison = COMPARE.test(before) || /^度?(相比|同期|持平|数)/.test(after);
        if (comparison && y !== year - 1) {
          // A year-on-year comparison names the previous year.
          k.report({
            rule: 'N-15',
            ...sentenceFinding(
              it.paragraph,
              it.sentence,
              'warning',
              `同比比较的年度应为上年（${year - 1}年），此处写作“${m[0].replace(/\s+/g, '')}”`,
              `A year-on-year comparison should name ${year - 1}, the text says ${y}`,
              String(year - 1),
              String(y),
              [],
              yearAt(it.sentence.start, m),
            ),
          });
          continue;
        }
        if (!balanceDate) {
          if (comparison) continue;
          // Inside an open 《…》 title (the last 《 before the year is not closed); no regex scan of the prefix.
          const open = text.lastIndexOf('《', m.index - 1);
          if (open >= 0 && open > text.lastIndexOf('》', m.index - 1)) continue;
          if (y === year + 1 && /预算|计划|目标|下一步|将/.test(text)) continue;
          if (y === year - 1 && /上年|相比|比|同比|较/.test(after.slice(0, 12))) continue;
          if (!SUBJECT.test(after)) continue;
        }
        k.mark(it.paragraph);
        // Where the phrase can only mean the report's own year — a part heading ("2023年度部门决算
        // 情况说明") or the asset-holding date of the assets section — another year is an error.
        const heading = isTitle(it.paragraph.text) && it.sentence.start === 0;
        const certain = (heading && !comparison) || (balanceDate && it.topic === 'assets' && y !== year);
        k.report({
          rule: 'N-15',
          ...sentenceFinding(
            it.paragraph,
            it.sentence,
            certain ? 'error' : 'warning',
            `报告年度为${year}年，此处写作“${m[0].replace(/\s+/g, '')}”${heading ? '（标题）' : balanceDate && certain ? '（资产占用的截止日应为报告年度末）' : ''}`,
            `The report is for ${year}, but the text says ${y}`,
            String(year),
            String(y),
            [],
            yearAt(it.sentence.start, m),
          ),
        });
      }
    }
  },
});
