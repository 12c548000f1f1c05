/** N-08 (domain.md, "Narrative claims"): 基本支出 = 人员经费 + 公用经费 as in T6, with shares; items listed are non-zero in T6. */
import type { RuleMeta } from './types';
import type { RuleDoc } from './helpers';
import { claimRule } from '../claims/rule';
import { normName, opOf, cellOf, rowsOf, where } from '../claims/tables';
import { sentenceFinding } from '../claims/checks';

export const meta: RuleMeta = {
  id: 'N-08',
  title: { zh: '基本支出：人员经费、公用经费及占比与表6一致', en: 'Basic spending: personnel and public costs and their shares agree with T6' },
  severity: 'error',
  tables: [],
};

export const doc: RuleDoc = {
  rationale: {
    zh: '“基本支出决算情况”中的人员经费、公用经费应等于基本支出决算明细表的人员经费合计、公用经费合计，基本支出等于二者之和，占比以基本支出为分母；“主要包括”列举的科目在表6中应有数（否则为提示）。',
    en: 'Personnel and public costs in the basic-spending section must equal the T6 totals, basic spending their sum, shares over basic spending; items listed as "主要包括" should be non-zero in T6 (a notice otherwise).',
  },
  relation: { zh: '人员经费 = T6 人员经费合计；公用经费 = T6 公用经费合计；P = 分项 ÷ 基本支出', en: 'personnel = T6 personnel total; public = T6 public total; P = part / basic' },
  pass: '基本支出880.80万元，其中：人员经费582.12万元，占基本支出的66.09%；公用经费298.68万元，占基本支出的33.91%。',
  fail: '公用经费**289.68**万元 → error: T6 公用经费合计 298.68',
  limits: [
    {
      zh: '经济分类“类”名（工资福利支出、商品和服务支出…）只在基本支出章节内对应表6；列举科目为零只作提示。',
      en: 'Economic class names are tied to T6 only inside the basic-spending section; zero listed items are notices only.',
    },
  ],
};

export const rule = claimRule(meta, {
  extra(k) {
    const d = k.a.disclosure;
    const t6 = d.tables.T6;
    if (!t6) return;
    const rows = rowsOf(t6).filter((r) => r.code && r.code.length === 5);
    for (const it of k.a.sentences) {
      if (it.topic !== 'basic') continue;
      const m = it.sentence.text.match(/主要包括[：:]?([^。；;]*)/);
      if (!m) continue;
      const names = m[1].replace(/等.*$/, '').split(/[、，,]/).map((s) => normName(s)).filter(Boolean);
      for (const n of names) {
        const row = rows.find((r) => normName(r.name) === n);
        const cell = cellOf(row);
        const v = opOf(cell);
        if (!row || !cell || !v || !v.value.isZero()) continue;
        // The listed name itself is the clause (searched after 主要包括, where the list is).
        const listAt = (m.index ?? 0) + m[0].length - m[1].length;
        const w = it.sentence.text.indexOf(n, listAt);
        const at = w < 0 ? undefined : { at: [{ start: it.sentence.start + w, end: it.sentence.start + w + n.length }], exact: true };
        k.report({
          rule: 'N-08',
          ...sentenceFinding(
            it.paragraph,
            it.sentence,
            'notice',
            `叙述列举“${n}”，但${where(d, 'T6', `${row.code} ${normName(row.name)}`)}为 ${cell.text || '空'}`,
            `The text lists "${n}", but ${row.code} in T6 is ${cell.text || 'empty'}`,
            '非零',
            cell.text || '',
            [{ cell, role: 'value' }],
            at,
          ),
        });
      }
    }
  },
});
