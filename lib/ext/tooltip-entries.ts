/**
 * Tooltip entries for marked findings (rule, message, expected vs stated, difference), in the
 * user's language — the same text the content script shows on HTML pages.
 */
import type { Finding } from '../checks/types';
import type { TooltipEntry } from '../marks';
import type { FindingItem } from './messages';
import { t, pick, type Lang } from '../i18n';

export function tooltipEntries(findings: readonly Finding[], items: readonly FindingItem[], indices: number[], lang: Lang): TooltipEntry[] {
  const out: TooltipEntry[] = [];
  for (const i of indices) {
    const f = findings[i];
    const item = items[i];
    if (!f) continue;
    const lines: [string, string][] = [];
    if (f.expected != null) lines.push([t(lang, 'expected'), f.expected || t(lang, 'emptyValue')]);
    if (f.actual != null) lines.push([t(lang, 'stated'), f.actual || t(lang, 'emptyValue')]);
    if (item?.difference) lines.push([t(lang, 'difference'), item.difference]);
    const title = item?.ruleTitle ? `${f.rule} ${pick(lang, item.ruleTitle)}` : f.rule;
    out.push({ severity: f.severity, title: `${t(lang, `severity_${f.severity}`)} · ${title}`, message: pick(lang, f.message), lines });
  }
  return out;
}
