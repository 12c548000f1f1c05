import { describe, expect, test } from 'vitest';
import { rule } from '../../../lib/checks/B-18';
import { at, brief, disclosure, expected, run, tbl } from './build';
import { yuan } from './budget-build';

const COLS = ['total', 'abroad', 'car', 'carPurchase', 'carRunning', 'reception', 'running'];
const bt9 = (reception: string) => tbl('BT9', { unit: '万元', cols: COLS, rows: [['', '', '867.50', '839.00', '', '', '', reception, '213.28']] });
const bt8 = (reception: string) => yuan('BT8', ['total', 'personnel', 'office'], [['30217', '公务接待费', reception, '', reception]]);

describe('B-18 BT8 (元) 三公 items ≤ BT9 (万元)', () => {
  test.each([
    ['below', '185,000.00', '28.50', null],
    ['equal after conversion', '285,000.00', '28.50', null],
    // 285,049.99 元 = 28.504999 万元, prints as 28.50: over by less than the 万元 rounding → notice.
    ['over within the 万元 rounding → notice', '285,049.99', '28.50', 'notice'],
    ['over → error', '385,000.00', '28.50', 'error'],
  ])('%s', (_n, yuanText, wan, severity) => {
    const t8 = bt8(yuanText as string);
    const t9 = bt9(wan as string);
    const { findings } = run(rule, disclosure([t8, t9]));
    if (!severity) return expect(findings).toEqual([]);
    expect(brief(findings)).toEqual([expected('B-18', severity as string, [[at(t9, '', 'reception'), 'total'], [at(t8, '30217', 'total'), 'part']])]);
    if (severity === 'error') expect(findings[0].message.zh).toContain('385,000.00 元折合万元');
  });
});
