import { describe, expect, test } from 'vitest';
import { rule } from '../../../lib/checks/B-08';
import { at, brief, disclosure, expected, run } from './build';
import { yuan } from './budget-build';

const bt2 = (v: string, extra: string[][] = []) =>
  yuan('BT2', ['total', 'fiscal'], [['2010301', '行政运行', v, v], ...extra, ['', '合计', '12,029,501.84', '12,029,501.84']]);
const bt3 = () => yuan('BT3', ['total', 'basic', 'project'], [['2010301', '行政运行', '12,029,501.84', '11,919,501.84', '110,000.00'], ['', '合计', '12,029,501.84', '11,919,501.84', '110,000.00']]);

describe('B-08 BT2 ↔ BT3 per code', () => {
  test.each([
    ['equal', '12,029,501.84', null],
    ['one cent → notice', '12,029,501.85', 'notice'],
    ['apart → error', '12,029,510.84', 'error'],
  ])('%s', (_n, v, severity) => {
    const t2 = bt2(v as string);
    const t3 = bt3();
    const { findings } = run(rule, disclosure([t2, t3]));
    if (!severity) return expect(findings).toEqual([]);
    expect(brief(findings)).toEqual([expected('B-08', severity as string, [[at(t2, '2010301', 'total'), 'value'], [at(t3, '2010301', 'total'), 'value']])]);
  });
  test('a non-zero code missing from BT3 → error on the BT2 cell', () => {
    const t2 = bt2('12,029,501.84', [['2010302', '一般行政管理事务', '5.00', '5.00']]);
    const { findings } = run(rule, disclosure([t2, bt3()]));
    expect(brief(findings)).toEqual([expected('B-08', 'error', [[at(t2, '2010302', 'total'), 'value']])]);
  });
});
