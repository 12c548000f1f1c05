import { describe, expect, test } from 'vitest';
import { rule } from '../../../lib/checks/B-N03';
import { run } from './build';
import { budgetDoc, HEADLINE_INCOME } from './budget-build';

describe('B-N03 the reason sentence', () => {
  test.each([
    ['the published sentence (减少, as above)', '财政拨款收入支出减少的主要原因是项目调整。', null, null],
    ['增加 while the change above is a decrease → error', '财政拨款收入支出增加的主要原因是项目调整。', 'error', '减少'],
    ['the template left as is → error', '财政拨款收入支出增加（减少）的主要原因是项目调整。', 'error', '减少'],
    ['no reason → warning', '财政拨款收入支出减少的主要原因是。', 'warning', '原因'],
  ])('%s', (_n, reason, severity, expected) => {
    const d = budgetDoc([HEADLINE_INCOME, reason as string]);
    const { findings, outcome } = run(rule, d);
    if (!severity) {
      expect(findings).toEqual([]);
      expect(outcome).toBe('pass');
      return;
    }
    expect(findings.map((f) => [f.rule, f.severity, f.expected])).toEqual([['B-N03', severity, expected]]);
    expect(findings[0].quote).toContain(reason as string);
    expect(findings[0].cells).toEqual([]);
  });

  test('without a stated change only the template and the reason are checked', () => {
    expect(run(rule, budgetDoc(['财政拨款收入支出增加的主要原因是人员增加。'])).findings).toEqual([]);
  });

  test('no reason sentence → not applicable', () => {
    expect(run(rule, budgetDoc([HEADLINE_INCOME])).outcome).toBe('not-applicable');
  });
});
