/**
 * Batch checking (issue 7): a folder of variants, the same set served from 127.0.0.1 and checked
 * by URL, failing URLs (timeout, 404, refused), summary, --out folder, --fail-on, progress.
 */
import { afterAll, beforeAll, describe, expect, it, vi } from 'vitest';
import { createServer, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { existsSync, mkdtempSync, readFileSync, readdirSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { main, type CliIO } from '../../cli/main';
import { USER_AGENT } from '../../cli/fetch';
import { ReportSchema, type Report } from '../../lib/report/schema';
import { batchFiles } from '../fixtures/batch/generate';

// Whole-page checks run several times per test; the full suite shares 2 cores.
vi.setConfig({ testTimeout: 120_000 });

const ROOT = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '../..');
const BATCH = 'tests/fixtures/batch';

async function runCli(argv: string[], extra: Partial<CliIO> = {}) {
  let stdout = '';
  let stderr = '';
  const code = await main(argv, {
    stdout: (s) => void (stdout += s),
    stderr: (s) => void (stderr += s),
    stderrIsTTY: false,
    cwd: ROOT,
    retryDelayMs: 10,
    ...extra,
  });
  return { code, stdout, stderr };
}

/** Pages of the batch folder in walk order (sorted), without the unreadable PDF and notes.txt. */
const PAGES = ['news-article.html', 'shanghai/putuo-clean.html', 'shanghai/putuo-gbk.shtml', 'shanghai/putuo-t1-income-total.html', 'shanghai/putuo-t9-total.htm'];

const withoutSource = (r: Report) => ({ ...r, source: '', finalUrl: undefined });
/** The putuo page must have no error; warnings are allowed by the team rules, so derive its verdict. */
const cleanVerdict = (r: Report) => (r.summary.warnings > 0 ? 'warnings' : 'clean');

let folderRun: { code: number; stdout: string; stderr: string };
let reports: Report[];
let server: Server;
let base: string;
const userAgents: string[] = [];
let flakyHits = 0;
let tmp: string;

beforeAll(async () => {
  tmp = mkdtempSync(path.join(tmpdir(), 'dc-batch-'));
  folderRun = await runCli(['--format', 'json', BATCH]);
  reports = (JSON.parse(folderRun.stdout) as unknown[]).map((r) => ReportSchema.parse(r));

  server = createServer((req, res) => {
    userAgents.push(String(req.headers['user-agent']));
    const url = new URL(req.url ?? '/', 'http://x');
    if (url.pathname === '/slow') return; // never answers: the client must time out
    if (url.pathname === '/redirect') {
      res.writeHead(302, { location: '/pages/shanghai/putuo-clean.html' });
      return res.end();
    }
    if (url.pathname === '/flaky') {
      // First request: the connection drops (a network error); the retry succeeds.
      if (flakyHits++ === 0) return req.socket.destroy();
      url.pathname = '/pages/shanghai/putuo-clean.html';
    }
    if (url.pathname === '/header-gbk') {
      // GBK bytes whose only declaration is the HTTP header (the meta is removed).
      const bytes = readFileSync(path.join(ROOT, BATCH, 'shanghai/putuo-gbk.shtml'));
      const stripped = Buffer.from(bytes.toString('latin1').replace('<meta charset="gbk">', ''), 'latin1');
      res.writeHead(200, { 'content-type': 'text/html; charset=GBK' });
      return res.end(stripped);
    }
    if (url.pathname === '/report.pdf') {
      res.writeHead(200, { 'content-type': 'application/pdf' });
      return res.end('%PDF-1.4');
    }
    const rel = decodeURIComponent(url.pathname.replace(/^\/pages\//, ''));
    const file = path.join(ROOT, BATCH, rel);
    if (!url.pathname.startsWith('/pages/') || rel.includes('..') || !existsSync(file)) {
      res.writeHead(404, { 'content-type': 'text/plain' });
      return res.end('not found');
    }
    // Charset left to the page's own meta, as many portals do.
    res.writeHead(200, { 'content-type': 'text/html' });
    res.end(readFileSync(file));
  });
  await new Promise<void>((r) => server.listen(0, '127.0.0.1', r));
  base = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
}, 120_000);

afterAll(async () => {
  server.closeAllConnections();
  await new Promise((r) => server.close(r));
  rmSync(tmp, { recursive: true, force: true });
});

describe('the batch fixtures', () => {
  it('are exactly what generate.ts produces', () => {
    for (const f of batchFiles()) {
      expect(Buffer.compare(readFileSync(path.join(ROOT, BATCH, f.path)), Buffer.from(f.bytes)), f.path).toBe(0);
    }
  });
});

describe('a folder in one run', () => {
  it('walks the folder recursively and sorted (.html/.htm/.shtml only); the unreadable file is reported and the batch goes on', () => {
    expect(folderRun.code).toBe(1);
    expect(reports.map((r) => r.source)).toEqual(PAGES.map((p) => `${BATCH}/${p}`));
    expect(folderRun.stderr).toContain(`错误 error: ${BATCH}/attachment.html: 此 PDF 文件已损坏或不完整，无法读取 · This PDF is damaged or incomplete and cannot be read\n`);
    expect(folderRun.stderr).not.toContain('notes.txt');
  });

  it('gives the right verdict per document', () => {
    const [news, clean, gbk, t1, t9] = reports;
    expect(news.tables).toEqual([]);
    expect(news.findings).toEqual([]);

    expect(clean.tables).toHaveLength(9);
    expect(clean.summary.errors).toBe(0);
    expect(clean.findings.filter((f) => f.severity === 'error')).toEqual([]);

    // The GBK copy reads exactly like the UTF-8 page.
    expect(withoutSource(gbk)).toEqual(withoutSource(clean));

    // Injected: T1 本年收入合计 4,733.14 → 4,833.14.
    const i01 = t1.findings.find((f) => f.rule === 'I-01');
    expect(i01?.severity).toBe('error');
    expect(i01?.cells).toContainEqual(expect.objectContaining({ table: 'T1', text: '4,833.14', role: 'total' }));
    expect(t1.summary.errors).toBeGreaterThan(0);

    // Injected: T9 决算数 合计 16.95 → 19.65.
    const i22 = t9.findings.find((f) => f.rule === 'I-22' && f.severity === 'error');
    expect(i22?.cells).toContainEqual(expect.objectContaining({ table: 'T9', text: '19.65', role: 'total' }));
  });

  it('summary (CSV): one row per document, worst first, with verdicts and counts', async () => {
    const { code, stdout } = await runCli(['--format', 'csv', BATCH]);
    expect(code).toBe(1);
    const rows = stdout
      .slice(1)
      .trimEnd()
      .split('\r\n')
      .slice(1)
      .map((l) => l.split(','));
    const bySource = Object.fromEntries(reports.map((r) => [r.source, r]));
    const t1 = bySource[`${BATCH}/shanghai/putuo-t1-income-total.html`];
    const t9 = bySource[`${BATCH}/shanghai/putuo-t9-total.htm`];
    const [first, second] = t1.summary.errors >= t9.summary.errors ? [t1, t9] : [t9, t1];
    expect(rows.map((r) => [r[0], r[1]])).toEqual([
      [`${BATCH}/attachment.html`, 'unreadable'],
      [first.source, 'errors'],
      [second.source, 'errors'],
      [`${BATCH}/shanghai/putuo-clean.html`, cleanVerdict(reports[1])],
      [`${BATCH}/shanghai/putuo-gbk.shtml`, cleanVerdict(reports[2])],
      [`${BATCH}/news-article.html`, 'no-disclosure'],
      // Entries not checked are listed with why, last (issue 21).
      [`${BATCH}/generate.ts`, 'skipped'],
      [`${BATCH}/notes.txt`, 'skipped'],
    ]);
    const t1Row = rows.find((r) => r[0] === t1.source)!;
    expect(t1Row.slice(2, 12)).toEqual(['上海市普陀区生态环境局', '2025', 'final', 'department', '9', '0', String(t1.summary.errors), String(t1.summary.warnings), String(t1.summary.notices), String(t1.summary.rulesRun)]);
    expect(stdout).toContain('I-01 ');
  });

  it('summary (Markdown) and text: totals and one line per document', async () => {
    const md = (await runCli(['--format', 'md', BATCH])).stdout;
    expect(md).toMatch(/^# 汇总 Summary\n\n6 份文档 documents: 1 无法读取 unreadable · 2 有错误 errors · 2 (未发现问题 clean|有警告 warnings) · 1 未识别到决算公开表格/);
    const text = (await runCli([BATCH])).stdout;
    expect(text).toContain('汇总 Summary (最严重在前 worst first)');
    expect(text.match(/^ {2}(无法读取|有错误|有警告|未发现问题|未识别到决算公开表格) /gm)).toHaveLength(6);
  });

  it('is deterministic: byte-identical across runs and concurrency levels', async () => {
    const again = await runCli(['--format', 'json', '--concurrency', '4', BATCH]);
    expect(again.stdout).toBe(folderRun.stdout);
    const csv1 = await runCli(['--format', 'csv', '--concurrency', '1', BATCH]);
    const csv2 = await runCli(['--format', 'csv', '--concurrency', '3', BATCH]);
    expect(csv1.stdout).toBe(csv2.stdout);
  });

  it('--out FOLDER: one report per input plus summaries; nothing on stdout', async () => {
    const out = path.join(tmp, 'out') + '/';
    const { code, stdout } = await runCli(['--format', 'json', '--out', out, BATCH]);
    expect(code).toBe(1);
    expect(stdout).toBe('');
    expect(readdirSync(out).sort()).toEqual([
      'summary.csv',
      'summary.json',
      'summary.md',
      'tests__fixtures__batch__news-article.json',
      'tests__fixtures__batch__shanghai__putuo-clean.json',
      'tests__fixtures__batch__shanghai__putuo-gbk.json',
      'tests__fixtures__batch__shanghai__putuo-t1-income-total.json',
      'tests__fixtures__batch__shanghai__putuo-t9-total.json',
    ]);
    const one = ReportSchema.parse(JSON.parse(readFileSync(path.join(out, 'tests__fixtures__batch__shanghai__putuo-clean.json'), 'utf8')));
    expect(one).toEqual(reports[1]);
    const summary = JSON.parse(readFileSync(path.join(out, 'summary.json'), 'utf8'));
    const cleanCount = reports.filter((r) => r.tables.length > 0 && cleanVerdict(r) === 'clean' && r.summary.errors === 0).length;
    expect(summary.totals).toMatchObject({ documents: 6, verdicts: { unreadable: 1, errors: 2, clean: cleanCount, 'no-disclosure': 1, warnings: 2 - cleanCount } });
    expect(summary.documents[0]).toMatchObject({ verdict: 'unreadable', source: `${BATCH}/attachment.html` });
  });

  it('--fail-on: exit 3 when findings reach the threshold, 0 otherwise (default never)', async () => {
    const folder = `${BATCH}/shanghai`;
    expect((await runCli(['-q', '--format', 'json', folder])).code).toBe(0);
    expect((await runCli(['-q', '--format', 'json', '--fail-on', 'never', folder])).code).toBe(0);
    expect((await runCli(['-q', '--format', 'json', '--fail-on', 'error', folder])).code).toBe(3);
    // The clean page has rounding notices only: notices never fail a run.
    expect((await runCli(['--format', 'json', '--fail-on', 'warning', `${folder}/putuo-clean.html`])).code).toBe(reports[1].summary.warnings > 0 ? 3 : 0);
    expect((await runCli(['-q', '--format', 'json', '--fail-on', 'warning', `${folder}/putuo-t9-total.htm`])).code).toBe(3);
  });

  it('progress: nothing on stderr in a pipe (failures only), one line redrawn on a terminal; stdout carries only the report', async () => {
    const plain = await runCli(['--format', 'json', `${BATCH}/shanghai`]);
    expect(plain.stderr).toBe('');
    const tty = await runCli(['--format', 'json', `${BATCH}/shanghai`], { stderrIsTTY: true });
    // done/total, documents per second, failures so far, ETA; the first and last are always drawn.
    expect(tty.stderr).toMatch(/^\r\x1b\[2K\[######------------------\] 1\/4 · \d+\.\d\/s · 失败 failed 0 · 剩余 ETA \d+:\d\d /);
    expect(tty.stderr).toMatch(/\r\x1b\[2K\[########################\] 4\/4 · \d+\.\d\/s · 失败 failed 0 /);
    expect(tty.stderr.endsWith('\r\x1b[2K')).toBe(true); // the line is cleared at the end
    expect(tty.stdout).toBe(plain.stdout);
    expect((await runCli(['-q', '--format', 'json', `${BATCH}/shanghai`], { stderrIsTTY: true })).stderr).toBe('');
    // A failure is a line of its own in a pipe too.
    const failing = await runCli(['--format', 'json', `${BATCH}/attachment.html`, `${BATCH}/news-article.html`]);
    expect(failing.stderr).toBe(`错误 error: ${BATCH}/attachment.html: 此 PDF 文件已损坏或不完整，无法读取 · This PDF is damaged or incomplete and cannot be read\n`);
  });
});

describe('the same set by URL from 127.0.0.1', () => {
  it('gives identical results (--list with URLs, concurrency, identifying User-Agent)', async () => {
    const list = path.join(tmp, 'urls.txt');
    const files = ['attachment.html', ...PAGES];
    writeFileSync(list, ['# county audit', ...files.map((f) => `${base}/pages/${f}`), ''].join('\n'));
    userAgents.length = 0;
    const run = await runCli(['--format', 'json', '--concurrency', '3', '--list', list]);
    expect(run.code).toBe(1);
    expect(run.stderr).toContain(`错误 error: ${base}/pages/attachment.html: 此 PDF 文件已损坏或不完整`);
    const byUrl = (JSON.parse(run.stdout) as unknown[]).map((r) => ReportSchema.parse(r));
    expect(byUrl.map((r) => r.source)).toEqual(PAGES.map((p) => `${base}/pages/${p}`));
    expect(byUrl.map(withoutSource)).toEqual(reports.map(withoutSource));
    expect(new Set(userAgents)).toEqual(new Set([USER_AGENT]));
    expect(USER_AGENT).toMatch(/^DisclosureChecker\/\d+\.\d+\.\d+ \(\+batch\)$/);
  });

  it('follows redirects, retries a dropped connection, honours the HTTP charset, rejects non-HTML content types', async () => {
    flakyHits = 0;
    const run = await runCli(['--format', 'json', `${base}/redirect`, `${base}/flaky`, `${base}/header-gbk`, `${base}/report.pdf`]);
    // A URL serving application/pdf is read as a PDF; this one is not a real PDF.
    expect(run.stderr).toContain(`${base}/report.pdf: 此 PDF 文件已损坏或不完整`);
    const got = (JSON.parse(run.stdout) as unknown[]).map((r) => ReportSchema.parse(r));
    expect(got).toHaveLength(3);
    // The report names the URL actually read after the redirect; the others were not redirected.
    expect(got.map((r) => r.finalUrl)).toEqual([`${base}/pages/shanghai/putuo-clean.html`, undefined, undefined]);
    for (const r of got) expect(withoutSource(r)).toEqual(withoutSource(reports[1]));
    expect(flakyHits).toBe(2);
  });

  it('a URL that times out, 404s or refuses the connection is reported on one line and the batch completes', async () => {
    const closed = createServer();
    await new Promise<void>((r) => closed.listen(0, '127.0.0.1', r));
    const refused = `http://127.0.0.1:${(closed.address() as AddressInfo).port}/page.html`;
    await new Promise((r) => closed.close(r));

    const started = Date.now();
    const run = await runCli(['--format', 'csv', '--timeout', '0.5', '--retries', '1', `${base}/slow`, `${base}/pages/nope.html`, refused, `${base}/pages/shanghai/putuo-clean.html`]);
    expect(Date.now() - started).toBeLessThan(10_000);
    expect(run.code).toBe(1);
    // Failure lines appear as inputs finish (stderr); the report itself is ordered.
    const errors = run.stderr.split('\n').filter((l) => l.startsWith('错误 error:'));
    expect(errors.sort()).toEqual([
      `错误 error: ${base}/slow: timed out after 0.5s · 超时 (2 attempts)`,
      `错误 error: ${base}/pages/nope.html: HTTP 404 Not Found`,
      `错误 error: ${refused}: connection refused · 连接被拒绝 (2 attempts)`,
    ].sort());
    const rows = run.stdout.slice(1).trimEnd().split('\r\n').slice(1);
    const cells = rows.map((r) => r.split(',').slice(0, 2).join(','));
    // Unreadable rows first (ordered by source, which depends on the random ports), then the clean page.
    expect(cells.slice(0, 3).sort()).toEqual([`${base}/pages/nope.html,unreadable`, `${base}/slow,unreadable`, `${refused},unreadable`].sort());
    expect(cells[3]).toBe(`${base}/pages/shanghai/putuo-clean.html,${cleanVerdict(reports[1])}`);
  });
});
