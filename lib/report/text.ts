/**
 * Plain-text rendering of a Report for people (the CLI's default format).
 * Pure and browser-safe: a function of the JSON report only, no Node APIs, no clock.
 */
import { sanitizeText } from '../sanitize';
import type { Report, ReportCause, ReportFinding } from './schema';
import { foldLabel, foldNotices, orderedFindings } from './order';
import { detailsLine, mainLine, valueLines } from './words';
import { coverage, coverageLine } from './coverage';
import { kindLabel } from './kind';

type Severity = ReportFinding['severity'];
type Cell = ReportFinding['cells'][number];

export const SEVERITIES: readonly Severity[] = ['error', 'warning', 'notice'];

export const SEVERITY_LABEL: Record<Severity, { zh: string; en: string }> = {
  error: { zh: '错误', en: 'Errors' },
  warning: { zh: '警告', en: 'Warnings' },
  notice: { zh: '提示', en: 'Notices' },
};

export const NO_DISCLOSURE = { zh: '未识别到决算公开表格', en: 'no disclosure tables recognised' };
export const TEMPLATE = { zh: '这是模板或空白表格：表中没有金额，无需核对', en: 'a template or an empty form: the tables hold no amounts, nothing to reconcile' };

/** How many cells a human-readable finding lists before "… +N more" (JSON/CSV keep them all). */
export const MAX_CELLS_SHOWN = 8;

/** How a blank cell's value reads in a citation: never "0.00". */
export const BLANK_CELL = '（空）';

/**
 * `公开01表 · 本年收入合计 · 决算数「896.58」` — the cell as a person cites it (its label), with its
 * text as printed; a cell without a label (an older report) falls back to `T1[r27,c2]`, 0-based.
 */
export function formatCell(c: Pick<Cell, 'table' | 'row' | 'col' | 'text'> & { label?: string }): string {
  return `${c.label || `${c.table}[r${c.row},c${c.col}]`}「${c.text.trim() || BLANK_CELL}」`;
}

export function formatCells(cells: readonly Cell[], max = MAX_CELLS_SHOWN): string {
  const shown = cells.slice(0, max).map(formatCell);
  if (cells.length > max) shown.push(`… +${cells.length - max}`);
  return shown.join('; ');
}

export interface RuleCoverage {
  ran: number;
  passed: number;
  failed: number;
  notApplicable: number;
  internalErrors: number;
  total: number;
}

export function ruleCoverage(report: Report): RuleCoverage {
  const n = (o: Report['rules'][number]['outcome']) => report.rules.filter((r) => r.outcome === o).length;
  const passed = n('pass');
  const failed = n('fail');
  return {
    ran: passed + failed,
    passed,
    failed,
    notApplicable: n('not-applicable'),
    internalErrors: n('internal-error'),
    total: report.rules.length,
  };
}

export const CONFIDENCE_LABEL: Record<ReportCause['confidence'], { zh: string; en: string }> = {
  unique: { zh: '唯一解释', en: 'unique' },
  ambiguous: { zh: '多种可能', en: 'ambiguous' },
  none: { zh: '无简单解释', en: 'no simple explanation' },
};

/** Causes worth leading with: those that name a value (unique or ambiguous). */
export function actionableCauses(report: Report): ReportCause[] {
  return (report.causes ?? []).filter((c) => c.confidence !== 'none');
}

/** A cell a cause names, cited as people cite it (see formatCell). */
export function formatCauseCell(c: ReportCause['cells'][number]): string {
  return formatCell(c);
}

/** "#0, #3" — findings by their index in the report. */
export function findingRefs(explains: readonly number[]): string {
  return explains.map((i) => `#${i}`).join(', ');
}

/** Findings by severity, each list in reading order (table, row, column; then page order). */
export function findingsBySeverity(report: Report): Record<Severity, ReportFinding[]> {
  const out: Record<Severity, ReportFinding[]> = { error: [], warning: [], notice: [] };
  for (const { finding } of orderedFindings(report)) if (!finding.dismissed) out[finding.severity].push(finding);
  return out;
}

/** Findings the reviewer dismissed (docs/dismissals.md), in reading order: listed apart, never dropped. */
export function dismissedFindings(report: Report): ReportFinding[] {
  return orderedFindings(report).flatMap(({ finding }) => (finding.dismissed ? [finding] : []));
}

/** "已忽略 Dismissed (2)" — the heading of the dismissed group. */
export function dismissedHeading(n: number): string {
  return `已忽略 Dismissed (${n})：已核实，不是问题，不计入上述数目 · checked, not a problem, not counted above`;
}

