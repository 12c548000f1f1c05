import { describe, expect, test } from 'vitest';
import { rule } from '../../../lib/checks/B-S06';
import { run } from './build';
import { budgetDoc } from './budget-build';
import { partsDoc } from './budget-parts-build';

describe('B-S06 required part', () => {
  test.each([
    ['heading, totals with a change, per-项 list', {}, null],
    ['no explanation at all → error', { drop: ['explanation', 'totals', 'items'] }, 'error'],
    ['no per-项 list → warning', { drop: ['items'] }, 'warning'],
    ['totals without the change → warning', { set: { totals: '2025年，本部门收入预算9,101.68万元，其中：财政拨款收入9,101.68万元。' } }, 'warning'],
  ] as const)('%s', (_n, opts, severity) => {
    const { findings, outcome } = run(rule, budgetDoc(partsDoc(opts as Parameters<typeof partsDoc>[0])));
    if (!severity) {
      expect(findings).toEqual([]);
      expect(outcome).toBe('pass');
      return;
    }
    expect(findings.map((f) => [f.rule, f.severity])).toEqual([['B-S06', severity]]);
    expect(findings[0].cells).toEqual([]);
    expect(findings[0].message.zh.length).toBeGreaterThan(4);
  });
});
