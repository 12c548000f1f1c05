import { describe, expect, test } from 'vitest';
import { rule } from '../../../lib/checks/I-23';
import { at, brief, disclosure, expected, run } from './build';
import { T6, T9 } from './samples';

describe('I-23 T6 三公 items ≤ T9 决算', () => {
  test('equal or smaller passes (30212 7.57 ≤ 出国 7.57)', () => {
    expect(run(rule, disclosure([T6(), T9()])).findings).toEqual([]);
  });
  test('T6 公务接待费 larger than T9 → error (part = T6, total = T9)', () => {
    const t6 = T6({ '30217': '2.00' });
    const t9 = T9();
    expect(brief(run(rule, disclosure([t6, t9])).findings)).toEqual([
      expected('I-23', 'error', [[at(t9, '', 'actual.reception'), 'total'], [at(t6, '30217', 'amount'), 'part']]),
    ]);
  });
  test('excess within tolerance → notice; T9 larger → pass (one-sided)', () => {
    expect(run(rule, disclosure([T6({ '30212': '7.58' }), T9()])).findings.map((f) => f.severity)).toEqual(['notice']);
    expect(run(rule, disclosure([T6({ '30231': '1.00' }), T9({ 'actual.carRunning': '5.00' })])).findings).toEqual([]);
  });
});
