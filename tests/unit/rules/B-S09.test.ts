import { describe, expect, test } from 'vitest';
import { rule } from '../../../lib/checks/B-S09';
import { run } from './build';
import { budgetDoc } from './budget-build';
import { partsDoc } from './budget-parts-build';

describe('B-S09 required part', () => {
  test.each([
    ['the project explanation with its seven items', {}, null],
    ['no 实施周期 → warning', { drop: ['p5'] }, 'warning'],
    ['a heading glued to its text counts', { set: { p5: '五、实施周期2025全年度。' } }, null],
    ['no project explanation → warning', { drop: ['project', 'p1', 'p2', 'p3', 'p4', 'p5', 'p6', 'p7'] }, 'warning'],
  ] as const)('%s', (_n, opts, severity) => {
    const { findings, outcome } = run(rule, budgetDoc(partsDoc(opts as Parameters<typeof partsDoc>[0])));
    if (!severity) {
      expect(findings).toEqual([]);
      expect(outcome).toBe('pass');
      return;
    }
    expect(findings.map((f) => [f.rule, f.severity])).toEqual([['B-S09', severity]]);
    expect(findings[0].cells).toEqual([]);
    expect(findings[0].message.zh.length).toBeGreaterThan(4);
  });
});
