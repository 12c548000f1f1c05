/**
 * The Firefox (MV2) build in firefox-esr via puppeteer-core: it loads, auto-checks a *.gov.cn page
 * with the same findings and marks as the CLI, also on a page whose main thread never goes quiet
 * (the check's background-priority pauses would wait forever there without their 250 ms bound), and
 * its popup lists the CLI's findings, jumps to one and turns the marks off without a trace, and a
 * host added in the options page is checked (its permission granted without a prompt by a pref).
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { join } from 'node:path';
import puppeteer, { type Browser, type Page } from 'puppeteer-core';
import { FIREFOX, FIREFOX_BUILD, PORTAL_HOST, ROOT, ensureBuilt, requireBinary, screenshotPath, serve, type FixtureServer } from './harness';
import { cliFindings, markKey, type CliResult } from './cli-findings';
import { BUSY_LOOP_JS, stopsDuringCheck, withHeadScript } from './hostile-pages';
import { readFileSync } from 'node:fs';
import { mainLine, valueLines } from '../../lib/report/words';
import { findingKey } from '../../lib/report/order';

const LUKOU = join(ROOT, 'tests/fixtures/lukou-2024.html');
const GECKO_ID = '{8f3b2c71-5d4e-4a96-b1c0-7e2d9a6f4c35}';
// Fixed through the extensions.webextensions.uuids pref, so the test knows the popup's address.
const EXT_UUID = '5d0c1f3e-7a42-4b8e-9d61-3c2b7e0a9f14';
const EXT_ORIGIN = `moz-extension://${EXT_UUID}`;

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
    // Firefox 153 lets WebDriver BiDi navigate a tab to moz-extension:// only with system access.
    args: ['--remote-allow-system-access'],
    extraPrefsFirefox: {
      'extensions.webextensions.uuids': JSON.stringify({ [GECKO_ID]: EXT_UUID }),
      // Grant optional host permissions without the doorhanger headless Firefox cannot show (the
      // options page asks for a host the user adds).
      'extensions.webextOptionalPermissionPrompts': false,
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

/**
 * An extension page in a tab of its own. Firefox moves the tab into the extension's process on the
 * way, and BiDi never reports that navigation as loaded: goto times out although the page is there,
 * so the page's own readiness is what is waited for.
 */
async function openExtensionPage(path: string): Promise<Page> {
  const ext = await browser.newPage();
  // Any error but that timeout is real, and fails at once (a late one, e.g. the tab closing, is moot).
  const failed = ext.goto(`${EXT_ORIGIN}/${path}`, { timeout: 5_000 }).then(
    () => new Promise<never>(() => {}),
    (err: Error) => (err.name === 'TimeoutError' ? new Promise<never>(() => {}) : Promise.reject(err)),
  );
  failed.catch(() => {});
  await Promise.race([
    ext.waitForFunction(() => location.protocol === 'moz-extension:' && document.readyState === 'complete', { timeout: 15_000 }),
    failed,
  ]);
  return ext;
}

/**
 * The popup pointed at `target`'s tab with ?tab= (as in the Chromium suite: a popup opened in a tab
 * would otherwise take that tab for the active one).
 */
