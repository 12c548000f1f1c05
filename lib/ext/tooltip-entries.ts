/**
 * Tooltip entries for marked findings (rule, plain message, expected vs stated, difference), in the
 * user's language — the same words as the popup and the exports (lib/report/words).
 */
import type { Finding } from '../checks/types';
import type { TooltipEntry } from '../marks';
import type { FindingItem, ReportLike } from './messages';
import type { Report } from '../report/schema';
import { t, pick, type Lang } from '../i18n';
import { mainLine, valueLines } from '../report/words';

/** The plain main line and value lines of report finding `i` (null when the report lacks it). */
export function findingWords(report: ReportLike | null | undefined, i: number, lang: Lang): { message: string; lines: [string, string][] } | null {
  const rf = report?.findings[i] as Report['findings'][number] | undefined;
  if (!report || !rf) return null;
  return { message: mainLine(rf, lang), lines: valueLines(report as Report, rf, lang) };
}

export function tooltipEntries(findings: readonly Finding[], items: readonly FindingItem[], indices: number[], lang: Lang, report?: ReportLike | null): TooltipEntry[] {
  const out: TooltipEntry[] = [];
  for (const i of indices) {
    const f = findings[i];
    const item = items[i];
    if (!f) continue;
    const words = findingWords(report, i, lang);
    const lines: [string, string][] = words?.lines ?? [];
    if (!words) {
      if (f.expected != null) lines.push([t(lang, 'expected'), f.expected || t(lang, 'emptyValue')]);
      if (f.actual != null) lines.push([t(lang, 'stated'), f.actual || t(lang, 'emptyValue')]);
      if (item?.difference) lines.push([t(lang, 'difference'), item.difference]);
    }
    const title = item?.ruleTitle ? `${f.rule} ${pick(lang, item.ruleTitle)}` : f.rule;
    out.push({ severity: f.severity, title: `${t(lang, `severity_${f.severity}`)} · ${title}`, message: words?.message ?? pick(lang, f.message), lines });
  }
  return out;
}
