import { describe, expect, test } from 'vitest';
import { rule } from '../../../lib/checks/B-N02';
import { run } from './build';
import { budgetDoc, HEADLINE_EXPENSE, HEADLINE_INCOME } from './budget-build';

describe('B-N02 财政拨款 changes and funds agree', () => {
  test.each([
    ['the published sentences', [HEADLINE_INCOME, HEADLINE_EXPENSE], null, null],
    [
      'the spending change is not the income change → error',
      [HEADLINE_INCOME, HEADLINE_EXPENSE.replace('财政拨款支出预算9,101.68万元，比2024年预算减少2,389.52', '财政拨款支出预算9,101.68万元，比2024年预算减少2,398.52')],
      'error',
      '2389.52',
    ],
    [
      'the funds do not add up to the fiscal expenditure → error',
      [HEADLINE_EXPENSE.replace('一般公共预算拨款支出预算9,101.68', '一般公共预算拨款支出预算9,001.68').replace('一般公共预算拨款支出预算9,001.68万元，比2024年预算减少2,389.52', '一般公共预算拨款支出预算9,001.68万元，比2024年预算减少2,389.52')],
      'error',
      '9001.68',
    ],
    [
      'rounding boundary: fund changes 1.00 + 1.00 vs 2.01 → notice (±0.015)',
      ['财政拨款支出预算2.00万元，比2024年预算增加2.01万元。一般公共预算拨款支出预算1.00万元，比2024年预算增加1.00万元；政府性基金拨款支出预算1.00万元，比2024年预算增加1.00万元。'],
      'notice',
      '2.00',
    ],
  ])('%s', (_n, texts, severity, expected) => {
    const { findings, outcome } = run(rule, budgetDoc(texts as string[]));
    if (!severity) {
      expect(findings).toEqual([]);
      expect(outcome).toBe('pass');
      return;
    }
    // A wrong fiscal change breaks both relations it is in (income change, Σ fund changes).
    const n = _n.startsWith('the spending change') ? 2 : 1;
    expect(findings.map((f) => [f.rule, f.severity, f.expected])).toEqual(Array(n).fill(['B-N02', severity, expected]));
    expect(findings[0].spans.length).toBeGreaterThan(0);
    expect(findings[0].quote).toContain('财政拨款支出预算');
  });

  test('a fund whose change is 持平 counts as 0 in the sum of changes', () => {
    const text = HEADLINE_EXPENSE.replace('一般公共预算拨款支出预算9,101.68万元，比2024年预算减少2,389.52万元', '一般公共预算拨款支出预算9,101.68万元，比2024年预算持平');
    const [f] = run(rule, budgetDoc([text])).findings;
    expect(f.rule).toBe('B-N02');
    expect(f.severity).toBe('error');
    expect(f.message.zh).toContain('财政拨款支出预算减少额 2,389.52万元');
    expect(f.expected).toBe('0.00');
  });
});
