/**
 * Narrative findings one language at a time (issue 15): each message template renders in Chinese
 * and in English, and the English has no Chinese except the page's own words in quotes and the
 * tables' titles, markers and row names as printed. Values (expected / stated) read in English too.
 */
import { describe, expect, it } from 'vitest';
import { readFileSync } from 'node:fs';
import { parseHTML } from 'linkedom';
import { checkDocument } from '../../lib/index';
import { RULES } from '../../lib/checks/registry';
import { runRules } from '../../lib/checks/runner';
import type { Disclosure } from '../../lib/model/types';
import type { Finding } from '../../lib/checks/types';
import { messageEn, unitsEn, valueEn } from '../../lib/claims/english';
import { valueLines } from '../../lib/report/words';
import type { ReportFinding } from '../../lib/report/schema';
import { disclosure, T1, T3, T4, T5, T6, T9 } from './claims.builders';

const HAN = /[\u3000-\u303f\u4e00-\u9fff\uff00-\uffef]+/g;
const QUOTED = /"[^"]*"|“[^”]*”|「[^」]*」/g;

/** Chinese left in an English line once quotes and the tables' printed names are taken out. */
function foreign(en: string, d: Disclosure): string[] {
  let s = en.replace(QUOTED, '');
  const names = new Set<string>();
  for (const t of Object.values(d.tables)) {
    if (!t) continue;
    for (const x of [t.title, t.marker, t.name]) if (x) names.add(x);
    for (const p of t.panels) for (const r of p.rows) if (r.name) names.add(r.name.replace(/[\s\u00a0\u3000]+/g, ''));
  }
  for (const n of [...names].sort((a, b) => b.length - a.length)) s = s.split(n).join('');
  return s.match(HAN) ?? [];
}

/** A value in the English UI has Chinese only when it is the page's own text (part of the quote). */
function foreignValue(v: string | null, f: Finding): string[] {
  if (v === null) return [];
  const en = valueEn(v);
  const quote = (f.quote ?? '').replace(/\s+/g, '');
  if (quote.includes(en.replace(/\s+/g, '').replace(/^≤/, ''))) return [];
  return en.match(HAN) ?? [];
}

function expectEnglishOnly(fs: Finding[], d: Disclosure) {
  for (const f of fs) {
    expect(f.message.zh, f.message.zh).toMatch(HAN);
    expect(foreign(f.message.en, d), `${f.rule}: ${f.message.en}`).toEqual([]);
    expect(foreignValue(f.expected, f), `${f.rule} expected ${f.expected}`).toEqual([]);
    expect(foreignValue(f.actual, f), `${f.rule} actual ${f.actual}`).toEqual([]);
    // And the reverse: no English words in the Chinese message (table keys such as T5 aside).
    expect(f.message.zh.replace(QUOTED, '').replace(/\bB?T\d\b/g, ''), f.message.zh).not.toMatch(/[A-Za-z]{2,}/);
  }
}

describe('English helpers', () => {
  it.each([
    ['896.57万元', '896.57 (10k yuan)'],
    ['8,965,700.00元', '8,965,700.00 yuan'],
    ['372.34 万元', '372.34 (10k yuan)'],
    ['38人', '38 people'],
    ['9辆', '9 vehicles'],
    ['98件', '98 cases'],
    ['12.5%', '12.5%'],
    // a row code and its name are not a number and a unit
    ['20101 人大事务', '20101 人大事务'],
  ])('unitsEn(%s) = %s', (zh, en) => expect(unitsEn(zh)).toBe(en));

  it('messageEn leaves the page words in quotes as printed', () => {
    expect(messageEn('The text states 5万元, the sentence says "增加5万元"')).toBe('The text states 5 (10k yuan), the sentence says "增加5万元"');
  });

  it.each([
    ['无法计算', 'cannot be computed'],
    ['大于', 'greater than'],
    ['≤ 100万元', '≤ 100 (10k yuan)'],
    ['37人', '37 people'],
    ['3 个非零单元格', '3 non-zero cells'],
    ['880.81', '880.81'],
  ])('valueEn(%s) = %s', (zh, en) => expect(valueEn(zh)).toBe(en));
});

const NARRATIVE = RULES.filter((r) => /^N-/.test(r.meta.id));
const tables = () => ({ T1: T1(), T3: T3(), T4: T4(), T5: T5(), T6: T6(), T9: T9() });
const ITEM = '1、一般公共服务支出（类）党委办公厅（室）及相关机构事务（款）行政运行（项）';
const ITEM2 = '2、一般公共服务支出（类）党委办公厅（室）及相关机构事务（款）其他党委办公厅（室）及相关机构事务支出（项）';

