/**
 * A summary across documents (batch checking): one row per document, worst first.
 * Pure and browser-safe; the CLI feeds it reports and the inputs it could not read.
 */
import { sanitizeText } from '../sanitize';
import type { Report } from './schema';
import { csvDocument } from './csv';
import { mdEscape, mdTable } from './markdown';
import { NO_DISCLOSURE, SEVERITY_LABEL } from './text';
import type { PairFinding } from '../checks/B-N16';
import { kindLabel } from './kind';

/** One input: a report, the reason it could not be read, or why it was skipped (a folder entry not checked). */
export type SummaryItem =
  | { source: string; report: Report; error?: undefined; skipped?: undefined }
  | { source: string; report?: undefined; error: string; skipped?: undefined }
  | { source: string; report?: undefined; error?: undefined; skipped: string };

export type Verdict = 'unreadable' | 'errors' | 'warnings' | 'clean' | 'no-disclosure' | 'skipped';

export const VERDICT_LABEL: Record<Verdict, { zh: string; en: string }> = {
  unreadable: { zh: '无法读取', en: 'unreadable' },
  errors: { zh: '有错误', en: 'errors' },
  warnings: { zh: '有警告', en: 'warnings' },
  clean: { zh: '未发现问题', en: 'clean' },
  'no-disclosure': NO_DISCLOSURE,
  skipped: { zh: '已跳过', en: 'skipped' },
};

export interface SummaryRow {
  source: string;
  verdict: Verdict;
  department: string | null;
  year: number | null;
  /** design.md document.kind / scope: 决算 or 预算, 部门 or 单位 (null: unread, or a row stored before them). */
  kind: 'final' | 'budget' | null;
  scope: 'department' | 'unit' | null;
  tables: number;
  unrecognised: number;
  errors: number;
  warnings: number;
  notices: number;
  rulesRun: number;
  /** The first few findings as "RULE message": errors first, then warnings; never notices. */
  top: string[];
  /** Why the input could not be read (verdict "unreadable") or was not checked (verdict "skipped"). */
  error: string | null;
}

export const TOP_FINDINGS = 3;
const TOP_MESSAGE_CHARS = 80;

function clip(s: string, n: number): string {
  const one = s.replace(/\s+/g, ' ').trim();
  return one.length > n ? one.slice(0, n - 1) + '…' : one;
}

export function verdictOf(report: Report): Verdict {
  if (report.tables.length === 0) return 'no-disclosure';
  if (report.summary.errors > 0) return 'errors';
  if (report.summary.warnings > 0) return 'warnings';
  return 'clean';
}

/** Unreadable inputs first (nothing was verified), then by errors, warnings, notices; pages without disclosure, then skipped entries last. */
const VERDICT_RANK: Record<Verdict, number> = { unreadable: 0, errors: 1, warnings: 2, clean: 3, 'no-disclosure': 4, skipped: 5 };

export function compareRows(a: SummaryRow, b: SummaryRow): number {
  return (
    VERDICT_RANK[a.verdict] - VERDICT_RANK[b.verdict] ||
    b.errors - a.errors ||
    b.warnings - a.warnings ||
    b.notices - a.notices ||
    (a.source < b.source ? -1 : a.source > b.source ? 1 : 0)
  );
}

export function summaryRow(item: SummaryItem): SummaryRow {
  if (!item.report) {
    return {
      source: item.source,
      verdict: item.skipped !== undefined ? 'skipped' : 'unreadable',
      department: null,
      year: null,
      kind: null,
      scope: null,
      tables: 0,
      unrecognised: 0,
      errors: 0,
      warnings: 0,
      notices: 0,
      rulesRun: 0,
      top: [],
      error: item.skipped ?? item.error,
    };
  }
  const r = item.report;
  const serious = r.findings.filter((f) => f.severity !== 'notice');
  // Rounding notices are information, not problems: they never fill the top findings column.
  const pick = [...serious].sort((a, b) => (a.severity === b.severity ? 0 : a.severity === 'error' ? -1 : 1));
  return {
    source: item.source,
    verdict: verdictOf(r),
    department: r.document.department,
    year: r.document.year,
    // A page without a disclosure has no kind worth a column (its default `final` is no finding).
    kind: r.tables.length > 0 ? r.document.kind : null,
    scope: r.tables.length > 0 ? (r.document.scope ?? null) : null,
    tables: r.tables.length,
    unrecognised: r.unrecognised?.length ?? 0,
    errors: r.summary.errors,
    warnings: r.summary.warnings,
    notices: r.summary.notices,
    rulesRun: r.summary.rulesRun,
    top: pick.slice(0, TOP_FINDINGS).map((f) => `${f.rule} ${clip(f.message, TOP_MESSAGE_CHARS)}`),
    error: null,
  };
}

/** Rows sorted worst first; ties broken by source so the order is deterministic. */
export function summarize(items: readonly SummaryItem[]): SummaryRow[] {
  return items.map(summaryRow).sort(compareRows);
}

export interface SummaryTotals {
  /** Inputs read or attempted (skipped entries are not documents). */
  documents: number;
  verdicts: Record<Verdict, number>;
  errors: number;
  warnings: number;
  notices: number;
}

export function summaryTotals(rows: readonly SummaryRow[]): SummaryTotals {
  const verdicts: Record<Verdict, number> = { unreadable: 0, errors: 0, warnings: 0, clean: 0, 'no-disclosure': 0, skipped: 0 };
  let errors = 0;
  let warnings = 0;
  let notices = 0;
  for (const r of rows) {
    verdicts[r.verdict]++;
    errors += r.errors;
    warnings += r.warnings;
    notices += r.notices;
  }
  return { documents: rows.length - verdicts.skipped, verdicts, errors, warnings, notices };
}

