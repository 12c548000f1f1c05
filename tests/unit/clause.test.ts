/**
 * Narrative marks on the exact clause: a finding about one claim of a list sentence marks that claim
 * (its number and the words before it), not the sentence or the list; a carried-over fact is marked
 * in the sentence that states the wrong number, not the one before; the marked text survives numbers
 * split across text nodes and a % sign in a node of its own.
 */
import { describe, expect, it } from 'vitest';
import { parseHTML } from 'linkedom';
import { clauseOf, clauseOfStated } from '../../lib/claims/clause';
import { CLAIM_RULES } from '../../lib/checks/registry';
import { runRules } from '../../lib/checks/runner';
import { rule as N08 } from '../../lib/checks/N-08';
import type { Finding } from '../../lib/checks/types';
import { locateTextRange } from '../../lib/marks/text-range';
import { planMarks, toMarkable } from '../../lib/marks/plan';
import { disclosure, run, T5, T6, table } from './claims.builders';

/** The marked text of a finding's first span: its clause, else its sentence. */
const marked = (f: Finding) => {
  const s = f.spans[0];
  return s.paragraph.text.slice(s.clause?.start ?? s.start, s.clause?.end ?? s.end);
};

const at = (text: string, needle: string) => {
  const i = text.indexOf(needle);
  if (i < 0) throw new Error(`${needle} not in ${text}`);
  return { start: i, end: i + needle.length };
};

describe('clauseOf', () => {
  const list = '其中：工资福利支出578.83万元，商品和服务支出314.20万元，对个人和家庭的补助支出3.29万元。';
  const whole = { start: 0, end: list.length };

  const share = '人员经费582.12万元，占基本支出的66.90 %。';
  it.each([
    ['the middle item of a list', list, ['314.20万元'], '商品和服务支出314.20万元'],
    ['the first item (after 其中：)', list, ['578.83万元'], '工资福利支出578.83万元'],
    ['a share with its amount: the smallest span holding both', share, ['66.90 %', '582.12万元'], '人员经费582.12万元，占基本支出的66.90 %'],
  ])('%s', (_, text, needles, want) => {
    const r = clauseOf(text, { start: 0, end: text.length }, { at: needles.map((n) => at(text, n)) });
    expect(text.slice(r!.clause.start, r!.clause.end)).toBe(want);
  });

  it('exact: a name or a placeholder is marked alone', () => {
    const text = '主要包括办公费、印刷费、咨询费。';
    const r = clauseOf(text, { start: 0, end: text.length }, { at: [at(text, '印刷费')], exact: true });
    expect(text.slice(r!.clause.start, r!.clause.end)).toBe('印刷费');
  });

  it('the sentence is the one holding the wrong number; numbers of another sentence are left out', () => {
    const text = '支出100.00万元。比上年增加10.00万元，增长12.00%。';
    const first = { start: 0, end: text.indexOf('。') + 1 };
    const r = clauseOf(text, first, { at: [at(text, '12.00%'), at(text, '100.00万元')] });
    expect(text.slice(r!.sentence.start, r!.sentence.end)).toBe('比上年增加10.00万元，增长12.00%。');
    expect(text.slice(r!.clause.start, r!.clause.end)).toBe('增长12.00%');
  });

  it('no range in the paragraph: null (the sentence is marked)', () => {
    expect(clauseOf(list, whole, { at: [undefined, { start: 5, end: 5 }] })).toBeNull();
  });

  it('clauseOfStated: the stated value found once; absent, repeated or inside a longer number → null', () => {
    const text = '受理106件，办结98件，办结率92.56%；办理296件，办结257件，办结率87%。';
    const s = { start: 0, end: text.length };
    const r = clauseOfStated(text, s, '92.56%');
    expect(text.slice(r!.clause.start, r!.clause.end)).toBe('办结率92.56%');
    expect(clauseOfStated(text, s, '办结率')).toBeNull(); // twice
    expect(clauseOfStated(text, s, '2.56%')).toBeNull(); // part of 92.56%
    expect(clauseOfStated(text, s, '50%')).toBeNull();
    expect(clauseOfStated(text, s, null)).toBeNull();
  });
});

