/**
 * CLI hardening (issue 21): hostile servers (gzip bomb, endless body, redirects into private
 * networks), hostile local inputs (unreadable folder, FIFO, /dev/zero, oversized file), skipped
 * entries listed, --out never an input, terminal escapes in page and path text.
 * Servers listen on 127.0.0.1 only; redirect targets elsewhere are classified by a stubbed
 * resolver and every request goes through a fetch that can only reach 127.0.0.1.
 */
import { afterAll, beforeAll, describe, expect, it, vi } from 'vitest';
import { createServer, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { createGzip } from 'node:zlib';
import { execFileSync } from 'node:child_process';
import { Dirent, copyFileSync, mkdirSync, mkdtempSync, readFileSync, rmSync, symlinkSync, writeFileSync, openSync, ftruncateSync, closeSync } from 'node:fs';
import { readdir } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { main, type CliIO } from '../../cli/main';
import { fetchPage, isPrivateAddress, redirectRefusal, type Resolver } from '../../cli/fetch';
import { expandInputs } from '../../cli/inputs';
import { ReportSchema } from '../../lib/report/schema';

vi.setConfig({ testTimeout: 60_000 });

const ROOT = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '../..');
const CLEAN = path.join(ROOT, 'tests/fixtures/batch/shanghai/putuo-clean.html');

async function runCli(argv: string[], extra: Partial<CliIO> = {}) {
  let stdout = '';
  let stderr = '';
  const code = await main(argv, {
    stdout: (s) => void (stdout += s),
    stderr: (s) => void (stderr += s),
    stderrIsTTY: false,
    cwd: tmp,
    retryDelayMs: 10,
    ...extra,
  });
  return { code, stdout, stderr };
}

let tmp: string;
let server: Server;
let base: string;
let port: number;
let bomb: Buffer;
let endlessSent = 0;
let endlessClosed: Promise<void> = Promise.resolve();
const requested: string[] = [];

/** ~256 MiB of zeros, gzip-compressed to a few hundred KB. */
async function makeBomb(): Promise<Buffer> {
  const gz = createGzip({ level: 9 });
  const parts: Buffer[] = [];
  gz.on('data', (c: Buffer) => parts.push(c));
  const done = new Promise((r) => gz.on('end', r));
  const zeros = Buffer.alloc(1024 * 1024);
  for (let i = 0; i < 256; i++) if (!gz.write(zeros)) await new Promise((r) => gz.once('drain', r));
  gz.end();
  await done;
  return Buffer.concat(parts);
}

beforeAll(async () => {
  tmp = mkdtempSync(path.join(tmpdir(), 'dc-hard-'));
  bomb = await makeBomb();
  server = createServer((req, res) => {
    const url = new URL(req.url ?? '/', 'http://x');
    requested.push(`${req.headers.host}${url.pathname}`);
    switch (url.pathname) {
      case '/bomb':
        res.writeHead(200, { 'content-type': 'text/html', 'content-encoding': 'gzip', 'content-length': String(bomb.length) });
        return res.end(bomb);
      case '/endless': {
        // Chunked, never ends on its own; bounded at 2 GiB so the test cannot run away.
        res.writeHead(200, { 'content-type': 'text/html' });
        const chunk = Buffer.alloc(64 * 1024, 0x61);
        endlessClosed = new Promise((resolve) => res.on('close', () => resolve()));
        const pump = () => {
          while (endlessSent < 2 ** 31 && !res.destroyed) {
            endlessSent += chunk.length;
            if (!res.write(chunk)) return void res.once('drain', pump);
          }
          res.end();
        };
        return pump();
      }
      case '/page':
        res.writeHead(200, { 'content-type': 'text/html' });
        return res.end(readFileSync(CLEAN));
      case '/to-metadata':
        res.writeHead(302, { location: 'http://169.254.169.254/latest/meta-data/' });
        return res.end();
      case '/to-loopback':
        res.writeHead(301, { location: `http://127.0.0.1:${port}/page` });
        return res.end();
      case '/to-intranet':
        res.writeHead(302, { location: 'http://intranet.example/page' });
        return res.end();
      case '/to-v6-loopback':
        res.writeHead(307, { location: 'http://[::1]/page' });
        return res.end();
      case '/to-file':
        res.writeHead(302, { location: 'file:///etc/passwd' });
        return res.end();
      case '/to-public':
        res.writeHead(302, { location: 'http://other.example.gov.cn/page' });
        return res.end();
      case '/loop':
        res.writeHead(302, { location: '/loop' });
        return res.end();
      default:
        res.writeHead(404);
        return res.end();
    }
  });
  await new Promise<void>((r) => server.listen(0, '127.0.0.1', r));
  port = (server.address() as AddressInfo).port;
  base = `http://127.0.0.1:${port}`;
}, 60_000);

