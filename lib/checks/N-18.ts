/**
 * N-18 (beyond the catalog; issue 23 item 1): the 类/款/项 names the narrative uses are the names
 * the tables print, and the names in force for the report's year.
 */
import type { RuleMeta } from './types';
import { defineRule } from './types';
import type { RuleDoc } from './helpers';
import type { Disclosure } from '../model/types';
import { analyse } from '../claims/index';
import { isLevel } from '../claims/concepts';
import { normName, rowsOf } from '../claims/tables';
import { sentenceFinding } from '../claims/checks';
import type { NameLevel } from '../names/renames';
import { RENAMES, outdatedName } from '../names/renames';

export const meta: RuleMeta = {
  id: 'N-18',
  title: { zh: '叙述中的类/款/项名称与表中一致、为当年科目名称', en: 'Classification names in the text are the tables\' names, in force for the year' },
  severity: 'error',
  tables: [],
};

export const doc: RuleDoc = {
  rationale: {
    zh: '情况说明按“××支出（类）××（款）××（项）”引用功能分类科目，名称应与同一文件表中该科目的名称一致，并为报告年度施行的科目名称。已更名的旧名称（如210 医疗卫生与计划生育支出 → 卫生健康支出，2019年起；20805 行政事业单位离退休 → 行政事业单位养老支出，2020年起）说明套用了旧模板：错误，并给出现行名称。款、项名称在表中找不到：警告。更名数据见 lib/names/renames.ts（预算 B-N04 共用）。',
    en: 'The narrative cites function classification entries as "…（类）…（款）…（项）"; each name must be the name the tables of the same document print, and the name in force for the report year. An outdated name (210 医疗卫生与计划生育支出 → 卫生健康支出 from 2019; 20805 行政事业单位离退休 → 行政事业单位养老支出 from 2020) shows a copied template: an error naming the current one. A 款 or 项 name found in no table: a warning. The renames are data in lib/names/renames.ts (shared with the budget rule B-N04).',
  },
  relation: { zh: '叙述科目名称 ∈ 表中同级科目名称；≠ 报告年度前已更名的旧名称', en: 'narrative name ∈ the tables\' names at that level; ≠ a name renamed before the report year' },
  pass: '社会保障和就业支出（类）行政事业单位养老支出（款）行政单位离退休（项）',
  fail: '（2024年度）社会保障和就业支出（类）**行政事业单位离退休**（款）… → error：2020年起更名为“行政事业单位养老支出”',
  limits: [
    { zh: '只看带（类）/（款）/（项）标记的名称；类名称只在与已知名称（表中或更名表）相符时识别。', en: 'Only names marked （类）/（款）/（项） are read; a 类 name is recognised only when it ends in a known name (tables or the renames list).' },
    { zh: '更名表只列同一编码的更名；拆分、合并的科目不在其中。', en: 'The renames list holds renames of one code only; split or merged entries are not in it.' },
  ],
};

const MARK = /[（(](类|款|项)[）)]/g;
const LEVEL: Record<string, NameLevel> = { 类: 'lei', 款: 'kuan', 项: 'xiang' };
const LEVEL_EN: Record<NameLevel, string> = { lei: 'class', kuan: 'category', xiang: 'item' };
const TABLES = ['T5', 'T3', 'T2', 'T7', 'T8'] as const;

/** Names at each level printed in the function-classification tables. */
function tableNames(d: Disclosure): Record<NameLevel, Set<string>> {
  const out: Record<NameLevel, Set<string>> = { lei: new Set(), kuan: new Set(), xiang: new Set() };
  for (const k of TABLES)
    for (const r of rowsOf(d.tables[k])) for (const lv of ['lei', 'kuan', 'xiang'] as const) if (isLevel(r, lv)) out[lv].add(normName(r.name));
  return out;
}

export const rule = defineRule({
  meta,
  run(ctx) {
    const d = ctx.disclosure;
    const a = analyse(d);
    const year = a.year;
    const names = tableNames(d);
    const leiKnown = [...names.lei, ...RENAMES.filter((r) => r.code.length === 3).flatMap((r) => [normName(r.oldName), normName(r.newName)])];
    let any = false;
    for (const it of a.sentences) {
      const text = it.sentence.text;
      if (!text.includes('类') && !text.includes('款') && !text.includes('项')) continue;
      MARK.lastIndex = 0;
      let prevEnd = -1;
      for (let m = MARK.exec(text); m; m = MARK.exec(text)) {
        const level = LEVEL[m[1]];
        let name: string | null;
        if (level === 'lei' || prevEnd < 0) {
          // The text before （类）: the longest known name it ends with.
          const before = normName(text.slice(Math.max(0, m.index - 40), m.index));
          name = leiKnown.filter((n) => before.endsWith(n)).sort((x, y) => y.length - x.length)[0] ?? null;
          if (level !== 'lei') name = null;
        } else name = normName(text.slice(prevEnd, m.index));
        prevEnd = m.index + m[0].length;
        if (!name) continue;
        any = true;
        const r = outdatedName(name, year, level);
        if (r) {
          ctx.report({
            rule: meta.id,
            ...sentenceFinding(
              it.paragraph,
              it.sentence,
              'error',
              `科目名称“${name}”（${r.code}）自${r.year}年起已更名为“${r.newName}”，${year ?? '报告'}年度应使用现行名称（疑为套用旧模板）`,
              `The classification name "${name}" (${r.code}) was renamed "${r.newName}" from ${r.year}; a ${year ?? ''} report should use the current name (a copied old template?)`,
              r.newName,
              name,
            ),
          });
          continue;
        }
        if (level === 'lei' || names[level].size === 0 || names[level].has(name)) continue;
        ctx.report({
          rule: meta.id,
          ...sentenceFinding(
            it.paragraph,
            it.sentence,
            'warning',
            `叙述中的${m[1]}级科目名称“${name}”在本文件的表中找不到（表中名称：${[...names[level]].slice(0, 6).join('、')}${names[level].size > 6 ? '…' : ''}）`,
            `The ${LEVEL_EN[level]} name "${name}" in the text is not among the tables' names at that level`,
            null,
            name,
          ),
        });
      }
    }
    if (!any) ctx.notApplicable('no 类/款/项 name in the narrative');
  },
});