export interface ListOptions {
  /** Notices (rounding-level differences) are folded into one line unless 'list' (default 'fold'). */
  notices?: 'fold' | 'list';
  /** 'zh': Chinese only (no English lines or headings); default both, Chinese first. */
  lang?: 'zh' | 'both';
}

/** "错误 Errors" (both) or "错误" (Chinese only). */
export function bi(zh: string, en: string, options: ListOptions): string {
  return options.lang === 'zh' ? zh : `${zh} ${en}`;
}

/** "应为 880.81 · 所列 896.57万元 · 差额 +15.76" — the value words of lib/report/words. */
export function valuesText(report: Report, f: ReportFinding, options: ListOptions): string {
  const zh = valueLines(report, f, 'zh');
  const en = valueLines(report, f, 'en');
  return zh.map(([k, v], i) => `${options.lang === 'zh' ? k : `${k} ${en[i][0]}`} ${v}`).join(' · ');
}

/** "提示 Notices: 46 处尾数差异 · T1 2 · T3 44" — the folded notices line. */
export function foldedNoticesLine(report: Report, options: ListOptions = {}): string {
  const fold = foldNotices(report.findings);
  const label = foldLabel(report.findings);
  const per = fold.byTable.map((t) => `${t.table || bi('说明', 'narrative', options)} ${t.count}`).join(' · ');
  return `${options.lang === 'zh' ? label.zh : `${label.zh} · ${label.en}`}${per ? ` — ${per}` : ''}`;
}

/** True when the page has no recognised disclosure table (reported as such, exit status 0). */
export function isNoDisclosure(report: Report): boolean {
  return report.tables.length === 0;
}

function oneLine(s: string): string {
  return s.replace(/\s+/g, ' ').trim();
}

