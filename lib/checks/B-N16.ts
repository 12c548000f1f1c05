/**
 * B-N16 (budget.md): a 单位 budget beside its 部门 budget (same department, same year — in one batch):
 * per 功能 code the unit's amount ≤ the department's (the department's budget holds all its units'),
 * and a unit prior-year figure identical to the department's while the current figures differ is a
 * copy (warning). Two documents are needed, so the single-document check reports it not applicable;
 * the CLI batch pairs the documents' profiles (budgetProfile) and compares them (compareBudgets), and
 * so does the extension for two open tabs (lib/ext/budget-tabs, lib/ext/budget-pair).
 */
import Decimal from 'decimal.js';
import { defineRule } from './types';
import type { Bilingual, RuleMeta, Severity } from './types';
import type { RuleDoc } from './helpers';
import { cellOf, panel, valueRows } from './helpers';
import type { Disclosure } from '../model/types';
import { budgetText, headlines, HEAD_LABEL, signed } from '../claims/budget';
import type { HeadKey } from '../claims/budget';
import { formatAmount, groupThousands } from '../money';

export const meta: RuleMeta = {
  id: 'B-N16',
  title: { zh: '单位预算与所属部门预算一致', en: 'A unit budget agrees with its department budget' },
  severity: 'error',
  tables: [],
};

export const doc: RuleDoc = {
  rationale: {
    zh: '部门预算包含其所属各单位的预算：同一年度、同一部门的单位预算与部门预算同时核对时（命令行批量核对，或在浏览器的两个标签页中同时打开），每个功能科目的单位支出预算（BT3 合计）不得大于部门的；单位预算中的上年预算数（说明中的本年数 ∓ 比上年增减额）与部门的完全相同、而本年数不同，多半是从部门预算抄来的（警告）。单位并入部门、两份文件数字相同是正确的。',
    en: 'A department\'s budget holds its units\': when a unit budget and its department\'s budget of the same year are checked together (a CLI batch, or both open in two browser tabs), per 功能 code the unit\'s BT3 total must not exceed the department\'s; a unit prior-year figure (the text\'s X ∓ its change) identical to the department\'s while the current figures differ was likely copied (warning). A unit merged into its department, with identical numbers, is correct.',
  },
  relation: { zh: '每个编码：单位 ≤ 部门；上年数相同而本年数不同 → 警告', en: 'per code: unit ≤ department; same prior figure, different current → warning' },
  pass: '部门 BT3 2010301 合计 12,029,501.84；单位 BT3 2010301 合计 3,000,000.00',
  fail: '单位 BT3 2010301 合计 **13,000,000.00** > 部门 12,029,501.84 → error',
  limits: [
    { zh: '只在部门名称和年度相同的一份部门预算与单位预算之间核对：命令行批量核对，或扩展中两个标签页同时打开（单位预算页面显示结果）；单份文件核对时不适用。', en: 'Only between a department budget and a unit budget with the same department name and year: in a CLI batch, or with both open in two tabs of the extension (the unit page shows the findings); not applicable to one document.' },
    { zh: '命令行：结果在批量汇总（Markdown、文本、summary.json）中列出，不写入单份报告。', en: 'CLI: results are listed in the batch summary (Markdown, text, summary.json), not in the per-document reports.' },
    { zh: '扩展：单位预算页面的单元格（BT3 合计）和说明中的句子被标注，问题列出部门预算页面的标题和地址；部门预算标签页关闭或打开其他页面后，这些问题随之消失。PDF 查看器中的预算不参与。', en: 'Extension: the unit page\'s BT3 total cells and the sentence are marked, and each finding names the department page (title and address); when the department tab closes or shows another page, the findings go. Budgets in the PDF viewer take no part.' },
  ],
};

export const rule = defineRule({
  meta,
  run(ctx) {
    ctx.notApplicable('needs the department budget beside this unit budget (a CLI batch of both)');
  },
});

/** What a budget contributes to the pairing: small and structured-clone safe (strings, no Decimals). */
export interface BudgetProfile {
  department: string;
  year: number;
  scope: 'department' | 'unit';
  /** BT3 合计 per 功能 code, in 元, as printed (commas removed). */
  codes: Record<string, string>;
  /** Headline figures of the text (万元): this year's and the prior year's (X ∓ D). */
  current: Partial<Record<HeadKey, string>>;
  prior: Partial<Record<HeadKey, string>>;
}

