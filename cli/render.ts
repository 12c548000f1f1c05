/**
 * One checked input made ready for its output: dismissals applied, the summary row taken and the
 * report rendered for where it goes. A batch does this in the worker that checked the input, so
 * only text and a small row cross threads (issue 22: cloning and rendering reports on the main
 * thread capped the pool at about one core).
 */
import { budgetProfile, type BudgetProfile } from '../lib/checks/B-N16';
import { toReport, type CheckRun } from '../lib/index';
import type { DismissalFile } from '../lib/report/dismiss';
import { renderCsv } from '../lib/report/csv';
import { renderMarkdown } from '../lib/report/markdown';
import type { Report } from '../lib/report/schema';
import { summaryRow, type SummaryItem, type SummaryRow } from '../lib/report/summary';
import { renderText, type ListOptions } from '../lib/report/text';
import { terminalSafeJson } from '../lib/sanitize';
import { ignoreIn } from './ignore';

export const FORMATS = ['text', 'json', 'csv', 'md', 'ndjson'] as const;
export type Format = (typeof FORMATS)[number];
export type ReportLang = NonNullable<ListOptions['lang']>;

/** A checked input, with what a 单位预算 brings to the batch's unit–department pairing (B-N16). */
export type Checked = SummaryItem & { profile?: BudgetProfile | null };

/**
 * How each report is written: 'doc' a whole report on its own (a file in an --out folder, or the
 * one report of a single input), 'stream' a part of one output (ndjson lines, a JSON array's
 * elements, text reports between separators, Markdown sections; nothing for a CSV summary).
 */
export interface RenderSpec {
  format: Format;
  lang: ReportLang;
  mode: 'doc' | 'stream';
}

/** What the batch keeps of an input: its row, its rendered output (null: it writes none), its pairing profile. */
export interface Done {
  source: string;
  row: SummaryRow;
  text: string | null;
  profile: BudgetProfile | null;
  error?: string;
  skipped?: string;
  hash?: string;
  reused?: undefined;
}

export function renderOne(report: Report, format: Format, lang: ReportLang = 'both'): string {
  switch (format) {
    case 'json':
    case 'ndjson':
      return terminalSafeJson(JSON.stringify(report, null, 2)) + '\n';
    case 'csv':
      return renderCsv(report, { lang });
    case 'md':
      return renderMarkdown(report, { lang });
    default:
      return renderText(report, { lang });
  }
}

/** One line of --format ndjson: the report, or {source, error} / {source, skipped}. */
export function ndjsonLine(item: SummaryItem): string {
  const value = item.report ?? (item.error !== undefined ? { source: item.source, error: item.error } : { source: item.source, skipped: item.skipped });
  return terminalSafeJson(JSON.stringify(value)) + '\n';
}

function indent(json: string): string {
  return '  ' + json.replace(/\n/g, '\n  ');
}

function rendered(item: SummaryItem, spec: RenderSpec): string | null {
  const { format, lang } = spec;
  if (spec.mode === 'stream' && format === 'ndjson') return ndjsonLine(item);
  const report = item.report;
  if (!report) return null;
  if (spec.mode === 'doc') return renderOne(report, format, lang);
  switch (format) {
    case 'json':
      return indent(terminalSafeJson(JSON.stringify(report, null, 2)));
    case 'text':
      return renderText(report, { lang });
    case 'md':
      return renderMarkdown(report, { level: 2, lang });
    default:
      return null; // csv: the summary only
  }
}

/** A check's report (with the final URL when it differs) and its budget profile for B-N16. */
export function checkedRun(run: CheckRun, source: string, finalUrl: string | null): Checked {
  const report = toReport(run, source);
  return { source, report: finalUrl !== null && finalUrl !== source ? { ...report, finalUrl } : report, profile: budgetProfile(run.disclosure) };
}

/** Applies the dismissals (keyed by source, final URL, content hash), takes the row and renders. */
export function finishItem(item: Checked, spec: RenderSpec, ignore: DismissalFile | null, hash?: string): Done {
  const report = ignore && item.report ? ignoreIn(item.report, ignore, hash) : item.report;
  const it = (report ? { source: item.source, report } : item) as SummaryItem;
  return {
    source: item.source,
    row: summaryRow(it),
    text: rendered(it, spec),
    profile: item.profile ?? null,
    ...(item.error !== undefined ? { error: item.error } : {}),
    ...(item.skipped !== undefined ? { skipped: item.skipped } : {}),
    ...(hash !== undefined ? { hash } : {}),
  };
}
