import { describe, expect, test } from 'vitest';
import { rule } from '../../../lib/checks/B-07';
import { at, brief, disclosure, expected, run } from './build';
import { yuan } from './budget-build';

describe('B-07 BT3 BT5 BT6 BT7 each row: 合计 = 基本 + 项目', () => {
  test.each([
    ['BT3', 'exact', '110,000.00', null],
    ['BT5', 'one cent → notice', '110,000.01', 'notice'],
    ['BT5', 'a project amount from another row → error', '40,000.00', 'error'],
    ['BT6', 'error in a fund table too', '40,000.00', 'error'],
  ])('%s %s', (key, _n, project, severity) => {
    const t = yuan(key as 'BT3', ['total', 'basic', 'project'], [['2010301', '行政运行', '12,029,501.84', '11,919,501.84', project as string]]);
    const { findings } = run(rule, disclosure([t]));
    if (!severity) return expect(findings).toEqual([]);
    expect(brief(findings)).toEqual([
      expected('B-07', severity as string, [[at(t, '2010301', 'total'), 'total'], [at(t, '2010301', 'basic'), 'part'], [at(t, '2010301', 'project'), 'part']]),
    ]);
  });
});
