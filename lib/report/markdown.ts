/**
 * Markdown rendering of a Report ("copy report" in the popup, `--format md` in the CLI).
 * Pure and browser-safe. Page text is data: it is escaped so it can never become markup.
 */
import { sanitizeText } from '../sanitize';
import type { Report } from './schema';
import {
  CONFIDENCE_LABEL,
  NO_DISCLOSURE,
  TEMPLATE,
  SEVERITIES,
  SEVERITY_LABEL,
  actionableCauses,
  findingRefs,
  findingsBySeverity,
  dismissedFindings,
  dismissedHeading,
  foldedNoticesLine,
  formatCauseCell,
  formatCells,
  isNoDisclosure,
  ruleCoverage,
  type ListOptions,
  bi,
  valuesText,
} from './text';
import { detailsLine, mainLine } from './words';
import { coverage, coverageLine } from './coverage';
import { kindLabel } from './kind';

/** Escapes text for a Markdown table cell or paragraph: no markup, no HTML, no line breaks. */
export function mdEscape(s: string): string {
  return sanitizeText(s)
    .replace(/\s+/g, ' ')
    .trim()
    .replace(/&/g, '&amp;')
    .replace(/</g, '&lt;')
    .replace(/>/g, '&gt;')
    .replace(/([\\`*_[\]|#~])/g, '\\$1');
}

export function mdTable(header: readonly string[], rows: readonly (readonly string[])[]): string {
  const line = (cells: readonly string[]) => `| ${cells.join(' | ')} |`;
  return [line(header), line(header.map(() => '---')), ...rows.map(line)].join('\n');
}

export interface MarkdownOptions extends ListOptions {
  /** Heading level of the report title (2 when the report is a section of a batch document). */
  level?: number;
}

export function renderMarkdown(report: Report, options: MarkdownOptions = {}): string {
  const h = '#'.repeat(options.level ?? 1);
  const hh = '#'.repeat((options.level ?? 1) + 1);
  const d = report.document;
  const out: string[] = [];
  const B = (zh: string, en: string) => bi(zh, en, options);
  const zhOnly = options.lang === 'zh';
  out.push(`${h} ${zhOnly ? '决算公开校验' : '决算公开校验 · Disclosure Checker'} — ${mdEscape(d.department ?? report.source)}`);
  out.push('');
  out.push(`- ${B('来源', 'Source')}: ${mdEscape(report.source)}`);
  if (report.finalUrl) out.push(`- ${B('最终地址', 'Final URL')}: ${mdEscape(report.finalUrl)}`);
  if (d.title) out.push(`- ${B('标题', 'Title')}: ${mdEscape(d.title)}`);
  out.push(`- ${B('部门', 'Department')}: ${mdEscape(d.department ?? '—')}`);
  out.push(`- ${B('年度', 'Year')}: ${d.year ?? '—'} · ${B('金额单位', 'Money unit')}: ${mdEscape(d.unit ?? '—')}`);
  out.push(`- ${B('类型', 'Kind')}: ${kindLabel(d, zhOnly ? 'zh' : 'both')}`);
  out.push('');

  const unrecognised = report.unrecognised ?? [];
  if (isNoDisclosure(report)) {
    out.push(`**${zhOnly ? NO_DISCLOSURE.zh : `${NO_DISCLOSURE.zh} · ${NO_DISCLOSURE.en}`}**`);
    out.push('');
    return sanitizeText(out.join('\n'));
  }

  if (report.document.template) {
    out.push(`**${zhOnly ? TEMPLATE.zh : `${TEMPLATE.zh} · ${TEMPLATE.en}`}**`);
    out.push('');
  }
  const map = coverage(report);
  out.push(`**${B('核对范围', 'What was checked')}**: ${mdEscape(coverageLine(map, 'zh'))}${zhOnly ? '' : `<br>${mdEscape(coverageLine(map, 'en'))}`}`);
  out.push('');
  out.push(`${hh} ${B('识别的表格', 'Recognised tables')} (${report.tables.length})`);
  out.push('');
  const notFound = map.rows.filter((r) => r.status === 'missing');
  out.push(
    mdTable(
      [B('表', 'Table'), B('标记', 'Marker'), B('名称', 'Name'), B('行×列', 'Rows×cols'), B('比对', 'Comparisons')],
      [
        ...report.tables.map((t) => [t.id, mdEscape(t.marker ?? '—'), mdEscape(t.name), `${t.rows}×${t.cols}`, t.checks ? String(t.checks.identities + t.checks.claims) : '—']),
        ...notFound.map((r) => [r.id, '—', mdEscape(zhOnly ? r.name.zh : `${r.name.zh} · ${r.name.en}`), B('未找到', 'not found'), '—']),
      ],
    ),
  );
  out.push('');
  if (unrecognised.length > 0) {
    out.push(`${B('未识别的表格', 'Unrecognised tables')}: ${unrecognised.map((u) => `${mdEscape(u.title || '—')} (${mdEscape(u.reason)})`).join('; ')}`);
    out.push('');
  }
  const missing = report.sections.filter((s) => !s.present);
  if (report.sections.length > 0) {
    out.push(
      `${B('必备部分', 'Required parts')}: ${report.sections.length - missing.length}/${report.sections.length}` +
        (missing.length ? ` — ${B('缺少', 'missing')}: ${missing.map((s) => `${mdEscape(s.id)} ${mdEscape(s.title)}`).join('、')}` : ''),
    );
    out.push('');
  }

  const causes = actionableCauses(report);
  if (causes.length > 0) {
    out.push(`${hh} ${B('根因', 'Causes')} (${causes.length})`);
    out.push('');
    out.push(
      mdTable(
        [B('根因', 'Cause'), B('说明', 'Message'), B('把握', 'Confidence'), B('单元格 / 原文', 'Cells / quote'), B('解释', 'Explains')],
        causes.map((c) => [
          c.id,
          mdEscape(c.message) + (c.messageEn && !zhOnly ? `<br>${mdEscape(c.messageEn)}` : ''),
          B(CONFIDENCE_LABEL[c.confidence].zh, CONFIDENCE_LABEL[c.confidence].en),
          mdEscape([c.cells.map(formatCauseCell).join('; '), c.quote !== null ? `“${c.quote}”` : ''].filter(Boolean).join(' ')),
          findingRefs(c.explains),
        ]),
      ),
    );
    out.push('');
  }

  const s = report.summary;
  out.push(`${hh} ${B('发现', 'Findings')}: ${s.errors} ${B('错误', 'errors')} · ${s.warnings} ${B('警告', 'warnings')} · ${s.notices} ${B('提示', 'notices')}`);
  out.push('');
  const groups = findingsBySeverity(report);
  for (const sev of SEVERITIES) {
    const list = groups[sev];
    if (list.length === 0) continue;
    const folded = sev === 'notice' && (options.notices ?? 'fold') === 'fold';
    out.push(`**${B(SEVERITY_LABEL[sev].zh, SEVERITY_LABEL[sev].en)} (${list.length})**`);
    out.push('');
    // Folded: a <details> block (collapsed where Markdown renders HTML, e.g. GitHub), the list inside.
    if (folded) {
      out.push(`<details><summary>${mdEscape(foldedNoticesLine(report, options))} · ${B('展开', 'show')}</summary>`);
      out.push('');
    }
    out.push(
      mdTable(
        [B('规则', 'Rule'), B('说明', 'Message'), B('数值', 'Values'), B('单元格 / 原文', 'Cells / quote'), B('算式', 'Details')],
        list.map((f) => [
          `#${report.findings.indexOf(f)} ${f.rule}${f.cause ? ` (${f.cause})` : ''}`,
          mdEscape(mainLine(f, 'zh')) + (!zhOnly && f.messageEn ? `<br>${mdEscape(mainLine(f, 'en'))}` : ''),
          mdEscape(valuesText(report, f, options) || '—'),
          mdEscape([formatCells(f.cells), f.quote !== null ? `“${f.quote}”` : ''].filter(Boolean).join(' ')),
          mdEscape(detailsLine(f, 'zh') ?? '') + (!zhOnly && f.messageEn && detailsLine(f, 'en') ? `<br>${mdEscape(detailsLine(f, 'en')!)}` : ''),
        ]),
      ),
    );
    out.push('');
    if (folded) {
      out.push('</details>');
      out.push('');
    }
  }
  const dismissed = dismissedFindings(report);
  if (dismissed.length > 0) {
    out.push(`**${mdEscape(dismissedHeading(dismissed.length))}**`);
    out.push('');
    out.push(
      mdTable(
        ['规则 Rule', '说明 Message', '单元格 / 原文 Cells / quote', '核实说明 Note'],
        dismissed.map((f) => [
          `#${report.findings.indexOf(f)} ${f.rule}`,
          mdEscape(f.message),
          mdEscape([formatCells(f.cells), f.quote !== null ? `“${f.quote}”` : ''].filter(Boolean).join(' ')),
          mdEscape(f.dismissed?.note ?? ''),
        ]),
      ),
    );
    out.push('');
  }
  const cov = ruleCoverage(report);
  out.push(
    `${B('规则', 'Rules')}: ${cov.ran} ${B('运行', 'ran')} · ${cov.passed} ${B('通过', 'passed')} · ${cov.failed} ${B('未通过', 'failed')} · ${cov.notApplicable} ${B('不适用', 'not applicable')}` +
      (cov.internalErrors ? ` · ${cov.internalErrors} ${B('内部错误', 'internal errors')}` : '') +
      '.',
  );
  out.push('');
  return sanitizeText(out.join('\n'));
}
