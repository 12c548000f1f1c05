import { describe, expect, test } from 'vitest';
import { rule } from '../../../lib/checks/I-09';
import { at, brief, disclosure, expected, run } from './build';
import { T1, T2 } from './samples';

describe('I-09 T2 合计 columns = T1 income rows', () => {
  test('consistent tables pass', () => {
    expect(run(rule, disclosure([T1(), T2()])).findings).toEqual([]);
  });
  test('财政拨款收入 = 一 + 二 + 三: error references the T2 cell and all three T1 rows', () => {
    const t1 = T1();
    const t2 = T2({ '合计|fiscal': '890.81' });
    expect(brief(run(rule, disclosure([t1, t2])).findings)).toEqual([
      expected('I-09', 'error', [
        [at(t2, '合计', 'fiscal'), 'total'],
        [at(t1, '一、一般公共预算财政拨款收入', 'amount'), 'part'],
        [at(t1, '二、政府性基金预算财政拨款收入', 'amount'), 'part'],
        [at(t1, '三、国有资本经营预算财政拨款收入', 'amount'), 'part'],
      ]),
    ]);
  });
  test('其他收入 one unit apart → notice; 本年收入合计 apart → error', () => {
    const t1 = T1();
    const t2 = T2({ '合计|other': '15.77' });
    expect(brief(run(rule, disclosure([t1, t2])).findings)).toEqual([
      expected('I-09', 'notice', [[at(t2, '合计', 'other'), 'value'], [at(t1, '八、其他收入', 'amount'), 'value']]),
    ]);
    const t2b = T2({ '合计|total': '906.57' });
    expect(brief(run(rule, disclosure([t1, t2b])).findings)).toEqual([
      expected('I-09', 'error', [[at(t2b, '合计', 'total'), 'value'], [at(t1, '本年收入合计', 'amount'), 'value']]),
    ]);
  });
  test('事业收入 column vs row 五', () => {
    const t1 = T1({ '五、事业收入': '3.00' });
    const t2 = T2();
    expect(brief(run(rule, disclosure([t1, t2])).findings)).toContainEqual(
      expected('I-09', 'error', [[at(t2, '合计', 'business'), 'value'], [at(t1, '五、事业收入', 'amount'), 'value']]),
    );
  });
  test('needs T1 and T2', () => {
    expect(run(rule, disclosure([T1()])).outcome).toBe('not-applicable');
  });
});
