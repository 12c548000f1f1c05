import { describe, expect, test } from 'vitest';
import { rule } from '../../../lib/checks/I-13';
import { at, brief, disclosure, expected, run } from './build';
import { T4 } from './samples';

describe('I-13 T4 expenditure side', () => {
  test('consistent table passes', () => {
    expect(run(rule, disclosure([T4()])).findings).toEqual([]);
  });
  test('a class row whose 合计 ≠ Σ fund columns → error', () => {
    const t = T4({ '一、一般公共服务支出|total': '752.39', '本年支出合计|total': '890.81', '总计|total': '890.81' });
    const found = brief(run(rule, disclosure([t])).findings);
    expect(found).toContainEqual(
      expected('I-13', 'error', [
        [at(t, '一、一般公共服务支出', 'total'), 'total'],
        [at(t, '一、一般公共服务支出', 'general'), 'part'],
        [at(t, '一、一般公共服务支出', 'govfund'), 'part'],
        [at(t, '一、一般公共服务支出', 'soe'), 'part'],
      ]),
    );
    expect(found.every((f) => f.rule === 'I-13' && f.severity === 'error')).toBe(true);
  });
  test('本年支出合计 ≠ Σ 类 (general column) → error naming every class cell', () => {
    const t = T4({ '八、社会保障和就业支出|general': '87.86', '八、社会保障和就业支出|total': '87.86' });
    expect(brief(run(rule, disclosure([t])).findings)).toEqual([
      expected('I-13', 'error', [
        [at(t, '本年支出合计', 'total'), 'total'],
        [at(t, '一、一般公共服务支出', 'total'), 'part'],
        [at(t, '八、社会保障和就业支出', 'total'), 'part'],
        [at(t, '十九、住房保障支出', 'total'), 'part'],
      ]),
      expected('I-13', 'error', [
        [at(t, '本年支出合计', 'general'), 'total'],
        [at(t, '一、一般公共服务支出', 'general'), 'part'],
        [at(t, '八、社会保障和就业支出', 'general'), 'part'],
        [at(t, '十九、住房保障支出', 'general'), 'part'],
      ]),
    ]);
  });
  test('收入总计 vs 支出总计 one unit apart → notice', () => {
    const t = T4({ 总计: '880.82' });
    expect(brief(run(rule, disclosure([t])).findings)).toEqual([
      expected('I-13', 'notice', [[at(t, '总计', 'total', 'expense'), 'value'], [at(t, '总计', 'amount', 'income'), 'value']]),
    ]);
  });
});
