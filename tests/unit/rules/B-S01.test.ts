import { describe } from 'vitest';
import { rule } from '../../../lib/checks/B-S01';
import { partCases } from './budget-parts-build';

describe('B-S01 required part', () => {
  partCases(rule, [
    ['the cover line', {}, null],
    ['no cover line → error', { drop: ['cover', 'coverBody'] }, 'error'],
    ['only 预算主管部门：X → present', { drop: ['cover'] }, null],
  ]);
});
