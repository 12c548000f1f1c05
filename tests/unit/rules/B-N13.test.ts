import { describe, expect, test } from 'vitest';
import { rule } from '../../../lib/checks/B-N13';
import { run } from './build';
import { budgetDoc } from './budget-build';

describe('B-N13 years of the 2025 budget', () => {
  test.each([
    ['the published phrases', ['2025年，本部门收入预算9,101.68万元，其中：财政拨款收入9,101.68万元，比2024年预算减少2,389.52万元。', '截至2024年8月31日，本部门共有车辆0辆。', '五、实施周期', '2025全年度。'], null, null],
    ['last year\'s comparison year → error', ['财政拨款收入9,101.68万元，比2023年预算减少2,389.52万元。'], 'error', '2024'],
    ['the assets date of another year → error', ['截至2023年8月31日，本部门共有车辆0辆。'], 'error', '2024'],
    ['a project period outside the year → error', ['实施周期：2024年1月至2024年12月。'], 'error', '2025'],
    ['a multi-year period covering the year → pass', ['实施周期：2024年—2026年。'], null, null],
    ['the year of the headline → error', ['2024年，本部门收入预算9,101.68万元。'], 'error', '2025'],
  ])('%s', (_n, paras, severity, expected) => {
    const { findings, outcome } = run(rule, budgetDoc(paras as string[]));
    if (!severity) {
      expect(findings).toEqual([]);
      expect(outcome).toBe('pass');
      return;
    }
    expect(findings.map((f) => [f.rule, f.severity, f.expected])).toEqual([['B-N13', severity, expected]]);
    expect(findings[0].quote).toBe((paras as string[])[0]);
  });
});
