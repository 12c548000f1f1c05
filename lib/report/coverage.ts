/**
 * What was checked: the map of the tables (recognised, required but not found, unrecognised), the
 * comparisons run on each, the required parts present — the popup's "核对范围" and the text and
 * Markdown reports' coverage lines. A function of the JSON report only (pure, browser-safe), so a
 * journalist's "checked 9 tables, 312 comparisons, 2 errors" is the same sentence everywhere.
 */
import type { Report, ReportFinding } from './schema';
import { BUDGET_TABLE_KEYS, BUDGET_TABLE_NAMES } from '../model/types';
import { anchorCell, orderedIndices } from './order';
import { toInt } from '../int';

type Severity = ReportFinding['severity'];

export interface MapRow {
  /** T1…T9 / BT1…BT9. */
  id: string;
  /** `checked`: recognised and checked; `missing`: a required table not found in the document. */
  status: 'checked' | 'missing';
  /** The page's own label (公开01表), if any. */
  marker: string | null;
  /** The table's name as printed (recognised) or its common name (missing). */
  name: { zh: string; en: string };
  /** Comparisons that read the table's cells (identities within or across tables), null when not reported. */
  identities: number | null;
  /** Narrative numbers compared with the table's cells, null when not reported. */
  claims: number | null;
  counts: Record<Severity, number>;
  /** The table's first finding in reading order (for a jump), null without findings. */
  first: number | null;
}

export interface Coverage {
  rows: MapRow[];
  /** Recognised tables. */
  tables: number;
  /** Required tables not found. */
  missing: number;
  unrecognised: { title: string; reason: string }[];
  /** Distinct comparisons run (table identities and narrative numbers against cells), null when not reported. */
  relations: number | null;
  /** Narrative numbers reconciled with the tables or with each other, null when not reported. */
  claimsReconciled: number | null;
  parts: { present: number; total: number; missing: { id: string; title: string }[] };
  findings: Record<Severity, number>;
}

/** "收入支出决算总表 · income & expenditure summary (T1)" → both halves. */
function splitTitle(title: string): { zh: string; en: string } {
  const i = title.indexOf(' · ');
  return i < 0 ? { zh: title, en: title } : { zh: title.slice(0, i), en: title.slice(i + 3) };
}

const TABLE_PART = /^(?:B-)?S-\d+\.(B?T\d+)$/;

export function coverage(report: Report): Coverage {
  const rows: MapRow[] = [];
  const byTable = new Map<string, MapRow>();
  const zero = (): Record<Severity, number> => ({ error: 0, warning: 0, notice: 0 });
  for (const t of report.tables) {
    const row: MapRow = {
      id: t.id,
      status: 'checked',
      marker: t.marker,
      name: { zh: t.name, en: t.name },
      identities: t.checks?.identities ?? null,
      claims: t.checks?.claims ?? null,
      counts: zero(),
      first: null,
    };
    rows.push(row);
    byTable.set(t.id, row);
  }
  // Required tables not found: the S-03 parts (which know the year's table set), else for a budget
  // the nine tables of budget.md (B-S07). A final-accounts report without parts claims nothing missing.
  const tableParts = report.sections.flatMap((s) => {
    const m = TABLE_PART.exec(s.id);
    return m ? [{ id: m[1], present: s.present, title: splitTitle(s.title) }] : [];
  });
  const expected =
    tableParts.length > 0
      ? tableParts
      : report.document.kind === 'budget'
        ? BUDGET_TABLE_KEYS.map((id) => ({ id, present: false, title: BUDGET_TABLE_NAMES[id] }))
        : [];
  for (const p of expected) {
    if (byTable.has(p.id)) continue;
    const row: MapRow = { id: p.id, status: 'missing', marker: null, name: p.title, identities: null, claims: null, counts: zero(), first: null };
    rows.push(row);
    byTable.set(p.id, row);
  }
  rows.sort((a, b) => tableOrder(a.id) - tableOrder(b.id));
  const findings = zero();
  for (const i of orderedIndices(report.findings)) {
    const f = report.findings[i];
    if (f.dismissed) continue;
    findings[f.severity]++;
    const cell = anchorCell(f);
    const row = cell ? byTable.get(cell.table) : undefined;
    if (!row) continue;
    row.counts[f.severity]++;
    row.first ??= i;
  }
  // Every required part, the tables among them (as the text report counts them).
  const parts = report.sections;
  const missingParts = parts.filter((s) => !s.present);
  return {
    rows,
    tables: report.tables.length,
    missing: rows.filter((r) => r.status === 'missing').length,
    unrecognised: report.unrecognised ?? [],
    relations: report.summary.relations ?? null,
    claimsReconciled: report.claims?.reconciled ?? null,
    parts: { present: parts.length - missingParts.length, total: parts.length, missing: missingParts.map((s) => ({ id: s.id, title: s.title })) },
    findings,
  };
}

