import { describe, expect, test } from 'vitest';
import { rule } from '../../../lib/checks/I-21';
import { at, brief, disclosure, expected, run } from './build';
import { T3, T5 } from './samples';

describe('I-21 T5 ≤ T3 (合计, 基本, 项目, shared codes) — only strict excess beyond tolerance', () => {
  test('subset passes (T5 smaller or equal)', () => {
    expect(run(rule, disclosure([T3(), T5()])).findings).toEqual([]);
  });
  test('T5 larger than T3 for a shared code → error; part = T5, total = T3', () => {
    const t3 = T3();
    const t5 = T5({ '201|total': '752.39', '201|basic': '752.39' });
    expect(brief(run(rule, disclosure([t3, t5])).findings)).toEqual([
      expected('I-21', 'error', [[at(t3, '201', 'total'), 'total'], [at(t5, '201', 'total'), 'part']]),
      expected('I-21', 'error', [[at(t3, '201', 'basic'), 'total'], [at(t5, '201', 'basic'), 'part']]),
    ]);
  });
  test('excess of one unit (rounding) → notice, not error', () => {
    const t3 = T3();
    const t5 = T5({ '201|total': '742.40' });
    expect(brief(run(rule, disclosure([t3, t5])).findings)).toEqual([
      expected('I-21', 'notice', [[at(t3, '201', 'total'), 'total'], [at(t5, '201', 'total'), 'part']]),
    ]);
  });
});
