/**
 * Real-browser harness: builds the extension when stale, serves fixtures on 127.0.0.1 under a
 * *.gov.cn host name (host-resolver-rules), and launches Debian Chromium (playwright-core) or
 * firefox-esr (puppeteer-core) with the built extension.
 */
import { execFileSync } from 'node:child_process';
import { existsSync, readFileSync, readdirSync, statSync, mkdirSync } from 'node:fs';
import { createServer, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { chromium, type BrowserContext, type Page, type Worker } from 'playwright-core';

export const ROOT = fileURLToPath(new URL('../..', import.meta.url)).replace(/\/$/, '');
export const CHROME_BUILD = join(ROOT, '.output/chrome-mv3');
export const FIREFOX_BUILD = join(ROOT, '.output/firefox-mv2');
export const CHROMIUM = '/usr/bin/chromium';
export const FIREFOX = '/usr/bin/firefox-esr';
export const SCREENSHOTS = join(ROOT, 'tests/e2e/screenshots');
export const PORTAL_HOST = 'www.lukou.gov.cn';

export function requireBinary(path: string, pkg: string): void {
  if (!existsSync(path)) {
    throw new Error(`${path} is missing: install it with \`apt-get install -y ${pkg}\` (.ci/run does this). The e2e tests need a real browser.`);
  }
}

function newestMtime(path: string): number {
  const st = statSync(path);
  if (!st.isDirectory()) return st.mtimeMs;
  let m = 0;
  for (const name of readdirSync(path)) {
    if (name === 'node_modules' || name.startsWith('.')) continue;
    m = Math.max(m, newestMtime(join(path, name)));
  }
  return m;
}

/** Build the extension (Chrome MV3, Firefox MV2) unless the build is newer than every source. */
export function ensureBuilt(): void {
  const sources = Math.max(
    ...['entrypoints', 'lib', 'assets', 'public', 'wxt.config.ts', 'package.json'].map((p) =>
      existsSync(join(ROOT, p)) ? newestMtime(join(ROOT, p)) : 0,
    ),
  );
  const builds: [string, string[]][] = [
    [CHROME_BUILD, ['wxt', 'build']],
    [FIREFOX_BUILD, ['wxt', 'build', '-b', 'firefox', '--mv2']],
  ];
  for (const [dir, args] of builds) {
    const manifest = join(dir, 'manifest.json');
    if (existsSync(manifest) && statSync(manifest).mtimeMs > sources && process.env.DC_E2E_REBUILD !== '1') continue;
    execFileSync('npx', args, { cwd: ROOT, stdio: 'pipe', timeout: 180_000 });
  }
}

export interface FixtureServer {
  port: number;
  origin: (host?: string) => string;
  /** Every request the server saw: "GET /path". */
  log: string[];
  close: () => Promise<void>;
}

/** Serve `routes` (path → file or literal HTML) on 127.0.0.1. */
export async function serve(
  routes: Record<string, { file?: string; html?: string; delayMs?: number; headers?: Record<string, string> }>,
): Promise<FixtureServer> {
  const log: string[] = [];
  const server: Server = createServer((req, res) => {
    const path = (req.url ?? '/').split('?')[0];
    log.push(`${req.method} ${path}`);
    const r = routes[path];
    if (!r) {
      res.writeHead(404, { 'content-type': 'text/plain' }).end('not found');
      return;
    }
    const body = r.file ? readFileSync(r.file) : Buffer.from(r.html ?? '', 'utf8');
    const send = () =>
      res.writeHead(200, { 'content-type': 'text/html; charset=utf-8', 'cache-control': 'no-store', ...r.headers }).end(body);
    if (r.delayMs) setTimeout(send, r.delayMs);
    else send();
  });
  await new Promise<void>((ok) => server.listen(0, '127.0.0.1', ok));
  const port = (server.address() as AddressInfo).port;
  return {
    port,
    origin: (host = '127.0.0.1') => `http://${host}:${port}`,
    log,
    close: () => new Promise<void>((ok) => server.close(() => ok())),
  };
}

export function chromiumArgs(ext: string): string[] {
  return [
    `--disable-extensions-except=${ext}`,
    `--load-extension=${ext}`,
    '--host-resolver-rules=MAP *.gov.cn 127.0.0.1',
    '--no-sandbox',
    '--disable-gpu',
    '--disable-background-networking',
    '--disable-component-update',
    '--no-first-run',
    '--disable-sync',
    '--disable-default-apps',
    // Lets the test press the toolbar button (CDP Extensions.triggerAction) like a user would.
    '--enable-unsafe-extension-debugging',
    '--lang=zh-CN',
  ];
}

export interface ChromiumExtension {
  ctx: BrowserContext;
  /** The extension's service worker as it started. */
  sw: Worker;
  extId: string;
}

/**
 * Debian Chromium, headless, with the built MV3 extension loaded (chromiumArgs), and its service
 * worker. `onLaunch` runs on the context before anything else is awaited (a request log that must
 * see the extension's first requests).
 */
export async function launchChromium(
  opts: { viewport?: { width: number; height: number }; acceptDownloads?: boolean; onLaunch?: (ctx: BrowserContext) => void } = {},
): Promise<ChromiumExtension> {
  requireBinary(CHROMIUM, 'chromium');
  const ctx = await chromium.launchPersistentContext('', {
    executablePath: CHROMIUM,
    headless: true,
    args: chromiumArgs(CHROME_BUILD),
    ignoreDefaultArgs: ['--disable-extensions'],
    viewport: opts.viewport ?? { width: 1280, height: 900 },
    ...(opts.acceptDownloads ? { acceptDownloads: true } : {}),
  });
  opts.onLaunch?.(ctx);
  const sw = ctx.serviceWorkers()[0] ?? (await ctx.waitForEvent('serviceworker'));
  return { ctx, sw, extId: sw.url().split('/')[2] };
}

/** The popup in a tab of its own, pointed at tab `tabId` with ?tab= (else it takes its own tab for the active one). */
export async function openChromiumPopup(ctx: BrowserContext, extId: string, tabId: number, height = 900): Promise<Page> {
  const popup = await ctx.newPage();
  await popup.setViewportSize({ width: 480, height });
  await popup.goto(`chrome-extension://${extId}/popup.html?tab=${tabId}`);
  return popup;
}

export function screenshotPath(name: string): string {
  mkdirSync(SCREENSHOTS, { recursive: true });
  return join(SCREENSHOTS, name);
}

export interface ExpectedMark {
  finding: number;
  severity: string;
  text: string;
}

/** Normalised element text used to compare marks between the browser and the CLI's DOM. */
export function normText(s: string | null | undefined): string {
  return (s ?? '').replace(/\s+/g, ' ').trim();
}

/** Polls `fn` until `ok` holds (every 200 ms); fails with `what` and the last value after `timeoutMs`. */
export async function until<T>(fn: () => Promise<T>, ok: (v: T) => boolean, what: string, timeoutMs = 30_000): Promise<T> {
  const end = Date.now() + timeoutMs;
  let v = await fn();
  while (!ok(v)) {
    if (Date.now() > end) throw new Error(`timed out waiting for ${what}; last ${JSON.stringify(v)?.slice(0, 300)}`);
    await new Promise((r) => setTimeout(r, 200));
    v = await fn();
  }
  return v;
}