export function budgetProfile(d: Disclosure): BudgetProfile | null {
  const { kind, scope, department, year } = d.info;
  if (kind !== 'budget' || !scope || !department || !year) return null;
  const codes: Record<string, string> = {};
  for (const r of valueRows(panel(d.tables.BT3))) {
    const c = cellOf(r, 'total');
    if (r.code && r.kind !== 'of-which' && c?.value.kind === 'number') codes[r.code] = c.value.value.toFixed();
  }
  const current: BudgetProfile['current'] = {};
  const prior: BudgetProfile['prior'] = {};
  const h = headlines(budgetText(d));
  for (const k of Object.keys(h) as HeadKey[]) {
    const head = h[k]!;
    current[k] = head.hit.num.value.toFixed();
    const s = signed(head.change);
    if (s) prior[k] = head.hit.num.value.minus(s.value).toFixed();
  }
  return { department, year, scope, codes, current, prior };
}

export interface PairFinding {
  rule: 'B-N16';
  severity: Severity;
  message: Bilingual;
  expected: string | null;
  actual: string | null;
  /** The 功能 code (per-code findings) or the headline quantity. */
  subject: string;
}

/** 元 with thousands separators, as budget tables print them. */
const yuan = (d: Decimal) => groupThousands(formatAmount(d, 2));

/** The unit against its department (the caller pairs them: same department name, same year). */
export function compareBudgets(unit: BudgetProfile, dept: BudgetProfile): PairFinding[] {
  const out: PairFinding[] = [];
  for (const [code, u] of Object.entries(unit.codes)) {
    const dv = dept.codes[code];
    const uv = new Decimal(u);
    // A code the department does not list while the unit budgets money under it.
    const limit = dv === undefined ? new Decimal(0) : new Decimal(dv);
    if (uv.lte(limit)) continue;
    out.push({
      rule: 'B-N16',
      severity: 'error',
      subject: code,
      message: {
        zh: `单位预算 ${code} 支出合计 ${yuan(uv)} 元大于部门预算的 ${dv === undefined ? '（部门预算无此科目）0' : yuan(limit)} 元（部门预算包含其所属单位）`,
        en: `The unit budget's ${code} total ${yuan(uv)} yuan exceeds the department budget's ${dv === undefined ? '(no such code) 0' : yuan(limit)} (a department's budget holds its units')`,
      },
      expected: `≤ ${yuan(limit)}`,
      actual: yuan(uv),
    });
  }
  for (const k of Object.keys(unit.prior) as HeadKey[]) {
    const up = unit.prior[k];
    const dp = dept.prior[k];
    const uc = unit.current[k];
    const dc = dept.current[k];
    if (up === undefined || dp === undefined || uc === undefined || dc === undefined) continue;
    if (!new Decimal(up).eq(dp) || new Decimal(uc).eq(dc) || new Decimal(up).isZero()) continue;
    const label = HEAD_LABEL[k];
    out.push({
      rule: 'B-N16',
      severity: 'warning',
      subject: label.zh,
      message: {
        zh: `单位预算的上年${label.zh} ${up} 万元与部门预算的完全相同，而本年数不同（单位 ${uc}，部门 ${dc}）：疑为从部门预算抄来`,
        en: `The unit's prior-year ${label.en} ${up} (10k yuan) is the department's exactly, while this year's differ (unit ${uc}, department ${dc}): copied from the department's budget?`,
      },
      expected: null,
      actual: up,
    });
  }
  return out;
}

/**
 * Pairs every unit profile with the department profile of the same department name and year (the
 * first one when a batch holds several copies) and compares them.
 */
export function pairBudgets(items: ReadonlyArray<{ source: string; profile: BudgetProfile }>): Array<{ unit: string; department: string; findings: PairFinding[] }> {
  const depts = new Map<string, string>();
  const key = (p: BudgetProfile) => `${p.year}|${p.department}`;
  const profiles = new Map<string, BudgetProfile>();
  for (const it of items) {
    if (it.profile.scope !== 'department' || depts.has(key(it.profile))) continue;
    depts.set(key(it.profile), it.source);
    profiles.set(it.source, it.profile);
  }
  const out: Array<{ unit: string; department: string; findings: PairFinding[] }> = [];
  for (const it of items) {
    if (it.profile.scope !== 'unit') continue;
    const d = depts.get(key(it.profile));
    if (d === undefined) continue;
    out.push({ unit: it.source, department: d, findings: compareBudgets(it.profile, profiles.get(d)!) });
  }
  return out;
}
