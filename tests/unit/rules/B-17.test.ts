import { describe, expect, test } from 'vitest';
import { rule } from '../../../lib/checks/B-17';
import { at, brief, disclosure, expected, run, tbl } from './build';

const COLS = ['total', 'abroad', 'car', 'carPurchase', 'carRunning', 'reception', 'running'];
const bt9 = (vals: string[]) => tbl('BT9', { unit: '万元', cols: COLS, rows: [['', '', ...vals]] });

describe('B-17 BT9 合计 = 出国 + 公车 + 接待; 小计 = 购置 + 运行', () => {
  test.each([
    ['the published row', ['867.50', '839.00', '', '', '', '28.50', '213.28'], null],
    ['one cent → notice', ['867.51', '839.00', '', '', '', '28.50', '213.28'], 'notice'],
    ['total wrong → error', ['876.50', '839.00', '', '', '', '28.50', '213.28'], 'error'],
  ])('%s', (_n, vals, severity) => {
    const t = bt9(vals as string[]);
    const { findings } = run(rule, disclosure([t]));
    if (!severity) return expect(findings).toEqual([]);
    const c = (k: string) => at(t, '', k);
    expect(brief(findings)).toEqual([expected('B-17', severity as string, [[c('total'), 'total'], [c('abroad'), 'part'], [c('car'), 'part'], [c('reception'), 'part']])]);
  });
  test('小计 ≠ 购置 + 运行 → error', () => {
    const t = bt9(['30.00', '', '30.00', '10.00', '10.00', '', '']);
    const c = (k: string) => at(t, '', k);
    expect(brief(run(rule, disclosure([t])).findings)).toEqual([expected('B-17', 'error', [[c('car'), 'total'], [c('carPurchase'), 'part'], [c('carRunning'), 'part']])]);
  });
  test('the 机关运行经费 column is not part of the total', () => {
    expect(run(rule, disclosure([bt9(['867.50', '839.00', '', '', '', '28.50', '9999.00'])])).findings).toEqual([]);
  });
});
