import { describe } from 'vitest';
import { rule } from '../../../lib/checks/B-S09';
import { partCases } from './budget-parts-build';

describe('B-S09 required part', () => {
  partCases(rule, [
    ['the project explanation with its seven items', {}, null],
    ['no 实施周期 → warning', { drop: ['p5'] }, 'warning'],
    ['a heading glued to its text counts', { set: { p5: '五、实施周期2025全年度。' } }, null],
    ['no project explanation → warning', { drop: ['project', 'p1', 'p2', 'p3', 'p4', 'p5', 'p6', 'p7'] }, 'warning'],
  ]);
});
