/**
 * The command line end to end on real pages: main(argv) imported for speed, plus one real spawn.
 */
import { afterAll, beforeAll, describe, expect, it, vi } from 'vitest';
import { execFile } from 'node:child_process';
import { mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import iconv from 'iconv-lite';
import { main, type CliIO } from '../../cli/main';
import { ReportSchema, type Report } from '../../lib/report/schema';

// Whole-page checks run several times per test; the full suite shares 2 cores.
vi.setConfig({ testTimeout: 120_000 });

const ROOT = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '../..');
const SEED = 'tests/fixtures/lukou-2024.html';

export async function runCli(argv: string[], extra: Partial<CliIO> = {}) {
  let stdout = '';
  let stderr = '';
  const code = await main(argv, {
    stdout: (s) => void (stdout += s),
    stderr: (s) => void (stderr += s),
    stderrIsTTY: false,
    cwd: ROOT,
    ...extra,
  });
  return { code, stdout, stderr };
}

const EXPECTED_TABLES = [
  ['T1', '公开01表'],
  ['T2', '公开02表'],
  ['T3', '公开03表'],
  ['T4', '公开04表'],
  ['T5', '公开05表'],
  ['T6', '公开06表'],
  ['T7', '公开07表'],
  ['T8', '公开08表'],
  ['T9', '公开09表'],
];

function expectSeedReport(r: Report) {
  expect(r.document).toMatchObject({ department: '中共株洲市渌口区委办公室', year: 2024, unit: '万元' });
  expect(r.tables.map((t) => [t.id, t.marker])).toEqual(EXPECTED_TABLES);
  for (const t of r.tables) {
    expect(t.rows).toBeGreaterThan(2);
    expect(t.cols).toBeGreaterThan(2);
  }
  expect(r.rules.length).toBeGreaterThan(0);
  expect(r.summary.rulesRun).toBe(r.rules.filter((x) => x.outcome === 'pass' || x.outcome === 'fail').length);
}

let tmp: string;
let gbkPath: string;
beforeAll(() => {
  tmp = mkdtempSync(path.join(tmpdir(), 'dc-cli-'));
  // The seed page re-encoded as GBK, declared by <meta charset="gbk">.
  const html = readFileSync(path.join(ROOT, SEED), 'utf8');
  expect(html).toContain('<meta charset="utf-8">');
  const gbk = iconv.encode(html.replace('<meta charset="utf-8">', '<meta charset="gbk">'), 'gbk');
  expect(gbk.includes(Buffer.from('渌口', 'utf8'))).toBe(false); // really not UTF-8 any more
  gbkPath = path.join(tmp, 'lukou-gbk.html');
  writeFileSync(gbkPath, gbk);
});
afterAll(() => rmSync(tmp, { recursive: true, force: true }));