describe('claim findings carry the clause (the quote stays the sentence)', () => {
  const H = '六、一般公共预算财政拨款基本支出决算情况说明';
  const d = (...lines: string[]) => disclosure([H, ...lines], { T5: T5(), T6: T6() });

  it('a list sentence with several claims: each finding marks its own item', () => {
    const sentence = '全年支出为896.56万元，全部为基本支出其中：工资福利支出578.83万元，商品和服务支出314.20万元，对个人和家庭的补助支出3.29万元，资本性支出0.24万元。';
    const fs = run(N08, d(sentence));
    expect(fs.map((f) => [f.actual, marked(f)])).toEqual([
      ['896.56万元', '全年支出为896.56万元'],
      ['314.20万元', '商品和服务支出314.20万元'],
    ]);
    for (const f of fs) expect(f.quote).toBe(sentence);
  });

  it('a share: the amount and its 占…%, not the next sentence', () => {
    const fs = run(N08, d('基本支出880.80万元，其中：', '人员经费582.12万元，占基本支出的66.90 %。公用经费298.68万元，占基本支出的33.91 %。'));
    expect(fs.map(marked)).toEqual(['人员经费582.12万元，占基本支出的66.90 %']);
  });

  it('a listed item that is zero in T6: the name itself', () => {
    const fs = run(N08, d('人员经费582.12万元，占基本支出的66.09 %，主要包括基本工资、伙食补助费。'));
    expect(fs.map(marked)).toEqual(['伙食补助费']);
  });

  it('a share without its % sign: "占93.33" is marked, not the list', () => {
    const T1 = table('T1', {
      income: [
        { name: '一、一般公共预算财政拨款收入', cells: { amount: '2,800.00' } },
        { name: '八、其他收入', cells: { amount: '200.00' } },
        { name: '本年收入合计', kind: 'total', cells: { amount: '3,000.00' } },
      ],
    });
    const fs = runRules(disclosure(['二、收入决算情况说明', '本年收入合计3,000.00万元，其中：一般公共预算财政拨款收入2,800.00万元，占93.33；其他收入200.00万元，占6.67%。'], { T1 }, 2023), CLAIM_RULES).findings;
    const sign = fs.find((f) => f.message.zh.includes('缺少百分号'))!;
    expect(marked(sign)).toBe('占93.33');
  });

  it('a rate stated in the sentence after its amount: that sentence is quoted and marked', () => {
    const T3 = table('T3', { main: [{ name: '合计', kind: 'total', cells: { total: '100.00', basic: '100.00', project: '' } }] });
    const fs = runRules(disclosure(['三、支出决算情况说明', '2024年度本年支出合计100.00万元。比上年增加10.00万元，增长12.00%。'], { T3 }), CLAIM_RULES).findings;
    const rate = fs.find((f) => f.actual === '12.00%')!;
    expect(rate, JSON.stringify(fs.map((f) => f.message.zh))).toBeDefined();
    expect(rate.quote).toBe('比上年增加10.00万元，增长12.00%。');
    expect(marked(rate)).toBe('比上年增加10.00万元，增长12.00%');
  });
});

describe('the clause in the page: text nodes', () => {
  const doc = (html: string) => parseHTML(`<html><body>${html}</body></html>`).document as unknown as Document;
  /** The DOM text between the located points (a Range's toString without a Range implementation). */
  const between = (root: Element, loc: NonNullable<ReturnType<typeof locateTextRange>>) => {
    const out: string[] = [];
    let on = false;
    const visit = (n: Node) => {
      if (n.nodeType === 3) {
        const t = n as Text;
        const from = t === loc.start.node ? loc.start.offset : 0;
        if (t === loc.start.node) on = true;
        if (!on) return;
        const to = t === loc.end.node ? loc.end.offset : t.data.length;
        out.push(t.data.slice(from, to));
        if (t === loc.end.node) on = false;
        return;
      }
      for (let c = n.firstChild; c; c = c.nextSibling) visit(c);
    };
    visit(root);
    return out.join('');
  };

  it.each([
    ['a number split across text nodes', '<p>人员经费582.12万元，占基本支出的<span>66.</span><b>90</b> %。</p>'],
    ['a % sign in a node of its own', '<p>人员经费582.12万元，占基本支出的66.90 <span style="font-family:SimSun">%</span>。</p>'],
  ])('%s: the mark ends after the %', (_, html) => {
    const p = doc(html).querySelector('p')!;
    const text = '人员经费582.12万元，占基本支出的66.90 %。';
    const r = clauseOf(text, { start: 0, end: text.length }, { at: [at(text, '66.90 %'), at(text, '582.12万元')] })!;
    const loc = locateTextRange(p, text, r.clause.start, r.clause.end)!;
    expect(between(p, loc)).toBe('人员经费582.12万元，占基本支出的66.90 %');
  });

  it('the plan marks the clause, not the sentence', () => {
    const p = doc('<p>其中：工资福利支出578.83万元，商品和服务支出314.20万元。</p>').querySelector('p')!;
    const text = '其中：工资福利支出578.83万元，商品和服务支出314.20万元。';
    const c = at(text, '商品和服务支出314.20万元');
    const f: Finding = {
      rule: 'N-08',
      severity: 'error',
      message: { zh: '', en: '' },
      expected: null,
      actual: null,
      cells: [],
      spans: [{ paragraph: { kind: 'paragraph', index: 0, text, el: p }, start: 0, end: text.length, clause: c }],
      quote: text,
    };
    const plan = planMarks([toMarkable(f)]);
    expect(plan.sentences.map((s) => text.slice(s.start, s.end))).toEqual(['商品和服务支出314.20万元']);
  });
});
