/**
 * --crawl (issue 22) against a fake portal on 127.0.0.1: a listing over three pages (links named
 * 下一页/尾页 on the first, createPageHTML-style scripted pagination on the second), 25 articles,
 * some with a PDF or .xlsx attachment, one broken link, one off-site link and a robots.txt that
 * disallows one path. Every article and attachment is reported once; the disallowed and off-site
 * ones are listed as skipped and never requested; requests to the host are one at a time and at
 * least the polite delay apart.
 */
import { afterAll, beforeAll, describe, expect, it, vi } from 'vitest';
import { createServer, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { readFileSync } from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { main, type CliIO } from '../../cli/main';
import { pageLinks, scriptedPages, sameSite } from '../../cli/crawl';
import { parseRobots } from '../../cli/robots';

vi.setConfig({ testTimeout: 120_000 });

const ROOT = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '../..');
const CLEAN = readFileSync(path.join(ROOT, 'tests/fixtures/batch/shanghai/putuo-clean.html'));

const ARTICLES = Array.from({ length: 25 }, (_, i) => i + 1);
/** Articles with an attachment: a PDF (3, 9, 17) or a spreadsheet (5, 21); article 9 links its PDF twice. */
const PDF_OF = new Set([3, 9, 17]);
const XLSX_OF = new Set([5, 21]);

function item(n: number): string {
  return `<li><a href="/art/${n}.html" title="t">部门 ${n} 2024年度部门决算</a><span>2025-09-${String((n % 28) + 1).padStart(2, '0')}</span></li>`;
}
function listing(page: number, port: number): string {
  const nums = ARTICLES.slice(page * 10, page * 10 + 10);
  let extra = '';
  let pager = '';
  if (page === 0) pager = '<div class="page"><a href="index_1.html">下一页</a> <a href="index_2.html">尾页</a></div>';
  // Page 2 names no pages in links: only the portal's script does.
  if (page === 1) pager = '<script>var countPage = 3; var currentPage = 1; createPageHTML(countPage, currentPage, "index", "html");</script>';
  if (page === 2) {
    extra =
      '<li><a href="/art/missing.html">已删除的决算</a><span>2025-08-01</span></li>' +
      '<li><a href="http://offsite.invalid/art/x.html">外站决算</a><span>2025-08-02</span></li>' +
      `<li><a href="http://127.0.0.1:${port + 1}/art/y.html">另一端口</a><span>2025-08-03</span></li>` +
      '<li><a href="/secret/hidden.html">内部决算</a><span>2025-08-04</span></li>';
    pager = '<div class="page"><a href="index.html">首页</a> <a href="index_1.html">上一页</a></div>';
  }
  return `<html><head><meta charset="utf-8"><title>部门决算</title></head><body>
    <div class="nav"><a href="/">首页</a><a href="/about.html">关于我们</a></div>
    <ul class="list">${nums.map(item).join('')}${extra}</ul>${pager}</body></html>`;
}
function article(n: number): string {
  if (n === 1) return CLEAN.toString('utf8'); // one real disclosure
  let atts = '';
  if (PDF_OF.has(n)) atts = `<p>附件：<a href="/files/a${n}.pdf">决算公开.pdf</a></p>`;
  if (n === 9) atts += `<p><a href="/files/a9.pdf#page=2">同一附件</a></p>`;
  if (XLSX_OF.has(n)) atts = `<p>附件：<a href="/files/a${n}.xlsx">决算表.xlsx</a></p>`;
  return `<html><head><meta charset="utf-8"><title>部门 ${n} 2024年度部门决算</title></head><body><h1>部门 ${n}</h1><p>公开说明。</p>${atts}</body></html>`;
}

let server: Server;
let base: string;
let port: number;
const log: { path: string; start: number; end: number }[] = [];
let active = 0;
let maxActive = 0;

