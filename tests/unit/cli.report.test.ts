import { describe, expect, it } from 'vitest';
import { readFileSync } from 'node:fs';
import { ReportSchema, type Report, type ReportFinding } from '../../lib/report/schema';
import { renderText, ruleCoverage } from '../../lib/report/text';
import { csvField, renderCsv, renderFindingsCsv } from '../../lib/report/csv';
import { mdEscape, renderMarkdown } from '../../lib/report/markdown';
import { renderSummaryCsv, renderSummaryMarkdown, renderSummaryText, summarize, summaryTotals } from '../../lib/report/summary';

function finding(over: Partial<ReportFinding> = {}): ReportFinding {
  return {
    rule: 'I-01',
    severity: 'error',
    message: '本年收入合计 896.58 ≠ 各项收入之和 896.57',
    messageEn: 'Total income 896.58 ≠ sum of income rows 896.57',
    expected: '896.57',
    actual: '896.58',
    cells: [
      { table: 'T1', row: 27, col: 2, text: '896.58', role: 'total', label: '公开01表 · 本年收入合计 · 决算数' },
      { table: 'T1', row: 5, col: 2, text: '880.81', role: 'part', label: '公开01表 · 一、一般公共预算财政拨款收入 · 决算数' },
    ],
    quote: null,
    ...over,
  };
}

function report(over: Partial<Report> = {}): Report {
  const findings = over.findings ?? [finding()];
  const count = (s: string) => findings.filter((f) => f.severity === s).length;
  const r: Report = {
    source: 'fixtures/a.html',
    document: { title: '某部门2024年度部门决算', department: '某部门', year: 2024, unit: '万元', kind: 'final', scope: 'department', format: 'html' },
    tables: [{ id: 'T1', name: '收入支出决算总表', marker: '公开01表', rows: 30, cols: 6 }],
    unrecognised: [],
    sections: [
      { id: 'S-01', title: '部门职责', present: true },
      { id: 'S-02', title: '机构设置', present: false },
    ],
    findings,
    rules: [
      { id: 'I-01', outcome: 'fail' },
      { id: 'I-02', outcome: 'pass' },
      { id: 'I-26', outcome: 'not-applicable', detail: 'missing T7' },
    ],
    summary: { errors: count('error'), warnings: count('warning'), notices: count('notice'), rulesRun: 2 },
    ...over,
  };
  return ReportSchema.parse(r);
}

const noDisclosure = () =>
  report({ source: 'news.html', document: { title: '新闻', department: null, year: null, unit: null, kind: 'final', scope: null, format: 'html' }, tables: [], sections: [], findings: [], rules: [], summary: { errors: 0, warnings: 0, notices: 0, rulesRun: 0 } });

describe('renderText', () => {
  it('shows what was recognised, findings by severity with expected vs stated and cells, and rule coverage', () => {
    const r = report({
      findings: [
        finding({ severity: 'notice', rule: 'I-07', message: '尾数差异 notice' }),
        finding(),
        finding({ severity: 'warning', rule: 'N-15', message: '年度不一致', cells: [], expected: '2024', actual: '2023', quote: '2023年度政府采购' }),
      ],
    });
    const t = renderText(r);
    expect(t).toContain('部门 Department: 某部门');
    expect(t).toContain('年度 Year: 2024   金额单位 Money unit: 万元');
    expect(t).toContain('类型 Kind: 部门决算 department final accounts');
    expect(renderMarkdown(r)).toContain('- 类型 Kind: 部门决算 department final accounts');
    expect(t).toContain('T1  公开01表  收入支出决算总表  (30×6)');
    expect(t).toContain('缺少 missing: S-02 机构设置');
    expect(t).toContain('对照 Compared with 896.57 · 所列 Stated 896.58 · 差额 Difference +0.01');
    expect(t).toContain('公开01表 · 本年收入合计 · 决算数「896.58」; 公开01表 · 一、一般公共预算财政拨款收入 · 决算数「880.81」');
    expect(t).not.toMatch(/T1\[r\d+,c\d+\]/);
    expect(t).toContain('原文 quote: “2023年度政府采购”');
    // Errors, then warnings, then notices, whatever the findings' order.
    const [e, w, n] = ['错误 Errors', '警告 Warnings', '提示 Notices'].map((h) => t.indexOf(h));
    expect(e).toBeGreaterThan(0);
    expect(e).toBeLessThan(w);
    expect(w).toBeLessThan(n);
    expect(t).toContain('规则 Rules: 2 运行 ran · 1 通过 passed · 1 未通过 failed · 1 不适用 not applicable');
  });

  it('says so when no disclosure table was recognised', () => {
    const t = renderText(noDisclosure());
    expect(t).toContain('未识别到决算公开表格 · no disclosure tables recognised');
    expect(t).not.toContain('发现 Findings');
  });

  it('lists unrecognised tables', () => {
    const t = renderText(report({ unrecognised: [{ title: '某表', reason: 'no header words' }] }));
    expect(t).toContain('未识别的表格 Unrecognised tables (1):');
    expect(t).toContain('? 某表 — no header words');
  });

  it('coverage counts internal errors', () => {
    const r = report({ rules: [{ id: 'I-01', outcome: 'internal-error' }, { id: 'I-02', outcome: 'pass' }] });
    expect(ruleCoverage(r)).toEqual({ ran: 1, passed: 1, failed: 0, notApplicable: 0, internalErrors: 1, total: 2 });
    expect(renderText(r)).toContain('1 内部错误 internal errors');
  });
});

