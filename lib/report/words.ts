/**
 * How a finding reads for people (issue 15): a plain main line that needs no rule catalog, and the
 * words in front of its values — "应为" only where a root cause names the value to write, "按明细合计为"
 * for the sum of parts of a total no single cell explains, "应不超过" for a one-sided check.
 * The formula, tolerance and rule id stay in the finding's `message` (the details line).
 * Pure and browser-safe: a function of the JSON report only; the popup, tooltip and exports share it.
 */
import Decimal from 'decimal.js';
import { groupThousands, parseAmount } from '../money';
import type { Report, ReportFinding } from './schema';
import { findingKey } from './order';
import { valueEn } from '../claims/english';

type Lang = 'zh' | 'en';
type Words = { zh: string; en: string };
type Cause = NonNullable<Report['causes']>[number];
type Cell = ReportFinding['cells'][number];

/** What a blank value reads as in every language: never "0.00". */
export const BLANK: Words = { zh: '（空）', en: '(blank)' };

export type ExpectedKind = 'fix' | 'bound' | 'sum' | 'formula' | 'reference';

/** The words in front of the expected value, by what that value is. */
export const EXPECTED_WORDS: Record<ExpectedKind, Words> = {
  fix: { zh: '应为', en: 'Should be' },
  bound: { zh: '应不超过', en: 'At most' },
  sum: { zh: '按明细合计为', en: 'Parts add up to' },
  formula: { zh: '按公式计算为', en: 'By the formula' },
  reference: { zh: '对照', en: 'Compared with' },
};
export const STATED_WORDS: Words = { zh: '所列', en: 'Stated' };
export const DIFFERENCE_WORDS: Words = { zh: '差额', en: 'Difference' };

function causeOf(report: Pick<Report, 'causes'>, f: ReportFinding): Cause | undefined {
  return f.cause ? report.causes?.find((c) => c.id === f.cause) : undefined;
}

/**
 * True when a unique cause changes exactly the value this finding states: the text's number of a
 * narrative finding, else the total (or the first of two compared cells, or a single value).
 */
function causeNamesStated(c: Cause, f: ReportFinding): boolean {
  if (c.confidence !== 'unique' || c.suggested === null) return false;
  if (f.quote !== null) return c.cells.length === 0 && c.quote === f.quote;
  if (c.cells.length !== 1) return false;
  const stated = f.cells.find((x) => x.role === 'total') ?? (f.basis === 'equal' || f.cells.length === 1 ? f.cells[0] : undefined);
  const x = c.cells[0];
  return !!stated && x.table === stated.table && x.row === stated.row && x.col === stated.col;
}

/** What the finding's expected value is, and the value to show: a cause's suggestion when it names the stated value. */
export function expectedOf(report: Pick<Report, 'causes'>, f: ReportFinding): { kind: ExpectedKind; value: string | null } {
  const c = causeOf(report, f);
  if (c && causeNamesStated(c, f)) return { kind: c.bound ? 'bound' : 'fix', value: c.suggested };
  const kind: ExpectedKind = f.basis === 'bound' ? 'bound' : f.basis === 'sum' ? 'sum' : f.basis === 'formula' ? 'formula' : 'reference';
  return { kind, value: f.expected };
}

export function expectedKind(report: Pick<Report, 'causes'>, f: ReportFinding): ExpectedKind {
  return expectedOf(report, f).kind;
}

/** A value as shown: blank reads （空）; in English, units and the narrative's value words in English. */
export function shownValue(v: string | null, lang: Lang): string | null {
  if (v === null) return null;
  if (v.trim() === '' || v === BLANK.zh || v === BLANK.en) return BLANK[lang];
  return lang === 'en' ? valueEn(v) : v;
}

/** The value lines of a finding: [words, value] pairs, expected first (null values left out). */
export function valueLines(report: Pick<Report, 'causes'>, f: ReportFinding, lang: Lang): [string, string][] {
  const out: [string, string][] = [];
  const x = expectedOf(report, f);
  const grouped = f.cells.some((c) => c.text.includes(','));
  const ev = shownValue(x.value, lang);
  const av = shownValue(f.actual, lang);
  const e = ev === null ? null : asPrinted(ev, grouped);
  const a = av === null ? null : asPrinted(av, grouped);
  if (e !== null) out.push([EXPECTED_WORDS[x.kind][lang], e]);
  if (a !== null) out.push([STATED_WORDS[lang], a]);
  // A difference only between amounts of a table relation or cell (not of years or counts in the text).
  const d = f.basis || f.cells.length > 0 ? signedDifference(f.expected, f.actual) : null;
  if (d) out.push([DIFFERENCE_WORDS[lang], asPrinted(d.text.replace(/^\+/, ''), grouped).replace(/^(?=\d)/, d.value.isPositive() && !d.value.isZero() ? '+' : '')]);
  return out;
}

/** stated − expected with the larger precision of the two (sign shown); null unless both are numbers. */
export function signedDifference(expected: string | null, actual: string | null): { text: string; value: Decimal; abs: string } | null {
  if (expected == null || actual == null) return null;
  const e = parseAmount(expected);
  const a = parseAmount(actual);
  if (e.kind !== 'number' || a.kind !== 'number') return null;
  const d = a.value.minus(e.value);
  const decimals = Math.max(e.printedDecimals, a.printedDecimals);
  const s = d.toFixed(decimals);
  return { text: d.isPositive() && !d.isZero() ? `+${s}` : s, value: d, abs: d.abs().toFixed(decimals) };
}