/** One input per message template of the claim rules: [template, lines, English the finding must say]. */
const CASES: [string, string[], RegExp][] = [
  ['stated vs table (N-01)', ['一、收入支出决算总体情况说明', '2024年度收、支总计869.57万元。'], /^The text states total income and expenditure 869\.57 \(10k yuan\), but .*\(T1\) · 总计 · actual shows 896\.57$/],
  ['10,000 times off (N-05)', ['五、一般公共预算财政拨款支出决算情况说明', '（一）一般公共预算财政拨款支出决算总体情况', '2024年度一般公共预算财政拨款支出880.81元。'], /off by a factor of 10,000/],
  ['a T6 sum (N-08)', ['六、一般公共预算财政拨款基本支出决算情况说明', '全年支出为896.56万元，全部为基本支出其中：工资福利支出578.83万元，商品和服务支出314.20万元。'], /\(T6\) · 人员经费合计 · actual \+ 公用经费合计 · actual shows 880\.80/],
  ['a T5 item by its chain (N-07)', ['五、一般公共预算财政拨款支出决算情况说明', '（三）一般公共预算财政拨款支出决算具体情况', ITEM, '年初预算为622.38万元，支出决算为723.39万元，完成年初预算的116.23%。'], /The text states "行政运行" 723\.39 \(10k yuan\)/],
  ['a budget against T9 (N-09)', ['七、财政拨款“三公”经费支出决算情况说明', '（一）“三公”经费财政拨款支出决算总体情况说明', '2024年度“三公”经费财政拨款支出预算为9.23万元，支出决算为7.57万元，完成预算的82.21%。'], /The text states a budget of 9\.23 \(10k yuan\), but .*\(T9\)/],
  ['completion rate (N-09)', ['七、财政拨款“三公”经费支出决算情况说明', '（一）“三公”经费财政拨款支出决算总体情况说明', '2024年度“三公”经费财政拨款支出预算为9.32万元，支出决算为7.57万元，完成预算的82.21%。'], /The completion rate should be 7\.57 \(10k yuan\) \/ 9\.32 \(10k yuan\)/],
  ['completion over a zero budget (N-07)', ['五、一般公共预算财政拨款支出决算情况说明', '（三）一般公共预算财政拨款支出决算具体情况', ITEM2, '年初预算为0万元，支出决算为10万元，完成年初预算的100%。'], /The budget is 0, so no completion rate exists/],
  ['both zero (N-09)', ['七、财政拨款“三公”经费支出决算情况说明', '（一）“三公”经费财政拨款支出决算总体情况说明', '公务用车购置及运行维护费支出决算为0万元，完成预算的0.00%。'], /Budget and actual are both 0/],
  ['share (N-02)', ['二、收入决算情况说明', '2024年度收入合计896.57万元，其中：财政拨款收入880.81万元，占98.42%；其他收入15.76万元，占1.76%。'], /The share should be 880\.81 \(10k yuan\) \/ 896\.57 = 98\.24%/],
  ['其中 parts (N-02)', ['二、收入决算情况说明', '2024年度收入合计896.57万元，其中：财政拨款收入880.18万元，占98.17%；其他收入15.76万元，占1.76%。'], /The parts listed add up to 895\.94, not the stated whole 896\.57 \(10k yuan\)/],
  ['growth from zero, the 100% convention (N-01)', ['一、收入支出决算总体情况说明', '2024年度收、支总计896.57万元，与上年相比，增加896.57万元，增长100%。'], /"grew 100%" is a convention/],
  ['growth from zero (N-01)', ['一、收入支出决算总体情况说明', '2024年度收、支总计896.57万元，与上年相比，增加896.57万元，增长50%。'], /no growth rate exists/],
  ['direction against the numbers (N-01)', ['一、收入支出决算总体情况说明', '2024年度收、支总计896.57万元，与上年相比，增加10.57万元，下降1.18%。'], /Direction word contradicts the numbers/],
  ['growth rate (N-01)', ['一、收入支出决算总体情况说明', '2024年度收、支总计896.57万元，与上年相比，增加10.57万元，增长2.19%。'], /The rate should be 10\.57 \/ 886 \(previous year\)|The rate should be/],
  ['a change against stated values (N-16)', ['二、机构设置及决算单位构成', '（3）人员情况', '上年度本单位公务员30人，本年度公务员24人，减少5人，减少20%。'], /From 30 people to 24 people the change is -6/],
  ['unchanged with a change (N-01)', ['一、收入支出决算总体情况说明', '2024年度收、支总计896.57万元，与上年持平，增加10.00万元。'], /"unchanged" but also states a change/],
  ['comparison word (N-07)', ['五、一般公共预算财政拨款支出决算情况说明', '（三）一般公共预算财政拨款支出决算具体情况', ITEM, '年初预算为622.38万元，支出决算为732.39万元，完成年初预算的117.68%。决算数小于年初预算数的主要原因是：人员异动。'], /the actual 732\.39 \(10k yuan\) is greater than the budget/],
  ['missing % sign (N-02)', ['二、收入决算情况说明', '2024年度收入合计896.57万元，其中：财政拨款收入880.81万元，占98.24；其他收入15.76万元，占1.76%。'], /lacks its % sign/],
  ['template residue (N-09)', ['七、财政拨款“三公”经费支出决算情况说明', '（一）“三公”经费财政拨款支出决算总体情况说明', '2024年度“三公”经费财政拨款支出决算为7.57万元，比上年增加/减少7.09万元。'], /Template residue/],
  ['a listed item zero in T6 (N-08)', ['六、一般公共预算财政拨款基本支出决算情况说明', '人员经费582.12万元，占基本支出的66.09 %，主要包括基本工资、伙食补助费。'], /The text lists "伙食补助费", but 30106 in T6 is empty/],
  ['SME contracts above the total (N-12)', ['十一、关于政府采购支出说明', '2024年度政府采购支出总额100万元，其中：货物100万元。授予中小企业合同金额120万元。'], /^contracts awarded to SMEs 120 \(10k yuan\) exceeds total procurement 100 \(10k yuan\)$/],
  ['one concept, two values (N-14)', ['十二、关于国有资产占用情况说明', '共有车辆9辆，其中：其他用车9辆。', '截至12月31日，机关共有车辆8辆。'], /^vehicles is stated as 9 vehicles earlier and 8 vehicles here$/],
  ['staff categories (N-16)', ['二、机构设置及决算单位构成', '（3）人员情况', '2024年年末实有人数38人。', '本年度公务员24人。', '本年度事业编10人。', '本年度机关工人3人。'], /Staff 38 people does not equal the categories civil servants 24 people \+ public-institution staff 10 people \+ support workers 3 people = 37/],
  ['a named rate (N-16)', ['十三、其他需要说明的情况', '全年受理106件，办结98件，办结率92.56%。'], /The closure rate should be 98 cases \/ 106 cases = 92\.45%/],
  ['a change without its reason (N-19)', ['一、收入支出决算总体情况说明', '2024年度收入支出总计896.57万元，与上年相比增加10.42万元，增长1.18%。'], /A change is stated \(up 10\.42 \(10k yuan\)\) without its main reason/],
];

