import type { CheckRun } from '../index';
import type { Report, ReportFinding } from './schema';
import type { Finding } from '../checks/types';
import type { Disclosure } from '../model/types';
import { cellLabel } from '../checks/helpers';
import { spanPlace } from './place';
import { toInt } from '../int';

/** A PDF-derived element carries data-page and data-box (PDF points, top-left origin); HTML elements do not. */
function placeOnPage(el: Element | null | undefined): { page: number; box: number[] } | null {
  const page = el?.getAttribute('data-page');
  const box = el?.getAttribute('data-box');
  if (!page || !box) return null;
  // eslint-disable-next-line no-restricted-syntax -- PDF coordinates in points, not money
  const nums = box.trim().split(/\s+/).map((x) => Number.parseFloat(x));
  if (nums.length !== 4 || nums.some((n) => !Number.isFinite(n))) return null;
  return { page: toInt(page), box: nums };
}

export function findingToReport(f: Finding, d: Disclosure): ReportFinding {
  const quotePlace = spanPlace(f.spans[0]) ?? placeOnPage(f.spans[0]?.paragraph.el);
  return {
    rule: f.rule,
    severity: f.severity,
    message: f.message.zh,
    messageEn: f.message.en,
    expected: f.expected,
    actual: f.actual,
    cells: f.cells.map(({ cell, role }) => ({
      table: cell.table,
      row: cell.row,
      col: cell.col,
      text: cell.text,
      role,
      label: cellLabel(d, cell).zh,
      ...placeOnPage(cell.source.el),
    })),
    quote: f.quote,
    ...(f.quote !== null ? quotePlace : null),
  };
}

/** The JSON report of design.md's contract for one checked document. */
export function toReport(run: CheckRun, source: string): Report {
  const { disclosure } = run;
  const count = (s: Finding['severity']) => run.findings.filter((f) => f.severity === s).length;
  return {
    source,
    document: {
      title: disclosure.info.title,
      department: disclosure.info.department,
      year: disclosure.info.year,
      unit: disclosure.info.unit,
      kind: disclosure.info.kind,
      scope: disclosure.info.scope,
      format: disclosure.info.format,
      ...(disclosure.info.template ? { template: true } : {}),
    },
    tables: Object.values(disclosure.tables).map((t) => ({
      id: t!.key,
      name: t!.name,
      marker: t!.marker,
      rows: t!.rows,
      cols: t!.cols,
    })),
    unrecognised: disclosure.unrecognised.map((u) => ({ title: u.title, reason: u.reason })),
    sections: run.sections,
    findings: run.findings.map((f) => findingToReport(f, disclosure)),
    rules: run.rules.map((r) => (r.detail ? { id: r.id, outcome: r.outcome, detail: r.detail } : { id: r.id, outcome: r.outcome })),
    ...(run.claims ? { claims: run.claims } : {}),
    summary: {
      errors: count('error'),
      warnings: count('warning'),
      notices: count('notice'),
      rulesRun: run.rules.filter((r) => r.outcome === 'pass' || r.outcome === 'fail').length,
    },
  };
}
