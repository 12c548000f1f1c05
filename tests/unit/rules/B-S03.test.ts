import { describe } from 'vitest';
import { rule } from '../../../lib/checks/B-S03';
import { partCases } from './budget-parts-build';

describe('B-S03 required part', () => {
  partCases(rule, [
    ['a 主要职能 heading', {}, null],
    ['none → error', { drop: ['functions'], set: { functionsBody: '上海市普陀区人民政府办公室是协助区政府领导处理区政府日常工作的区政府工作部门，负责组织起草或审核以区政府名义发布的文件等等工作。' } }, 'error'],
  ]);
});
