/** S-03 (domain.md, "Required parts"): All applicable disclosure tables present. Parts and aliases: ./S-catalog.ts. */
import type { RuleMeta } from './types';
import type { RuleDoc } from './helpers';
import { HEADING_PRESENCE_LIMIT, partsRule } from './S-catalog';

export const meta: RuleMeta = {
  id: 'S-03',
  title: { zh: '部门决算表齐全', en: 'All applicable disclosure tables present' },
  severity: 'error',
  tables: [],
};

export const doc: RuleDoc = {
  rationale: {
    zh: '部门决算须公开全部适用的决算表（T1–T9：收支总表、收入、支出、财政拨款收支总表、一般公共预算财政拨款支出、基本支出、政府性基金、国有资本经营、“三公”经费）；空表也须公开并说明（I-26）。2018年及以前的8张表格式没有国有资本经营预算表；目录中列出的表在正文中缺失是错误。',
    en: 'All applicable tables must be published (T1–T9); an empty table is still published with its explanation (I-26). Layouts up to 2018 had 8 tables without the state capital table (T8). A table listed in the contents but absent from the body is an error.',
  },
  relation: { zh: '正文中识别到 T1–T9（≤2018 年或目录未列时 T8 可无）', en: 'T1–T9 recognised in the body (T8 optional for ≤ 2018 layouts or when the contents do not list it)' },
  pass: '目录：一、收入支出决算总表 … 九、国有资本经营预算财政拨款支出决算表；正文九张表均识别',
  fail: '目录列有“五、一般公共预算财政拨款支出决算表”，正文无此表  → error: 缺少一般公共预算财政拨款支出决算表（T5）；目录中列有…',
  limits: [HEADING_PRESENCE_LIMIT],
};

export const rule = partsRule(meta);
