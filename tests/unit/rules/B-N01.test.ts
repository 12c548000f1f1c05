import { describe, expect, test } from 'vitest';
import { rule } from '../../../lib/checks/B-N01';
import { run } from './build';
import { budgetDoc, HEADLINE_INCOME } from './budget-build';

describe('B-N01 收入预算: the sources add up, the change words fit', () => {
  test.each([
    ['the published headline', HEADLINE_INCOME, null, null],
    ['a total that is not the sum of its sources → error', HEADLINE_INCOME.replace('收入预算9,101.68', '收入预算9,110.68'), 'error', '9101.68'],
    ['rounding boundary: off by 0.01 within ±0.005 × 3 → notice', '收入预算100.01万元，其中：财政拨款收入50.00万元；事业收入50.00万元。', 'notice', '100.00'],
    ['rounding boundary: off by 0.02 beyond ±0.015 → error', '收入预算100.02万元，其中：财政拨款收入50.00万元；事业收入50.00万元。', 'error', '100.00'],
    ['a change word with a zero change → warning', '收入预算100.00万元，其中：财政拨款收入100.00万元，比2024年预算增加0万元；事业收入0万元。', 'warning', '持平'],
  ])('%s', (_n, text, severity, expected) => {
    const { findings, outcome } = run(rule, budgetDoc([text as string]));
    if (!severity) {
      expect(findings).toEqual([]);
      expect(outcome).toBe('pass');
      return;
    }
    expect(findings.map((f) => [f.rule, f.severity, f.expected])).toEqual([['B-N01', severity, expected]]);
    expect(findings[0].quote).toBe((text as string).trim());
    expect(findings[0].spans).toHaveLength(1);
    expect(findings[0].cells).toEqual([]);
  });

  test('the sum names its terms (expected vs stated)', () => {
    const [f] = run(rule, budgetDoc([HEADLINE_INCOME.replace('收入预算9,101.68', '收入预算9,110.68')])).findings;
    expect(f.message.zh).toContain('收入预算 9,110.68万元 ≠ 财政拨款收入 + 事业收入 + 事业单位经营收入 + 其他收入 = 9101.68 万元');
    expect(f.actual).toBe('9,110.68万元');
  });

  test('no headline → not applicable', () => {
    expect(run(rule, budgetDoc(['本部门主要职能是……。'])).outcome).toBe('not-applicable');
  });
});