afterAll(async () => {
  server.closeAllConnections();
  await new Promise((r) => server.close(r));
  rmSync(tmp, { recursive: true, force: true });
});

describe('bodies are counted after decompression, as they stream', () => {
  it('a gzip bomb (256 MiB of zeros in a few hundred KB) stops at --max-size with bounded memory', async () => {
    expect(bomb.length).toBeLessThan(2 * 1024 * 1024);
    global.gc?.();
    const before = process.memoryUsage();
    const run = await runCli(['--max-size', '4', `${base}/bomb`]);
    const after = process.memoryUsage();
    expect(run.code).toBe(1);
    expect(run.stderr).toContain(`${base}/bomb: too large (over ${4 * 1024 * 1024} bytes) · 文件过大`);
    // The whole body would be 256 MiB; reading stopped near 4 MiB.
    expect(after.arrayBuffers - before.arrayBuffers).toBeLessThan(64 * 1024 * 1024);
    expect(after.rss - before.rss).toBeLessThan(128 * 1024 * 1024);
  });

  it('an endless chunked body stops at the limit; the server sees the connection dropped', async () => {
    endlessSent = 0;
    const run = await runCli(['--max-size', '2', `${base}/endless`]);
    expect(run.code).toBe(1);
    expect(run.stderr).toContain(`${base}/endless: too large (over ${2 * 1024 * 1024} bytes)`);
    await endlessClosed;
    // What was written before the drop: the limit plus socket buffers, far from the 2 GiB bound.
    expect(endlessSent).toBeLessThan(64 * 1024 * 1024);
  });
});

