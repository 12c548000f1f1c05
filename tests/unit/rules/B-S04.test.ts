import { describe } from 'vitest';
import { rule } from '../../../lib/checks/B-S04';
import { partCases } from './budget-parts-build';

describe('B-S04 required part', () => {
  partCases(rule, [
    ['a 机构设置 heading', {}, null],
    ['none → error', { drop: ['org'] }, 'error'],
    ["a unit's 内设机构 heading counts", { set: { org: '二、单位内设机构' } }, null],
  ]);
});
