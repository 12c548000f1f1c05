/**
 * Firefox (puppeteer-core, WebDriver BiDi) with the built MV2 extension at a known address: the
 * extension's uuid is fixed through the extensions.webextensions.uuids pref, so a test can open the
 * popup as a page of its own, pointed at a tab with ?tab=.
 */
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import puppeteer, { type Browser, type Page } from 'puppeteer-core';
import { FIREFOX, FIREFOX_BUILD, requireBinary } from './harness';

export const FIREFOX_EXT_UUID = '5d0c1f3e-7a42-4b8e-9d61-3c2b7e0a9f14';
export const FIREFOX_EXT_ORIGIN = `moz-extension://${FIREFOX_EXT_UUID}`;

/** The Gecko id the build declares (the uuid pref is keyed by it). */
export function geckoId(): string {
  const manifest = JSON.parse(readFileSync(join(FIREFOX_BUILD, 'manifest.json'), 'utf8')) as {
    browser_specific_settings?: { gecko?: { id?: string } };
  };
  const id = manifest.browser_specific_settings?.gecko?.id;
  if (!id) throw new Error('the Firefox build declares no gecko id');
  return id;
}

/** Headless firefox-esr with the extension installed; every host name resolves to 127.0.0.1. `prefs`: more Firefox prefs. */
export async function launchFirefox(prefs: Record<string, unknown> = {}): Promise<Browser> {
  requireBinary(FIREFOX, 'firefox-esr');
  const browser = await puppeteer.launch({
    browser: 'firefox',
    executablePath: FIREFOX,
    headless: true,
    // Firefox lets WebDriver BiDi navigate a tab to moz-extension:// only with system access.
    args: ['--remote-allow-system-access'],
    extraPrefsFirefox: {
      'extensions.webextensions.uuids': JSON.stringify({ [geckoId()]: FIREFOX_EXT_UUID }),
      'network.dns.forceResolve': '127.0.0.1',
      'network.dns.disableIPv6': true,
      ...prefs,
    },
  });
  // The installed id must be the build's declared one: the uuid pref above is keyed by it.
  const id = await browser.installExtension(FIREFOX_BUILD);
  if (id !== geckoId()) throw new Error(`installed as ${id}, the build declares ${geckoId()}`);
  return browser;
}

/**
 * Waits until `fn(arg)` is true in the page's current document, asked from here every 100 ms.
 *
 * Not puppeteer's waitForFunction: while a tab goes from about:blank to a moz-extension:// page (or
 * from one extension document to the next), a call can land in the document being replaced. Gecko
 * then terminates it (a null completion, no result and no exception), and Firefox's WebDriver BiDi
 * (153 ESR, webdriver-bidi/modules/windowglobal/script.sys.mjs #buildReturnValue) turns that into
 * "unknown error: TypeError: right-hand side of 'in' should be an object, got null". puppeteer does
 * not take that for a gone context and fails the whole wait ("Waiting failed"): about one open in
 * fifteen here, more on a loaded machine — the insights case's CI failure. A call that fails while
 * the page is between documents is asked again in the next one; the deadline stays, with the last
 * answer or error in its message.
 */
export async function untilInPage<A>(page: Page, fn: (arg: A) => boolean, arg: A, what: string, timeoutMs = 15_000): Promise<void> {
  const end = Date.now() + timeoutMs;
  let last = '';
  for (;;) {
    try {
      if (await page.evaluate(fn as (a: unknown) => boolean, arg as unknown)) return;
      last = 'false';
    } catch (err) {
      last = String((err as Error).message ?? err).slice(0, 200);
    }
    if (Date.now() > end) throw new Error(`timed out waiting for ${what}; last: ${last}`);
    await new Promise((r) => setTimeout(r, 100));
  }
}

/**
 * An extension page in a tab of its own. Firefox moves the tab into the extension's process on the
 * way, and BiDi never reports that navigation as loaded: the page's own readiness is waited for.
 */
export async function openFirefoxExtensionPage(browser: Browser, path: string): Promise<Page> {
  const ext = await browser.newPage();
  // Any error but that timeout is real, and fails at once (a late one, e.g. the tab closing, is moot).
  const failed = ext.goto(`${FIREFOX_EXT_ORIGIN}/${path}`, { timeout: 5_000 }).then(
    () => new Promise<never>(() => {}),
    (err: Error) => (err.name === 'TimeoutError' ? new Promise<never>(() => {}) : Promise.reject(err)),
  );
  failed.catch(() => {});
  await Promise.race([
    untilInPage(ext, () => location.protocol === 'moz-extension:' && document.readyState === 'complete', null, `${path} to load`),
    failed,
  ]);
  return ext;
}

/** The popup pointed at `target`'s tab (a popup opened in a tab would take that tab for the active one). */
export async function openFirefoxPopup(browser: Browser, target: Page | number): Promise<Page> {
  const popup = await openFirefoxExtensionPage(browser, 'popup.html');
  await popup.setViewport({ width: 480, height: 900 });
  let tabId: number | null;
  if (typeof target === 'number') tabId = target;
  else {
    const targetUrl = target.url();
    tabId = await popup.evaluate((url) => {
      // The page's `browser` (WebExtension API), not puppeteer's.
      const ext = (globalThis as unknown as { browser: { tabs: { query(q: object): Promise<{ id?: number; url?: string }[]> } } }).browser;
      return ext.tabs.query({}).then((tabs) => tabs.find((t) => t.url === url)?.id ?? null);
    }, targetUrl);
    if (tabId == null) throw new Error(`no tab shows ${targetUrl}`);
  }
  await popup.evaluate((url) => {
    location.href = url;
  }, `${FIREFOX_EXT_ORIGIN}/popup.html?tab=${tabId}`);
  await untilInPage(popup, (id) => location.search === `?tab=${id}` && document.readyState === 'complete', tabId, 'the popup of the tab');
  await popup.waitForSelector('[data-state="done"]', { timeout: 15_000 });
  return popup;
}
