/** N-10 (domain.md, "Narrative claims"): Government-fund and state-capital spending agree with T7/T8. */
import type { RuleMeta } from './types';
import type { RuleDoc } from './helpers';
import { claimRule } from '../claims/rule';
import { sentenceFinding } from '../claims/checks';
import { opOf, totalRow, where } from '../claims/tables';
import { TABLE_NAMES } from './names';

export const meta: RuleMeta = {
  id: 'N-10',
  title: { zh: '政府性基金、国有资本经营预算支出与表7/表8一致', en: 'Government-fund and state-capital spending agree with T7/T8' },
  severity: 'error',
  tables: [],
};

export const doc: RuleDoc = {
  rationale: {
    zh: '政府性基金、国有资本经营预算财政拨款的收入、支出、结转结余应等于表7/表8合计行；叙述中列出的各项（按类/款/项名称链，或按科目名称，如“其他住房保障支出X万元”）应等于该行的本年支出；表为空时叙述应为“无”或0。',
    en: 'Income, spending and balances of government funds / state capital must equal the T7/T8 total row; each item the text names (by its 类/款/项 chain or by its own name, e.g. "其他住房保障支出X万元") must equal that row\'s spending; empty tables go with "none" or zeros.',
  },
  relation: { zh: '= T7/T8 合计行；各项 = 该科目行 本年支出', en: '= T7/T8 total row; each item = its row\'s spending' },
  pass: '政府性基金预算财政拨款收入0万元；支出0万元。',
  fail: '政府性基金预算财政拨款支出**5.00**万元 → error: T7 合计 0',
  limits: [
    {
      zh: '只校验能按所在章节和固定句式对应到概念的数字；对应不上的数字计为“跳过”，不报告。',
      en: 'Only numbers tied to a concept by their section and fixed phrasing are checked; the rest are counted as skipped, never reported.',
    },
  ],
};

export const rule = claimRule(meta, {
  extra(k) {
    // "本年度无政府性基金预算财政拨款收入和支出" against a table that has data.
    const d = k.a.disclosure;
    for (const it of k.a.sentences) {
      if (it.topic !== 'govfund' && it.topic !== 'soe') continue;
      if (!/(无|没有)[^，。；]{0,20}(收入|支出)/.test(it.sentence.text) || it.nums.length > 0) continue;
      const key = it.topic === 'govfund' ? 'T7' : 'T8';
      const t = d.tables[key];
      if (!t) continue;
      const row = totalRow(t);
      const cells = row ? Object.values(row.cells) : [];
      const nonzero = cells.filter((c) => {
        const v = opOf(c);
        return v !== null && !v.value.isZero();
      });
      k.mark(it.paragraph);
      if (nonzero.length === 0) continue;
      k.report({
        rule: 'N-10',
        ...sentenceFinding(
          it.paragraph,
          it.sentence,
          'error',
          `叙述称没有相关收支，但${where(d, key, '合计行')}有数据（${nonzero.map((c) => c.text).join('、')}）`,
          `The text says there is none, but the total row of ${TABLE_NAMES[key].en} has data (${nonzero.map((c) => c.text).join(', ')})`,
          nonzero[0].text,
          '无',
          nonzero.map((cell) => ({ cell, role: 'value' as const })),
        ),
      });
    }
  },
});