async function openPopup(target: Page): Promise<Page> {
  const popup = await openExtensionPage('popup.html');
  await popup.setViewport({ width: 480, height: 900 });
  const targetUrl = target.url();
  const tabId = await popup.evaluate((url) => {
    // The page's `browser` (WebExtension API), not puppeteer's.
    const ext = (globalThis as unknown as { browser: { tabs: { query(q: object): Promise<{ id?: number; url?: string }[]> } } }).browser;
    return ext.tabs.query({}).then((tabs) => tabs.find((t) => t.url === url)?.id ?? null);
  }, targetUrl);
  expect(tabId, `no tab shows ${targetUrl}`).not.toBeNull();
  await popup.evaluate((url) => {
    location.href = url;
  }, `${EXT_ORIGIN}/popup.html?tab=${tabId}`);
  await popup.waitForFunction((id) => location.search === `?tab=${id}` && document.readyState === 'complete', { timeout: 15_000 }, tabId);
  await popup.waitForSelector('[data-state="done"]', { timeout: 15_000 });
  return popup;
}

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

  it('hovering and focusing a mark shows its explanation (the page\'s nodes reach the script as Xray wrappers)', async () => {
    const first = cli.report.findings.findIndex((f) => f.severity === 'error' && f.cells.length > 0);
    const idx = first >= 0 ? first : 0;
    const f = cli.report.findings[idx];
    /** The tooltip's text and whether it is shown (from its open shadow root). */
    const tip = () =>
      page.evaluate(() => {
        const host = document.querySelector('[data-dc-ui="tooltip"]') as HTMLElement | null;
        const root = host?.shadowRoot;
        const box = root?.querySelector('.tip');
        if (!box) return { shown: false, text: '' };
        return { shown: !box.classList.contains('off'), text: (box.textContent ?? '').replace(/\s+/g, ' ') };
      });
    const sel = `[data-dc-finding="${idx}"]`;
    await page.evaluate((s) => document.querySelector(s)?.scrollIntoView({ block: 'center' }), sel);
    await page.hover(sel);
    const hovered = await waitFor(tip, (v) => v.shown, 10_000);
    expect(hovered.text).toContain(f.rule);
    // The popup's and the exports' words: the plain line, then 应为 / 按明细合计为 … and the value.
    expect(hovered.text).toContain(mainLine(f, 'zh'));
    for (const [k, v] of valueLines(cli.report, f, 'zh')) expect(hovered.text).toContain(`${k}${v}`);
    await page.screenshot({ path: screenshotPath('firefox-tooltip.png') });
    // Away, then focus by keyboard: Tab from the element before the mark reaches it.
    await page.mouse.move(2, 2);
    await waitFor(tip, (v) => !v.shown, 10_000);
    await page.evaluate((s) => (document.querySelector(s) as HTMLElement).focus(), sel);
    const focused = await waitFor(tip, (v) => v.shown, 10_000);
    expect(focused.text).toContain(f.rule);
    await page.evaluate(() => (document.activeElement as HTMLElement | null)?.blur());
  });

  it('the popup lists every finding, jumps to one and turns the marks off without a trace', async () => {
    const popup = await openPopup(page);
    // Errors first, notices folded until asked for.
    const serious = cli.report.findings.filter((f) => f.severity !== 'notice').length;
    expect(await popup.$$eval('button.finding', (b) => b.length)).toBe(serious);
    expect(await popup.$eval('button.finding', (b) => b.className)).toContain(cli.report.summary.errors > 0 ? 'error' : 'warning');
    if (cli.report.summary.notices > 0) await popup.click('button[data-action="notices"]');
    expect(await popup.$$eval('button.finding', (b) => b.length)).toBe(cli.report.findings.length);
    const counts = await popup.$eval('.counts', (el) => (el as HTMLElement).innerText);
    const { errors, warnings, notices } = cli.report.summary;
    for (const part of [`${errors} 个错误`, `${warnings} 个警告`, `${notices} 个提示`]) expect(counts).toContain(part);
    await popup.screenshot({ path: screenshotPath('firefox-popup.png'), fullPage: true });
    // The table map: what was checked, in one line; each table with its comparisons.
    const line = await popup.$eval('summary[data-action="table-map"]', (el) => (el as HTMLElement).innerText);
    expect(line).toContain(`已核对 ${cli.report.tables.length} 张表、${cli.report.summary.relations} 项比对`);
    await popup.click('summary[data-action="table-map"]');
    const rows = await popup.$$eval('.map-row', (els) => els.map((e) => `${e.getAttribute('data-table')}:${e.getAttribute('data-status')}`));
    expect(rows).toEqual(cli.report.tables.map((t) => `${t.id}:checked`));
    await popup.screenshot({ path: screenshotPath('firefox-table-map.png'), clip: { x: 0, y: 0, width: 480, height: 560 } });

    // Jump to the last marked finding (far down the page).
    const target = cli.markedFindings[cli.markedFindings.length - 1];
    await page.evaluate(() => window.scrollTo(0, 0));
    await popup.click(`button.finding[data-finding="${target}"]`);
    const inView = () =>
      page.evaluate((i) => {
        const el = document.querySelector(`[data-dc-findings~="${i}"]`);
        if (!el) return 'missing';
        const r = el.getBoundingClientRect();
        return r.bottom > 0 && r.top < window.innerHeight ? 'in-view' : `out:${Math.round(r.top)}`;
      }, target);
    expect(await waitFor(inView, (v) => v === 'in-view', 10_000)).toBe('in-view');

    // Marks off: the page's DOM is the one Firefox loaded (reference: the same page where the
    // extension does not run), and no highlight is left.
    const plain = await browser.newPage();
    await plain.goto(`${server.origin()}/lukou.html`);
    const original = await plain.evaluate(() => document.documentElement.outerHTML);
    await plain.close();
    expect(await page.evaluate(() => document.documentElement.outerHTML)).not.toBe(original);
    await popup.click('input[data-action="marks"]');
    const off = await waitFor(
      () => page.evaluate(() => document.documentElement.outerHTML),
      (html) => html === original,
      10_000,
    );
    expect(off).toBe(original);
    expect(await page.evaluate(() => (CSS as unknown as { highlights?: Map<string, unknown> }).highlights?.size ?? 0)).toBe(0);
    await popup.click('input[data-action="marks"]');
    expect((await marksOn(page, cli.marks.length)).length).toBe(cli.marks.length);
    await popup.close();
  });

  it('a #dc-finding= link scrolls to its finding and opens it; the verdict chip sits in the first screen', async () => {
    const target = cli.markedFindings.filter((i) => cli.report.findings[i].cells.length > 0).at(-1)!;
    const key = findingKey(cli.report.findings[target], target);
    const linked = await browser.newPage();
    await linked.setViewport({ width: 1280, height: 900 });
    await linked.goto(`${server.origin(PORTAL_HOST)}/lukou.html#dc-finding=${encodeURIComponent(key)}`);
    const inView = () =>
      linked.evaluate((i) => {
        const el = document.querySelector(`[data-dc-findings~="${i}"]`);
        if (!el) return 'missing';
        const r = el.getBoundingClientRect();
        return r.bottom > 0 && r.top < window.innerHeight ? 'in-view' : `out:${Math.round(r.top)}`;
      }, target);
    expect(await waitFor(inView, (v) => v === 'in-view', 20_000)).toBe('in-view');
    const tipText = () =>
      linked.evaluate(() => {
        const box = document.querySelector('[data-dc-ui="tooltip"]')?.shadowRoot?.querySelector('.tip');
        return box && !box.classList.contains('off') ? (box.textContent ?? '') : '';
      });
    expect(await waitFor(tipText, (v) => v.includes(cli.report.findings[target].rule), 10_000)).toContain(cli.report.findings[target].rule);
    await linked.screenshot({ path: screenshotPath('firefox-finding-link.png') });
    // The chip: in the first screen, bottom corner (never over the page's header), with the counts.
    await linked.evaluate(() => window.scrollTo(0, 0));
    const chip = () =>
      linked.evaluate(() => {
        const bar = document.querySelector('[data-dc-ui="verdict"]')?.shadowRoot?.querySelector('.bar');
        if (!bar) return null;
        const r = bar.getBoundingClientRect();
        return { text: bar.textContent ?? '', top: r.top, bottom: r.bottom, right: r.right, vh: window.innerHeight, vw: window.innerWidth };
      });
    const c = (await waitFor(chip, (v) => v !== null, 10_000))!;
    expect(c.text).toContain(`${cli.report.summary.errors} 处错误`);
    expect(c.top).toBeGreaterThan(c.vh / 2);
    expect(c.bottom).toBeLessThanOrEqual(c.vh);
    expect(c.right).toBeLessThanOrEqual(c.vw);
    await linked.screenshot({ path: screenshotPath('firefox-verdict-chip.png') });
    await linked.close();
  });

  it('a host added in the options is checked like a portal, and no longer once removed', async () => {
    const host = 'www.example.org';
    const options = await openExtensionPage('options.html');
    /** Hosts of the content script the background registered for the user's hosts (polled from the options page). */
    const registered = () =>
      options.evaluate(() => {
        type Registered = { matches?: string[] };
        const ext = (globalThis as unknown as { browser: { scripting: { getRegisteredContentScripts(): Promise<Registered[]> } } }).browser;
        return ext.scripting.getRegisteredContentScripts().then((list) => list.flatMap((s) => s.matches ?? []).sort());
      });
    expect(await registered()).toEqual([]);

    await options.type('input[data-setting="host"]', host);
    await options.click('button[type="submit"]');
    expect(await waitFor(registered, (m) => m.length > 0, 10_000)).toEqual([`*://${host}/*`]);
    expect(await options.$$eval('.hosts code', (cs) => cs.map((c) => c.textContent))).toContain(host);
    await options.screenshot({ path: screenshotPath('firefox-options.png') });

    // Whether a content script answers in a tab; the tab is found as the one a new page opened (once the
    // host permission is gone its URL is hidden from the extension).
    type Tab = { id?: number };
    type TabsApi = { tabs: { query(q: object): Promise<Tab[]>; sendMessage(id: number, m: unknown): Promise<unknown> } };
    const tabIds = () =>
      options.evaluate(() => (globalThis as unknown as { browser: TabsApi }).browser.tabs.query({}).then((ts) => ts.map((t) => t.id ?? -1)));
    const openInNewTab = async (url: string): Promise<{ page: Page; tabId: number }> => {
      const before = await tabIds();
      const page = await browser.newPage();
      await page.goto(url);
      const fresh = (await tabIds()).filter((id) => !before.includes(id));
      expect(fresh).toHaveLength(1);
      return { page, tabId: fresh[0] };
    };
    /** 'content script', 'no content script' (Firefox's "Receiving end does not exist") or what else came back. */
    const ask = (tabId: number) =>
      options.evaluate(
        (id) =>
          (globalThis as unknown as { browser: TabsApi }).browser.tabs.sendMessage(id, { type: 'dc:get-state' }).then(
            (state) => ((state as { status?: string } | undefined)?.status ? 'content script' : `answered: ${JSON.stringify(state)}`),
            (err: Error) => (/Receiving end does not exist/.test(String(err?.message)) ? 'no content script' : `error: ${String(err?.message)}`),
          ),
        tabId,
      );
    // The script starts at document_idle, after load: wait for it to answer.
    const untilAnswered = (tabId: number) => waitFor(() => ask(tabId), (a) => a === 'content script', 20_000);

    const { page: added, tabId: addedTab } = await openInNewTab(`${server.origin(host)}/lukou.html`);
    expect(await untilAnswered(addedTab)).toBe('content script');
    const expected = cli.marks.map(markKey).sort();
    expect(await marksOn(added, expected.length)).toEqual(expected);
    await added.close();

    await options.evaluate((h) => {
      const item = [...document.querySelectorAll('.hosts li')].find((li) => li.querySelector('code')?.textContent === h);
      (item?.querySelector('button') as HTMLButtonElement | null)?.click();
    }, host);
    expect(await waitFor(registered, (m) => m.length === 0, 10_000)).toEqual([]);
    expect(await options.$$eval('.hosts code', (cs) => cs.map((c) => c.textContent))).not.toContain(host);
    // A fresh load of the same page: no content script any more, no marks. Asked only once a portal
    // page loaded after it has its (static) content script answering, so it has had the same time.
    const { page: removed, tabId: removedTab } = await openInNewTab(`${server.origin(host)}/lukou.html`);
    const { page: control, tabId: controlTab } = await openInNewTab(`${server.origin(PORTAL_HOST)}/lukou.html`);
    expect(await untilAnswered(controlTab)).toBe('content script');
    expect(await ask(removedTab)).toBe('no content script');
    await control.close();
    expect(await removed.evaluate(() => document.querySelectorAll('[data-dc-severity]').length)).toBe(0);
    await removed.close();
    await options.close();
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
