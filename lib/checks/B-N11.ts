/** B-N11 (budget.md): 国有资产 — vehicles N = Σ categories; vehicles to buy k > 0 ⇔ BT9 购置费 > 0. */
import { defineRule } from './types';
import type { RuleMeta } from './types';
import type { RuleDoc } from './helpers';
import { cellOf, isNonZero, panel, valueRows } from './helpers';
import { BudgetClaims } from '../claims/budget';
import type { BSentence } from '../claims/budget';
import { toInt } from '../int';

export const meta: RuleMeta = {
  id: 'B-N11',
  title: { zh: '车辆数与分类之和一致、购置车辆与购置费一致', en: 'Vehicle counts add up; vehicles to buy match the purchase budget' },
  severity: 'error',
  tables: [],
};

export const doc: RuleDoc = {
  rationale: {
    zh: '“共有车辆 N 辆，其中：…用车 a 辆、…”各类之和应等于 N；“预算安排购置车辆 k 辆”：k > 0 时 BT9 公务用车购置费应大于 0，k = 0 时购置费应为 0（不一致为警告：购车也可能由非财政拨款安排）。',
    en: '"N vehicles, of which … a …": the categories must add up to N; "k vehicles to buy": k > 0 should go with a BT9 purchase budget above 0, and k = 0 with 0 (a warning: vehicles may be bought from other funds).',
  },
  relation: { zh: 'N = Σ 各类；k > 0 ⇔ BT9 购置费 > 0', en: 'N = Σ categories; k > 0 ⇔ BT9 car purchase > 0' },
  pass: '共有车辆0辆，其中：部级领导干部用车0辆、…、其他用车0辆。预算安排购置车辆0辆。（BT9 购置费 0）',
  fail: '共有车辆**3**辆，其中：…执法执勤用车1辆、其他用车1辆 → error: 1 + 1 = 2 ≠ 3',
  limits: [{ zh: '分类只读“其中：”之后、分号之前以“辆”计的各项。', en: 'Categories are the counts in 辆 after 其中 and before the semicolon.' }],
};

/** "共有车辆N辆，其中：A用车a辆、…；" and "购置车辆k辆，其中：…；": the whole and its parts. */
function vehicles(bs: BSentence, re: RegExp): { whole: { text: string; n: number }; parts: number[]; partsText: string[] } | null {
  const m = re.exec(bs.text);
  if (!m) return null;
  const rest = bs.text.slice(m.index + m[0].length);
  const ofWhich = /^[，,]?其中[：:，,]?([^；;。]*)/.exec(rest);
  const parts: number[] = [];
  const partsText: string[] = [];
  if (ofWhich) for (const p of ofWhich[1].matchAll(/(\d+)\s*辆/g)) {
    parts.push(toInt(p[1]));
    partsText.push(p[0]);
  }
  return { whole: { text: m[0], n: toInt(m[1]) }, parts, partsText };
}

export const rule = defineRule({
  meta,
  run(ctx) {
    const k = new BudgetClaims(ctx, meta);
    const purchase = cellOf(valueRows(panel(ctx.disclosure.tables.BT9))[0], 'carPurchase');
    for (const bs of k.t.sentences) {
      for (const re of [/共有(?:公务)?车辆(\d+)\s*辆/, /购置(?:公务)?车辆(\d+)\s*辆/]) {
        const v = vehicles(bs, re);
        if (!v) continue;
        k.touched = true;
        // The vehicle counts of this sentence are the ones compared (whole and categories).
        if (v.parts.length >= 2 || re.source.startsWith('购置')) k.mark(bs, ...bs.nums.filter((n) => n.unit === '辆'));
        if (v.parts.length >= 2) {
          const sum = v.parts.reduce((a, b) => a + b, 0);
          if (sum !== v.whole.n)
            k.report(bs, 'error', { zh: `“${v.whole.text}”与其中各类之和 ${sum} 辆不一致`, en: `"${v.whole.text}" but the categories add up to ${sum}` }, `${sum}辆`, `${v.whole.n}辆`);
        }
        if (re.source.startsWith('购置') && purchase && purchase.value.kind !== 'nan') {
          const buys = v.whole.n > 0;
          if (buys !== isNonZero(purchase))
            k.report(
              bs,
              'warning',
              buys
                ? { zh: `预算安排购置车辆 ${v.whole.n} 辆，但“三公”经费预算表公务用车购置费为 ${purchase.text || '（空）'}`, en: `${v.whole.n} vehicles are to be bought, but BT9's car purchase budget is ${purchase.text || '(blank)'}` }
                : { zh: `预算安排购置车辆 0 辆，但“三公”经费预算表公务用车购置费为 ${purchase.text}`, en: `No vehicle is to be bought, but BT9's car purchase budget is ${purchase.text}` },
              buys ? '> 0' : '0',
              purchase.text || '',
              [{ cell: purchase, role: 'value' }],
            );
        }
      }
    }
    if (!k.touched) ctx.notApplicable('no vehicle counts');
  },
});
