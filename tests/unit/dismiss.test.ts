import { describe, expect, it } from 'vitest';
import type { Report, ReportFinding } from '../../lib/report/schema';
import {
  applyDismissals,
  dismissalOf,
  dismissedOf,
  emptyFile,
  fingerprint,
  identityOf,
  readDismissals,
  withDismissals,
  withoutDismissal,
  DISMISSALS_FORMAT,
} from '../../lib/report/dismiss';

const cell = (row: number, text: string, label: string) => ({ table: 'T1', row, col: 2, text, role: 'total' as const, label });
const f = (over: Partial<ReportFinding>): ReportFinding => ({
  rule: 'I-01',
  severity: 'error',
  message: '本年收入合计 896.58 ≠ 各项收入之和 896.57',
  expected: '896.57',
  actual: '896.58',
  cells: [cell(27, '896.58', '公开01表 · 本年收入合计 · 决算数')],
  quote: null,
  cause: null,
  ...over,
});
const report = (findings: ReportFinding[]): Pick<Report, 'findings' | 'summary'> => ({
  findings,
  summary: {
    errors: findings.filter((x) => x.severity === 'error').length,
    warnings: findings.filter((x) => x.severity === 'warning').length,
    notices: findings.filter((x) => x.severity === 'notice').length,
    rulesRun: 40,
  },
});

const A = f({});
const B = f({ rule: 'N-19', severity: 'warning', cells: [], quote: '与上年相比，增加10.42万元，增长1.18%。', expected: '主要原因', actual: '（未说明）', message: '写明了变动…' });
const C = f({ rule: 'S-01', severity: 'error', cells: [], quote: null, message: '缺少部门职责' });
const D = f({ rule: 'I-19', severity: 'notice', cells: [cell(5, '880.81', '公开05表 · 合计 · 基本支出')], message: '尾数差异' });
const URL1 = 'https://www.example.gov.cn/a/1.html';

describe('dismissals: identity', () => {
  it.each([
    ['table finding: rule and cells (label = text)', A, { rule: 'I-01', cells: ['公开01表 · 本年收入合计 · 决算数 = 896.58'], quote: null }],
    ['narrative finding: rule and quote', B, { rule: 'N-19', cells: [], quote: '与上年相比，增加10.42万元，增长1.18%。' }],
    ['finding with neither: rule and message', C, { rule: 'S-01', cells: [], quote: null, message: '缺少部门职责' }],
  ])('%s', (_, finding, id) => {
    expect(identityOf(finding)).toEqual(id);
  });

  it('does not depend on the finding index, the message wording or the expected value', () => {
    expect(fingerprint(identityOf(A))).toBe(fingerprint(identityOf(f({ message: 'other wording', expected: '900.00' }))));
  });

  it.each([
    ['another stated value', f({ cells: [cell(27, '896.59', '公开01表 · 本年收入合计 · 决算数')] })],
    ['another cell', f({ cells: [cell(28, '896.58', '公开01表 · 本年支出合计 · 决算数')] })],
    ['another rule', f({ rule: 'I-02' })],
  ])('differs for %s', (_, other) => {
    expect(fingerprint(identityOf(other))).not.toBe(fingerprint(identityOf(A)));
  });

  it('ignores whitespace differences in labels and quotes (PDF line breaks)', () => {
    const spaced = f({ rule: 'N-19', cells: [], quote: '与上年相比，增加10.42 万元，\n增长1.18%。' });
    const tight = f({ rule: 'N-19', cells: [], quote: '与上年相比，增加10.42 万元， 增长1.18%。' });
    expect(fingerprint(identityOf(spaced))).toBe(fingerprint(identityOf(tight)));
  });
});

describe('dismissals: applying', () => {
  const file = withDismissals(emptyFile(), [dismissalOf(A, URL1, ' 已与财务核对 ', '2026-12-07T00:00:00Z'), dismissalOf(B, null, '', '2026-12-07T00:00:00Z')]);

  it('marks the dismissed findings in place, keeps them listed, and counts only the others', () => {
    const r = applyDismissals(report([A, B, C, D]), file, [URL1 + '#dc-finding=I-01.T1.27.2']);
    expect(r.findings).toHaveLength(4);
    expect(r.findings.map((x) => dismissedOf(x))).toEqual([{ note: '已与财务核对', at: '2026-12-07T00:00:00Z' }, { at: '2026-12-07T00:00:00Z' }, null, null]);
    expect(r.summary).toEqual({ errors: 1, warnings: 0, notices: 1, rulesRun: 40, dismissed: 2 });
  });

  it('a dismissal for one document does not apply to another; one without a document applies to any', () => {
    const r = applyDismissals(report([A, B]), file, ['https://other.gov.cn/x.html', 'sha256:ab']);
    expect(r.findings.map((x) => dismissedOf(x) !== null)).toEqual([false, true]);
    expect(r.summary.errors).toBe(1);
  });

  it('is idempotent, and undone by re-applying a file without the dismissal', () => {
    const once = applyDismissals(report([A, B]), file, [URL1]);
    expect(applyDismissals(once, file, [URL1])).toEqual(once);
    const undone = applyDismissals(once, withoutDismissal(file, A, URL1), [URL1]);
    expect(undone.findings.map((x) => dismissedOf(x) !== null)).toEqual([false, true]);
    expect(undone.summary).toEqual({ errors: 1, warnings: 0, notices: 0, rulesRun: 40, dismissed: 1 });
    const none = applyDismissals(once, null, [URL1]);
    expect(none).toEqual(report([A, B]));
  });

  it('a second dismissal of the same finding replaces the first (the newer note wins)', () => {
    const again = withDismissals(file, [dismissalOf(A, URL1, '新说明', '2026-12-08T00:00:00Z')]);
    expect(again.dismissals).toHaveLength(2);
    expect(applyDismissals(report([A]), again, [URL1]).findings[0]).toMatchObject({ dismissed: { note: '新说明' } });
  });
});

describe('dismissals: the file', () => {
  it('reads a valid file and rejects anything else', () => {
    const good = { format: DISMISSALS_FORMAT, version: 1, dismissals: [{ rule: 'I-01', cells: ['x = 1'], quote: null }] };
    expect(readDismissals(good)?.dismissals).toHaveLength(1);
    expect(readDismissals(JSON.parse(JSON.stringify(good)))).not.toBeNull();
    for (const bad of [null, [], {}, { ...good, version: 2 }, { ...good, format: 'x' }, { ...good, dismissals: [{ rule: 'I-01' }] }, { ...good, dismissals: [{ rule: '', cells: [], quote: null }] }])
      expect(readDismissals(bad)).toBeNull();
  });
});
