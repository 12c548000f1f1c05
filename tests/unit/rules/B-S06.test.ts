import { describe } from 'vitest';
import { rule } from '../../../lib/checks/B-S06';
import { partCases } from './budget-parts-build';

describe('B-S06 required part', () => {
  partCases(rule, [
    ['heading, totals with a change, per-项 list', {}, null],
    ['no explanation at all → error', { drop: ['explanation', 'totals', 'items'] }, 'error'],
    ['no per-项 list → warning', { drop: ['items'] }, 'warning'],
    ['totals without the change → warning', { set: { totals: '2025年，本部门收入预算9,101.68万元，其中：财政拨款收入9,101.68万元。' } }, 'warning'],
  ]);
});
