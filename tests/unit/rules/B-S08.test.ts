import { describe, expect, test } from 'vitest';
import { rule } from '../../../lib/checks/B-S08';
import { run } from './build';
import { budgetDoc } from './budget-build';
import { partsDoc } from './budget-parts-build';

describe('B-S08 required part', () => {
  test.each([
    ['all five', {}, null],
    ['no procurement → error', { drop: ['procurement'] }, 'error'],
    ["the glossary's 三公 entry is not the part → error", { drop: ['sangong'] }, 'error'],
    ['a heading glued to the end of a paragraph counts', { drop: ['performance'], set: { procurement: '2025年本部门政府采购预算34万元，其中：政府采购服务预算34万元。四、绩效目标设置情况' } }, null],
  ] as const)('%s', (_n, opts, severity) => {
    const { findings, outcome } = run(rule, budgetDoc(partsDoc(opts as Parameters<typeof partsDoc>[0])));
    if (!severity) {
      expect(findings).toEqual([]);
      expect(outcome).toBe('pass');
      return;
    }
    expect(findings.map((f) => [f.rule, f.severity])).toEqual([['B-S08', severity]]);
    expect(findings[0].cells).toEqual([]);
    expect(findings[0].message.zh.length).toBeGreaterThan(4);
  });
});
