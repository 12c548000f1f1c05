/**
 * Acceptance (issue 18): the drafts officials hold give the page's findings.
 * lukou-2024.docx / .doc: finding for finding the same as lukou-2024/page.html.
 * lukou-2024-tables.xlsx / .xls (the 9 tables only): every table-identity finding of the page, and
 * one "no narrative" notice instead of a failure per missing part.
 */
import { readFileSync } from 'node:fs';
import { beforeAll, describe, expect, test, vi } from 'vitest';
import type { Report } from '../../../lib/index';
import { findingKey, keys, pageReport, read, reportOf } from './build';

const FIX = new URL('../../../../shared/fixtures/', import.meta.url);
const bytes = (p: string) => new Uint8Array(readFileSync(new URL(p, FIX)));

vi.setConfig({ testTimeout: 120_000, hookTimeout: 120_000 });

let page: Report;
beforeAll(() => {
  page = pageReport(readFileSync(new URL('lukou-2024/page.html', FIX), 'utf8'));
});

describe.each([
  ['lukou-2024.docx', 'docx'],
  ['lukou-2024.doc', 'doc'],
])('%s gives the page\'s findings', (file, format) => {
  let report: Report;
  beforeAll(async () => {
    const r = await read(bytes(`drafts/${file}`), file);
    expect(r.format).toBe(format);
    expect(r.fatal).toBe(false);
    report = await reportOf(bytes(`drafts/${file}`), file);
  });
  test('finding for finding: rule, severity, expected, actual, quote, cells', () => {
    expect(page.findings.length).toBeGreaterThan(5); // the seed's real errors are there to compare
    expect(keys(report)).toEqual(keys(page));
  });
  test('the same nine tables and the same rule outcomes', () => {
    expect(report.tables.map((t) => [t.id, t.marker, t.cols])).toEqual(page.tables.map((t) => [t.id, t.marker, t.cols]));
    expect(report.rules).toEqual(page.rules);
    expect(report.document.department).toBe(page.document.department);
    expect(report.document.year).toBe(page.document.year);
    expect([report.document.format, page.document.format]).toEqual([format, 'html']);
  });
});

describe.each(['lukou-2024-tables.xlsx', 'lukou-2024-tables.xls'])('%s (tables only)', (file) => {
  let report: Report;
  beforeAll(async () => {
    report = await reportOf(bytes(`drafts/${file}`), file);
  });
  test('every table-identity finding of the page, with the same values and cells', () => {
    const key = (f: Report['findings'][number]) => findingKey(f, { markerInLabel: false });
    const identities = page.findings.filter((f) => f.rule.startsWith('I-')).map(key);
    expect(identities.length).toBeGreaterThan(0);
    const got = report.findings.filter((f) => f.rule.startsWith('I-')).map(key);
    expect(got.sort()).toEqual(identities.sort());
  });
  test('one "no narrative" notice, and no required-part or narrative failures one by one', () => {
    const notices = report.findings.filter((f) => f.message.includes('未提供说明部分（仅表格）'));
    expect(notices.map((f) => [f.rule, f.severity])).toEqual([['S-04', 'notice']]);
    expect(report.findings.filter((f) => f.rule.startsWith('S-') || f.rule.startsWith('N-'))).toEqual(notices);
    expect(report.summary.errors).toBe(0);
  });
  test('all nine tables recognised', () => {
    expect(report.tables.map((t) => t.id)).toEqual(page.tables.map((t) => t.id));
    expect(report.document.format).toBe(file.endsWith('.xls') ? 'xls' : 'xlsx');
  });
});
