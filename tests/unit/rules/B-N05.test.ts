import { describe, expect, test } from 'vitest';
import { rule } from '../../../lib/checks/B-N05';
import { run } from './build';
import { budgetDoc } from './budget-build';

const S = (a: string, b: string, word: string, p: string) => `2024年当年预算执行数${a}万元，2025年预算安排${b}万元，比2024年当年预算执行数${word}${p}，主要原因是业务量变化。`;

describe('B-N05 per-项 rate on last year\'s execution', () => {
  test.each([
    ['exact: 100 → 110 is +10.00%', S('100.00', '110.00', '增加', '10.00%'), null, null],
    ['budget.md: 0.50 → 0.62 stated as 24.00% (intervals reach it)', S('0.50', '0.62', '增加', '24.00%'), null, null],
    ['a wrong rate → error', S('100.00', '110.00', '增加', '11.00%'), 'error', '10.00%'],
    ['the word against the sign → error', S('100.00', '90.00', '增加', '10.00%'), 'error', '减少'],
    ['A = 0 with a rate (增长100% convention) → warning', S('0', '5.00', '增长', '100%'), 'warning', null],
    ['rounding boundary: 10.01% one unit off the exact 10.00% → notice', S('100.00', '110.00', '增加', '10.01%'), 'notice', '10.00%'],
    ['rounding boundary: 10.02% one unit off → notice', S('100.00', '110.00', '增加', '10.02%'), 'notice', '10.00%'],
  ])('%s', (_n, text, severity, expected) => {
    const { findings, outcome } = run(rule, budgetDoc([text as string]));
    if (!severity) {
      expect(findings).toEqual([]);
      expect(outcome).toBe('pass');
      return;
    }
    expect(findings.map((f) => [f.rule, f.severity, f.expected])).toEqual([['B-N05', severity, expected]]);
    expect(findings[0].quote).toBe(text);
    expect(findings[0].cells).toEqual([]);
  });

  test('no such sentence → not applicable', () => {
    expect(run(rule, budgetDoc(['收入预算9,101.68万元。'])).outcome).toBe('not-applicable');
  });
});
