import { describe, expect, test } from 'vitest';
import { rule } from '../../../lib/checks/I-19';
import { at, brief, disclosure, expected, run } from './build';
import { T5, T6 } from './samples';

describe('I-19 T5 基本支出 = T6 人员经费合计 + 公用经费合计', () => {
  test('the seed page\'s 880.81 vs 582.12 + 298.68 = 880.80 is a rounding notice naming all three cells', () => {
    const t5 = T5();
    const t6 = T6();
    const { findings, outcome } = run(rule, disclosure([t5, t6]));
    expect(brief(findings)).toEqual([
      expected('I-19', 'notice', [[at(t5, '合计', 'basic'), 'total'], [at(t6, '人员经费合计', 'amount'), 'part'], [at(t6, '公用经费合计', 'amount'), 'part']]),
    ]);
    expect(outcome).toBe('pass');
    expect(findings[0].message.zh).toContain('880.81 ≠');
    expect(findings[0].message.zh).toContain('880.80（尾数差异：差 0.01，容差 0.015）');
  });
  test('exact → pass; beyond tolerance → error', () => {
    expect(run(rule, disclosure([T5({ '合计|basic': '880.80' }), T6()])).findings).toEqual([]);
    expect(run(rule, disclosure([T5({ '合计|basic': '890.81' }), T6()])).findings.map((f) => f.severity)).toEqual(['error']);
  });
});