describe('redirect policy', () => {
  const resolver: Resolver = async (host) => {
    const table: Record<string, string[]> = {
      'portal.example.gov.cn': ['203.0.113.10'],
      'other.example.gov.cn': ['198.51.100.7'],
      'intranet.example': ['10.0.0.5'],
      'rebind.example': ['203.0.113.11', '127.0.0.1'],
    };
    if (!(host in table)) throw new Error('ENOTFOUND');
    return table[host];
  };
  /** Every request goes to the 127.0.0.1 server whatever its host: no traffic can leave this machine. */
  const seen: string[] = [];
  const localFetch: typeof fetch = (input, init) => {
    const u = new URL(String(input));
    seen.push(u.href);
    const local = new URL(u.pathname + u.search, base);
    return fetch(local, init);
  };

  it('classifies addresses: loopback, RFC 1918, link-local, CGNAT, ULA, mapped IPv4 are private', () => {
    const cases: [string, boolean][] = [
      ['127.0.0.1', true],
      ['127.8.9.10', true],
      ['10.1.2.3', true],
      ['172.16.0.1', true],
      ['172.31.255.255', true],
      ['172.32.0.1', false],
      ['192.168.1.1', true],
      ['169.254.169.254', true],
      ['100.64.0.1', true],
      ['0.0.0.0', true],
      ['8.8.8.8', false],
      ['203.0.113.10', false],
      ['::1', true],
      ['::', true],
      ['fe80::1', true],
      ['fd12:3456::1', true],
      ['::ffff:127.0.0.1', true],
      ['::ffff:8.8.8.8', false],
      ['2001:4860:4860::8888', false],
      ['not-an-address', true],
    ];
    for (const [a, priv] of cases) expect([a, isPrivateAddress(a)]).toEqual([a, priv]);
  });

  it('refuses public → private/loopback/link-local and non-http schemes; allows public → public and private → private', async () => {
    const u = (s: string) => new URL(s);
    const pub = u('http://portal.example.gov.cn/a');
    expect(await redirectRefusal(pub, u('http://169.254.169.254/latest/'), resolver)).toMatch(/refused/);
    expect(await redirectRefusal(pub, u('http://127.0.0.1:8080/'), resolver)).toMatch(/refused/);
    expect(await redirectRefusal(pub, u('http://[::1]/'), resolver)).toMatch(/refused/);
    expect(await redirectRefusal(pub, u('http://0x7f.1/'), resolver)).toMatch(/refused/); // the URL parser reads it as 127.0.0.1
    expect(await redirectRefusal(pub, u('http://localhost/'), resolver)).toMatch(/refused/);
    expect(await redirectRefusal(pub, u('http://intranet.example/'), resolver)).toMatch(/refused/);
    expect(await redirectRefusal(pub, u('http://rebind.example/'), resolver)).toMatch(/refused/); // one private address is enough
    expect(await redirectRefusal(pub, u('file:///etc/passwd'), resolver)).toMatch(/file: address refused/);
    expect(await redirectRefusal(pub, u('https://other.example.gov.cn/b'), resolver)).toBeNull();
    // A user who checks an intranet page on purpose may follow its redirects inside the intranet.
    expect(await redirectRefusal(u('http://intranet.example/'), u('http://10.0.0.9/'), resolver)).toBeNull();
    expect(await redirectRefusal(u('http://127.0.0.1:1/'), u('http://127.0.0.1:2/'), resolver)).toBeNull();
  });

  it('end to end: refused redirects are reported and never requested; an allowed one names the final URL', async () => {
    seen.length = 0;
    const start = 'http://portal.example.gov.cn';
    const run = await runCli(
      ['--format', 'json', '--retries', '0', `${start}/to-metadata`, `${start}/to-loopback`, `${start}/to-intranet`, `${start}/to-v6-loopback`, `${start}/to-file`, `${start}/loop`, `${start}/to-public`],
      { fetch: localFetch, resolve: resolver },
    );
    expect(run.code).toBe(1);
    // Failure lines come in completion order (two at a time).
    const errors = run.stderr.split('\n').filter((l) => l.startsWith('错误 error:')).sort();
    expect(errors).toEqual([
      `错误 error: ${start}/to-metadata: redirect from a public host to a private/loopback/link-local address refused (169.254.169.254) · 拒绝从公网跳转到内网地址`,
      `错误 error: ${start}/to-loopback: redirect from a public host to a private/loopback/link-local address refused (127.0.0.1:${port}) · 拒绝从公网跳转到内网地址`,
      `错误 error: ${start}/to-intranet: redirect from a public host to a private/loopback/link-local address refused (intranet.example) · 拒绝从公网跳转到内网地址`,
      `错误 error: ${start}/to-v6-loopback: redirect from a public host to a private/loopback/link-local address refused ([::1]) · 拒绝从公网跳转到内网地址`,
      `错误 error: ${start}/to-file: redirect to a file: address refused · 拒绝跳转到非网页地址`,
      `错误 error: ${start}/loop: too many redirects (over 5) · 跳转次数过多`,
    ].sort());
    expect(seen.filter((s) => !s.startsWith(start) && !s.startsWith('http://other.example.gov.cn/'))).toEqual([]);
    expect(seen.filter((s) => s === `${start}/loop`)).toHaveLength(6);
    const [report] = (JSON.parse(run.stdout) as unknown[]).map((r) => ReportSchema.parse(r));
    expect(report.source).toBe(`${start}/to-public`);
    expect(report.finalUrl).toBe('http://other.example.gov.cn/page');
    expect(report.tables.length).toBeGreaterThan(0);
  });

  it('fetchPage returns the final URL (followed inside 127.0.0.1)', async () => {
    const got = await fetchPage(`${base}/to-loopback`, { timeoutMs: 5000, retries: 0, retryDelayMs: 1 });
    expect(got.url).toBe(`${base}/page`);
  });
});

