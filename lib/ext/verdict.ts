/**
 * What the on-page verdict chip says (lib/marks/verdict-bar): the counts in words and the errors and
 * warnings in reading order, each cited where a person finds it.
 */
import { t, pick, type Lang } from '../i18n';
import { foldLabel, orderedFindings } from '../report/order';
import type { Report } from '../report/schema';
import { dismissedOf } from '../report/dismiss';
import { isInsight } from '../checks/insights';
import type { VerdictContent } from '../marks/verdict-bar';
import type { FindingItem, ReportLike } from './messages';

const MAX_ENTRIES = 8;

/** Where a finding is: its first cell's label, else its narrative section, else the document. */
export function whereOf(report: ReportLike, index: number, item: FindingItem | undefined, lang: Lang): string {
  const f = report.findings[index];
  const cell = f?.cells.find((c) => c.role === 'total') ?? f?.cells[0];
  if (cell) return (lang === 'en' ? (cell as { labelEn?: string }).labelEn : undefined) || cell.label;
  if (item?.group.kind === 'section') return item.group.title;
  return t(lang, 'groupDocument');
}

export function verdictContent(report: ReportLike, items: readonly FindingItem[], lang: Lang): VerdictContent {
  const s = report.summary;
  const counts: VerdictContent['counts'] = [];
  if (s.errors > 0) counts.push(['error', t(lang, 'barErrors', { n: s.errors })]);
  if (s.warnings > 0) counts.push(['warning', t(lang, 'barWarnings', { n: s.warnings })]);
  if (counts.length === 0) counts.push(['clean', t(lang, 'verdictClean')]);
  // Insights (X-xx) are information, not counted here (the popup lists them apart).
  const plain = (report.findings as Report['findings']).filter((f) => !isInsight(f.rule));
  const insights = (report.findings as Report['findings']).filter((f) => isInsight(f.rule) && f.severity === 'notice' && !dismissedOf(f)).length;
  if (s.notices - insights > 0) counts.push(['notice', pick(lang, foldLabel(plain))]);
  const byIndex = new Map(items.map((it) => [it.index, it]));
  const serious = orderedFindings(report as Report).filter((o) => o.finding.severity !== 'notice' && !dismissedOf(o.finding) && byIndex.get(o.index)?.marked !== false);
  const entries = serious.slice(0, MAX_ENTRIES).map(({ finding, index }) => ({
    finding: index,
    severity: finding.severity,
    where: whereOf(report, index, byIndex.get(index), lang),
    text: lang === 'en' ? finding.messageEn || finding.message : finding.message,
  }));
  return {
    title: t(lang, 'appName'),
    counts,
    entries,
    view: t(lang, 'barView'),
    hide: t(lang, 'barHide'),
    dismiss: t(lang, 'barDismiss'),
    more: serious.length > MAX_ENTRIES ? t(lang, 'barMore', { n: serious.length - MAX_ENTRIES }) : null,
  };
}
