import { describe, expect, test } from 'vitest';
import { rule } from '../../../lib/checks/B-15';
import { at, brief, disclosure, expected, run } from './build';
import { yuan } from './budget-build';

describe('B-15 BT5 基本支出 合计 = BT8 合计', () => {
  test.each([
    ['equal', '24,606,775.35', null],
    ['one cent → notice', '24,606,775.36', 'notice'],
    ['apart → error', '24,606,757.35', 'error'],
  ])('%s', (_n, v, severity) => {
    const t5 = yuan('BT5', ['total', 'basic', 'project'], [['', '合计', '91,016,775.35', '24,606,775.35', '66,410,000.00']]);
    const t8 = yuan('BT8', ['total', 'personnel', 'office'], [['', '合计', v as string, '', '']]);
    const { findings } = run(rule, disclosure([t5, t8]));
    if (!severity) return expect(findings).toEqual([]);
    expect(brief(findings)).toEqual([expected('B-15', severity as string, [[at(t5, '合计', 'basic'), 'value'], [at(t8, '合计', 'total'), 'value']])]);
  });
});