describe('every claims message template in both languages', () => {
  it.each(CASES)('%s', (_, lines, en) => {
    const d = disclosure(lines, tables(), 2024);
    const fs = runRules(d, NARRATIVE).findings;
    const hit = fs.find((f) => en.test(f.message.en));
    expect(hit, fs.map((f) => `${f.rule} ${f.message.en}`).join('\n')).toBeDefined();
    expectEnglishOnly(fs, d);
  });
});

describe('the fixtures: every narrative finding in English names tables as printed, nothing else Chinese', () => {
  it.each(['lukou-2024.html', 'putuo-2025.html', 'variants/yuan.html', 'variants/reordered.html', 'budget/putuo-dept-budget-2025.html'])('%s', (file) => {
    const { document } = parseHTML(readFileSync(new URL(`../fixtures/${file}`, import.meta.url), 'utf8'));
    const run = checkDocument(document as unknown as Document, { rules: RULES.filter((r) => /^(N|B-N|X)-|^B-21$/.test(r.meta.id)) });
    expectEnglishOnly(run.findings, run.disclosure);
  });
});

describe('values in the English UI', () => {
  it('the value lines say the narrative value words and units in English, Chinese unchanged', () => {
    const f = { rule: 'N-07', severity: 'error', message: '', expected: '无法计算', actual: '100万元', cells: [], quote: '完成年初预算的100万元。' } as unknown as ReportFinding;
    expect(valueLines({ causes: [] }, f, 'en')).toEqual([
      ['Compared with', 'cannot be computed'],
      ['Stated', '100 (10k yuan)'],
    ]);
    expect(valueLines({ causes: [] }, f, 'zh')).toEqual([
      ['对照', '无法计算'],
      ['所列', '100万元'],
    ]);
  });
});
