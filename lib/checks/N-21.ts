/**
 * N-21 (beyond the catalog; issue 23 item 4): the unit a template sentence is about ("××局2024年度
 * 收入、支出决算总计…") is the reporting department or one of the units it lists; another unit's
 * name there is a sentence copied from another department's report: a warning quoting it.
 */
import type { RuleMeta } from './types';
import { defineRule } from './types';
import type { RuleDoc } from './helpers';
import type { Section } from '../model/types';
import { analyse } from '../claims/index';
import { sentenceFinding } from '../claims/checks';

export const meta: RuleMeta = {
  id: 'N-21',
  title: { zh: '叙述所说的单位是本部门或其所属单位', en: 'The unit the text speaks of is the reporting one or one of its units' },
  severity: 'warning',
  tables: [],
};

export const doc: RuleDoc = {
  rationale: {
    zh: '模板句以本部门名称开头（“××2024年度收入、支出决算总计…”“××2024年度机关运行经费支出…”）。这个位置上的单位名称既不是本部门，也不在部门概况（机构设置、决算单位构成）或标题中出现的，多是从其他部门的报告中抄来的句子：警告并引用该句。',
    en: 'Template sentences start with the reporting department\'s name ("××2024年度收入、支出决算总计…"). A unit name in that place that is neither the reporting department nor found in the overview (organisation, units in the accounts) or the title is most likely a sentence copied from another department\'s report: a warning quoting it.',
  },
  relation: { zh: '模板句句首单位名称 ∈ {本部门} ∪ 部门概况所列单位', en: 'the unit a template sentence starts with ∈ {reporting department} ∪ the units the overview lists' },
  pass: '中共株洲市渌口区委办公室机关2024年度政府采购支出总额0万元。（本部门机关）',
  fail: '（本部门为区财政局）上海市普陀区生态环境局2024年度收入、支出决算总计…… → warning',
  limits: [
    { zh: '只看句首紧接“20××年度”与收支类用语的单位名称；正文中提到的上级或其他单位（如“受理市委督查室交办事项”）不检查。', en: 'Only a unit name at the start of a sentence followed by the year and an income/expenditure term; other units merely mentioned in the text (superiors, partners) are not checked.' },
    { zh: '不知道本部门名称时不检查。', en: 'Not checked when the reporting department is unknown.' },
  ],
};

/** A unit name opening a template sentence, followed by the year and what the sentence is about. */
const OPENING =
  /^(?:[一二三四五六七八九十\d]+[、.．]\s*)?([\u4e00-\u9fa5（）()]{4,40}?(?:委员会|办公室|办公厅|局|厅|委|院|中心|站|所|馆|队|联合会|协会|部|处|政府|学校|医院)(?:机关|本级|本部)?)\s*(?:20\d\d|二〇[一二三四五六七八九〇]{2})\s*年(?:度)?\s*(?:部门|单位)?\s*(?:收入|支出|收、支|收支|财政拨款|一般公共预算|政府性基金|国有资本|“三公”|"三公"|三公|机关运行|政府采购|决算|国有资产|预算绩效)/;

const clean = (s: string): string => s.replace(/\s+/g, '').replace(/[（(]/g, '(').replace(/[）)]/g, ')');
const bare = (s: string): string => clean(s).replace(/(机关|本级|本部)$/, '');

function overviewText(sections: readonly Section[]): string {
  const out: string[] = [];
  const visit = (list: readonly Section[], inside: boolean) => {
    for (const s of list) {
      const here = inside || /机构设置|单位构成|决算单位|机构情况|内设机构|机构组成|所属单位|组织机构|部门概况|基本情况/.test(s.title);
      if (here) out.push(s.title, ...s.paragraphs.map((p) => p.text));
      visit(s.children, here);
    }
  };
  visit(sections, false);
  return clean(out.join('\n'));
}

export const rule = defineRule({
  meta,
  run(ctx) {
    const d = ctx.disclosure;
    const own = d.info.department;
    if (!own) return ctx.notApplicable('reporting department unknown');
    const ownBare = bare(own);
    const known = overviewText(d.sections) + '\n' + clean(d.info.title);
    let any = false;
    for (const it of analyse(d).sentences) {
      const m = OPENING.exec(it.sentence.text.trim());
      if (!m) continue;
      any = true;
      const name = bare(m[1]);
      // The department itself (with or without 机关/本级, or a longer form of it), or a unit it lists.
      if (name.includes(ownBare) || ownBare.includes(name) || known.includes(name)) continue;
      ctx.report({
        rule: meta.id,
        ...sentenceFinding(
          it.paragraph,
          it.sentence,
          'warning',
          `句中单位“${m[1]}”不是本部门（${own}），部门概况中也没有列出该单位：可能抄自其他单位的报告`,
          `The sentence speaks of "${m[1]}", which is neither the reporting department ("${own}") nor a unit the overview lists: possibly copied from another report`,
          own,
          m[1],
        ),
      });
    }
    if (!any) ctx.notApplicable('no template sentence opening with a unit name');
  },
});
