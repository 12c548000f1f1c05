import { describe, expect, test } from 'vitest';
import { rule } from '../../../lib/checks/B-N14';
import { run } from './build';
import { budgetDoc } from './budget-build';

describe('B-N14 部门/单位 wording', () => {
  test.each([
    ['a unit budget in unit words', 'unit', '2025年本单位政府采购预算34万元。', null, null],
    ['the fixed name 部门预算经济分类 in a unit budget', 'unit', '详见一般公共预算基本支出部门预算经济分类预算表。', null, null],
    ['本部门 left in a unit budget → warning', 'unit', '2025年本部门政府采购预算34万元。', 'warning', '本单位'],
    ['本单位 in a department budget → warning', 'department', '2025年本单位政府采购预算34万元。', 'warning', '本部门'],
  ])('%s', (_n, scope, text, severity, expected) => {
    const { findings, outcome } = run(rule, budgetDoc([text as string], scope as 'unit' | 'department'));
    if (!severity) {
      expect(findings).toEqual([]);
      expect(outcome).toBe('pass');
      return;
    }
    expect(findings.map((f) => [f.rule, f.severity, f.expected, f.actual])).toEqual([['B-N14', severity, expected, severity === 'warning' && scope === 'unit' ? '本部门' : '本单位']]);
    expect(findings[0].quote).toBe(text);
  });
});
