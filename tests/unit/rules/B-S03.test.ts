import { describe, expect, test } from 'vitest';
import { rule } from '../../../lib/checks/B-S03';
import { run } from './build';
import { budgetDoc } from './budget-build';
import { partsDoc } from './budget-parts-build';

describe('B-S03 required part', () => {
  test.each([
    ['a 主要职能 heading', {}, null],
    ['none → error', { drop: ['functions'], set: { functionsBody: '上海市普陀区人民政府办公室是协助区政府领导处理区政府日常工作的区政府工作部门，负责组织起草或审核以区政府名义发布的文件等等工作。' } }, 'error'],
  ] as const)('%s', (_n, opts, severity) => {
    const { findings, outcome } = run(rule, budgetDoc(partsDoc(opts as Parameters<typeof partsDoc>[0])));
    if (!severity) {
      expect(findings).toEqual([]);
      expect(outcome).toBe('pass');
      return;
    }
    expect(findings.map((f) => [f.rule, f.severity])).toEqual([['B-S03', severity]]);
    expect(findings[0].cells).toEqual([]);
    expect(findings[0].message.zh.length).toBeGreaterThan(4);
  });
});
