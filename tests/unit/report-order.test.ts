import { describe, expect, it } from 'vitest';
import type { Report, ReportFinding } from '../../lib/report/schema';
import { compareFindings, foldLabel, foldNotices, orderedIndices } from '../../lib/report/order';
import { renderText } from '../../lib/report/text';
import { renderMarkdown } from '../../lib/report/markdown';
import { renderCsv } from '../../lib/report/csv';

const f = (severity: ReportFinding['severity'], table: string | null, row = 0, col = 0, message = 'm'): ReportFinding => ({
  rule: 'I-01',
  severity,
  message,
  expected: '1',
  actual: '2',
  cells: table ? [{ table, row, col, text: '2', role: 'total', label: `${table} · 合计 · 决算数` }] : [],
  quote: table ? null : '某句',
});

function report(findings: ReportFinding[]): Report {
  const n = (s: string) => findings.filter((x) => x.severity === s).length;
  return {
    source: 'a.html',
    document: { title: 't', department: '某部门', year: 2024, unit: '万元', kind: 'final', scope: 'department', format: 'html' },
    tables: [{ id: 'T1', name: '收入支出决算总表', marker: '公开01表', rows: 30, cols: 6 }],
    sections: [],
    findings,
    rules: [],
    summary: { errors: n('error'), warnings: n('warning'), notices: n('notice'), rulesRun: 1 },
  };
}

describe('reading order', () => {
  it('errors, then warnings, then notices; within a severity by table (T2 before T10), row, column; narrative after tables', () => {
    const list = [
      f('notice', 'T1', 1),
      f('warning', null),
      f('error', 'T10', 0),
      f('error', null),
      f('error', 'T2', 9, 1),
      f('error', 'T2', 9, 0),
      f('warning', 'T1', 3),
      f('error', 'T2', 4),
    ];
    expect(orderedIndices(list)).toEqual([7, 5, 4, 2, 3, 6, 1, 0]);
    // Ties keep the findings' own order.
    expect(compareFindings(f('error', 'T1'), 0, f('error', 'T1'), 1)).toBeLessThan(0);
  });

  it('budget tables follow the final-account ones, each in number order', () => {
    expect(orderedIndices([f('error', 'BT2'), f('error', 'T9'), f('error', 'BT10'), f('error', 'BT1')])).toEqual([1, 3, 0, 2]);
  });
});

describe('folded notices', () => {
  const rounding = (t: string) => f('notice', t, 0, 0, '合计 1 ≠ 之和 2（尾数差异：差 0.01，容差 0.02）');
  it('counts per table and says 尾数差异 only when every notice is one', () => {
    const list = [rounding('T3'), rounding('T1'), rounding('T3'), f('error', 'T1')];
    expect(foldNotices(list)).toEqual({ count: 3, byTable: [{ table: 'T1', count: 1 }, { table: 'T3', count: 2 }] });
    expect(foldLabel(list)).toEqual({ zh: '3 处尾数差异', en: '3 rounding differences' });
    expect(foldLabel([...list, f('notice', 'T2', 0, 0, '金额单位不同')])).toEqual({ zh: '4 处提示（其中 3 处尾数差异）', en: '4 notices (3 rounding)' });
    expect(foldLabel([f('notice', null)]).zh).toBe('1 处提示');
  });

  it('the text report lists errors first and folds the notices into one line unless asked', () => {
    const r = report([rounding('T1'), f('error', 'T1', 5, 0, '本年支出合计错误'), rounding('T1')]);
    const text = renderText(r);
    expect(text.indexOf('本年支出合计错误')).toBeLessThan(text.indexOf('2 处尾数差异'));
    expect(text).not.toContain('容差 0.02');
    expect(renderText(r, { notices: 'list' }).match(/容差 0\.02/g)).toHaveLength(2);
  });

  it('Markdown folds the notices in a <details> block; CSV lists every finding, errors first', () => {
    const r = report([rounding('T1'), f('error', 'T1', 5, 0, '本年支出合计错误')]);
    const md = renderMarkdown(r);
    expect(md).toMatch(/<details><summary>1 处尾数差异[^<]*<\/summary>/);
    expect(md.indexOf('本年支出合计错误')).toBeLessThan(md.indexOf('<details>'));
    expect(md).toContain('</details>');
    const lines = renderCsv(r).split('\r\n');
    expect(lines[1]).toContain('本年支出合计错误');
    expect(lines[2]).toContain('尾数差异');
  });
});