export function renderText(report: Report, options: ListOptions = {}): string {
  const out: string[] = [];
  const d = report.document;
  const B = (zh: string, en: string) => bi(zh, en, options);
  const zhOnly = options.lang === 'zh';
  out.push(zhOnly ? '决算公开校验' : '决算公开校验 · Disclosure Checker');
  out.push(`${B('来源', 'Source')}: ${report.source}`);
  if (report.finalUrl) out.push(`${B('最终地址', 'Final URL')}: ${report.finalUrl}`);
  if (d.title) out.push(`${B('标题', 'Title')}: ${oneLine(d.title)}`);
  out.push(`${B('部门', 'Department')}: ${d.department ?? '—'}`);
  out.push(`${B('年度', 'Year')}: ${d.year ?? '—'}   ${B('金额单位', 'Money unit')}: ${d.unit ?? '—'}`);
  out.push(`${B('类型', 'Kind')}: ${kindLabel(d, zhOnly ? 'zh' : 'both')}`);
  out.push('');

  const unrecognised = report.unrecognised ?? [];
  if (isNoDisclosure(report)) {
    out.push(zhOnly ? NO_DISCLOSURE.zh : `${NO_DISCLOSURE.zh} · ${NO_DISCLOSURE.en}`);
    for (const u of unrecognised) out.push(`  ? ${oneLine(u.title) || `(${B('无标题', 'untitled')})`} — ${u.reason}`);
    return sanitizeText(out.join('\n') + '\n');
  }

  // What was checked, in one sentence (the popup's table map says the same).
  const map = coverage(report);
  out.push(`${B('核对范围', 'What was checked')}: ${coverageLine(map, 'zh')}`);
  if (!zhOnly) out.push(`  ${coverageLine(map, 'en')}`);
  out.push(`${B('识别的表格', 'Recognised tables')} (${report.tables.length}):`);
  for (const t of report.tables) {
    const n = t.checks ? t.checks.identities + t.checks.claims : null;
    out.push(`  ${t.id}  ${t.marker ?? '—'}  ${t.name}  (${t.rows}×${t.cols})${n === null ? '' : `  ${n} ${B('项比对', 'comparisons')}`}`);
  }
  const notFound = map.rows.filter((r) => r.status === 'missing');
  if (notFound.length > 0) {
    out.push(`${B('未找到的必备表格', 'Required tables not found')} (${notFound.length}):`);
    for (const r of notFound) out.push(`  ${r.id}  ${zhOnly ? r.name.zh : `${r.name.zh} · ${r.name.en}`}`);
  }
  if (d.template) out.push(`${B('模板', 'Template')}: ${zhOnly ? TEMPLATE.zh : `${TEMPLATE.zh} · ${TEMPLATE.en}`}`);
  if (unrecognised.length > 0) {
    out.push(`${B('未识别的表格', 'Unrecognised tables')} (${unrecognised.length}):`);
    for (const u of unrecognised) out.push(`  ? ${oneLine(u.title) || `(${B('无标题', 'untitled')})`} — ${u.reason}`);
  }
  if (report.sections.length > 0) {
    const missing = report.sections.filter((s) => !s.present);
    out.push(
      `${B('必备部分', 'Required parts')}: ${report.sections.length - missing.length}/${report.sections.length} ${B('具备', 'present')}` +
        (missing.length ? `; ${B('缺少', 'missing')}: ${missing.map((s) => `${s.id} ${s.title}`).join('、')}` : ''),
    );
  }
  if (report.claims) {
    const c = report.claims;
    out.push(`${B('叙述数字', 'Narrative claims')}: ${c.found} ${B('找到', 'found')} · ${c.reconciled} ${B('核对', 'reconciled')} · ${c.skipped} ${B('跳过', 'skipped')}`);
  }
  out.push('');

  const causes = actionableCauses(report);
  if (causes.length > 0) {
    out.push(
      `${B('根因', 'Causes')} (${causes.length}): 改正这些数字，下列 ${new Set(causes.flatMap((c) => c.explains)).size} 项发现随之消除` +
        (zhOnly ? '' : ' · fix these and the findings they explain go away'),
    );
    for (const c of causes) {
      out.push(`  ${c.id} [${B(CONFIDENCE_LABEL[c.confidence].zh, CONFIDENCE_LABEL[c.confidence].en)}] ${oneLine(c.message)}`);
      if (c.messageEn && !zhOnly) out.push(`         ${oneLine(c.messageEn)}`);
      if (c.cells.length > 0) out.push(`         ${B('单元格', 'cells')}: ${c.cells.map(formatCauseCell).join('; ')}`);
      if (c.quote !== null) out.push(`         ${B('原文', 'quote')}: “${oneLine(c.quote)}”`);
      out.push(`         ${B('解释', 'explains')}: ${findingRefs(c.explains)}`);
    }
    out.push('');
  }

  const s = report.summary;
  out.push(`${B('发现', 'Findings')}: ${s.errors} ${B('错误', 'errors')} · ${s.warnings} ${B('警告', 'warnings')} · ${s.notices} ${B('提示', 'notices')}`);
  const groups = findingsBySeverity(report);
  for (const sev of SEVERITIES) {
    const list = groups[sev];
    if (list.length === 0) continue;
    out.push('');
    out.push(`${B(SEVERITY_LABEL[sev].zh, SEVERITY_LABEL[sev].en)} (${list.length})`);
    if (sev === 'notice' && (options.notices ?? 'fold') === 'fold') {
      out.push(`  ${foldedNoticesLine(report, options)}（${B('未逐条列出', 'not listed one by one')}）`);
      continue;
    }
    for (const f of list) {
      out.push(`  #${report.findings.indexOf(f)} [${f.rule}]${f.cause ? ` (${f.cause})` : ''} ${oneLine(mainLine(f, 'zh'))}`);
      if (!zhOnly && f.messageEn) out.push(`         ${oneLine(mainLine(f, 'en'))}`);
      if (f.expected !== null || f.actual !== null) out.push(`         ${valuesText(report, f, options)}`);
      const details = detailsLine(f, 'zh');
      if (details) {
        out.push(`         ${oneLine(details)}`);
        if (!zhOnly && f.messageEn) out.push(`         ${oneLine(detailsLine(f, 'en') ?? '')}`);
      }
      if (f.cells.length > 0) out.push(`         ${bi('单元格', 'cells', options)}: ${formatCells(f.cells)}`);
      if (f.quote !== null) out.push(`         ${bi('原文', 'quote', options)}: “${oneLine(f.quote)}”`);
    }
  }
  const dismissed = dismissedFindings(report);
  if (dismissed.length > 0) {
    out.push('');
    out.push(dismissedHeading(dismissed.length));
    for (const f of dismissed) {
      out.push(`  #${report.findings.indexOf(f)} [${f.rule}] ${SEVERITY_LABEL[f.severity].zh} ${oneLine(f.message)}`);
      if (f.cells.length > 0) out.push(`         单元格 cells: ${formatCells(f.cells)}`);
      if (f.quote !== null) out.push(`         原文 quote: “${oneLine(f.quote)}”`);
      if (f.dismissed?.note) out.push(`         说明 note: ${oneLine(f.dismissed.note)}`);
    }
  }
  out.push('');
  const cov = ruleCoverage(report);
  out.push(
    `${B('规则', 'Rules')}: ${cov.ran} ${B('运行', 'ran')} · ${cov.passed} ${B('通过', 'passed')} · ${cov.failed} ${B('未通过', 'failed')} · ` +
      `${cov.notApplicable} ${B('不适用', 'not applicable')}` +
      (cov.internalErrors ? ` · ${cov.internalErrors} ${B('内部错误', 'internal errors')}` : ''),
  );
  return sanitizeText(out.join('\n') + '\n');
}
