import { describe, expect, test } from 'vitest';
import { rule } from '../../../lib/checks/B-21';
import { at, disclosure, run, tbl } from './build';
import { bt1, EXPENSE_OK, INCOME_OK, yuan } from './budget-build';

const bt5 = (xingzheng = '12,029,501.84') =>
  yuan('BT5', ['total', 'basic', 'project'], [
    ['201', '一般公共服务支出', '82,096,797.42', '', ''],
    ['20103', '政府办公厅（室）及相关机构事务', '82,096,797.42', '', ''],
    ['2010301', '行政运行', xingzheng, '', ''],
    ['2010302', '一般行政管理事务', '46,140,000.00', '', ''],
    ['', '合计', '91,016,775.35', '', ''],
  ]);

describe('B-21 narrative 万元 = half-up(table 元 / 10⁴, 2)', () => {
  test.each([
    ['the published headline', '2025年，收入预算9,101.68万元，其中：财政拨款收入9,101.68万元；事业收入0万元。', null],
    ['a per-项 line, exact', '1. “一般公共服务支出-政府办公厅（室）及相关机构事务-行政运行”科目1,202.95万元，主要用于行政单位的基本支出。', null],
    ['a whole-万元 figure of a whole amount', '2. “一般公共服务支出-政府办公厅（室）及相关机构事务-一般行政管理事务”科目4,614万元，主要用于……', null],
    ['truncated instead of half-up → error', '1. “一般公共服务支出-政府办公厅（室）及相关机构事务-行政运行”科目1,202.94万元，主要用于行政单位的基本支出。', 'error'],
    ['another amount → error', '收入预算9,110.68万元。', 'error'],
  ])('%s', (_n, text, severity) => {
    const t1 = bt1(INCOME_OK, EXPENSE_OK);
    const t5 = bt5();
    const { findings, outcome } = run(rule, disclosure([t1, t5, text as string]));
    if (!severity) {
      expect(findings).toEqual([]);
      expect(outcome).toBe('pass');
      return;
    }
    expect(findings.map((f) => [f.rule, f.severity])).toEqual([['B-21', severity]]);
    expect(findings[0].quote).toBe((text as string).split(/(?<=。)/)[0].replace(/^.*?(?=收入|1\.)/, '').trim() || findings[0].quote);
  });

  test('the truncation is named, the cell and the sentence are referenced (1,839,485 元 → 183.95, not 183.94)', () => {
    const t5 = bt5('1,839,485.00');
    const text = '1. “一般公共服务支出-政府办公厅（室）及相关机构事务-行政运行”科目183.94万元，主要用于行政单位的基本支出。';
    const [f] = run(rule, disclosure([t5, text])).findings;
    expect(f.cells.map((c) => c.cell)).toEqual([at(t5, '2010301', 'total')]);
    expect(f.expected).toBe('183.95');
    expect(f.actual).toBe('183.94');
    expect(f.message.zh).toContain('截尾而非四舍五入');
    expect(f.quote).toBe(text);
  });

  test('a 万元 table is not a restatement (same unit): not checked here', () => {
    const t9 = tbl('BT9', { unit: '万元', cols: ['total'], rows: [['', '', '867.50']] });
    expect(run(rule, disclosure([t9, '“三公”经费预算数为876.50万元。'])).outcome).toBe('not-applicable');
  });
});