describe('renderMarkdown', () => {
  it('escapes page text so it cannot become markup or break a table', () => {
    expect(mdEscape('a|b <script>x</script> *y*')).toBe('a\\|b &lt;script&gt;x&lt;/script&gt; \\*y\\*');
    const r = report({ findings: [finding({ message: '合计 | <img src=x onerror=alert(1)>', quote: '第一行\n第二行' })] });
    const md = renderMarkdown(r);
    expect(md).not.toContain('<img');
    expect(md).toContain('合计 \\| &lt;img src=x onerror=alert(1)&gt;');
    // Every table row has the same number of unescaped separators as the header.
    const rows = md.split('\n').filter((l) => l.startsWith('| #0 I-01'));
    expect(rows).toHaveLength(1);
    expect(rows[0].split(/(?<!\\)\|/).length).toBe(7);
  });

  it('renders headings, the tables and the no-disclosure case', () => {
    expect(renderMarkdown(report())).toMatch(/^# 决算公开校验 · Disclosure Checker — 某部门\n/);
    expect(renderMarkdown(report(), { level: 2 })).toMatch(/^## /);
    expect(renderMarkdown(report())).toContain('| T1 | 公开01表 | 收入支出决算总表 | 30×6 |');
    expect(renderMarkdown(noDisclosure())).toContain('**未识别到决算公开表格 · no disclosure tables recognised**');
  });
});

describe('Chinese only (--lang zh)', () => {
  it('text and Markdown carry no English; the plain line leads, the formula follows', () => {
    const sum = finding({ basis: 'sum', severity: 'error' });
    const r = report({ findings: [sum, finding({ severity: 'warning', rule: 'N-15', message: '年度不一致', messageEn: 'year differs', cells: [], expected: '2024', actual: '2023', quote: '2023年度' })] });
    for (const out of [renderText(r, { lang: 'zh' }), renderMarkdown(r, { lang: 'zh' })]) {
      // Page text aside (the source path, rule ids), no Latin words.
      const words = out.replace(/fixtures\/a\.html|[IN]-\d\d|<br>|<\/?details>|<summary>|<\/summary>/g, '').match(/[A-Za-z]{2,}/g);
      expect(words).toBeNull();
      expect(out).toContain('公开01表 · 本年收入合计 · 决算数 896.58，比各项之和 896.57 多 0.01');
      expect(out).toContain('按明细合计为 896.57 · 所列 896.58 · 差额 +0.01');
      expect(out).toContain('算式：本年收入合计 896.58 ≠ 各项收入之和 896.57 · 规则 I-01');
      expect(out).toMatch(/类型: 部门决算\n/);
    }
    const both = renderText(r);
    expect(both).toContain('公开01表 · 本年收入合计 · 决算数 is 896.58, 0.01 more than the sum of its parts (896.57)');
    expect(both.indexOf('比各项之和')).toBeLessThan(both.indexOf('算式：'));
  });
});

describe('CSV', () => {
  it.each([
    ['plain', 'plain'],
    ['a,b', '"a,b"'],
    ['say "hi"', '"say ""hi"""'],
    ['two\nlines', '"two\nlines"'],
    ['=SUM(A1)', "'=SUM(A1)"],
    ['@cmd', "'@cmd"],
    ['+foo', "'+foo"],
    ['-5.00', '-5.00'],
    ['-1,234.50', '"-1,234.50"'],
    ['-', "'-"],
  ])('field %j → %j', (input, expected) => {
    expect(csvField(input)).toBe(expected);
  });

  it('one row per finding, BOM and CRLF, header first', () => {
    const csv = renderCsv(report({ findings: [finding(), finding({ rule: 'I-02', severity: 'notice' })] }));
    expect(csv.startsWith('\uFEFFsource,department,year,severity,rule,')).toBe(true);
    const lines = csv.slice(1).split('\r\n');
    expect(lines).toHaveLength(4); // header, 2 rows, trailing empty
    expect(lines[0]).toBe('source,department,year,severity,rule,table,row_code,row_name,column,stated,expected,expected_is,message,message_en,details,cells,quote,cause,dismissed');
    // Where (from the label when the cells carry no cite), stated, expected, then the message.
    expect(lines[1]).toContain('fixtures/a.html,某部门,2024,error,I-01,公开01表,,本年收入合计,决算数,896.58,896.57,对照,本年收入合计 896.58 ≠ 各项收入之和 896.57');
    expect(lines[1]).toContain(',公开01表 · 本年收入合计 · 决算数「896.58」; 公开01表 · 一、一般公共预算财政拨款收入 · 决算数「880.81」,');
  });

  it('splits a cited cell into its own columns; a blank cell reads （空）; Chinese only drops message_en', () => {
    const cells: ReportFinding['cells'] = [
      { table: 'T6', row: 5, col: 2, text: '', role: 'value', label: '公开06表 · 302 商品和服务支出 · 决算数', cite: { table: '公开06表', rowCode: '302', rowName: '商品和服务支出', column: '决算数' } },
    ];
    const r = report({ findings: [finding({ cells, actual: '', expected: '非零' })] });
    const row = renderCsv(r).slice(1).split('\r\n')[1];
    expect(row).toContain(',I-01,公开06表,302,商品和服务支出,决算数,,非零,对照,');
    expect(row).toContain('公开06表 · 302 商品和服务支出 · 决算数「（空）」');
    const zh = renderCsv(r, { lang: 'zh' }).slice(1).split('\r\n');
    expect(zh[0]).not.toContain('message_en');
    expect(zh[1]).not.toContain('Total income');
    expect(zh[0].split(',')).toHaveLength(zh[1].split(',').length);
  });

  it('findings across documents carry their source', () => {
    const csv = renderFindingsCsv([report(), report({ source: 'b.html' })]);
    expect(csv.split('\r\n').filter((l) => l.startsWith('b.html,'))).toHaveLength(1);
  });
});

describe('summary', () => {
  const items = [
    { source: 'z-clean.html', report: report({ source: 'z-clean.html', findings: [finding({ severity: 'notice' })] }) },
    { source: 'news.html', report: noDisclosure() },
    { source: 'one-error.html', report: report({ source: 'one-error.html' }) },
    { source: 'gone.html', error: 'file not found' },
    { source: 'two-errors.html', report: report({ source: 'two-errors.html', findings: [finding(), finding({ rule: 'I-03' })] }) },
    { source: 'warning.html', report: report({ source: 'warning.html', findings: [finding({ severity: 'warning', rule: 'N-15' })] }) },
  ];

  it('one row per document, worst first: unreadable, errors (most first), warnings, clean, no disclosure', () => {
    const rows = summarize(items);
    expect(rows.map((r) => [r.source, r.verdict])).toEqual([
      ['gone.html', 'unreadable'],
      ['two-errors.html', 'errors'],
      ['one-error.html', 'errors'],
      ['warning.html', 'warnings'],
      ['z-clean.html', 'clean'],
      ['news.html', 'no-disclosure'],
    ]);
    expect(rows[1]).toMatchObject({ department: '某部门', year: 2024, tables: 1, errors: 2, warnings: 0, notices: 0 });
    expect(rows[1].top).toEqual(['I-01 本年收入合计 896.58 ≠ 各项收入之和 896.57', 'I-03 本年收入合计 896.58 ≠ 各项收入之和 896.57']);
    expect(rows[0].error).toBe('file not found');
    // Order does not depend on input order.
    expect(summarize([...items].reverse())).toEqual(rows);
  });

  it('top findings: errors, then warnings, never rounding notices; at most 3', () => {
    const r = report({ findings: [finding({ severity: 'notice', rule: 'I-07' }), finding({ severity: 'warning', rule: 'N-11' }), finding({ rule: 'I-05' })] });
    expect(summarize([{ source: 'x', report: r }])[0].top.map((t) => t.split(' ')[0])).toEqual(['I-05', 'N-11']);
    const notices = report({ findings: [finding({ severity: 'notice' })] });
    expect(summarize([{ source: 'x', report: notices }])[0].top).toEqual([]);
    const many = report({ findings: ['I-01', 'I-02', 'I-03', 'I-04'].map((rule) => finding({ rule })) });
    expect(summarize([{ source: 'x', report: many }])[0].top.map((t) => t.split(' ')[0])).toEqual(['I-01', 'I-02', 'I-03']);
  });

  it('totals, CSV, Markdown and text', () => {
    const rows = summarize(items);
    expect(summaryTotals(rows)).toEqual({
      documents: 6,
      verdicts: { unreadable: 1, errors: 2, warnings: 1, clean: 1, 'no-disclosure': 1, skipped: 0 },
      errors: 3,
      warnings: 1,
      notices: 1,
    });
    const csv = renderSummaryCsv(rows).slice(1).split('\r\n');
    expect(csv[0]).toBe('source,verdict,department,year,kind,scope,tables,unrecognised_tables,errors,warnings,notices,rules_run,top_findings,read_error');
    expect(csv[1]).toBe('gone.html,unreadable,,,,,0,0,0,0,0,0,,file not found');
    expect(csv[2].startsWith('two-errors.html,errors,某部门,2024,final,department,1,0,2,0,0,2,')).toBe(true);
    // A page without a disclosure has no kind.
    expect(csv[6]).toBe('news.html,no-disclosure,,,,,0,0,0,0,0,0,,');
    const md = renderSummaryMarkdown(rows);
    expect(md).toContain('6 份文档 documents');
    expect(md).toContain('| 结论 Verdict | 部门 Department | 年度 Year | 类型 Kind | 表 Tables |');
    expect(md).toContain('| 某部门 | 2024 | 部门决算 department final accounts | 1 |');
    expect(md.split('\n').filter((l) => l.startsWith('| ') && !l.startsWith('| ---'))).toHaveLength(7);
    // Unread inputs have no kind: the text line has no kind field.
    expect(renderSummaryText(rows)).toContain('无法读取 unreadable  —  —  file not found  gone.html');
    expect(renderSummaryText(rows)).toContain('某部门  2024  部门决算 department final accounts  1 表 tables');
  });

  it('kind and scope columns: 部门/单位 预算 and 决算, and rows stored before the columns existed', () => {
    const budget = (scope: 'department' | 'unit' | null) =>
      report({ source: `${scope}.html`, document: { title: '某部门2025年部门预算', department: '某部门', year: 2025, unit: '元', kind: 'budget', scope, format: 'pdf' }, findings: [] });
    const rows = summarize([
      { source: 'unit.html', report: budget('unit') },
      { source: 'dept.html', report: budget('department') },
      { source: 'any.html', report: budget(null) },
    ]);
    expect(rows.map((r) => [r.source, r.kind, r.scope])).toEqual([
      ['any.html', 'budget', null],
      ['dept.html', 'budget', 'department'],
      ['unit.html', 'budget', 'unit'],
    ]);
    const csv = renderSummaryCsv(rows).slice(1).split('\r\n');
    expect(csv.slice(1, 4).map((l) => l.split(',').slice(0, 6).join(','))).toEqual([
      'any.html,clean,某部门,2025,budget,',
      'dept.html,clean,某部门,2025,budget,department',
      'unit.html,clean,某部门,2025,budget,unit',
    ]);
    const md = renderSummaryMarkdown(rows);
    expect(md).toContain('| 2025 | 预算 budget |');
    expect(md).toContain('| 2025 | 部门预算 department budget |');
    expect(md).toContain('| 2025 | 单位预算 unit budget |');
    expect(renderSummaryText(rows)).toContain('某部门  2025  单位预算 unit budget  1 表 tables');
    // A --resume index written before these columns: its rows have neither field.
    const old = { ...rows[1] } as Partial<(typeof rows)[number]>;
    delete old.kind;
    delete old.scope;
    const legacy = renderSummaryCsv([old as (typeof rows)[number]]).slice(1).split('\r\n')[1];
    expect(legacy.startsWith('dept.html,clean,某部门,2025,,,1,')).toBe(true);
    expect(renderSummaryMarkdown([old as (typeof rows)[number]])).toContain('| 2025 | — | 1 |');
  });
});

describe('purity', () => {
  it.each(['text', 'csv', 'markdown', 'summary'])('lib/report/%s.ts imports no Node modules (the popup reuses it)', (name) => {
    const src = readFileSync(new URL(`../../lib/report/${name}.ts`, import.meta.url), 'utf8');
    expect(src).not.toMatch(/from ['"](node:|fs|path|os|process|buffer)/);
    expect(src).not.toMatch(/\b(process|Buffer|Date\.now|new Date)\b/);
  });
});
