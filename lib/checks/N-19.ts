/**
 * N-19 (beyond the catalog; issue 23 item 2): a stated change where the template asks for its
 * reason — year on year (增加/减少/增长/下降) or against the budget (决算数大于/小于预算数) — with no
 * 主要原因 given: a warning.
 */
import type { RuleMeta } from './types';
import { defineRule } from './types';
import type { RuleDoc } from './helpers';
import { analyse } from '../claims/index';
import type { SentenceItem } from '../claims/index';
import { sentenceFinding } from '../claims/checks';
import type { Topic } from '../claims/concepts';

export const meta: RuleMeta = {
  id: 'N-19',
  title: { zh: '说明了增减变动的，应说明主要原因', en: 'A stated change comes with its reason' },
  severity: 'warning',
  tables: [],
};

export const doc: RuleDoc = {
  rationale: {
    zh: '决算公开模板要求对收支总计、财政拨款收支总计、一般公共预算财政拨款支出、“三公”经费、机关运行经费的同比增减，以及各项决算数大于/小于预算数，说明主要原因。写了增减却没有任何“原因”的：警告（“主要原因是：。”这类空原因由模板残留检查报告）。',
    en: 'The templates ask for the main reason of each year-on-year change of the headline totals, the three public expenses and the administrative running costs, and of each actual above or below its budget. A stated change with no reason at all: a warning (an empty "主要原因是：。" is reported as template residue).',
  },
  relation: { zh: '增减变动 ⇒ 同句、下一句或下一段说明“原因”', en: 'a change ⇒ a reason in the same sentence, the next one, or the next paragraph' },
  pass: '与上年相比，增加10.42万元，增长1.18%，主要原因是退回款和三个高地创建奖。',
  fail: '与上年相比，增加10.42万元，增长1.18%。（没有原因）→ warning',
  limits: [
    { zh: '只看模板要求说明原因的章节；变动为0（持平、一致）不要求原因。', en: 'Only the sections whose template asks for a reason; a zero change (持平, 一致) needs none.' },
    { zh: '原因以“原因”“由于”“因”“主要是”等字样识别，不判断原因是否充分。', en: 'A reason is recognised by 原因 / 由于 / 因 / 主要是; whether it is adequate is not judged.' },
  ],
};

/** Sections whose template asks for the reason of a change. */
const ASKS: ReadonlySet<Topic> = new Set<Topic>(['overall', 'fiscal', 'gpb', 'gpb.total', 'gpb.detail', 'sangong', 'admin']);
export const REASON = /原因|由于|因为|因(?!公)|主要是|系/;

/** A reason in the sentence itself, the next one of its paragraph, or the first of the next paragraph. */
export function hasReason(items: SentenceItem[], i: number, isReason: (text: string) => boolean = (t) => REASON.test(t)): boolean {
  const it = items[i];
  if (isReason(it.sentence.text)) return true;
  // The next sentence of the paragraph, or the first of the next paragraph.
  const next = items[i + 1];
  return !!next && (next.paragraph === it.paragraph || next.pi === it.pi + 1) && isReason(next.sentence.text);
}

export const rule = defineRule({
  meta,
  run(ctx) {
    const a = analyse(ctx.disclosure);
    const items = a.sentences;
    // The sentence holding each stated change (a change can continue the previous sentence's fact).
    const index = new Map<SentenceItem['paragraph'], number[]>();
    items.forEach((it, i) => {
      const l = index.get(it.paragraph);
      if (l) l.push(i);
      else index.set(it.paragraph, [i]);
    });
    const at = (it: SentenceItem, pos: number): number => {
      for (const i of index.get(it.paragraph) ?? []) if (items[i].sentence.start <= pos && pos < items[i].sentence.end) return i;
      return -1;
    };
    const changes = new Map<number, { zh: string; en: string }>();
    for (const c of a.claims) {
      if (!ASKS.has(c.topic)) continue;
      const f = c.fact;
      const ch = f.change ?? f.changeOnly;
      const n = ch && !ch.num.value.isZero() ? ch.num : f.growth && !f.growth.num.value.isZero() ? f.growth.num : null;
      if (!n) continue;
      const i = at(c.item, n.start);
      if (i >= 0 && !changes.has(i))
        changes.set(
          i,
          ch && n === ch.num
            ? { zh: `${ch.dir > 0 ? '增加' : '减少'}${n.text.trim()}`, en: `${ch.dir > 0 ? 'up' : 'down'} ${n.text.trim()}` }
            : { zh: `${f.growth!.dir > 0 ? '增长' : '下降'}${n.text.trim()}`, en: `${f.growth!.dir > 0 ? 'up' : 'down'} ${n.text.trim()}` },
        );
    }
    items.forEach((it, i) => {
      if (!ASKS.has(it.topic) || changes.has(i)) return;
      for (const dir of it.directions) if (dir.word !== 'eq') return void changes.set(i, { zh: dir.text, en: `"${dir.text}"` });
    });
    for (const [i, what] of [...changes].sort((x, y) => x[0] - y[0])) {
      if (hasReason(items, i)) continue;
      const it = items[i];
      ctx.report({
        rule: meta.id,
        ...sentenceFinding(it.paragraph, it.sentence, 'warning', `写明了变动（${what.zh}），但没有说明主要原因`, `A change is stated (${what.en}) without its main reason`, '主要原因', '（未说明）'),
      });
    }
    if (changes.size === 0) ctx.notApplicable('no stated change where a reason is asked for');
  },
});
