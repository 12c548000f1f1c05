/** B-N08 (budget.md): 机关运行经费 = BT9; "下属N家机关和M家事业单位" agrees with 机构设置. */
import { defineRule } from './types';
import type { RuleMeta } from './types';
import type { RuleDoc } from './helpers';
import { cellOf, panel, valueRows } from './helpers';
import { BudgetClaims, first } from '../claims/budget';
import type { BSentence } from '../claims/budget';
import { toInt } from '../int';

export const meta: RuleMeta = {
  id: 'B-N08',
  title: { zh: '机关运行经费与表9一致、单位数与机构设置一致', en: 'Running costs agree with BT9; unit counts with 机构设置' },
  severity: 'error',
  tables: [],
};

export const doc: RuleDoc = {
  rationale: {
    zh: '“机关运行经费预算为 X 万元”应等于 BT9 的机关运行经费；“下属 N 家机关和 M 家（参公）事业单位”应与机构设置中的行政单位、事业单位家数一致（不一致为警告：两处口径可能不同）。机关运行经费与公用经费的关系见 B-19。',
    en: 'The stated running costs X must equal BT9\'s 机关运行经费; "下属N家机关和M家事业单位" should agree with the counts of 机构设置 (a warning: the two may count differently). Running costs against office expenditure: B-19.',
  },
  relation: { zh: 'X = BT9 机关运行经费；N = 行政单位家数，M = 事业单位家数', en: 'X = BT9 running costs; N = administrative units, M = public institutions' },
  pass: '下属1家机关和1家事业单位财政拨款的机关运行经费预算为213.28万元。（BT9 机关运行经费 213.28；机构设置：行政单位1家，事业单位1家）',
  fail: '机关运行经费预算为**231.28**万元 → error: BT9「机关运行经费」213.28',
  limits: [{ zh: '家数只在两处都写明时核对。', en: 'Counts are compared only when both places state them.' }],
};

const RUNNING = /机关运行经费(?:财政拨款)?预算(?:数)?(?:为|是)?/;
const STATED = /下属(\d+)家(?:机关|行政单位)(?:和|及|、)(\d+)家(参公|参照公务员法管理的)?事业单位/;
const ADMIN = /行政单位(\d+)家/;
const INST = /(?<!参公|参照公务员法管理的)事业单位(\d+)家/;

export const rule = defineRule({
  meta,
  run(ctx) {
    const k = new BudgetClaims(ctx, meta);
    const h = first(k.t.sentences, RUNNING);
    const cell = cellOf(valueRows(panel(ctx.disclosure.tables.BT9))[0], 'running');
    if (h && cell) k.vsCell(h, cell, { zh: '机关运行经费', en: 'running costs' }, { zh: '“三公”经费和机关运行经费预算表「机关运行经费」', en: 'BT9 [running costs]' });
    let said: { bs: BSentence; m: RegExpExecArray } | undefined;
    let org: { bs: BSentence; admin?: RegExpExecArray; inst?: RegExpExecArray } | undefined;
    for (const bs of k.t.sentences) {
      const m = STATED.exec(bs.text);
      if (m && !said) said = { bs, m };
      const a = ADMIN.exec(bs.text);
      const i = INST.exec(bs.text);
      if (!org && (a || i) && !m) org = { bs, admin: a ?? undefined, inst: i ?? undefined };
    }
    if (said && org) {
      const pairs: Array<[string, string | undefined, string]> = [
        ['机关', org.admin?.[1], '行政单位'],
        [said.m[3] ? '参公事业单位' : '事业单位', org.inst?.[1], '事业单位'],
      ];
      const counts = [said.m[1], said.m[2]];
      pairs.forEach(([word, other, otherWord], i) => {
        if (other === undefined) return;
        k.touched = true;
        // The unit counts (N家) of both sentences are the ones compared.
        k.mark(org!.bs, ...org!.bs.nums.filter((n) => n.unit === '家'));
        k.mark(said!.bs, ...said!.bs.nums.filter((n) => n.unit === '家'));
        if (toInt(counts[i]) === toInt(other)) return;
        k.report(
          [org!.bs, said!.bs],
          'warning',
          {
            zh: `机关运行经费说明写“${counts[i]}家${word}”，机构设置为“${otherWord}${other}家”`,
            en: `The running-costs paragraph counts ${counts[i]} ("${word}"), the organisation section says ${other} ("${otherWord}")`,
          },
          `${other}家`,
          `${counts[i]}家`,
        );
      });
    }
    if (!k.touched) ctx.notApplicable('no 机关运行经费 figure or unit counts');
  },
});