describe('local inputs', () => {
  it('an unreadable subfolder is one line in the summary and the batch goes on', async () => {
    const dir = path.join(tmp, 'locked');
    mkdirSync(path.join(dir, 'secret'), { recursive: true });
    copyFileSync(CLEAN, path.join(dir, 'a.html'));
    writeFileSync(path.join(dir, 'secret', 'b.html'), '<p>x</p>');
    // Root reads any folder whatever its mode, so the refusal is injected where the walk lists folders.
    const denied: typeof readdir = (async (p: string, o: unknown) => {
      if (path.basename(p) === 'secret') throw Object.assign(new Error('EACCES: permission denied'), { code: 'EACCES' });
      return readdir(p, o as { withFileTypes: true });
    }) as typeof readdir;
    const got = await expandInputs(['locked'], { cwd: tmp, lists: [], readdir: (d) => denied(d, { withFileTypes: true }) as Promise<Dirent[]> });
    expect(got.map((i) => [i.kind, i.source])).toEqual([
      ['file', 'locked/a.html'],
      ['invalid', 'locked/secret/'],
    ]);
    expect(got[1]).toMatchObject({ error: 'folder unreadable: permission denied · 没有读取权限 · 文件夹无法读取' });
  });

  it.skipIf(process.getuid?.() === 0)('an unreadable subfolder (real permissions; not testable as root)', async () => {
    const dir = path.join(tmp, 'locked-real');
    mkdirSync(path.join(dir, 'secret'), { recursive: true });
    copyFileSync(CLEAN, path.join(dir, 'a.html'));
    execFileSync('chmod', ['000', path.join(dir, 'secret')]);
    try {
      const run = await runCli(['--format', 'csv', 'locked-real']);
      expect(run.code).toBe(1);
      expect(run.stdout).toContain('locked-real/secret/,unreadable');
    } finally {
      execFileSync('chmod', ['755', path.join(dir, 'secret')]);
    }
  });

  it('a FIFO, /dev/zero and an oversized (sparse) file are refused without reading; the rest is checked', async () => {
    const dir = path.join(tmp, 'odd');
    mkdirSync(dir);
    copyFileSync(CLEAN, path.join(dir, 'good.html'));
    execFileSync('mkfifo', [path.join(dir, 'pipe.html')]);
    const big = path.join(dir, 'huge.html');
    const fd = openSync(big, 'w');
    ftruncateSync(fd, 600 * 1024 * 1024); // sparse: no disk used
    closeSync(fd);
    const started = Date.now();
    const run = await runCli(['--format', 'csv', 'odd/pipe.html', '/dev/zero', 'odd/huge.html', 'odd/good.html']);
    expect(Date.now() - started).toBeLessThan(30_000);
    expect(run.code).toBe(1);
    const errors = run.stderr.split('\n').filter((l) => l.startsWith('错误 error:')).sort();
    expect(errors).toEqual([
      '错误 error: odd/pipe.html: a FIFO (named pipe), not a file · 命名管道，不是文件',
      '错误 error: /dev/zero: a device, not a file · 设备，不是文件',
      `错误 error: odd/huge.html: too large (over ${50 * 1024 * 1024} bytes) · 文件过大`,
    ].sort());
    expect(run.stdout).toMatch(/\r\nodd\/good\.html,(clean|warnings),/);
    // The same folder walked: the FIFO is listed as skipped (never opened), the sparse file as unreadable.
    const walked = await runCli(['--format', 'csv', 'odd']);
    const rows = walked.stdout.split('\r\n').map((l) => l.split(',').slice(0, 2).join(','));
    expect(rows).toContain('odd/huge.html,unreadable');
    expect(rows).toContain('odd/pipe.html,skipped');
    // A small limit by option.
    const small = await runCli(['--max-size', '0.01', 'odd/good.html']);
    expect(small.stderr).toContain(`odd/good.html: too large (over ${Math.round(0.01 * 1024 * 1024)} bytes)`);
  });

  it('every entry not checked is listed with why: hidden and linked folders, FIFOs, other file types', async () => {
    const dir = path.join(tmp, 'mixed');
    mkdirSync(path.join(dir, '.hidden'), { recursive: true });
    mkdirSync(path.join(dir, 'real'));
    copyFileSync(CLEAN, path.join(dir, 'real', 'a.html'));
    writeFileSync(path.join(dir, '.hidden', 'h.html'), '<p>x</p>');
    writeFileSync(path.join(dir, 'page.xhtml'), '<html><body><p>x</p></body></html>');
    writeFileSync(path.join(dir, 'page.jsp'), '<html><body><p>y</p></body></html>');
    writeFileSync(path.join(dir, 'notes.txt'), 'n');
    symlinkSync(path.join(dir, 'real'), path.join(dir, 'linked'));
    execFileSync('mkfifo', [path.join(dir, 'pipe')]);
    const run = await runCli(['mixed']);
    expect(run.code).toBe(0);
    expect(run.stdout).toContain('3 份文档 documents:');
    expect(run.stdout).toContain('4 项已跳过 entries skipped');
    const skipped = run.stdout.split('\n').filter((l) => l.startsWith('  已跳过 skipped'));
    expect(skipped.map((l) => l.replace(/^ {2}已跳过 skipped {2}— {2}— {2}/, ''))).toEqual([
      'hidden folder · 隐藏文件夹  mixed/.hidden/',
      'linked folder, not followed · 链接的文件夹（不跟随）  mixed/linked/',
      '.txt not a page type checked · 不是可校验的文件类型  mixed/notes.txt',
      'a FIFO (named pipe), not a file · 命名管道，不是文件  mixed/pipe',
    ]);
  });

  it('--out is never one of the inputs', async () => {
    const file = path.join(tmp, 'self.html');
    copyFileSync(CLEAN, file);
    const before = readFileSync(file);
    const run = await runCli(['--out', 'self.html', 'self.html']);
    expect(run.code).toBe(2);
    expect(run.stderr).toContain('--out self.html is one of the inputs');
    expect(Buffer.compare(readFileSync(file), before)).toBe(0);
    symlinkSync(file, path.join(tmp, 'alias.html'));
    expect((await runCli(['--out', 'alias.html', 'self.html'])).code).toBe(2);
    expect(Buffer.compare(readFileSync(file), before)).toBe(0);
  });
});

