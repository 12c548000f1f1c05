import { describe, expect, test } from 'vitest';
import { rule } from '../../../lib/checks/B-N15';
import { run } from './build';
import { budgetDoc } from './budget-build';

const SHARE = (p: string) => `2025年收入预算1,000.00万元，其中：财政拨款收入800.00万元，占收入预算的${p}；事业收入200.00万元。`;
const RATE = (d: string, p: string, word = '增加', rate = '增长') => `支出预算300.00万元，其中：财政拨款支出预算300.00万元，比2024年预算${word}${d}万元，${rate}${p}。`;

describe('B-N15 shares and rates', () => {
  test.each([
    ['share 80.00%', [SHARE('80.00%')], null, null],
    ['share 85.00% → error', [SHARE('85.00%')], 'error', ['80.00%', '85.00%']],
    ['share truncated/one unit off (79.99%) → notice', [SHARE('79.99%')], 'notice', ['80.00%', '79.99%']],
    ['share of 一般公共预算拨款支出', ['一般公共预算拨款支出预算400.00万元。一般公共服务支出100.00万元，占一般公共预算拨款支出的25%。'], null, null],
    ['rate: +60 on 240 = 25.00%', [RATE('60.00', '25.00%')], null, null],
    ['rate: −60 on 360 = 16.67%', [RATE('60.00', '16.67%', '减少', '下降')], null, null],
    ['rate 20.00% for 25.00% → error', [RATE('60.00', '20.00%')], 'error', ['25.00%', '20.00%']],
    // Rounding boundary: 1.00 on 3.00 − 1.00 = 50.00%; with ±0.005 on X and D the interval is
    // [0.995/2.005, 1.005/1.995] = [49.63%, 50.38%]: 50.3% meets it (notice), 51% is one unit off at 0 decimals.
    ['rate boundary: 50.3% (intervals meet) → notice', ['支出预算3.00万元，比2024年预算增加1.00万元，增长50.3%。'], 'notice', ['50.0%', '50.3%']],
    ['rate boundary: 52% → error', ['支出预算3.00万元，比2024年预算增加1.00万元，增长52%。'], 'error', ['50%', '52%']],
  ])('%s', (_n, texts, severity, values) => {
    const { findings, outcome } = run(rule, budgetDoc(texts as string[]));
    if (!severity) {
      expect(findings).toEqual([]);
      expect(outcome).toBe('pass');
      return;
    }
    expect(findings.map((f) => [f.rule, f.severity])).toEqual([['B-N15', severity]]);
    expect([findings[0].expected, findings[0].actual]).toEqual(values);
    expect(findings[0].spans).toHaveLength(1);
    expect(findings[0].cells).toEqual([]);
  });

  test.each([
    ['an unknown whole is not guessed', ['财政拨款收入800.00万元，占全区总量的85.00%。']],
    ['a rate with no base (持平 or no change amount)', ['支出预算300.00万元，比2024年预算持平。']],
    ['no base last year (300 − 300 = 0)', ['支出预算300.00万元，比2024年预算增加300.00万元，增长100%。']],
  ])('not applicable: %s', (_n, texts) => {
    const { findings, outcome } = run(rule, budgetDoc(texts as string[]));
    expect(findings).toEqual([]);
    expect(outcome).toBe('not-applicable');
  });
});
