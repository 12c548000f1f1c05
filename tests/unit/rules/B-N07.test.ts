import { describe, expect, test } from 'vitest';
import { rule } from '../../../lib/checks/B-N07';
import { at, run, tbl } from './build';
import { budgetDoc } from './budget-build';

const bt9 = (total = '867.50') =>
  tbl('BT9', { unit: '万元', precision: 2, cols: ['total', 'abroad', 'car', 'carPurchase', 'carRunning', 'reception', 'running'], rows: [['', '', total, '839.00', '0.00', '0.00', '0.00', '28.50', '213.28']] });
const P = [
  '2025年“三公”经费预算数为867.50万元，与2024年预算持平。其中：',
  '（一）因公出国（境）费839万元，与2024年预算持平。',
  '（二）公务用车购置及运行费0万元，与2024年预算持平。其中：公务用车购置费0万元，与2024年预算持平；公务用车运行费0万元，与2024年预算持平。',
  '（三）公务接待费28.50万元，与2024年预算持平。',
];

describe('B-N07 三公 paragraph = BT9, changes add up', () => {
  test('the published paragraph passes', () => {
    const { findings, outcome } = run(rule, budgetDoc([bt9(), ...P]));
    expect(findings).toEqual([]);
    expect(outcome).toBe('pass');
  });

  test.each([
    ['the total differs from BT9 → error on the cell', ['2025年“三公”经费预算数为876.50万元，与2024年预算持平。其中：', ...P.slice(1)], 'error', '867.50'],
    ['rounding boundary: 867.5 (1 decimal) vs 867.50 → pass', ['2025年“三公”经费预算数为867.5万元，与2024年预算持平。其中：', ...P.slice(1)], null, null],
    ['rounding boundary: 867.6 (1 decimal) vs 867.50 → error', ['2025年“三公”经费预算数为867.6万元，与2024年预算持平。其中：', ...P.slice(1)], 'error', '867.50'],
  ])('%s', (_n, paras, severity, expected) => {
    const t9 = bt9();
    const { findings } = run(rule, budgetDoc([t9, ...(paras as string[])]));
    if (!severity) {
      expect(findings).toEqual([]);
      return;
    }
    expect(findings.map((f) => [f.rule, f.severity, f.expected])).toEqual([['B-N07', severity, expected]]);
    expect(findings[0].cells.map((c) => c.cell)).toEqual([at(t9, '', 'total')]);
    expect(findings[0].quote).toBe(`${(paras as string[])[0].replace('其中：', '').trim()}`);
  });

  test('the total\'s change ≠ Σ item changes → error; 持平 with a change elsewhere → error; an empty reason → warning', () => {
    const paras = [
      '2025年“三公”经费预算数为867.50万元，比2024年预算增加10.00万元，主要原因是。其中：',
      '（一）因公出国（境）费839万元，比2024年预算增加8.00万元。',
      '（二）公务用车购置及运行费0万元，与2024年预算持平。其中：公务用车购置费0万元，与2024年预算持平；公务用车运行费0万元，与2024年预算持平。',
      '（三）公务接待费28.50万元，与2024年预算持平。',
    ];
    const fs = run(rule, budgetDoc([bt9(), ...paras])).findings;
    expect(fs.map((f) => [f.rule, f.severity, f.expected])).toEqual([
      ['B-N07', 'error', '8.00'],
      ['B-N07', 'warning', '原因'],
    ]);
    expect(fs[0].message.zh).toContain('“三公”经费预算增加额 10.00万元 ≠');
  });
});
