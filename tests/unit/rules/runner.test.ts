import { describe, expect, test } from 'vitest';
import { defineRule } from '../../../lib/checks/types';
import { runRules } from '../../../lib/checks/runner';
import { rule as I01 } from '../../../lib/checks/I-01';
import { rule as I05 } from '../../../lib/checks/I-05';
import { disclosure } from './build';
import { T1 } from './samples';

describe('runner: a rule that throws', () => {
  test('becomes an internal finding; the other rules still run and report', () => {
    const boom = defineRule({
      meta: { id: 'I-99', title: { zh: '坏规则', en: 'broken' }, severity: 'error', tables: ['T1'] },
      run() {
        throw new Error('kaputt');
      },
    });
    const d = disclosure([T1({ 本年收入合计: '906.57' })]);
    const { findings, rules } = runRules(d, [boom, I01, I05]);
    expect(rules.map((r) => [r.id, r.outcome])).toEqual([
      ['I-99', 'internal-error'],
      ['I-01', 'fail'],
      ['I-05', 'pass'],
    ]);
    expect(findings.map((f) => [f.rule, f.severity])).toEqual([
      ['I-99', 'warning'],
      ['I-01', 'error'],
    ]);
    expect(findings[0].message.zh).toContain('kaputt');
    expect(rules[0].detail).toBe('kaputt');
  });
  test('a rule whose tables are absent is not applicable, with the missing tables named', () => {
    const { findings, rules } = runRules(disclosure([]), [I01]);
    expect(findings).toEqual([]);
    expect(rules).toEqual([{ id: 'I-01', outcome: 'not-applicable', detail: 'missing T1' }]);
  });
});
