import { describe, expect, test } from 'vitest';
import { rule } from '../../../lib/checks/B-N09';
import { run } from './build';
import { budgetDoc } from './budget-build';

const T = (total: string, services: string) => `2025年本部门政府采购预算${total}万元，其中：政府采购货物预算0万元、政府采购工程预算0万元、政府采购服务预算${services}万元。`;
const R = (sme: string, small: string) => `2025年本部门面向中小企业预留政府采购项目预算金额${sme}万元，其中，预留给小型和微型企业的政府采购项目预算为${small}万元。`;

describe('B-N09 政府采购 arithmetic', () => {
  test.each([
    ['the published figures', [T('34', '34'), R('34', '34')], null, null],
    ['goods + works + services ≠ total → error', [T('34', '43'), R('34', '34')], 'error', '43'],
    ['SME 35 vs total 34 (whole 万元, ±0.5 each) → no error', [T('34', '34'), R('35', '34')], null, null],
    ['SME reservation above the total → error', [T('34', '34'), R('36', '34')], 'error', '≤ 34万元'],
    ['small/micro above SME → error', [T('34.00', '34.00'), R('30.00', '31.00')], 'error', '≤ 30.00万元'],
    ['rounding boundary: 34.004 ≤ 34.00 within ±0.005 → pass', [T('34.00', '34.00'), R('34.004', '34.00')], null, null],
  ])('%s', (_n, paras, severity, expected) => {
    const { findings, outcome } = run(rule, budgetDoc(paras as string[]));
    if (!severity) {
      expect(findings).toEqual([]);
      expect(outcome).toBe('pass');
      return;
    }
    expect(findings.map((f) => [f.rule, f.severity, f.expected])).toEqual([['B-N09', severity, expected]]);
    expect(findings[0].spans.length).toBeGreaterThan(0);
    expect(findings[0].cells).toEqual([]);
  });
});