describe('terminal escapes in page and path text', () => {
  const hostile = '\x1b]52;c;ZXZpbA==\x07标题\u202Eevil\x1b[2J\x9b31m';
  it('text, Markdown and CSV carry no control sequence; JSON keeps the data with C1/bidi escaped', async () => {
    const dir = path.join(tmp, 'esc\x1b[31m');
    mkdirSync(dir);
    const page = readFileSync(CLEAN, 'utf8').replace(/<title>[^<]*<\/title>/, `<title>${hostile}</title>`);
    expect(page).toContain(hostile);
    writeFileSync(path.join(dir, 'p\u202Eage.html'), page);
    for (const format of ['text', 'md', 'csv'] as const) {
      const run = await runCli(['--format', format, dir + '/']);
      const out = run.stdout + run.stderr;
      // eslint-disable-next-line no-control-regex
      expect([format, /[\x00-\x08\x0b\x0c\x0e-\x1f\x7f-\x9f\u202a-\u202e\u2066-\u2069]/.test(out.replace(/\r\n/g, '\n'))]).toEqual([format, false]);
      expect(out).toContain('␛');
      expect(out).toContain('p‹U+202E›age');
    }
    const text = (await runCli([path.join(dir, 'p\u202Eage.html')])).stdout;
    expect(text).toContain('标题 Title: ␛]52;c;ZXZpbA==␇标题‹U+202E›evil␛[2J‹U+009B›31m');
    const json = await runCli(['--format', 'json', path.join(dir, 'p\u202Eage.html')]);
    expect(json.stdout).not.toMatch(/[\u001b\u0007\u009b\u202e]/);
    expect(JSON.parse(json.stdout).document.title).toBe(hostile);
  });
});