function totalsLine(t: SummaryTotals): string {
  const parts = (Object.keys(VERDICT_LABEL) as Verdict[])
    .filter((v) => v !== 'skipped' && t.verdicts[v] > 0)
    .map((v) => `${t.verdicts[v]} ${VERDICT_LABEL[v].zh} ${VERDICT_LABEL[v].en}`);
  return (
    `${t.documents} 份文档 documents: ${parts.join(' · ') || '—'}; ` +
    `${t.errors} 错误 errors · ${t.warnings} 警告 warnings · ${t.notices} 提示 notices` +
    (t.verdicts.skipped ? `; ${t.verdicts.skipped} 项已跳过 entries skipped` : '')
  );
}

export { kindLabel } from './kind';

export const SUMMARY_CSV_HEADER = [
  'source',
  'verdict',
  'department',
  'year',
  'kind',
  'scope',
  'tables',
  'unrecognised_tables',
  'errors',
  'warnings',
  'notices',
  'rules_run',
  'top_findings',
  'read_error',
] as const;

export function renderSummaryCsv(rows: readonly SummaryRow[]): string {
  return csvDocument(
    SUMMARY_CSV_HEADER,
    rows.map((r) => [
      r.source,
      r.verdict,
      r.department,
      r.year,
      r.kind ?? null,
      r.scope ?? null,
      r.tables,
      r.unrecognised,
      r.errors,
      r.warnings,
      r.notices,
      r.rulesRun,
      r.top.join(' | '),
      r.error,
    ]),
  );
}

export function renderSummaryMarkdown(rows: readonly SummaryRow[], options: { level?: number } = {}): string {
  const h = '#'.repeat(options.level ?? 1);
  return [
    `${h} 汇总 Summary`,
    '',
    totalsLine(summaryTotals(rows)),
    '',
    mdTable(
      ['结论 Verdict', '部门 Department', '年度 Year', '类型 Kind', '表 Tables', '错误 Errors', '警告 Warnings', '提示 Notices', '主要问题 Top findings', '来源 Source'],
      rows.map((r) => [
        `${VERDICT_LABEL[r.verdict].zh} ${VERDICT_LABEL[r.verdict].en}`,
        mdEscape(r.department ?? '—'),
        r.year === null ? '—' : String(r.year),
        kindLabel(r),
        String(r.tables),
        String(r.errors),
        String(r.warnings),
        String(r.notices),
        r.error !== null ? mdEscape(r.error) : r.top.map(mdEscape).join('<br>') || '—',
        mdEscape(r.source),
      ]),
    ),
    '',
  ].join('\n');
}

export function renderSummaryText(rows: readonly SummaryRow[]): string {
  const out: string[] = ['汇总 Summary (最严重在前 worst first)', totalsLine(summaryTotals(rows))];
  for (const r of rows) {
    const counts = r.verdict === 'unreadable' || r.verdict === 'skipped' ? (r.error ?? '') : `${r.tables} 表 tables · E${r.errors} W${r.warnings} N${r.notices}`;
    out.push(`  ${VERDICT_LABEL[r.verdict].zh} ${VERDICT_LABEL[r.verdict].en}  ${r.department ?? '—'}  ${r.year ?? '—'}${r.kind ? `  ${kindLabel(r)}` : ''}  ${counts}  ${r.source}`);
    for (const t of r.top) out.push(`      ${t}`);
  }
  return sanitizeText(out.join('\n') + '\n');
}

/** B-N16 across a batch: each 单位预算 beside its 部门预算 (same department and year) and what the pair shows. */
export interface BudgetPair {
  unit: string;
  department: string;
  findings: PairFinding[];
}

const PAIRS_HEADING = '单位预算与部门预算 Unit and department budgets (B-N16)';

function pairCounts(pairs: readonly BudgetPair[]): string {
  const all = pairs.flatMap((p) => p.findings);
  const n = (s: string) => all.filter((f) => f.severity === s).length;
  return `${pairs.length} 对 pairs: ${n('error')} 错误 errors · ${n('warning')} 警告 warnings`;
}

/** The text summary's pairing section ('' when the batch held no unit beside its department). */
export function renderPairsText(pairs: readonly BudgetPair[]): string {
  if (pairs.length === 0) return '';
  const out = ['', PAIRS_HEADING, pairCounts(pairs)];
  for (const p of pairs) {
    out.push(`  单位 unit: ${p.unit}  ←  部门 department: ${p.department}`);
    if (p.findings.length === 0) out.push('      未发现问题 none found');
    for (const f of p.findings) out.push(`      [B-N16] ${SEVERITY_LABEL[f.severity].zh} ${f.message.zh}`, `              ${f.message.en}`);
  }
  return sanitizeText(out.join('\n') + '\n');
}

export function renderPairsMarkdown(pairs: readonly BudgetPair[], options: { level?: number } = {}): string {
  if (pairs.length === 0) return '';
  const h = '#'.repeat((options.level ?? 1) + 1);
  const rows = pairs.flatMap((p) =>
    p.findings.length === 0
      ? [[mdEscape(p.unit), mdEscape(p.department), '—', '未发现问题 none found']]
      : p.findings.map((f) => [mdEscape(p.unit), mdEscape(p.department), `${SEVERITY_LABEL[f.severity].zh} ${f.severity}`, `${mdEscape(f.message.zh)}<br>${mdEscape(f.message.en)}`]),
  );
  return [`${h} ${PAIRS_HEADING}`, '', pairCounts(pairs), '', mdTable(['单位 Unit', '部门 Department', '严重程度 Severity', '问题 Finding'], rows), ''].join('\n');
}
