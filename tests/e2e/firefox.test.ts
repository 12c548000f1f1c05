/**
 * The Firefox (MV2) build in firefox-esr via puppeteer-core: it loads, auto-checks a *.gov.cn page
 * with the same findings and marks as the CLI, also on a page whose main thread never goes quiet
 * (the check's background-priority pauses would wait forever there without their 250 ms bound). (The popup is not driven here: WebDriver BiDi refuses
 * to navigate a tab to moz-extension:// URLs; the Chromium suite covers the popup.)
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { join } from 'node:path';
import puppeteer, { type Browser, type Page } from 'puppeteer-core';
import { FIREFOX, FIREFOX_BUILD, PORTAL_HOST, ROOT, ensureBuilt, requireBinary, screenshotPath, serve, type FixtureServer } from './harness';
import { cliFindings, markKey, type CliResult } from './cli-findings';
import { BUSY_LOOP_JS, stopsDuringCheck, withHeadScript } from './hostile-pages';
import { readFileSync } from 'node:fs';

const LUKOU = join(ROOT, 'tests/fixtures/lukou-2024.html');
const GECKO_ID = 'disclosure-checker@example.org';

let server: FixtureServer;
let browser: Browser;
let cli: CliResult;

async function waitFor<T>(fn: () => Promise<T>, ok: (v: T) => boolean, timeoutMs = 30_000): Promise<T> {
  const end = Date.now() + timeoutMs;
  let v = await fn();
  while (!ok(v)) {
    if (Date.now() > end) throw new Error(`timed out; last value ${JSON.stringify(v)}`);
    await new Promise((r) => setTimeout(r, 200));
    v = await fn();
  }
  return v;
}

/** The (finding, severity, element text) of every mark, once at least `count` are there. */
function marksOn(page: Page, count: number, timeoutMs?: number): Promise<string[]> {
  const severities = cli.report.findings.map((f) => f.severity);
  return waitFor(
    () =>
      page.evaluate((sev) => {
        const out: string[] = [];
        for (const el of document.querySelectorAll('[data-dc-severity]')) {
          for (const f of (el.getAttribute('data-dc-findings') ?? '').split(' ').filter(Boolean)) {
            out.push(`${f}|${sev[Number(f)]}|${(el.textContent ?? '').replace(/\s+/g, ' ').trim()}`);
          }
        }
        return out.sort();
      }, severities),
    (m) => m.length >= count,
    timeoutMs,
  );
}

beforeAll(async () => {
  requireBinary(FIREFOX, 'firefox-esr');
  ensureBuilt();
  cli = cliFindings(LUKOU, 'lukou');
  server = await serve({
    '/lukou.html': { file: LUKOU },
    '/busy.html': { html: withHeadScript(readFileSync(LUKOU, 'utf8'), BUSY_LOOP_JS) },
  });
  browser = await puppeteer.launch({
    browser: 'firefox',
    executablePath: FIREFOX,
    headless: true,
    extraPrefsFirefox: {
      // Firefox has no host-resolver-rules: resolve every name to the local fixture server.
      'network.dns.forceResolve': '127.0.0.1',
      'network.dns.disableIPv6': true,
    },
  });
  const id = await browser.installExtension(FIREFOX_BUILD);
  expect(id).toBe(GECKO_ID);
});

afterAll(async () => {
  await browser?.close();
  await server?.close();
});

describe('Firefox (MV2 build)', () => {
  let page: Page;

  it('marks the same findings as the CLI on a *.gov.cn page', async () => {
    page = await browser.newPage();
    await page.setViewport({ width: 1280, height: 900 });
    await page.goto(`${server.origin(PORTAL_HOST)}/lukou.html`);
    const expected = cli.marks.map(markKey).sort();
    expect(await marksOn(page, expected.length)).toEqual(expected);
    const first = cli.report.findings.findIndex((f) => f.severity === 'error');
    await page.evaluate((i) => {
      document.querySelector(`[data-dc-findings~="${i}"]`)?.scrollIntoView({ block: 'center' });
    }, first >= 0 ? first : 0);
    await page.screenshot({ path: screenshotPath('firefox-page-marked.png') });
  });

  it('checks a page whose main thread never goes quiet, and the page\'s own loop keeps running', async () => {
    // Bound: 60 s (a background-priority pause never gets a turn there; each gives up after 250 ms).
    const busy = await browser.newPage();
    await busy.goto(`${server.origin(PORTAL_HOST)}/busy.html`);
    const expected = cli.marks.map(markKey).sort();
    expect(await marksOn(busy, expected.length, 60_000)).toEqual(expected);
    const loop = await busy.evaluate(stopsDuringCheck, '__busy');
    console.log(`[firefox] busy page: check ${Math.round(loop.check)} ms, page loop turns during it ${loop.turns}, longest stop ${Math.round(loop.max)} ms`);
    // The page's own loop ran all through the check (not only before it): the pauses let it.
    expect(loop.turns).toBeGreaterThan(10);
    expect(loop.max).toBeLessThan(500);
    await busy.close();
  });
});
