import { describe, expect, test } from 'vitest';
import { rule } from '../../../lib/checks/B-N06';
import { run } from './build';
import { budgetDoc } from './budget-build';

const TOTAL = (x: string, d: string, word = '增加') => `支出预算${x}万元，其中：财政拨款支出预算${x}万元，比2024年预算${word}${d}万元。`;
const ITEM = (n: number, x: string, c: string) => `${n}.“一般公共服务支出-政府办公厅（室）及相关机构事务-行政运行”科目${x}万元，主要用于行政单位的基本支出。2024年预算${c}万元，2025年预算安排${x}万元。`;

describe('B-N06 per-项 prior-year budgets add up to last year', () => {
  test.each([
    ['Σ C = X − D', [TOTAL('300.00', '20.00'), ITEM(1, '100.00', '90.00'), ITEM(2, '200.00', '190.00')], null, null],
    ['a decrease: Σ C = X + D', [TOTAL('300.00', '20.00', '减少'), ITEM(1, '100.00', '110.00'), ITEM(2, '200.00', '210.00')], null, null],
    ['Σ C 290.00 ≠ 280.00 → warning', [TOTAL('300.00', '20.00'), ITEM(1, '100.00', '90.00'), ITEM(2, '200.00', '200.00')], 'warning', ['280.00', '290.00']],
    // Tolerance: X and D ±0.005 each, two Cs ±0.005 each = 0.02.
    ['rounding boundary: 0.02 off passes', [TOTAL('300.00', '20.00'), ITEM(1, '100.00', '90.01'), ITEM(2, '200.00', '190.01')], null, null],
    ['rounding boundary: 0.03 off → warning', [TOTAL('300.00', '20.00'), ITEM(1, '100.00', '90.02'), ITEM(2, '200.00', '190.01')], 'warning', ['280.00', '280.03']],
  ])('%s', (_n, texts, severity, values) => {
    const { findings, outcome } = run(rule, budgetDoc(texts as string[]));
    if (!severity) {
      expect(findings).toEqual([]);
      expect(outcome).toBe('pass');
      return;
    }
    expect(findings.map((f) => [f.rule, f.severity])).toEqual([['B-N06', severity]]);
    expect([findings[0].expected, findings[0].actual]).toEqual(values);
    // The total's sentence and both per-项 sentences; no table cells (last year is in no table).
    expect(findings[0].spans).toHaveLength(3);
    expect(findings[0].cells).toEqual([]);
  });

  test.each([
    ['one item without its prior budget', [TOTAL('300.00', '20.00'), ITEM(1, '100.00', '90.00'), ITEM(2, '200.00', '190.00').replace('2024年预算190.00万元，', '')]],
    ['no change stated for the total', [TOTAL('300.00', '20.00').replace('，比2024年预算增加20.00万元', ''), ITEM(1, '100.00', '90.00'), ITEM(2, '200.00', '190.00')]],
    ['a prior budget of another year', [TOTAL('300.00', '20.00'), ITEM(1, '100.00', '90.00'), ITEM(2, '200.00', '190.00').replace('2024年预算', '2023年预算')]],
  ])('not applicable: %s', (_n, texts) => {
    const { findings, outcome } = run(rule, budgetDoc(texts as string[]));
    expect(findings).toEqual([]);
    expect(outcome).toBe('not-applicable');
  });
});