describe('npm run check (single input)', () => {
  it('with no path checks the bundled sample: 9 tables, 万元, 2024, the department', async () => {
    const { code, stdout, stderr } = await runCli(['--format', 'json']);
    expect(code).toBe(0);
    expect(stderr).toBe('');
    const r = ReportSchema.parse(JSON.parse(stdout));
    expect(r.source).toBe('fixtures/sample-lukou-2024.html');
    expectSeedReport(r);
    // The seed has real inconsistencies: the checker must find errors there.
    expect(r.summary.errors).toBeGreaterThan(0);
  });

  it('the GBK re-encoded copy gives the same report as the UTF-8 page', async () => {
    const utf8 = await runCli(['--format', 'json', SEED]);
    const gbk = await runCli(['--format', 'json', gbkPath]);
    expect(gbk.code).toBe(0);
    const a = ReportSchema.parse(JSON.parse(utf8.stdout));
    const b = ReportSchema.parse(JSON.parse(gbk.stdout));
    expectSeedReport(b);
    expect({ ...b, source: '' }).toEqual({ ...a, source: '' });
  });

  it('text format: recognised tables, findings by severity with expected vs stated and cells, rule coverage footer', async () => {
    const { code, stdout } = await runCli([SEED]);
    expect(code).toBe(0);
    expect(stdout).toContain('部门 Department: 中共株洲市渌口区委办公室');
    expect(stdout).toContain('年度 Year: 2024   金额单位 Money unit: 万元');
    expect(stdout).toContain('识别的表格 Recognised tables (9):');
    expect(stdout).toMatch(/T1 {2}公开01表 {2}收入支出决算总表/);
    expect(stdout).toMatch(/错误 Errors \(\d+\)/);
    // The seed's errors are explained by causes in the text: 应为 the value the tables give.
    expect(stdout).toMatch(/应为 Should be [\d.]+ · 所列 Stated [\d.]+万元/);
    // Causes lead: the seed's three wrong sentences, each with the value the tables give.
    expect(stdout).toMatch(/根因 Causes \(3\)/);
    expect(stdout).toMatch(/规则 Rules: \d+ 运行 ran · \d+ 通过 passed · \d+ 未通过 failed · \d+ 不适用 not applicable/);
  });

  it('--lang zh: Chinese only', async () => {
    const { code, stdout } = await runCli(['--lang', 'zh', SEED]);
    expect(code).toBe(0);
    expect(stdout).toContain('部门: 中共株洲市渌口区委办公室');
    expect(stdout).not.toMatch(/Department|Errors|Should be|Stated/);
    expect((await runCli(['--lang', 'xx', SEED])).code).toBe(2);
  });

  it('csv and md formats render the same findings', async () => {
    const json = ReportSchema.parse(JSON.parse((await runCli(['--format', 'json', SEED])).stdout));
    const csv = (await runCli(['--format', 'csv', SEED])).stdout;
    expect(csv.startsWith('\uFEFFsource,department,year,severity,rule,')).toBe(true);
    // A row per cause (severity "cause") first, then a row per finding.
    const causes = (json.causes ?? []).filter((c) => c.confidence !== 'none').length;
    expect(causes).toBe(3);
    expect(csv.trimEnd().split('\r\n')).toHaveLength(1 + causes + json.findings.length);
    const md = (await runCli(['--format', 'md', SEED])).stdout;
    expect(md).toContain('| T1 | 公开01表 | 收入支出决算总表 |');
    json.findings.forEach((f, i) => expect(md).toContain(`| #${i} ${f.rule}${f.cause ? ` (${f.cause})` : ''} |`));
  });

  it('a missing file: one clear line on stderr, nothing on stdout, non-zero exit', async () => {
    const { code, stdout, stderr } = await runCli(['--format', 'json', 'no/such/page.html']);
    expect(code).toBe(1);
    expect(stdout).toBe('');
    expect(stderr).toBe('错误 error: no/such/page.html: file not found · 文件不存在\n');
  });

  it('a PDF saved under an .html name is read as a PDF (by its %PDF- bytes); this one is broken: one line, non-zero exit', async () => {
    const { code, stderr } = await runCli(['--format', 'json', 'tests/fixtures/batch/attachment.html']);
    expect(code).toBe(1);
    expect(stderr).toMatch(/attachment\.html: 此 PDF 文件已损坏或不完整，无法读取 · This PDF is damaged/);
  });

  it('a page with no disclosure: "no disclosure tables recognised", exit 0', async () => {
    const text = await runCli(['tests/fixtures/batch/news-article.html']);
    expect(text.code).toBe(0);
    expect(text.stdout).toContain('未识别到决算公开表格 · no disclosure tables recognised');
    const json = await runCli(['--format', 'json', 'tests/fixtures/batch/news-article.html']);
    const r = ReportSchema.parse(JSON.parse(json.stdout));
    expect(r).toMatchObject({ tables: [], findings: [], summary: { errors: 0, warnings: 0, notices: 0 } });
    // GB2312 page: the title decoded correctly.
    expect(r.document.title).toContain('区生态环境局召开2025年度工作会议');
  });

  it('output is deterministic (byte-identical runs)', async () => {
    const a = await runCli(['--format', 'json', 'tests/fixtures/putuo-2025.html']);
    const b = await runCli(['--format', 'json', 'tests/fixtures/putuo-2025.html']);
    expect(a.stdout).toBe(b.stdout);
  });

  it('--out FILE writes the report there and nothing to stdout', async () => {
    const out = path.join(tmp, 'sub', 'r.md');
    const { code, stdout } = await runCli(['--format', 'md', '--out', out, 'tests/fixtures/putuo-2025.html']);
    expect(code).toBe(0);
    expect(stdout).toBe('');
    expect(readFileSync(out, 'utf8')).toContain('# 决算公开校验 · Disclosure Checker — 上海市普陀区生态环境局');
  });

  it.each([
    [['--format', 'xml'], /--format must be one of text, json, csv, md/],
    [['--bogus'], /Unknown option '--bogus'/],
    [['--concurrency', '0'], /--concurrency must be an integer ≥ 1/],
    [['--fail-on', 'sometimes'], /--fail-on must be one of error, warning, never/],
  ])('usage error %j → exit 2', async (argv, message) => {
    const { code, stdout, stderr } = await runCli(argv);
    expect(code).toBe(2);
    expect(stdout).toBe('');
    expect(stderr).toMatch(message);
  });

  it('--help prints usage', async () => {
    const { code, stdout } = await runCli(['--help']);
    expect(code).toBe(0);
    expect(stdout).toContain('--fail-on error|warning|never');
  });
});

describe('real process', () => {
  it('`tsx cli/check.ts` exits 1 with a report for the readable input and a line for the missing one', async () => {
    const tsx = path.join(ROOT, 'node_modules', '.bin', 'tsx');
    const res = await new Promise<{ code: number; stdout: string; stderr: string }>((resolve) => {
      execFile(tsx, ['cli/check.ts', '--format', 'json', 'tests/fixtures/putuo-2025.html', 'missing.html'], { cwd: ROOT, maxBuffer: 64 << 20 }, (err, stdout, stderr) =>
        resolve({ code: err ? ((err as { code?: number }).code ?? -1) : 0, stdout, stderr }),
      );
    });
    expect(res.code).toBe(1);
    const reports = JSON.parse(res.stdout) as unknown[];
    expect(reports).toHaveLength(1);
    expect(ReportSchema.parse(reports[0]).document.department).toBe('上海市普陀区生态环境局');
    expect(res.stderr).toContain('错误 error: missing.html: file not found · 文件不存在');
  }, 60_000);
});