beforeAll(async () => {
  server = createServer((req, res) => {
    const url = new URL(req.url ?? '/', 'http://x');
    const entry = { path: url.pathname, start: Date.now(), end: 0 };
    log.push(entry);
    active++;
    maxActive = Math.max(maxActive, active);
    res.on('finish', () => {
      active--;
      entry.end = Date.now();
    });
    const send = (status: number, type: string, body: string | Buffer) => {
      // A little latency, so overlapping requests would show.
      setTimeout(() => {
        res.writeHead(status, { 'content-type': type });
        res.end(body);
      }, 5);
    };
    const p = url.pathname;
    if (p === '/robots.txt') return send(200, 'text/plain', 'User-agent: *\nDisallow: /secret/\n');
    const list = /^\/list\/index(?:_(\d))?\.html$/.exec(p);
    if (list) {
      const page = Number(list[1] ?? 0);
      return page <= 2 ? send(200, 'text/html; charset=utf-8', listing(page, port)) : send(404, 'text/plain', 'no');
    }
    const art = /^\/art\/(\d+)\.html$/.exec(p);
    if (art && ARTICLES.includes(Number(art[1]))) return send(200, 'text/html; charset=utf-8', article(Number(art[1])));
    if (/^\/files\/a\d+\.pdf$/.test(p)) return send(200, 'application/pdf', '%PDF-1.4\n% not a real PDF\n');
    if (/^\/files\/a\d+\.xlsx$/.test(p)) return send(200, 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet', Buffer.from('PK\x03\x04 not a real workbook', 'latin1'));
    return send(404, 'text/plain', 'not found');
  });
  await new Promise<void>((r) => server.listen(0, '127.0.0.1', r));
  port = (server.address() as AddressInfo).port;
  base = `http://127.0.0.1:${port}`;
});

afterAll(async () => {
  server.closeAllConnections();
  await new Promise((r) => server.close(r));
});

describe('crawl helpers', () => {
  it('robots.txt: the group for our token or *, longest match, Allow on a tie, wildcards, Crawl-delay', () => {
    const r = parseRobots('User-agent: other\nDisallow: /\n\nUser-agent: *\nDisallow: /secret/\nAllow: /secret/ok\nDisallow: /*.xls$\nCrawl-delay: 2\n', 'DisclosureChecker');
    const u = (p: string) => new URL(p, 'http://h');
    expect([r.allows(u('/list/')), r.allows(u('/secret/x')), r.allows(u('/secret/ok.html')), r.allows(u('/f/a.xls')), r.allows(u('/f/a.xlsx'))]).toEqual([true, false, true, false, true]);
    expect(r.crawlDelay).toBe(2);
    expect(parseRobots('User-agent: DisclosureChecker\nDisallow: /a\nUser-agent: *\nDisallow: /\n', 'DisclosureChecker').allows(u('/b'))).toBe(true);
  });

  it('createPageHTML pagination with literals or variables; same-site rule', () => {
    const b = new URL('http://h/list/index.shtml');
    expect(scriptedPages('createPageHTML(3, 0, "index", "shtml");', b).map((u) => u.pathname)).toEqual(['/list/index.shtml', '/list/index_1.shtml', '/list/index_2.shtml']);
    expect(scriptedPages("var n = 2;\nvar c = 0;\ncreatePageHTML(n, c, 'list', 'html')", b).map((u) => u.pathname)).toEqual(['/list/list.html', '/list/list_1.html']);
    expect(scriptedPages('createPageHTML(unknown, 0, "index", "html")', b)).toEqual([]);
    const start = new URL('http://www.example.gov.cn/col/');
    expect([sameSite(new URL('http://www.example.gov.cn/a'), start), sameSite(new URL('http://files.example.gov.cn/a.pdf'), start), sameSite(new URL('http://other.gov.cn/a'), start), sameSite(new URL('http://www.example.gov.cn:8080/a'), start)]).toEqual([true, true, false, false]);
  });

  it('finds pagination, dated list items and attachments; navigation links are not articles', () => {
    const links = pageLinks(listing(0, 1), new URL('http://h/list/index.html'));
    expect(links.articles.map((a) => a.url.pathname)).toEqual(ARTICLES.slice(0, 10).map((n) => `/art/${n}.html`));
    expect(links.pages.map((p) => p.pathname)).toEqual(['/', '/list/index_1.html', '/list/index_2.html']);
  });
});

describe('--crawl a fake portal', () => {
  it('checks every article and attachment once, politely; skips the disallowed and off-site links unfetched', async () => {
    let stdout = '';
    let stderr = '';
    const requested: string[] = [];
    const recordingFetch: typeof fetch = (input, init) => {
      requested.push(String(input));
      return fetch(input, init);
    };
    const io: CliIO = { stdout: (s) => void (stdout += s), stderr: (s) => void (stderr += s), stderrIsTTY: false, cwd: ROOT, retryDelayMs: 10, fetch: recordingFetch };
    const delay = 0.03;
    const code = await main(['--crawl', `${base}/list/index.html`, '--format', 'ndjson', '--delay', String(delay), '--retries', '0', '--jobs', '2'], io);
    expect(code).toBe(1); // the broken link and the fake attachments are unreadable
    const lines = stdout.trimEnd().split('\n').map((l) => JSON.parse(l) as { source: string; error?: string; skipped?: string; tables?: unknown[] });
    const sources = lines.map((l) => l.source.replace(base, ''));
    // Each reported exactly once.
    expect(new Set(sources).size).toBe(sources.length);
    const articles = ARTICLES.map((n) => `/art/${n}.html`);
    const attachments = [...[...PDF_OF].map((n) => `/files/a${n}.pdf`), ...[...XLSX_OF].map((n) => `/files/a${n}.xlsx`)].sort();
    expect(sources.filter((s) => s.startsWith('/art/') && s !== '/art/missing.html').sort()).toEqual([...articles].sort());
    expect(sources.filter((s) => s.startsWith('/files/')).sort()).toEqual(attachments);
    expect(lines.find((l) => l.source === `${base}/art/1.html`)!.tables!.length).toBe(9);
    expect(lines.find((l) => l.source === `${base}/art/missing.html`)).toEqual({ source: `${base}/art/missing.html`, error: 'HTTP 404 Not Found' });
    expect(lines.find((l) => l.source === `${base}/files/a3.pdf`)?.error).toMatch(/PDF/);
    // Listed as skipped with why, never requested.
    expect(lines.filter((l) => l.skipped !== undefined).map((l) => [l.source.replace(base, ''), l.skipped])).toEqual([
      ['http://offsite.invalid/art/x.html', 'off-site link, not fetched · 站外链接，未访问'],
      [`http://127.0.0.1:${port + 1}/art/y.html`, 'off-site link, not fetched · 站外链接，未访问'],
      ['/secret/hidden.html', 'disallowed by robots.txt, not fetched · robots.txt 禁止访问'],
    ]);
    expect(requested.filter((u) => !u.startsWith(base))).toEqual([]);
    expect(log.filter((e) => e.path.startsWith('/secret/'))).toEqual([]);
    // Every page fetched once: robots.txt, three listing pages, 25 articles + the broken link, 5 attachments.
    const paths = log.map((e) => e.path);
    expect(paths.filter((p) => p.startsWith('/list/')).sort()).toEqual(['/list/index.html', '/list/index_1.html', '/list/index_2.html']);
    expect(new Set(paths).size).toBe(paths.length);
    expect(paths.length).toBe(1 + 3 + 26 + 5);
    // The 首页 link of the site's navigation is not the listing's pagination (another folder).
    expect(paths).not.toContain('/');
    // Politely: one request at a time, each arriving at least the delay after the previous response ended.
    expect(maxActive).toBe(1);
    const byStart = [...log].sort((a, b) => a.start - b.start);
    const gaps = byStart.slice(1).map((e, i) => e.start - byStart[i].end);
    expect(Math.min(...gaps)).toBeGreaterThanOrEqual(delay * 1000 - 2);
    expect(stderr).toContain('HTTP 404');
  });

  it('--max caps the documents handed on', async () => {
    let stdout = '';
    const io: CliIO = { stdout: (s) => void (stdout += s), stderr: () => undefined, stderrIsTTY: false, cwd: ROOT, retryDelayMs: 10 };
    await main(['--crawl', `${base}/list/index.html`, '--format', 'ndjson', '--delay', '0', '--max', '4', '--jobs', '0'], io);
    const sources = stdout.trimEnd().split('\n').map((l) => (JSON.parse(l) as { source: string }).source.replace(base, ''));
    expect(sources).toEqual(['/art/1.html', '/art/2.html', '/art/3.html', '/files/a3.pdf']);
  });
});
