/**
 * B-N16 across tabs (issue 19): the putuo 2025 department budget page and one of its units' made
 * from it (cover and label lines say 单位), with the unit's BT3 2010301 行政运行 合计 raised by one
 * million 元 (as tests/unit/cli.pairs.test.ts makes it). Shared by the Chromium and Firefox cases.
 */
import { join } from 'node:path';
import { readFileSync } from 'node:fs';
import { ROOT } from './harness';

export const BUDGET_DEPT = join(ROOT, 'tests/fixtures/budget/putuo-dept-budget-2025.html');

export function overBudgetUnit(): string {
  const html = readFileSync(BUDGET_DEPT, 'utf8').replace('区级部门预算</h1>', '区级单位预算</h1>').replace('2025年部门预算</title>', '2025年单位预算</title>').replace('预算主管部门：', '预算单位：');
  const at = html.indexOf('<p>2025年部门支出预算总表</p>');
  const end = html.indexOf('</table>', at);
  const bt3 = html.slice(at, end).replace('<td>行政运行</td><td>12,029,501.84</td>', '<td>行政运行</td><td>13,029,501.84</td>');
  if (!bt3.includes('13,029,501.84')) throw new Error('the fixture changed: BT3 行政运行 合计 not found');
  return html.slice(0, at) + bt3 + html.slice(end);
}
