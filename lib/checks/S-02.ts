/** S-02 (domain.md, "Required parts"): Overview: organisation (units in the accounts). Parts and aliases: ./S-catalog.ts. */
import type { RuleMeta } from './types';
import type { RuleDoc } from './helpers';
import { HEADING_PRESENCE_LIMIT, partsRule } from './S-catalog';

export const meta: RuleMeta = {
  id: 'S-02',
  title: { zh: '部门概况：机构设置（决算单位构成）', en: 'Overview: organisation (units in the accounts)' },
  severity: 'error',
  tables: [],
};

export const doc: RuleDoc = {
  rationale: {
    zh: '部门概况须说明机构设置或决算单位构成（纳入部门决算编制范围的单位），以便读者知道决算覆盖哪些单位。标题含“机构设置”“单位构成”“决算单位”“内设机构”等的一节即视为存在。',
    en: 'The overview must state the organisation or the units included in the department\'s accounts, so readers know what the figures cover. A section headed 机构设置/单位构成/决算单位/内设机构 counts as present.',
  },
  relation: { zh: '部门概况含“机构设置/决算单位构成”一节', en: 'the overview has a section on organisation / units' },
  pass: '一、部门职责 / 二、机构设置及决算单位构成',
  fail: '一、部门职责 / 三、人员情况  → error: 缺少必备部分「机构设置（决算单位构成）」',
  limits: [HEADING_PRESENCE_LIMIT],
};

export const rule = partsRule(meta);
