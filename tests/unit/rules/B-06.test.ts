import { describe, expect, test } from 'vitest';
import { rule } from '../../../lib/checks/B-06';
import { at, brief, disclosure, expected, run } from './build';
import { yuan } from './budget-build';

function bt3(xiang2: string) {
  return yuan('BT3', ['total', 'basic', 'project'], [
    ['210', '卫生健康支出', '1,097,073.43', '1,097,073.43', ''],
    ['21011', '行政事业单位医疗', '1,097,073.43', '1,097,073.43', ''],
    ['2101101', '行政单位医疗', '782,855.28', '782,855.28', ''],
    ['2101102', '事业单位医疗', xiang2, xiang2, ''],
    ['', '合计', '1,097,073.43', '1,097,073.43', ''],
  ]);
}

describe('B-06 合计 = Σ 类; 类 = Σ 款; 款 = Σ 项 (BT2 BT3 BT5 BT6 BT7)', () => {
  test('exact passes', () => {
    expect(run(rule, disclosure([bt3('314,218.15')])).findings).toEqual([]);
  });
  test('a 项 slip → an error per column on its 款', () => {
    const t = bt3('341,218.15');
    const { findings } = run(rule, disclosure([t]));
    expect(brief(findings)).toEqual(
      ['total', 'basic'].map((k) =>
        expected('B-06', 'error', [[at(t, '21011', k), 'total'], [at(t, '2101101', k), 'part'], [at(t, '2101102', k), 'part']]),
      ),
    );
  });
  test('one cent → notice per column', () => {
    expect(run(rule, disclosure([bt3('314,218.16')])).findings.map((f) => f.severity)).toEqual(['notice', 'notice']);
  });
  test('whole 元: 2 元 over two terms is a notice, 3 元 an error', () => {
    const t = (v: string) => yuan('BT5', ['total'], [['210', 'x', v], ['21011', 'y', v], ['2101101', 'a', '600'], ['2101102', 'b', '400'], ['', '合计', v]], { whole: true });
    expect(run(rule, disclosure([t('1002')])).findings.map((f) => f.severity)).toEqual(['notice']);
    expect(run(rule, disclosure([t('1003')])).findings.map((f) => f.severity)).toEqual(['error']);
  });
  test('no classification table → not applicable', () => {
    expect(run(rule, disclosure([])).outcome).toBe('not-applicable');
  });
});
