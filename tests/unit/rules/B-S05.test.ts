import { describe } from 'vitest';
import { rule } from '../../../lib/checks/B-S05';
import { partCases } from './budget-parts-build';

describe('B-S05 required part', () => {
  partCases(rule, [
    ['a 名词解释 heading', {}, null],
    ['none → error', { drop: ['glossary'] }, 'error'],
  ]);
});
