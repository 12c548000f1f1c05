import { describe, expect, test } from 'vitest';
import { rule } from '../../../lib/checks/B-N10';
import { at, run } from './build';
import { budgetDoc, yuan } from './budget-build';

const bt3 = (project = '66,260,000.00') => yuan('BT3', ['total', 'basic', 'project'], [['201', '一般公共服务支出', '91,016,775.35', '24,756,775.35', project], ['', '合计', '91,016,775.35', '24,756,775.35', project]]);
const S = (f: string) => `按照本区预算绩效管理工作的总体要求，本部门1个预算单位开展了2025年项目预算绩效目标编报工作，编报绩效目标的项目11个，涉及项目预算资金${f}万元。`;

describe('B-N10 绩效 funds ≤ BT3 项目支出', () => {
  test.each([
    ['equal (published)', S('6626'), '66,260,000.00', null],
    ['below', S('6000'), '66,260,000.00', null],
    ['above → error on BT3 合计「项目支出」', S('6726'), '66,260,000.00', 'error'],
    ['rounding boundary: 6626.00 vs 66,259,950.00 元 (6625.995) → pass', S('6626.00'), '66,259,950.00', null],
    ['rounding boundary: 6626.00 vs 66,259,949.99 元 → error', S('6626.00'), '66,259,949.99', 'error'],
  ])('%s', (_n, text, project, severity) => {
    const t3 = bt3(project as string);
    const { findings, outcome } = run(rule, budgetDoc([t3, text as string]));
    if (!severity) {
      expect(findings).toEqual([]);
      expect(outcome).toBe('pass');
      return;
    }
    expect(findings.map((f) => [f.rule, f.severity])).toEqual([['B-N10', severity]]);
    expect(findings[0].cells.map((c) => c.cell)).toEqual([at(t3, '合计', 'project')]);
    expect(findings[0].quote).toBe(text);
  });
});
