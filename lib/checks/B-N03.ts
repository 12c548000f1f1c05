/** B-N03 (budget.md): "财政拨款收入支出增加/减少的主要原因是…" — the word fits the change, no template text, a reason given. */
import { wordEn } from '../claims/english';
import { defineRule } from './types';
import type { RuleMeta } from './types';
import type { RuleDoc } from './helpers';
import { BudgetClaims, DIR_EN, DIR_ZH, headlines } from '../claims/budget';

export const meta: RuleMeta = {
  id: 'B-N03',
  title: { zh: '增减原因的方向词与增减额一致、不留模板', en: 'The reason sentence fits the change; no template text' },
  severity: 'error',
  tables: [],
};

export const doc: RuleDoc = {
  rationale: {
    zh: '“财政拨款收入支出增加（减少）的主要原因是……”是模板句：发布时须按实际写“增加”或“减少”（与上文财政拨款收入/支出的增减方向一致），写明原因；原样留下“增加（减少）”是模板残留。',
    en: '"财政拨款收入支出增加（减少）的主要原因是……" is a template sentence: the published text must say 增加 or 减少 as the stated fiscal change goes, and give a reason; "增加（减少）" left as is is template residue.',
  },
  relation: { zh: '方向词 = sign(D 财政拨款收入/支出)；原因非空', en: 'word = sign(D fiscal income/expenditure); a reason is given' },
  pass: '财政拨款收入9,101.68万元，比2024年预算减少2,389.52万元 … 财政拨款收入支出减少的主要原因是项目调整。',
  fail: '… 比2024年预算减少2,389.52万元 … 财政拨款收入支出**增加**的主要原因是项目调整。 → error: 上文为减少',
  limits: [{ zh: '方向以上文“财政拨款收入（或支出）比上年预算增加/减少/持平”为准；上文没有写增减时只查模板残留和原因。', en: 'The direction comes from the stated fiscal income (or expenditure) change; without one only the template and the reason are checked.' }],
};

const REASON = /财政拨款(?:收入)?(?:和|与|、)?(?:支出)?(?:预算)?(增加|增长|减少|下降|持平|增加[（(]减少[)）]|增[（(]减[)）])(?:的)?(?:主要)?原因(?:是|为|主要是)?[：:]?/;
const TEMPLATE = /增加[（(]减少[)）]|增[（(]减[)）]|增加\/减少|减少[（(]增加[)）]/;

export const rule = defineRule({
  meta,
  run(ctx) {
    const k = new BudgetClaims(ctx, meta);
    const h = headlines(k.t);
    const change = h.fiscalIncome?.change ?? h.fiscalExpense?.change;
    const ref = h.fiscalIncome?.change ? h.fiscalIncome : h.fiscalExpense;
    for (const bs of k.t.sentences) {
      const m = REASON.exec(bs.text);
      const template = TEMPLATE.exec(bs.text);
      if (template && (m || /原因/.test(bs.text))) {
        k.touched = true;
        k.report(bs, 'error', { zh: `模板残留：“${template[0]}”未按实际改为“增加”或“减少”`, en: `Template residue: "${template[0]}" was not replaced by "增加" (increase) or "减少" (decrease)` }, change ? DIR_ZH[String(change.dir)] : null, template[0]);
        continue;
      }
      if (!m) continue;
      k.touched = true;
      const word = m[1];
      const dir = word === '持平' ? 0 : word === '增加' || word === '增长' ? 1 : -1;
      if (change && ref && change.dir !== dir) {
        const c = ref.hit.bs.text.slice(change.start, change.end);
        k.report(
          ref.hit.bs === bs ? bs : [ref.hit.bs, bs],
          'error',
          {
            zh: `原因句写“${word}”，而上文“${c}”为${DIR_ZH[String(change.dir)]}`,
            en: `The reason sentence says ${wordEn(word)}, but the stated change "${c}" is ${DIR_EN[String(change.dir)]}`,
          },
          DIR_ZH[String(change.dir)],
          word,
        );
      }
      const rest = bs.text.slice(m.index + m[0].length).replace(/[。.；;，,\s]/g, '');
      if (dir !== 0 && rest === '')
        k.report(bs, 'warning', { zh: `“${bs.text}”未写明${word}的原因`, en: `"${bs.text}" gives no reason for the ${word === '增加' || word === '增长' ? 'increase' : 'decrease'}` }, '原因', '');
    }
    if (!k.touched) ctx.notApplicable('no 财政拨款收入支出增减原因 sentence');
  },
});
