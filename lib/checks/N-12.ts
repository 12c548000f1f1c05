/** N-12 (domain.md, "Narrative claims"): Procurement: total = goods + works + services; SME ≤ total. */
import type { RuleMeta } from './types';
import type { RuleDoc } from './helpers';
import { claimRule } from '../claims/rule';
import { opNum } from '../claims/checks';

export const meta: RuleMeta = {
  id: 'N-12',
  title: { zh: '政府采购：总额 = 货物 + 工程 + 服务；中小企业 ≤ 总额', en: 'Procurement: total = goods + works + services; SME ≤ total' },
  severity: 'error',
  tables: [],
};

export const doc: RuleDoc = {
  rationale: {
    zh: '政府采购支出总额应等于货物、工程、服务之和，授予中小企业（小微企业）合同金额不得超过总额，占比须自洽。',
    en: 'Total procurement must equal goods + works + services; contracts to SMEs (micro firms) cannot exceed the total; their share must agree.',
  },
  relation: { zh: '总额 = 货物 + 工程 + 服务；中小企业 ≤ 总额', en: 'total = goods + works + services; SME ≤ total' },
  pass: '政府采购支出总额372.34万元，其中：货物8.57万元、工程0万元、服务363.77万元。',
  fail: '…其中：货物8.57万元、工程0万元、服务**336.77**万元 → error: parts add to 345.34',
  limits: [
    {
      zh: '只校验能按所在章节和固定句式对应到概念的数字；对应不上的数字计为“跳过”，不报告。',
      en: 'Only numbers tied to a concept by their section and fixed phrasing are checked; the rest are counted as skipped, never reported.',
    },
  ],
};

export const rule = claimRule(meta, {
  extra(k) {
    // Contracts awarded to SMEs / micro firms are a subset of total procurement.
    const mine = k.mine();
    const total = mine.find((c) => c.concept?.key === 'proc.total');
    if (!total) return;
    for (const c of mine) {
      if (c.concept?.key !== 'proc.sme' && c.concept?.key !== 'proc.micro') continue;
      k.mark(c.paragraph, c.fact.num);
      k.mark(total.paragraph, total.fact.num);
      const part = opNum(c.fact.num);
      if (part.value.lte(opNum(total.fact.num).value)) continue;
      k.emit(
        c,
        'error',
        `${c.concept.name} ${c.fact.num.text.trim()} 超过政府采购支出总额 ${total.fact.num.text.trim()}`,
        `${c.concept.name} ${c.fact.num.text.trim()} exceeds total procurement ${total.fact.num.text.trim()}`,
        `≤ ${total.fact.num.text.trim()}`,
        c.fact.num.text.trim(),
      );
    }
  },
});
