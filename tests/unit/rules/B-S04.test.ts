import { describe, expect, test } from 'vitest';
import { rule } from '../../../lib/checks/B-S04';
import { run } from './build';
import { budgetDoc } from './budget-build';
import { partsDoc } from './budget-parts-build';

describe('B-S04 required part', () => {
  test.each([
    ['a 机构设置 heading', {}, null],
    ['none → error', { drop: ['org'] }, 'error'],
    ["a unit's 内设机构 heading counts", { set: { org: '二、单位内设机构' } }, null],
  ] as const)('%s', (_n, opts, severity) => {
    const { findings, outcome } = run(rule, budgetDoc(partsDoc(opts as Parameters<typeof partsDoc>[0])));
    if (!severity) {
      expect(findings).toEqual([]);
      expect(outcome).toBe('pass');
      return;
    }
    expect(findings.map((f) => [f.rule, f.severity])).toEqual([['B-S04', severity]]);
    expect(findings[0].cells).toEqual([]);
    expect(findings[0].message.zh.length).toBeGreaterThan(4);
  });
});
