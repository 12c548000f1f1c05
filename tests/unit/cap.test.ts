import { describe, expect, it } from 'vitest';
import { capReport, capString, capStrings, STATE_STRING_CAP } from '../../lib/ext/cap';

describe('page strings capped in what the content script sends', () => {
  it('capString: short strings unchanged, long ones cut with "…", never inside a surrogate pair', () => {
    expect(capString('abc', 3)).toBe('abc');
    expect(capString('abcd', 3)).toBe('abc…');
    expect(capString('ab😀cd', 3)).toBe('ab…'); // 😀 is two UTF-16 units: cut before it
    expect(capString('ab😀cd', 4)).toBe('ab😀…');
  });

  it('capStrings: every string in nested data, counted; what is short is shared, not copied', () => {
    const short = { a: 'x', n: 1, b: true, z: null };
    const data = { short, list: ['yyyy', 'y'], deep: { s: 'zzzzz' } };
    const { value, cut } = capStrings(data, 3);
    expect(value).toEqual({ short, list: ['yyy…', 'y'], deep: { s: 'zzz…' } });
    expect(value.short).toBe(short);
    expect(cut).toBe(2);
    expect(data.deep.s).toBe('zzzzz'); // the original is untouched
  });

  it('capReport: a 10 MB cell text and quote leave the state a few hundred characters long; that finding is marked truncated, the others not', () => {
    const big = '1'.repeat(10_000_000);
    const report = {
      source: 'http://www.example.gov.cn/a.html',
      document: { title: '部门决算', department: null },
      findings: [
        { rule: 'I-01', message: `合计应为 ${big}`, cells: [{ table: 'T1', row: 1, col: 1, text: big, label: '合计' }], quote: null },
        { rule: 'I-02', message: '短', cells: [], quote: `“${big}”` },
        { rule: 'I-03', message: '短', cells: [], quote: null },
      ],
      causes: [{ id: 'C1', message: big, cells: [], quote: null }],
      summary: { errors: 3 },
    };
    const { report: capped, cut } = capReport(report);
    expect(cut).toBe(4);
    expect(JSON.stringify(capped).length).toBeLessThan(5 * STATE_STRING_CAP + 1000);
    expect(capped.findings[0].cells[0].text).toBe(`${'1'.repeat(STATE_STRING_CAP)}…`);
    expect(capped.findings.map((f) => (f as { truncated?: boolean }).truncated ?? false)).toEqual([true, true, false]);
    expect((capped.causes[0] as { truncated?: boolean }).truncated).toBe(true);
    expect(capped.findings[2]).toBe(report.findings[2]);
    expect(Object.keys(capped)).toEqual(Object.keys(report)); // key order kept (exports serialise it)
    expect(report.findings[0].cells[0].text.length).toBe(10_000_000);
  });
});
