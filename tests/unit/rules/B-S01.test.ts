import { describe, expect, test } from 'vitest';
import { rule } from '../../../lib/checks/B-S01';
import { run } from './build';
import { budgetDoc } from './budget-build';
import { partsDoc } from './budget-parts-build';

describe('B-S01 required part', () => {
  test.each([
    ['the cover line', {}, null],
    ['no cover line → error', { drop: ['cover', 'coverBody'] }, 'error'],
    ['only 预算主管部门：X → present', { drop: ['cover'] }, null],
  ] as const)('%s', (_n, opts, severity) => {
    const { findings, outcome } = run(rule, budgetDoc(partsDoc(opts as Parameters<typeof partsDoc>[0])));
    if (!severity) {
      expect(findings).toEqual([]);
      expect(outcome).toBe('pass');
      return;
    }
    expect(findings.map((f) => [f.rule, f.severity])).toEqual([['B-S01', severity]]);
    expect(findings[0].cells).toEqual([]);
    expect(findings[0].message.zh.length).toBeGreaterThan(4);
  });
});
