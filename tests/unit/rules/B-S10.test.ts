import { describe } from 'vitest';
import { rule } from '../../../lib/checks/B-S10';
import { PARTS, partCases } from './budget-parts-build';

describe('B-S10 required part', () => {
  partCases(rule, [
    ['clean text', {}, null],
    ['a placeholder → warning', { set: { running: '2025年XX局机关运行经费预算为213.28万元。' } }, 'warning'],
    ['。。 → warning', { set: { running: '2025年本部门机关运行经费预算为213.28万元。。' } }, 'warning'],
    ['unbalanced quotes → warning', { set: { sangong: '2025年“三公经费预算数为867.50万元，与2024年预算持平。' } }, 'warning'],
    ['a paragraph twice → warning', { set: { assetsBody: PARTS.functionsBody } }, 'warning'],
  ]);
});
