import type { CheckRun } from '../index';
import type { Report, ReportFinding } from './schema';
import type { Finding } from '../checks/types';

export function findingToReport(f: Finding): ReportFinding {
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
    })),
    quote: f.quote,
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
    findings: run.findings.map(findingToReport),
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
