/** N-12 (domain.md, "Narrative claims"): Procurement: total = goods + works + services; SME ≤ total. */
import type { RuleMeta } from './types';
import type { RuleDoc } from './helpers';
import { claimRule } from '../claims/rule';
import { opNum } from '../claims/checks';
import { compareSum, compareValues } from '../money/operands';
import type { Claim } from '../claims/index';

export const meta: RuleMeta = {
  id: 'N-12',
  title: { zh: '政府采购：总额 = 货物 + 工程 + 服务；中小企业 ≤ 总额', en: 'Procurement: total = goods + works + services; SME ≤ total' },
  severity: 'error',
  tables: [],
};

export const doc: RuleDoc = {
  rationale: {
    zh: '政府采购支出总额应等于货物、工程、服务之和（列在“其中”之后或分句列出）；授予中小企业合同金额不得超过总额，授予小微企业合同金额不得超过授予中小企业合同金额；列出的中小企业各部分（预留份额、非预留项目中标）之和等于授予中小企业合同金额；占比须自洽。',
    en: 'Total procurement must equal goods + works + services (listed after 其中 or in their own sentence); contracts to SMEs cannot exceed the total, those to micro firms cannot exceed those to SMEs; the SME parts named (reserved, non-reserved won) add up to the SME contracts; shares must agree.',
  },
  relation: { zh: '总额 = 货物 + 工程 + 服务；小微企业 ≤ 中小企业 ≤ 总额；预留 + 非预留 = 中小企业', en: 'total = goods + works + services; micro ≤ SME ≤ total; reserved + non-reserved = SME' },
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
    const mine = k.mine();
    const first = (key: string) => mine.find((c) => c.concept?.key === key);
    const total = first('proc.total');
    // A part named beside its whole: SME contracts within total procurement, 小微 within 中小企业.
    const within = (c: Claim, whole: Claim | undefined, wholeName: string) => {
      if (!whole || c.fact.whole === whole.fact) return; // a 其中 part: parts() compares the list
      k.mark(c.paragraph, c.fact.num);
      k.mark(whole.paragraph, whole.fact.num);
      const r = compareValues(opNum(c.fact.num), opNum(whole.fact.num));
      if (r.outcome !== 'error' || opNum(c.fact.num).value.lte(opNum(whole.fact.num).value)) return;
      k.emit(
        c,
        'error',
        `${c.concept!.name} ${c.fact.num.text.trim()} 超过${wholeName} ${whole.fact.num.text.trim()}`,
        `${c.concept!.nameEn} ${c.fact.num.text.trim()} exceeds ${wholeName === '政府采购支出总额' ? 'total procurement' : 'the contracts awarded to SMEs'} ${whole.fact.num.text.trim()}`,
        `≤ ${whole.fact.num.text.trim()}`,
        c.fact.num.text.trim(),
      );
    };
    const sme = first('proc.sme');
    for (const c of mine) {
      const key = c.concept?.key;
      if (key === 'proc.sme') within(c, total, '政府采购支出总额');
      else if (key === 'proc.micro') {
        within(c, total, '政府采购支出总额');
        within(c, sme, '授予中小企业合同金额');
      }
    }
    // 货物 + 工程 + 服务 = 总额 when the three are stated beside the total rather than as its 其中 list.
    const parts = ['proc.goods', 'proc.works', 'proc.services'].map(first);
    if (total && parts.every((p) => p && p.fact.whole !== total.fact && !p.fact.changeOnly) && !total.fact.changeOnly) {
      const ps = parts as Claim[];
      k.mark(total.paragraph, total.fact.num);
      for (const p of ps) k.mark(p.paragraph, p.fact.num);
      const r = compareSum(opNum(total.fact.num), ps.map((p) => opNum(p.fact.num)));
      if (r.outcome !== 'pass')
        k.emit(
          total,
          r.outcome === 'notice' ? 'notice' : 'error',
          `货物、工程、服务之和 ${r.expected} 与政府采购支出总额 ${total.fact.num.text.trim()} 不符${r.outcome === 'notice' ? '（尾数差异）' : ''}`,
          `Goods, works and services add up to ${r.expected}, not the stated total ${total.fact.num.text.trim()}${r.outcome === 'notice' ? ' (rounding difference)' : ''}`,
          r.expected,
          total.fact.num.text.trim(),
        );
    }
  },
});
