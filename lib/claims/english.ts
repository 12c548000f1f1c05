/**
 * English wording of narrative findings (issue 15: the English UI is English only; table and row
 * names, and the page's own words in quotes, stay as printed). Numbers keep their printed digits;
 * their Chinese unit words are said in English. Pure, browser-safe.
 */

/** Unit words of lib/claims/numbers.ts in English (longest first so 万元 wins over 元 and 万). */
const UNIT_EN: [zh: string, en: string][] = [
  ['万元', ' (10k yuan)'],
  ['亿元', ' (100m yuan)'],
  ['元', ' yuan'],
  ['万', ' (10k yuan)'],
  ['％', '%'],
  ['%', '%'],
  ['人次', ' person-times'],
  ['批次', ' batches'],
  ['团组', ' delegations'],
  ['台（套）', ' sets'],
  ['台(套)', ' sets'],
  ['人', ' people'],
  ['名', ' people'],
  ['件', ' cases'],
  ['个', ''],
  ['辆', ' vehicles'],
  ['项', ' items'],
  ['次', ' times'],
  ['期', ' sessions'],
  ['篇', ' articles'],
  ['条', ' items'],
  ['台', ' sets'],
  ['家', ' organisations'],
];

const esc = (s: string) => s.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');
/**
 * A printed number (ASCII or full-width digits, separators) and its unit word, the word not run on
 * into more Chinese: "20101 人大事务" is a row code and name, not 20101 people.
 */
const NUM_UNIT = new RegExp(`([-−+]?[0-9０-９][0-9０-９,，.．]*)[ \\u00a0\\u3000]*(${UNIT_EN.map(([zh]) => esc(zh)).join('|')})(?![\\u4e00-\\u9fff])`, 'g');
const UNIT_MAP = new Map(UNIT_EN);

/** "896.57万元" → "896.57 (10k yuan)", "38人" → "38 people"; other text unchanged. */
export function unitsEn(s: string): string {
  return s.replace(NUM_UNIT, (_, n: string, u: string) => `${n}${UNIT_MAP.get(u)}`);
}

/** Quoted stretches (the page's own words) are left as printed. */
const QUOTED = /("[^"]*"|“[^”]*”|「[^」]*」)/;

/** An English message with every number's unit word in English, quotes untouched. */
export function messageEn(s: string): string {
  return s
    .split(QUOTED)
    .map((part, i) => (i % 2 === 1 ? part : unitsEn(part)))
    .join('');
}

/** Words narrative findings give as their expected or stated value, in English. */
const VALUE_EN: Record<string, string> = {
  无法计算: 'cannot be computed',
  增长: 'up',
  下降: 'down',
  增加: 'increase',
  减少: 'decrease',
  持平: 'unchanged',
  大于: 'greater than',
  小于: 'less than',
  等于: 'equal to',
  非零: 'non-zero',
  无: 'none',
  原因: 'a reason',
  主要原因: 'the main reason',
  '（未说明）': '(not given)',
  无说明: '(no note)',
  表中无数据: 'no data in the table',
};

/**
 * An expected or stated value as the English UI shows it: known words in English, units in English;
 * anything else (text quoted from the page) as printed.
 */
export function valueEn(v: string): string {
  const t = v.trim();
  if (VALUE_EN[t] !== undefined) return VALUE_EN[t];
  // "占98.24%": the share as it should be printed (the 占 is the page's word for "a share of").
  if (/^占[0-9０-９]/.test(t)) return t.slice(1);
  const cells = /^(\d+) 个非零单元格$/.exec(t);
  if (cells) return `${cells[1]} non-zero cell${cells[1] === '1' ? '' : 's'}`;
  const why = /^说明(.+)无数据的原因$/.exec(t);
  if (why) return 'a note saying why the table has no data';
  // A number with its unit, or a bound ("≤ 100万元"): units in English.
  if (/^[≤≥<>]?\s*[-−+]?[0-9０-９]/.test(t)) return unitsEn(v);
  return v;
}

/** Direction words of the narrative in English. */
const WORD_EN: Record<string, string> = {
  增加: 'an increase',
  减少: 'a decrease',
  增长: 'growth',
  下降: 'a decline',
  持平: 'no change',
  一致: 'equal',
};

/** A direction word of the page, quoted as printed with its English ("增加" (an increase)). */
export function wordEn(word: string): string {
  const en = WORD_EN[word];
  return en ? `"${word}" (${en})` : `"${word}"`;
}

/** A document's amount unit (元 / 万元 / 亿元) in English. */
export function unitNameEn(unit: string): string {
  return ({ 元: 'yuan', 万元: '10k yuan', 亿元: '100m yuan' } as Record<string, string>)[unit] ?? unit;
}
