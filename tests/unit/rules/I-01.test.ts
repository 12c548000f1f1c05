import { describe, expect, test } from 'vitest';
import { rule } from '../../../lib/checks/I-01';
import { at, brief, disclosure, expected, run, tbl } from './build';

function t1(total: string, opts: { general?: string; other?: string; ofWhich?: string; unit?: '元' } = {}) {
  return tbl('T1', {
    unit: opts.unit,
    panels: {
      income: {
        cols: ['amount'],
        rows: [
          ['', '一、一般公共预算财政拨款收入', opts.general ?? '880.81'],
          ...(opts.ofWhich ? [['', '其中：专项收入', opts.ofWhich]] : []),
          ['', '二、政府性基金预算财政拨款收入', ''],
          ['', '八、其他收入', opts.other ?? '15.76'],
          ['', '', ''],
          ['', '本年收入合计', total],
          ['', '年初结转和结余', '0'],
          ['', '总计', total],
        ],
      },
    },
  });
}

function parts(t: ReturnType<typeof tbl>) {
  return [
    [at(t, '本年收入合计', 'amount'), 'total'],
    [at(t, '一、一般公共预算财政拨款收入', 'amount'), 'part'],
    [at(t, '二、政府性基金预算财政拨款收入', 'amount'), 'part'],
    [at(t, '八、其他收入', 'amount'), 'part'],
  ] as Array<[ReturnType<typeof at>, 'total' | 'part']>;
}

describe('I-01 本年收入合计 = Σ income rows', () => {
  const cases: Array<{ name: string; total: string; opts?: Parameters<typeof t1>[1]; severity: string | null }> = [
    { name: 'exact sum passes', total: '896.57', severity: null },
    { name: '其中 rows are not extra terms', total: '896.57', opts: { ofWhich: '100.00' }, severity: null },
    { name: 'rounding-only difference is a notice', total: '896.58', severity: 'notice' },
    { name: 'a real difference is an error', total: '896.67', severity: 'error' },
    { name: 'a dropped digit is an error', total: '89.57', severity: 'error' },
    { name: '元 table: 1 元 off within the printed precision is a notice', total: '8965701', opts: { general: '8808100', other: '157600', unit: '元' }, severity: 'notice' },
    { name: '元 table: 10 元 off is an error', total: '8965710', opts: { general: '8808100', other: '157600', unit: '元' }, severity: 'error' },
  ];
  for (const c of cases) {
    test(c.name, () => {
      const t = t1(c.total, c.opts);
      const { findings, outcome } = run(rule, disclosure([t]));
      if (c.severity === null) {
        expect(findings).toEqual([]);
        expect(outcome).toBe('pass');
      } else {
        expect(brief(findings)).toEqual([expected('I-01', c.severity, parts(t))]);
        expect(outcome).toBe(c.severity === 'error' ? 'fail' : 'pass');
      }
    });
  }

  test('message states stated vs expected, difference and tolerance (zh first, en)', () => {
    const { findings } = run(rule, disclosure([t1('896.58')]));
    expect(findings[0].message.zh).toBe('收入支出决算总表 本年收入合计 896.58 ≠ 各项收入之和 896.57（尾数差异：差 0.01，容差 0.015）');
    expect(findings[0].message.en).toContain('896.58 ≠ the sum of the income rows 896.57');
    expect(findings[0].expected).toBe('896.57');
    expect(findings[0].actual).toBe('896.58');
  });

  test('a cell that is not a number is a warning naming it; the identity is skipped, not summed as 0', () => {
    const t = t1('896.57', { general: '单位不需填列' });
    const { findings } = run(rule, disclosure([t]));
    expect(brief(findings)).toEqual([expected('I-01', 'warning', [[at(t, '一、一般公共预算财政拨款收入', 'amount'), 'value']])]);
    expect(findings[0].message.zh).toContain('不是数字');
  });

  test('no T1 → not applicable', () => {
    expect(run(rule, disclosure([])).outcome).toBe('not-applicable');
  });
});
