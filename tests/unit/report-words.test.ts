/**
 * Issue 15: the words of a finding are true of its numbers — "应为" only where a root cause names the
 * value to write, "按明细合计为" for the parts of a total no single cell explains, "应不超过" for a
 * one-sided check, （空） for a blank — and the Chinese lines carry no English.
 */
import { describe, expect, it } from 'vitest';
import type { Report, ReportFinding } from '../../lib/report/schema';
import { detailsLine, expectedOf, mainLine, plainLine, valueLines } from '../../lib/report/words';

type Cause = NonNullable<Report['causes']>[number];
const cell = (row: number, col: number, text: string, role: 'total' | 'part' | 'value', label: string) => ({ table: 'T3', row, col, text, role, label });
const TOTAL = cell(5, 2, '3,742.47', 'total', '公开03表 · 211 节能环保支出 · 合计');
const PART1 = cell(5, 3, '2,385.48', 'part', '公开03表 · 211 节能环保支出 · 基本支出');
const PART2 = cell(5, 4, '1,356.98', 'part', '公开03表 · 211 节能环保支出 · 项目支出');

function f(over: Partial<ReportFinding> = {}): ReportFinding {
  return {
    rule: 'I-08',
    severity: 'notice',
    message: '支出决算表 211 节能环保支出「合计」 3742.47 ≠ 各类支出之和 3742.46（尾数差异：差 0.01，容差 0.03）',
    messageEn: 'T3 211 [total] 3742.47 ≠ the sum of the expenditure kinds 3742.46 (rounding difference: 0.01, within tolerance 0.03)',
    expected: '3742.46',
    actual: '3742.47',
    cells: [TOTAL, PART1, PART2],
    quote: null,
    basis: 'sum',
    cause: null,
    ...over,
  };
}
function cause(over: Partial<Cause>): Cause {
  return { id: 'C1', cells: [], quote: null, stated: null, suggested: null, pattern: null, confidence: 'unique', explains: [0], message: '…', ...over };
}
const rep = (causes: Cause[] = []) => ({ causes });
const lines = (r: Pick<Report, 'causes'>, x: ReportFinding, lang: 'zh' | 'en' = 'zh') => valueLines(r, x, lang).map(([k, v]) => `${k} ${v}`).join(' · ');

describe('plain main line and details', () => {
  it.each<[string, ReportFinding, string, string]>([
    ['rounding: more, thousands as printed', f(), '公开03表 · 211 节能环保支出 · 合计 3,742.47，比各项之和 3,742.46 多 0.01，属尾数差异', '公开03表 · 211 节能环保支出 · 合计 is 3,742.47, 0.01 more than the sum of its parts (3,742.46) — a rounding difference'],
    ['error: less, no rounding words', f({ severity: 'error', expected: '3842.47', actual: '3742.47' }), '公开03表 · 211 节能环保支出 · 合计 3,742.47，比各项之和 3,842.47 少 100.00', '公开03表 · 211 节能环保支出 · 合计 is 3,742.47, 100.00 less than the sum of its parts (3,842.47)'],
    ['formula', f({ severity: 'error', basis: 'formula', expected: '10.00', actual: '12.00' }), '公开03表 · 211 节能环保支出 · 合计 12.00，比按公式计算的 10.00 多 2.00', '公开03表 · 211 节能环保支出 · 合计 is 12.00, 2.00 more than the formula gives (10.00)'],
    ['bound: the part exceeds the total', f({ severity: 'error', basis: 'bound', expected: '3742.47', actual: '4000.00', cells: [TOTAL, PART1] }), '公开03表 · 211 节能环保支出 · 基本支出 4,000.00 超过 公开03表 · 211 节能环保支出 · 合计 3,742.47，多 257.53', '公开03表 · 211 节能环保支出 · 基本支出 (4,000.00) exceeds 公开03表 · 211 节能环保支出 · 合计 (3,742.47) by 257.53'],
    ['equal: two values', f({ severity: 'error', basis: 'equal', expected: '5.00', actual: '6.00', cells: [cell(1, 1, '6.00', 'value', '公开01表 · 本年支出合计 · 决算数'), cell(2, 2, '5.00', 'value', '公开04表 · 本年支出合计 · 合计')] }), '公开01表 · 本年支出合计 · 决算数 6.00 与 公开04表 · 本年支出合计 · 合计 5.00 不一致，相差 1.00', '公开01表 · 本年支出合计 · 决算数 (6.00) disagrees with 公开04表 · 本年支出合计 · 合计 (5.00), a difference of 1.00'],
    ['a blank total reads （空）, never 0.00', f({ severity: 'error', expected: '3742.46', actual: '（空）', cells: [{ ...TOTAL, text: '' }, PART1, PART2] }), '公开03表 · 211 节能环保支出 · 合计 （空），与各项之和 3,742.46 不符', '公开03表 · 211 节能环保支出 · 合计 is (blank); the sum of its parts 3,742.46'],
  ])('%s', (_, x, zh, en) => {
    expect(plainLine(x, 'zh')).toBe(zh);
    expect(plainLine(x, 'en')).toBe(en);
    expect(mainLine(x, 'zh')).toBe(zh);
    // The formula, tolerance and rule move to the details line.
    expect(detailsLine(x, 'zh')).toBe(`算式：${x.message} · 规则 ${x.rule}`);
    expect(detailsLine(x, 'en')).toContain(`· rule ${x.rule}`);
  });

  it('narrative findings keep their message as the main line, no details line', () => {
    const n = f({ rule: 'N-07', basis: undefined, cells: [cell(5, 2, '880.81', 'value', '公开05表 · 合计')], quote: '支出决算数为896.57万元', message: '叙述中… 896.57万元 与公开05表… 880.81 不一致', messageEn: 'The text states 896.57万元…' });
    expect(plainLine(n, 'zh')).toBeNull();
    expect(mainLine(n, 'zh')).toBe(n.message);
    expect(mainLine(n, 'en')).toBe(n.messageEn);
    expect(detailsLine(n, 'zh')).toBeNull();
  });

  it('Chinese lines carry no English words (labels and numbers aside)', () => {
    for (const x of [f(), f({ basis: 'bound', cells: [TOTAL, PART1] }), f({ basis: 'formula' }), f({ basis: 'equal' })]) {
      const zh = [plainLine(x, 'zh'), lines(rep(), x, 'zh')].join(' ');
      expect(zh).not.toMatch(/[A-Za-z]{2,}/);
      expect(lines(rep(), x, 'en')).not.toMatch(/[\u4e00-\u9fff]/);
    }
  });
});