function tableOrder(id: string): number {
  const m = /^(B?)T(\d+)$/.exec(id);
  return m ? (m[1] ? 100 : 0) + toInt(m[2]) : 1000;
}

/**
 * The one-line verdict of what was checked:
 * "已核对 9 张表、362 项比对、129 个叙述数字；1 张必备表格未找到：5 处错误 · 2 处警告 · 6 处提示".
 */
export function coverageLine(c: Coverage, lang: 'zh' | 'en'): string {
  const plural = (n: number, word: string) => `${n} ${word}${n === 1 ? '' : 's'}`;
  if (lang === 'en') {
    const parts = [`Checked ${plural(c.tables, 'table')}`];
    if (c.relations !== null) parts.push(plural(c.relations, 'comparison'));
    if (c.claimsReconciled !== null) parts.push(plural(c.claimsReconciled, 'narrative number'));
    let s = parts.join(', ');
    if (c.missing) s += `; ${plural(c.missing, 'required table')} not found`;
    if (c.unrecognised.length) s += `; ${c.unrecognised.length} not recognised`;
    return `${s}: ${plural(c.findings.error, 'error')} · ${plural(c.findings.warning, 'warning')} · ${plural(c.findings.notice, 'notice')}`;
  }
  let s = `已核对 ${c.tables} 张表`;
  if (c.relations !== null) s += `、${c.relations} 项比对`;
  if (c.claimsReconciled !== null) s += `、${c.claimsReconciled} 个叙述数字`;
  if (c.missing) s += `；${c.missing} 张必备表格未找到`;
  if (c.unrecognised.length) s += `；${c.unrecognised.length} 张表格未能识别`;
  return `${s}：${c.findings.error} 处错误 · ${c.findings.warning} 处警告 · ${c.findings.notice} 处提示`;
}

/** One table of the map: "T1 公开01表 收入支出决算总表 — 29 项比对 · 1 处错误" (or "未找到"). */
export function mapRowLine(r: MapRow, lang: 'zh' | 'en'): string {
  const name = lang === 'en' ? r.name.en : r.name.zh;
  const head = `${r.id}${r.marker ? ` ${r.marker}` : ''} ${name}`;
  if (r.status === 'missing') return `${head} — ${lang === 'en' ? 'not found' : '未找到'}`;
  const bits: string[] = [];
  const checks = (r.identities ?? 0) + (r.claims ?? 0);
  if (r.identities !== null || r.claims !== null) {
    bits.push(lang === 'en' ? `${checks} comparison${checks === 1 ? '' : 's'}${r.claims ? ` (${r.claims} narrative)` : ''}` : `${checks} 项比对${r.claims ? `（叙述 ${r.claims}）` : ''}`);
  }
  const sev: [Severity, string, string][] = [
    ['error', '处错误', 'error'],
    ['warning', '处警告', 'warning'],
    ['notice', '处提示', 'notice'],
  ];
  for (const [k, zh, en] of sev) if (r.counts[k]) bits.push(lang === 'en' ? `${r.counts[k]} ${en}${r.counts[k] === 1 ? '' : 's'}` : `${r.counts[k]} ${zh}`);
  if (bits.length === (r.identities !== null || r.claims !== null ? 1 : 0)) bits.push(lang === 'en' ? 'no findings' : '未发现问题');
  return `${head} — ${bits.join(' · ')}`;
}