/** "3742.46" → "3,742.46" when the page prints thousands separators (a cell of the finding has one). */
function asPrinted(v: string, grouped: boolean): string {
  if (!grouped || !/^-?\d+(\.\d+)?$/.test(v)) return v;
  return groupThousands(v);
}

/** The cell as people cite it, in the reader's language (English where the report has it). */
function named(c: Cell | undefined, lang: Lang = 'zh'): string {
  if (!c) return '';
  return (lang === 'en' ? c.labelEn || c.label : c.label) || c.table;
}

/**
 * The plain main line: what is wrong, with its numbers, in words a reader knows — "公开03表 · 211
 * 节能环保支出 · 合计 3,742.47，比各项之和 3,742.46 多 0.01，属尾数差异". Narrative and document
 * findings already read so: their message is the line. Null when the finding has no table relation.
 */
export function plainLine(f: ReportFinding, lang: Lang): string | null {
  if (!f.basis || f.quote !== null) return null;
  const d = signedDifference(f.expected, f.actual);
  const grouped = f.cells.some((c) => c.text.includes(','));
  const a = shownValue(f.actual, lang);
  const e = shownValue(f.expected, lang);
  if (a === null || e === null) return null;
  const A = asPrinted(a, grouped);
  const E = asPrinted(e, grouped);
  const diff = d && !d.value.isZero() ? asPrinted(d.abs, grouped) : null;
  const more = d ? d.value.isPositive() : true;
  const rounding = f.severity === 'notice';
  const tail = rounding ? (lang === 'zh' ? '，属尾数差异' : ' — a rounding difference') : '';
  const total = f.cells.find((c) => c.role === 'total');
  const part = f.cells.find((c) => c.role === 'part');
  if (f.basis === 'sum' || f.basis === 'formula') {
    const what = f.basis === 'sum' ? { zh: '各项之和', en: 'the sum of its parts' } : { zh: '按公式计算的', en: 'the formula gives' };
    if (lang === 'zh') {
      const against = f.basis === 'sum' ? `各项之和 ${E}` : `按公式计算的 ${E}`;
      return diff ? `${named(total, lang)} ${A}，比${against} ${more ? '多' : '少'} ${diff}${tail}` : `${named(total, lang)} ${A}，与${against} 不符${tail}`;
    }
    return diff
      ? `${named(total, lang)} is ${A}, ${diff} ${more ? 'more' : 'less'} than ${what.en} (${E})${tail}`
      : `${named(total, lang)} is ${A}; ${what.en} ${E}${tail}`;
  }
  if (f.basis === 'bound') {
    // A bound from another document (B-N16: the department's page) names no cell here: the message reads.
    if (!total) return null;
    if (lang === 'zh') return `${named(part, lang)} ${A} 超过 ${named(total, lang)} ${E}${diff ? `，多 ${diff}` : ''}${tail}`;
    return `${named(part, lang)} (${A}) exceeds ${named(total, lang)} (${E})${diff ? ` by ${diff}` : ''}${tail}`;
  }
  // equal: the stated cell first, the one it must match second.
  const [x, y] = f.cells;
  if (!x || !y) return null;
  if (lang === 'zh') return `${named(x, lang)} ${A} 与 ${named(y, lang)} ${E} 不一致${diff ? `，相差 ${diff}` : ''}${tail}`;
  return `${named(x, lang)} (${A}) disagrees with ${named(y, lang)} (${E})${diff ? `, a difference of ${diff}` : ''}${tail}`;
}

/** The main line in one language: the plain line, else the message. */
export function mainLine(f: ReportFinding, lang: Lang): string {
  return plainLine(f, lang) ?? (lang === 'en' ? f.messageEn || f.message : f.message);
}

/** The details line: the formula with tolerance (the message) and the rule, when the main line is plain. */
export function detailsLine(f: ReportFinding, lang: Lang): string | null {
  if (plainLine(f, lang) === null) return null;
  const m = lang === 'en' ? f.messageEn || f.message : f.message;
  return lang === 'zh' ? `算式：${m} · 规则 ${f.rule}` : `Formula: ${m} · rule ${f.rule}`;
}

const SEVERITY_ZH: Record<ReportFinding['severity'], string> = { error: '错误', warning: '警告', notice: '提示' };

/**
 * One finding to share (the popup's per-finding copy button): in Chinese, the plain line, the values,
 * the cells as people cite them, the quote, and a link that reopens the page at the finding.
 */
export function shareText(report: Pick<Report, 'causes' | 'findings'>, index: number, pageUrl: string | null): string {
  const f = report.findings[index];
  if (!f) return '';
  const out = [`【${SEVERITY_ZH[f.severity]}】${mainLine(f, 'zh')}（规则 ${f.rule}）`];
  const values = valueLines(report, f, 'zh').map(([k, v]) => `${k} ${v}`).join(' · ');
  if (values) out.push(values);
  if (f.cells.length > 0) out.push(`单元格：${f.cells.slice(0, 8).map((c) => `${c.label || c.table}「${c.text.trim() || BLANK.zh}」`).join('；')}${f.cells.length > 8 ? ` 等 ${f.cells.length} 处` : ''}`);
  if (f.quote !== null) out.push(`原文：“${f.quote.replace(/\s+/g, ' ').trim()}”`);
  if (pageUrl) out.push(`链接：${pageUrl.replace(/#.*$/, '')}#dc-finding=${encodeURIComponent(findingKey(f, index))}`);
  return out.join('\n');
}