describe('the words in front of the expected value', () => {
  it.each<[string, Pick<Report, 'causes'>, ReportFinding, string]>([
    ['a total whose parts disagree, no cause: the sum of the parts', rep(), f({ severity: 'error' }), '按明细合计为 3,742.46 · 所列 3,742.47 · 差额 +0.01'],
    ['a unique cause names the total: 应为 its suggestion', rep([cause({ cells: [TOTAL], stated: '3742.47', suggested: '3742.46' })]), f({ severity: 'error', cause: 'C1' }), '应为 3,742.46 · 所列 3,742.47 · 差额 +0.01'],
    ['the cause names a part: the total still reads 按明细合计为', rep([cause({ cells: [PART1], stated: '2385.48', suggested: '2385.49' })]), f({ severity: 'error', cause: 'C1' }), '按明细合计为 3,742.46 · 所列 3,742.47 · 差额 +0.01'],
    ['an ambiguous cause names no value', rep([cause({ confidence: 'ambiguous', cells: [TOTAL, PART1] })]), f({ severity: 'error', cause: 'C1' }), '按明细合计为 3,742.46 · 所列 3,742.47 · 差额 +0.01'],
    ['one-sided: 应不超过', rep(), f({ severity: 'error', basis: 'bound', expected: '3742.47', actual: '4000.00', cells: [TOTAL, PART1] }), '应不超过 3,742.47 · 所列 4,000.00 · 差额 +257.53'],
    ['a cause bound by a one-sided check: 应不超过', rep([cause({ cells: [TOTAL], suggested: '3742.46', bound: true })]), f({ severity: 'error', cause: 'C1' }), '应不超过 3,742.46 · 所列 3,742.47 · 差额 +0.01'],
    ['a blank stated cell: （空）, never 0.00', rep(), f({ severity: 'error', actual: '', cells: [{ ...TOTAL, text: '' }, PART1] }), '按明细合计为 3,742.46 · 所列 （空）'],
    ['the text is the cause: 应为', rep([cause({ quote: '支出决算数为896.57万元', suggested: '880.81万元' })]), f({ rule: 'N-07', basis: undefined, cause: 'C1', expected: '880.81', actual: '896.57万元', cells: [cell(5, 2, '880.81', 'value', '公开05表 · 合计')], quote: '支出决算数为896.57万元' }), '应为 880.81万元 · 所列 896.57万元'],
    ['the table cell is the cause of a narrative finding: the text is compared, not told 应为', rep([cause({ cells: [cell(5, 2, '880.81', 'value', '公开05表 · 合计')], suggested: '896.57' })]), f({ rule: 'N-07', basis: undefined, cause: 'C1', expected: '880.81', actual: '896.57万元', cells: [cell(5, 2, '880.81', 'value', '公开05表 · 合计')], quote: '支出决算数为896.57万元' }), '对照 880.81 · 所列 896.57万元'],
    ['a year in the text: no difference line', rep(), f({ rule: 'N-15', basis: undefined, expected: '2024', actual: '2023', cells: [], quote: '2023年度' }), '对照 2024 · 所列 2023'],
  ])('%s', (_, r, x, want) => {
    expect(lines(r, x)).toBe(want);
  });

  it('English words in the English lines', () => {
    expect(lines(rep(), f({ severity: 'error', actual: '' }), 'en')).toBe('Parts add up to 3,742.46 · Stated (blank)');
    expect(expectedOf(rep([cause({ cells: [TOTAL], suggested: '3742.46' })]), f({ cause: 'C1' })).kind).toBe('fix');
  });
});
