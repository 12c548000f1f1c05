/** B-N09 (budget.md): 政府采购 — total = 货物 + 工程 + 服务; 中小企业预留 ≤ total; 小微 ≤ 中小企业. */
import { defineRule } from './types';
import type { RuleMeta } from './types';
import type { RuleDoc } from './helpers';
import { BudgetClaims, first } from '../claims/budget';

export const meta: RuleMeta = {
  id: 'B-N09',
  title: { zh: '政府采购预算的构成与预留份额自洽', en: 'Government procurement figures add up' },
  severity: 'error',
  tables: [],
};

export const doc: RuleDoc = {
  rationale: {
    zh: '政府采购预算总额等于货物、工程、服务三类之和；面向中小企业预留的金额不超过总额，其中预留给小型和微型企业的不超过面向中小企业的金额。',
    en: 'The procurement total is goods + works + services; the share reserved for SMEs is at most the total, and the share for small and micro enterprises at most the SME share.',
  },
  relation: { zh: '总额 = 货物 + 工程 + 服务；小微 ≤ 中小企业 ≤ 总额', en: 'total = goods + works + services; small/micro ≤ SME ≤ total' },
  pass: '政府采购预算34万元，其中：政府采购货物预算0万元、政府采购工程预算0万元、政府采购服务预算34万元。面向中小企业预留政府采购项目预算金额34万元，其中，预留给小型和微型企业的政府采购项目预算为34万元。',
  fail: '政府采购预算34万元，其中：货物预算0万元、工程预算0万元、服务预算**43**万元 → error: 34 ≠ 0 + 0 + 43',
  limits: [{ zh: '只在说明写出各数时核对；政府采购不在预算表中。', en: 'Checked only where the figures are stated; procurement is in no budget table.' }],
};

const L = {
  total: { zh: '政府采购预算', en: 'the procurement total' },
  goods: { zh: '货物', en: 'goods' },
  works: { zh: '工程', en: 'works' },
  services: { zh: '服务', en: 'services' },
  sme: { zh: '面向中小企业预留', en: 'the SME reservation' },
  small: { zh: '预留给小型和微型企业', en: 'the small/micro reservation' },
};

export const rule = defineRule({
  meta,
  run(ctx) {
    const k = new BudgetClaims(ctx, meta);
    // Only the procurement paragraphs: 服务预算 / 工程预算 elsewhere are other things.
    const ss = k.t.sentences.filter((s) => s.paragraph.text.includes('政府采购'));
    const total = first(ss, /政府采购预算(?:总额|合计|共计)?(?:为|是)?/);
    const goods = first(ss, /(?:政府采购)?货物(?:类)?(?:采购)?预算(?:为)?/);
    const works = first(ss, /(?:政府采购)?工程(?:类)?(?:采购)?预算(?:为)?/);
    const services = first(ss, /(?:政府采购)?服务(?:类)?(?:采购)?预算(?:为)?/);
    const sme = first(ss, /面向中小企业预留(?:的)?(?:政府采购)?(?:项目)?预算(?:金额)?(?:为)?/);
    const small = first(ss, /预留给小型和微型企业(?:的)?(?:政府采购)?(?:项目)?预算(?:金额)?(?:为)?/);
    const parts = [
      [goods, L.goods],
      [works, L.works],
      [services, L.services],
    ] as const;
    if (total && goods && works && services)
      k.sum(
        [total.bs, ...parts.map(([h]) => h!.bs)].filter((x, i, a) => a.indexOf(x) === i),
        { num: total.num, bs: total.bs, label: L.total },
        parts.map(([h, label]) => ({ num: h!.num, bs: h!.bs, label })),
      );
    if (sme && total) k.atMost(sme, total, { part: L.sme, whole: L.total });
    if (small && sme) k.atMost(small, sme, { part: L.small, whole: L.sme });
    if (!k.touched) ctx.notApplicable('no 政府采购 figures');
  },
});
