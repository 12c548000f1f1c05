import { describe, expect, test } from 'vitest';
import { rule } from '../../../lib/checks/B-N12';
import { run } from './build';
import { budgetDoc } from './budget-build';

const P = (x: string, b: string) => `1. “一般公共服务支出-政府办公厅（室）及相关机构事务-行政运行”科目${x}万元，主要用于行政单位的基本支出。2024年当年预算执行数1,100.00万元，2025年预算安排${b}万元，比2024年当年预算执行数增加9.36%。`;

describe('B-N12 one amount stated twice', () => {
  test.each([
    ['equal', P('1,202.95', '1,202.95'), null],
    ['different → error', P('1,202.95', '1,220.95'), 'error'],
    ['rounding boundary: 1,203.0 vs 1,202.95 (intervals meet) → notice', P('1,202.95', '1,203.0'), 'notice'],
  ])('%s', (_n, text, severity) => {
    const { findings, outcome } = run(rule, budgetDoc([text]));
    if (!severity) {
      expect(findings).toEqual([]);
      expect(outcome).toBe('pass');
      return;
    }
    expect(findings.map((f) => [f.rule, f.severity])).toEqual([['B-N12', severity]]);
    expect(findings[0].spans).toHaveLength(2);
    expect(findings[0].cells).toEqual([]);
  });
});
