import { describe, expect, test } from 'vitest';
import { rule } from '../../../lib/checks/B-S02';
import { run } from './build';
import { budgetDoc } from './budget-build';
import { partsDoc } from './budget-parts-build';

const TOC = ['目   录', '1. 2025年部门财务收支预算总表 ………………', '2. 2025年部门收入预算总表 ………………'];

function withToc(tables?: Parameters<typeof partsDoc>[0]) {
  const d = budgetDoc([...TOC, ...partsDoc(tables)]);
  d.tocBlocks = [0, 1, 2];
  return d;
}

describe('B-S02 目录', () => {
  test('a 目录 whose tables are all there', () => {
    const { findings, outcome } = run(rule, withToc());
    expect(findings).toEqual([]);
    expect(outcome).toBe('pass');
  });

  test('a listed table that is not in the document → error on the 目录 line', () => {
    const { findings } = run(rule, withToc({ tables: ['BT1', 'BT3', 'BT4', 'BT5', 'BT6', 'BT7', 'BT8', 'BT9'] }));
    expect(findings.map((f) => [f.rule, f.severity, f.expected])).toEqual([['B-S02', 'error', '收入预算总表']]);
    expect(findings[0].quote).toBe(TOC[2]);
  });

  test('no 目录 → warning (web pages often have none)', () => {
    const { findings } = run(rule, budgetDoc(partsDoc()));
    expect(findings.map((f) => [f.rule, f.severity])).toEqual([['B-S02', 'warning']]);
  });
});
