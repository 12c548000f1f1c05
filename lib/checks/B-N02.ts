/** B-N02 (budget.md): 财政拨款 income and spending change alike; the three funds add up to the fiscal total and its change. */
import { wordEn } from '../claims/english';
import { defineRule } from './types';
import type { RuleMeta } from './types';
import type { RuleDoc } from './helpers';
import type Decimal from 'decimal.js';
import { BudgetClaims, headlines, HEAD_LABEL, signed } from '../claims/budget';
import type { Head, HeadKey } from '../claims/budget';
import { zeroChangeWords } from './budget-text';

export const meta: RuleMeta = {
  id: 'B-N02',
  title: { zh: '财政拨款支出预算及三项资金、增减相互一致', en: 'Fiscal expenditure, its three funds and their changes agree' },
  severity: 'error',
  tables: [],
};

export const doc: RuleDoc = {
  rationale: {
    zh: '预算中财政拨款收入等于财政拨款支出，两者“比上年预算”的增减额也必须相同；一般公共预算、政府性基金、国有资本经营预算三项拨款支出之和等于财政拨款支出预算，三项的增减额（持平为 0）之和等于财政拨款支出的增减额。各数与 BT1/BT4 的对应由 B-21 核对。',
    en: 'In a budget fiscal income equals fiscal expenditure, so their changes on last year\'s budget must be the same; the three funds add up to the fiscal expenditure, and their changes (持平 = 0) to its change. Each figure against BT1/BT4 is B-21\'s check.',
  },
  relation: { zh: 'D(财政拨款收入) = D(财政拨款支出)；Σ 三项资金 = 财政拨款支出；Σ D(三项) = D(财政拨款支出)', en: 'D(fiscal income) = D(fiscal expenditure); Σ funds = fiscal expenditure; Σ D(funds) = D(fiscal expenditure)' },
  pass: '财政拨款收入9,101.68万元，比2024年预算减少2,389.52万元 … 财政拨款支出预算9,101.68万元，比2024年预算减少2,389.52万元。一般公共预算拨款支出预算9,101.68万元，比2024年预算减少2,389.52万元；政府性基金拨款支出预算0万元，比2024年预算持平；…',
  fail: '… 财政拨款支出预算9,101.68万元，比2024年预算减少**2,398.52**万元 → error: 收入减少 2,389.52 ≠ 支出减少 2,398.52',
  limits: [{ zh: '只读固定句式；增减额只在说明内部相互核对（上年预算不在表中）。', en: 'Fixed phrasing only; the changes are checked against each other (last year\'s budget is in no table).' }],
};

const FUNDS: HeadKey[] = ['general', 'govfund', 'soe'];

export const rule = defineRule({
  meta,
  run(ctx) {
    const k = new BudgetClaims(ctx, meta);
    const h = headlines(k.t);
    const fe = h.fiscalExpense;
    const fi = h.fiscalIncome;
    // 1. The fiscal income's change = the fiscal expenditure's change (signed).
    const di = signed(fi?.change);
    const de = signed(fe?.change);
    if (fi && fe && di && de && fi.change?.num && fe.change?.num) {
      const inc = fi.change.num;
      const exp = fe.change.num;
      k.sum(
        [fi.hit.bs, fe.hit.bs].filter((x, i, a) => a.indexOf(x) === i),
        { num: exp, bs: fe.hit.bs, label: { zh: `财政拨款支出预算${fe.change.word}额`, en: `the fiscal expenditure's change (${wordEn(fe.change.word)})` }, sign: fe.change.dir as 1 | -1 },
        [{ num: inc, bs: fi.hit.bs, label: { zh: `财政拨款收入${fi.change.word}额`, en: `the fiscal income's change (${wordEn(fi.change.word)})` }, sign: fi.change.dir as 1 | -1 }],
      );
    }
    if (fe) {
      const funds = FUNDS.map((f) => ({ key: f, head: h[f] })).filter((x): x is { key: HeadKey; head: Head } => !!x.head);
      // 2. Σ funds = the fiscal expenditure (when at least two funds are stated).
      if (funds.length >= 2) {
        const bss = [fe.hit.bs, ...funds.map((x) => x.head.hit.bs)].filter((x, i, a) => a.indexOf(x) === i);
        k.sum(bss, { num: fe.hit.num, bs: fe.hit.bs, label: HEAD_LABEL.fiscalExpense }, funds.map((x) => ({ num: x.head.hit.num, bs: x.head.hit.bs, label: HEAD_LABEL[x.key] })));
        // 3. Σ fund changes = the fiscal expenditure's change, when every fund states its change.
        const changes = funds.map((x) => signed(x.head.change));
        if (de && fe.change?.num && changes.every((c): c is { value: Decimal; decimals: number | null } => c !== null)) {
          k.sum(
            bss,
            { num: fe.change.num, bs: fe.hit.bs, label: { zh: `财政拨款支出预算${fe.change.word}额`, en: `the fiscal expenditure's change (${wordEn(fe.change.word)})` }, sign: fe.change.dir as 1 | -1 },
            funds.map((x) => {
              const c = x.head.change!;
              return c.num
                ? { num: c.num, bs: x.head.hit.bs, sign: c.dir as 1 | -1, label: { zh: `${HEAD_LABEL[x.key].zh}${c.word}额`, en: `${HEAD_LABEL[x.key].en} change` } }
                : { value: changes[funds.indexOf(x)]!.value, label: { zh: `${HEAD_LABEL[x.key].zh}（持平，0）`, en: `${HEAD_LABEL[x.key].en} (no change, 0)` } };
            }),
          );
        }
      }
    }
    for (const key of ['expense', 'fiscalExpense', ...FUNDS] as HeadKey[]) zeroChangeWords(k, h[key], HEAD_LABEL[key]);
    if (!k.touched) ctx.notApplicable('no 财政拨款支出预算 sentence');
  },
});
