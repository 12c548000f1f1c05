import { describe, expect, test } from 'vitest';
import { rule } from '../../../lib/checks/B-N04';
import { at, run, tbl } from './build';
import { budgetDoc, yuan } from './budget-build';

const bt5 = () =>
  yuan('BT5', ['total', 'basic', 'project'], [
    ['201', '一般公共服务支出', '58,167,801.84', '', ''],
    ['20103', '政府办公厅（室）及相关机构事务', '58,167,801.84', '', ''],
    ['2010301', '行政运行', '12,029,501.84', '', ''],
    ['2010302', '一般行政管理事务', '46,138,300.00', '', ''],
    ['210', '卫生健康支出', '782,900.00', '', ''],
    ['21011', '行政事业单位医疗', '782,900.00', '', ''],
    ['2101101', '行政单位医疗', '782,900.00', '', ''],
    ['', '合计', '58,950,701.84', '', ''],
  ]);
const bt4 = (total = '58,950,701.84') =>
  tbl('BT4', { unit: '元', precision: 2, panels: { income: { cols: ['amount'], rows: [['', '收入总计', total]] }, expense: { cols: ['total', 'general'], rows: [['', '支出总计', total, total]] } } });

const L1 = '1. “一般公共服务支出-政府办公厅（室）及相关机构事务-行政运行”科目1,202.95万元，主要用于行政单位的基本支出。';
const L2 = '2. “一般公共服务支出-政府办公厅（室）及相关机构事务-一般行政管理事务”科目4,613.83万元，主要用于……。';
const L3 = '3. “卫生健康支出-行政事业单位医疗-行政单位医疗”科目78.29万元，主要用于……。';

describe('B-N04 per-项 lines: the table\'s names, the items add up', () => {
  test.each([
    ['the table\'s names, the sum = BT4', [L1, L2, L3], '58,950,701.84', null],
    ['an old 类 name (医疗卫生与计划生育支出 for 210) → error', [L1, L2, L3.replace('卫生健康支出', '医疗卫生与计划生育支出')], '58,950,701.84', 'error'],
    ['rounding boundary: Σ 5,895.07 vs 58,950,900.00 元 (off by 0.02 = 3 × 0.005 + 0.005) → pass', [L1, L2, L3], '58,950,900.00', null],
    ['rounding boundary: Σ 5,895.07 vs 58,950,900.01 元 (off by 0.020001) → warning', [L1, L2, L3], '58,950,900.01', 'warning'],
    ['a line left out → warning', [L1, L2], '58,950,701.84', 'warning'],
  ])('%s', (_n, lines, total, severity) => {
    const t5 = bt5();
    const t4 = bt4(total as string);
    const { findings, outcome } = run(rule, budgetDoc([t4, t5, ...(lines as string[])]));
    if (!severity) {
      expect(findings).toEqual([]);
      expect(outcome).toBe('pass');
      return;
    }
    expect(findings.map((f) => [f.rule, f.severity])).toEqual([['B-N04', severity]]);
    if (severity === 'error') {
      expect(findings[0].cells.map((c) => c.cell)).toEqual([at(t5, '2101101', 'total')]);
      expect(findings[0].expected).toBe('卫生健康支出');
      expect(findings[0].actual).toBe('医疗卫生与计划生育支出');
      expect(findings[0].quote).toBe(L3.replace('卫生健康支出', '医疗卫生与计划生育支出'));
    } else {
      expect(findings[0].cells.map((c) => c.cell)).toEqual([at(t4, '支出总计', 'total', 'expense')]);
      expect(findings[0].expected).toBe(total === '58,950,701.84' ? '5895.07' : '5895.09');
      expect(findings[0].actual).toBe(total === '58,950,701.84' ? '5816.78' : '5895.07');
    }
  });

  test('a renamed line\'s amount is compared here (B-21 cannot find it by its names)', () => {
    const t5 = bt5();
    const bad = L3.replace('卫生健康支出', '医疗卫生与计划生育支出').replace('78.29', '87.29');
    const fs = run(rule, budgetDoc([bt4(), t5, L1, L2, bad])).findings;
    expect(fs.map((f) => [f.rule, f.severity, f.expected])).toEqual([
      ['B-N04', 'error', '卫生健康支出'],
      ['B-N04', 'error', '78.29'],
      ['B-N04', 'warning', '5895.07'],
    ]);
  });
});
