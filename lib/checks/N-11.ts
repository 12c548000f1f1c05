/** N-11 (domain.md, "Narrative claims"): 机关运行经费 ≈ T6 公用经费合计 for purely administrative units (warning). */
import type { RuleMeta } from './types';
import type { RuleDoc } from './helpers';
import { claimRule } from '../claims/rule';
import type { Disclosure } from '../model/types';

export const meta: RuleMeta = {
  id: 'N-11',
  title: { zh: '机关运行经费与公用经费合计', en: 'Administrative running costs vs public costs in T6' },
  severity: 'warning',
  tables: [],
};

export const doc: RuleDoc = {
  rationale: {
    zh: '机关运行经费是行政单位（及参公事业单位）使用一般公共预算财政拨款安排的基本支出中的日常公用经费；纯行政单位时应与表6公用经费合计相当。口径可能不同（如不含资本性支出），故只作警告；其同比/比预算增减率仍须自洽。',
    en: 'Administrative running costs are the public costs of administrative units paid from general-budget basic spending; for a purely administrative unit they should match the T6 public-cost total. Definitions can differ (e.g. without capital items), so this is a warning only; its change and rate must still agree.',
  },
  relation: { zh: '机关运行经费 ≈ T6 公用经费合计（仅纯行政单位，警告）', en: 'running costs ≈ T6 public-cost total (administrative units only; warning)' },
  pass: '机关运行经费支出298.68万元（表6 公用经费合计 298.68）',
  fail: '机关运行经费支出**298.44**万元，表6 公用经费合计 298.68 → warning',
  limits: [
    {
      zh: '仅当部门概况写明“行政单位”且未提及事业单位时比较表6；否则只校验增减率。',
      en: 'Compared with T6 only when the overview says 行政单位 and mentions no 事业单位; otherwise only the rate arithmetic is checked.',
    },
  ],
};

/** The overview (before the first table) calls the unit administrative and names no 事业单位. */
export function purelyAdministrative(d: Disclosure): boolean {
  let first = Infinity;
  for (const t of Object.values(d.tables)) for (const b of t?.blocks ?? []) if (b.index < first) first = b.index;
  // Neither word can span two paragraphs, so each paragraph is searched on its own (no joined copy).
  let admin = false;
  for (const p of d.paragraphs) {
    if (p.index >= first) continue;
    if (p.text.includes('事业单位')) return false;
    if (!admin && p.text.includes('行政单位')) admin = true;
  }
  return admin;
}

export const rule = claimRule(meta, { table: (a) => purelyAdministrative(a.disclosure) });
