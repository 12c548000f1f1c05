/**
 * N-20 (beyond the catalog; issue 23 item 3): the templates ask the 情况说明 to explain each 项 of
 * 一般公共预算财政拨款支出 (公开05表); the 项 rows with an amount that the 具体情况 never names: one
 * notice listing them.
 */
import type { RuleMeta } from './types';
import { defineRule } from './types';
import type { RuleDoc } from './helpers';
import { cellOf, checker, isNonZero } from './helpers';
import type { Row } from '../model/types';
import { analyse } from '../claims/index';
import { isLevel, t5ByChain } from '../claims/concepts';
import { normName, rowsOf } from '../claims/tables';

export const meta: RuleMeta = {
  id: 'N-20',
  title: { zh: '情况说明逐项说明一般公共预算财政拨款支出', en: 'Every item of general public budget spending is explained' },
  severity: 'notice',
  tables: ['T5'],
};

export const doc: RuleDoc = {
  rationale: {
    zh: '决算公开模板要求在“一般公共预算财政拨款支出决算具体情况”中逐项（项级科目）说明年初预算、支出决算及差异原因。公开05表中有金额、而具体情况一节从未提到的项：一条提示，列出这些项。',
    en: 'The templates ask the "specific situation" part of the general public budget spending section to explain each 项 (item-level classification entry): its budget, its actual and why they differ. The 项 rows of table T5 with an amount that this part never names: one notice listing them.',
  },
  relation: { zh: '公开05表 每个金额非零的项 ∈ 具体情况中提到的项', en: 'every T5 项 with a non-zero amount ∈ the items the text names' },
  pass: '1、一般公共服务支出（类）党委办公厅（室）及相关机构事务（款）行政运行（项）年初预算为622.38万元，支出决算为732.39万元……（每项一段）',
  fail: '公开05表有 2210201 住房公积金 50.46，具体情况中没有提到“住房公积金” → notice，列出该项',
  limits: [
    { zh: '只在有“具体情况”一节时检查；项名在该节任何位置出现即算提到（同名项如“行政运行”不区分所属款）。', en: 'Checked only when the "specific situation" part is present; a 项 counts as named when its name appears anywhere in that part (items of the same name under different 款, such as 行政运行, are not told apart).' },
    { zh: '金额为0或空白的项不要求说明。', en: 'Items with a zero or blank amount need no explanation.' },
  ],
};

const CHAIN = /[（(]项[）)]/g;
const strip = (s: string): string => s.replace(/\s+/g, '');

export const rule = defineRule({
  meta,
  run(ctx) {
    const d = ctx.disclosure;
    const items = rowsOf(d.tables.T5).filter((r) => isLevel(r, 'xiang') && isNonZero(cellOf(r, 'total')));
    if (items.length === 0) return ctx.notApplicable('no 项 with an amount in T5');
    const detail = analyse(d).sentences.filter((it) => it.topic === 'gpb.detail');
    if (detail.length === 0) return ctx.notApplicable('no 一般公共预算财政拨款支出决算具体情况 in the text');
    const text = strip(detail.map((it) => it.sentence.text).join('\n'));
    const named = new Set<Row>();
    // Chains "…（类）…（款）…（项）": the exact 项 they name.
    for (const it of detail) {
      const s = strip(it.sentence.text).replace(/^\d+[、.．]/, '');
      let from = 0;
      for (const m of s.matchAll(CHAIN)) {
        const end = m.index + m[0].length;
        const chain = s.slice(from, end);
        const start = chain.search(/[^，。；：,;:]*[（(]类[）)]/);
        const row = start >= 0 ? t5ByChain(d, chain.slice(start).replace(/^\d+[、.．]/, '')) : undefined;
        if (row) named.add(row);
        from = end;
      }
    }
    const missing = items.filter((r) => !named.has(r) && !text.includes(strip(normName(r.name))) && !text.includes(strip(r.name)));
    if (missing.length === 0) return;
    const list = (sep: string) => missing.map((r) => `${r.code ?? ''} ${r.name.trim()}`.trim()).join(sep);
    checker(ctx, meta).report(
      'notice',
      {
        zh: `公开05表中有金额的${missing.length}个项在“具体情况”中没有说明：${list('、')}`,
        en: `${missing.length} item${missing.length === 1 ? '' : 's'} of table T5 with an amount ${missing.length === 1 ? 'is' : 'are'} not explained in the specific situation part: ${list('; ')}`,
      },
      missing.map((r) => ({ cell: cellOf(r, 'total')!, role: 'value' as const })),
    );
  },
});
