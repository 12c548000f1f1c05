import { describe, expect, test } from 'vitest';
import { rule } from '../../../lib/checks/B-S07';
import { run } from './build';
import { budgetDoc } from './budget-build';
import { partsDoc } from './budget-parts-build';

describe('B-S07 the nine tables', () => {
  test('all nine → pass', () => {
    const { findings, outcome } = run(rule, budgetDoc(partsDoc()));
    expect(findings).toEqual([]);
    expect(outcome).toBe('pass');
  });

  test('BT9 missing → one error naming it', () => {
    const { findings } = run(rule, budgetDoc(partsDoc({ tables: ['BT1', 'BT2', 'BT3', 'BT4', 'BT5', 'BT6', 'BT7', 'BT8'] })));
    expect(findings.map((f) => [f.rule, f.severity])).toEqual([['B-S07', 'error']]);
    expect(findings[0].message.zh).toContain('BT9');
  });
});
