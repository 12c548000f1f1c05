import { describe, expect, test } from 'vitest';
import { rule } from '../../../lib/checks/I-10';
import { at, brief, disclosure, expected, run, tbl } from './build';
import { T1, T3 } from './samples';

describe('I-10 T3 合计 = T1 本年支出合计; each T3 类 = T1 类 row', () => {
  test('consistent tables pass (类 paired by code name: 229 其他支出 ↔ 二十三、其他支出)', () => {
    expect(run(rule, disclosure([T1(), T3()])).findings).toEqual([]);
  });
  test('a class differing → error with both cells', () => {
    const t1 = T1();
    const t3 = T3({ '201|total': '752.39' });
    expect(brief(run(rule, disclosure([t1, t3])).findings)).toEqual([
      expected('I-10', 'error', [[at(t3, '201', 'total'), 'value'], [at(t1, '一、一般公共服务支出', 'amount'), 'value']]),
    ]);
  });
  test('one unit of the last decimal → notice', () => {
    const t1 = T1({ 本年支出合计: '896.58' });
    const t3 = T3();
    expect(brief(run(rule, disclosure([t1, t3])).findings)).toEqual([
      expected('I-10', 'notice', [[at(t3, '合计', 'total'), 'value'], [at(t1, '本年支出合计', 'amount'), 'value']]),
    ]);
  });
  test('a non-zero class present on one side only is an error on that cell', () => {
    const t1 = T1({ '五、教育支出': '5.00' });
    const { findings } = run(rule, disclosure([t1, T3()]));
    expect(brief(findings)).toEqual([expected('I-10', 'error', [[at(t1, '五、教育支出', 'amount'), 'value']])]);
    expect(findings[0].expected).toBe('5.00');
  });
  test('T3 without 类 rows: each non-zero T1 class is reported as missing from T3', () => {
    const t3 = tbl('T3', { cols: ['total'], rows: [['', '合计', '896.57']] });
    const fs = run(rule, disclosure([T1(), t3])).findings;
    expect(fs.map((f) => [f.severity, f.cells[0].cell.table, f.cells.length])).toEqual(Array(4).fill(['error', 'T1', 1]));
  });
});
