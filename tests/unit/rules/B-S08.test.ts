import { describe } from 'vitest';
import { rule } from '../../../lib/checks/B-S08';
import { partCases } from './budget-parts-build';

describe('B-S08 required part', () => {
  partCases(rule, [
    ['all five', {}, null],
    ['no procurement → error', { drop: ['procurement'] }, 'error'],
    ["the glossary's 三公 entry is not the part → error", { drop: ['sangong'] }, 'error'],
    ['a heading glued to the end of a paragraph counts', { drop: ['performance'], set: { procurement: '2025年本部门政府采购预算34万元，其中：政府采购服务预算34万元。四、绩效目标设置情况' } }, null],
  ]);
});
