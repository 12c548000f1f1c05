/**
 * The reading order of findings, shared by the popup and every export: what matters first.
 * Errors, then warnings, then notices; within a severity, table findings in table order (T1…T9,
 * BT1…BT9) then by row and column, then narrative and document findings in page order.
 * Notices (rounding-level differences) are folded by default: counted, listed only on request.
 * Pure and browser-safe.
 */
import type { Report, ReportFinding } from './schema';
import { toInt } from '../int';

type Severity = ReportFinding['severity'];

export const SEVERITY_ORDER: readonly Severity[] = ['error', 'warning', 'notice'];
const RANK: Record<Severity, number> = { error: 0, warning: 1, notice: 2 };

/** "T3" → [0, 3], "BT12" → [1, 12]; unknown keys sort last by name. */
function tableRank(id: string): [number, number, string] {
  const m = /^(B?)T(\d+)$/.exec(id);
  return m ? [m[1] ? 1 : 0, toInt(m[2]), id] : [2, 0, id];
}

function compareTables(a: string, b: string): number {
  const [ka, na, sa] = tableRank(a);
  const [kb, nb, sb] = tableRank(b);
  return ka - kb || na - nb || (sa < sb ? -1 : sa > sb ? 1 : 0);
}

/** Where a finding sits: its first total cell (else its first cell); null for narrative/document findings. */
export function anchorCell(f: ReportFinding): ReportFinding['cells'][number] | null {
  return f.cells.find((c) => c.role === 'total') ?? f.cells[0] ?? null;
}

/** Compare two findings (with their indices into report.findings) in reading order. */
export function compareFindings(a: ReportFinding, ia: number, b: ReportFinding, ib: number): number {
  const s = RANK[a.severity] - RANK[b.severity];
  if (s !== 0) return s;
  const ca = anchorCell(a);
  const cb = anchorCell(b);
  if (ca && !cb) return -1;
  if (!ca && cb) return 1;
  if (ca && cb) {
    const t = compareTables(ca.table, cb.table);
    if (t !== 0) return t;
    if (ca.row !== cb.row) return ca.row - cb.row;
    if (ca.col !== cb.col) return ca.col - cb.col;
  }
  return ia - ib;
}

/** Indices into report.findings, in reading order. */
export function orderedIndices(findings: readonly ReportFinding[]): number[] {
  return findings.map((_, i) => i).sort((ia, ib) => compareFindings(findings[ia], ia, findings[ib], ib));
}

/** Findings in reading order, each with its index into report.findings. */
export function orderedFindings(report: Pick<Report, 'findings'>): { finding: ReportFinding; index: number }[] {
  return orderedIndices(report.findings).map((index) => ({ finding: report.findings[index], index }));
}

export interface NoticeFold {
  /** Notices in all. */
  count: number;
  /** Notices per table (tables in table order); narrative/document notices under ''. */
  byTable: { table: string; count: number }[];
}

/** The one line a folded list of notices shows. */
export function foldNotices(findings: readonly ReportFinding[]): NoticeFold {
  const per = new Map<string, number>();
  let count = 0;
  for (const f of findings) {
    if (f.severity !== 'notice') continue;
    count++;
    const t = anchorCell(f)?.table ?? '';
    per.set(t, (per.get(t) ?? 0) + 1);
  }
  const byTable = [...per.entries()]
    .map(([table, n]) => ({ table, count: n }))
    .sort((a, b) => (a.table === '' ? 1 : b.table === '' ? -1 : compareTables(a.table, b.table)));
  return { count, byTable };
}

/** True for a rounding-level notice (尾数差异), the common kind of notice. */
export function isRounding(f: ReportFinding): boolean {
  return f.severity === 'notice' && /尾数差异/.test(f.message);
}

/** "46 处尾数差异" / "46 rounding differences" (or notices, when not all are rounding). */
export function foldLabel(findings: readonly ReportFinding[]): { zh: string; en: string } {
  const notices = findings.filter((f) => f.severity === 'notice');
  const rounding = notices.filter(isRounding).length;
  const n = notices.length;
  if (n > 0 && rounding === n) return { zh: `${n} 处尾数差异`, en: `${n} rounding difference${n === 1 ? '' : 's'}` };
  if (rounding > 0) return { zh: `${n} 处提示（其中 ${rounding} 处尾数差异）`, en: `${n} notice${n === 1 ? '' : 's'} (${rounding} rounding)` };
  return { zh: `${n} 处提示`, en: `${n} notice${n === 1 ? '' : 's'}` };
}

/**
 * A finding's key for a link (`#dc-finding=<key>`): its rule and the cell it sits on, so the link
 * still finds it when other findings come and go; a finding without cells falls back to its index.
 */
export function findingKey(f: ReportFinding, index: number): string {
  const c = anchorCell(f);
  return c ? `${f.rule}.${c.table}.${c.row}.${c.col}` : `${f.rule}.${index}`;
}

/** The index of the finding a key names, or -1. */
export function findByKey(findings: readonly ReportFinding[], key: string): number {
  const exact = findings.findIndex((f, i) => findingKey(f, i) === key);
  if (exact >= 0) return exact;
  // "<rule>.<index>" of a narrative finding: the index, if that finding has the rule.
  const m = /^(.+)\.(\d+)$/.exec(key);
  const i = m ? toInt(m[2]) : -1;
  if (m && findings[i]?.rule === m[1] && !anchorCell(findings[i])) return i;
  return -1;
}
