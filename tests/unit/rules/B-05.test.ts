import { describe, expect, test } from 'vitest';
import { rule } from '../../../lib/checks/B-05';
import { at, brief, disclosure, expected, run } from './build';
import { yuan } from './budget-build';

const COLS = ['total', 'fiscal', 'business', 'operating', 'other'];

describe('B-05 BT2 each row: 合计 = Σ sources', () => {
  test.each([
    ['exact', '82,096,797.42', null],
    ['one cent off → notice', '82,096,797.43', 'notice'],
    ['a slip → error', '82,096,779.42', 'error'],
  ])('%s', (_n, fiscal, severity) => {
    const t = yuan('BT2', COLS, [['201', '一般公共服务支出', '82,096,797.42', fiscal as string, '', '', '']]);
    const { findings } = run(rule, disclosure([t]));
    if (!severity) return expect(findings).toEqual([]);
    expect(brief(findings)).toEqual([
      expected('B-05', severity as string, [
        [at(t, '201', 'total'), 'total'],
        [at(t, '201', 'fiscal'), 'part'],
        [at(t, '201', 'business'), 'part'],
        [at(t, '201', 'operating'), 'part'],
        [at(t, '201', 'other'), 'part'],
      ]),
    ]);
  });
  test('an amount column it cannot name → not applicable (never guessed as a term)', () => {
    const t = yuan('BT2', ['total', 'fiscal', 'col9'], [['201', 'x', '10.00', '5.00', '5.00']]);
    expect(run(rule, disclosure([t])).outcome).toBe('not-applicable');
  });
});
