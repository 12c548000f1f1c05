/**
 * B-N16 across tabs (issue 19): the putuo 2025 department budget page and one of its units' made
 * from it (cover and label lines say 单位), with the unit's BT3 2010301 行政运行 合计 raised by one
 * million 元 (tests/fixtures/budget/pair.ts). Shared by the Chromium and Firefox cases.
 */
import { join } from 'node:path';
import { ROOT } from './harness';
import { asUnit, DEPT_BUDGET_HTML, overBudget } from '../fixtures/budget/pair';

export const BUDGET_DEPT = join(ROOT, 'tests/fixtures/budget/putuo-dept-budget-2025.html');

export function overBudgetUnit(): string {
  return overBudget(asUnit(DEPT_BUDGET_HTML));
}
