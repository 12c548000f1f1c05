import { describe, expect, test } from 'vitest';
import { rule } from '../../../lib/checks/B-S10';
import { run } from './build';
import { budgetDoc } from './budget-build';
import { partsDoc, PARTS } from './budget-parts-build';

describe('B-S10 required part', () => {
  test.each([
    ['clean text', {}, null],
    ['a placeholder → warning', { set: { running: '2025年XX局机关运行经费预算为213.28万元。' } }, 'warning'],
    ['。。 → warning', { set: { running: '2025年本部门机关运行经费预算为213.28万元。。' } }, 'warning'],
    ['unbalanced quotes → warning', { set: { sangong: '2025年“三公经费预算数为867.50万元，与2024年预算持平。' } }, 'warning'],
    ['a paragraph twice → warning', { set: { assetsBody: PARTS.functionsBody } }, 'warning'],
  ] as const)('%s', (_n, opts, severity) => {
    const { findings, outcome } = run(rule, budgetDoc(partsDoc(opts as Parameters<typeof partsDoc>[0])));
    if (!severity) {
      expect(findings).toEqual([]);
      expect(outcome).toBe('pass');
      return;
    }
    expect(findings.map((f) => [f.rule, f.severity])).toEqual([['B-S10', severity]]);
    expect(findings[0].cells).toEqual([]);
    expect(findings[0].message.zh.length).toBeGreaterThan(4);
  });
});
