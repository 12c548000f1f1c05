import { describe, expect, test } from 'vitest';
import { rule } from '../../../lib/checks/I-17';
import { at, brief, disclosure, expected, run } from './build';
import { T4, T5 } from './samples';

describe('I-17 T5 合计 = T4 一般公共预算 本年支出合计; each 类 equal', () => {
  test('consistent tables pass', () => {
    expect(run(rule, disclosure([T4(), T5()])).findings).toEqual([]);
  });
  test('a class differs → error; one unit → notice', () => {
    const t4 = T4();
    const t5 = T5({ '201|total': '742.49' });
    expect(brief(run(rule, disclosure([t4, t5])).findings)).toEqual([
      expected('I-17', 'error', [[at(t5, '201', 'total'), 'value'], [at(t4, '一、一般公共服务支出', 'general'), 'value']]),
    ]);
    const t5b = T5({ '合计|total': '880.82' });
    expect(brief(run(rule, disclosure([t4, t5b])).findings)).toEqual([
      expected('I-17', 'notice', [[at(t5b, '合计', 'total'), 'value'], [at(t4, '本年支出合计', 'general'), 'value']]),
    ]);
  });
});
