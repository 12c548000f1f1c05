/**
 * Hostile pages in Firefox (issue 21): the MV2 build in firefox-esr, where the content script sees
 * the page through Xray wrappers and its globals live in a sandbox — so what a page can clobber or
 * define differs from Chromium's isolated world. Cases mirror tests/e2e/hostile.test.ts.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { Browser, Page } from 'puppeteer-core';
import { PORTAL_HOST, ensureBuilt, screenshotPath, serve, until, type FixtureServer } from './harness';
import { launchFirefox, openFirefoxPopup } from './firefox-harness';
import { cliFindings, type CliResult } from './cli-findings';
import { CLOBBERED_METHODS, LUKOU_FILE, RESET_BODY_ACTION, afterMarksJs, clobberPage, cssHiddenPage, displayedPage, framesPage, shadowPage, withHeadScript } from './hostile-pages';

const lukouHtml = readFileSync(LUKOU_FILE, 'utf8');
const PAGES: Record<string, string> = {
  '/clobber.html': clobberPage(lukouHtml),
  '/shadow.html': shadowPage(lukouHtml),
  '/reset-body.html': withHeadScript(lukouHtml, afterMarksJs(RESET_BODY_ACTION)),
  '/lukou-frame.html': lukouHtml,
  '/other.html': '<!doctype html><html><body><p>另一网站的内容</p></body></html>',
  '/displayed.html': displayedPage(lukouHtml),
  '/css-hidden.html': cssHiddenPage(lukouHtml),
};

let server: FixtureServer;
let browser: Browser;
let tmp: string;

function cliOn(html: string): CliResult {
  const file = join(tmp, `page-${Math.random().toString(36).slice(2)}.html`);
  writeFileSync(file, html);
  return cliFindings(file, 'hostile-firefox');
}

/** The tooltip's text and whether it is shown (from its open shadow root). */
function tip(page: Page) {
  return page.evaluate(() => {
    // Through the prototype: the clobbering page shadows document.querySelector (CLOBBERED_METHODS).
    const host = Document.prototype.querySelector.call(document, '[data-dc-ui="tooltip"]');
    const box = host?.shadowRoot?.querySelector('.tip');
    if (!box) return { shown: false, text: '' };
    return { shown: !box.classList.contains('off'), text: (box.textContent ?? '').replace(/\s+/g, ' ') };
  });
}

async function openPortal(path: string): Promise<{ page: Page; errors: string[] }> {
  const page = await browser.newPage();
  const errors: string[] = [];
  page.on('pageerror', (e) => errors.push(`pageerror: ${(e as Error).message}`));
  await page.setViewport({ width: 1280, height: 900 });
  await page.goto(`${server.origin(PORTAL_HOST)}${path}`);
  return { page, errors };
}

beforeAll(async () => {
  ensureBuilt();
  tmp = mkdtempSync(join(tmpdir(), 'dc-hostile-ff-'));
  const routes: Record<string, { html: string }> = {};
  for (const [p, html] of Object.entries(PAGES)) routes[p] = { html };
  server = await serve(routes);
  routes['/frames.html'] = { html: framesPage('/lukou-frame.html', `http://other.gov.cn:${server.port}/other.html`) };
  browser = await launchFirefox();
});

afterAll(async () => {
  await browser?.close();
  await server?.close();
  if (tmp) rmSync(tmp, { recursive: true, force: true });
});

describe('Firefox: hostile pages', () => {
  it('DOM clobbering (ids/names like our globals and document built-ins) and page-defined dc-tooltip/dc-verdict: checked, marked, tooltips work', async () => {
    const cli = cliOn(PAGES['/clobber.html']);
    const { page, errors } = await openPortal('/clobber.html');
    // Self-test: the clobbering is live in the page (document's methods shadowed as well).
    expect(await page.evaluate(() => [(document.body as Element).localName, typeof (window as unknown as { __dcContent: unknown }).__dcContent])).toEqual(['img', 'object']);
    expect(await page.evaluate((names) => names.map((n) => typeof (document as unknown as Record<string, unknown>)[n]), [...CLOBBERED_METHODS])).toEqual(CLOBBERED_METHODS.map(() => 'object'));
    // The page's document methods are shadowed: the test reads through the prototype too.
    const count = (sel: string) => page.evaluate((s) => Document.prototype.querySelectorAll.call(document, s).length, sel);
    // Bound: the seed page checks in a few seconds; 30 s on a loaded machine.
    const marked = await until(() => count('[data-dc-severity]'), (n) => n >= cli.elements, 'the marks', 30_000);
    expect(marked).toBe(cli.elements);
    const err = cli.report.findings.findIndex((f) => f.severity === 'error' && f.cells.length > 0);
    const sel = `[data-dc-finding="${err}"]`;
    await page.evaluate((s) => Document.prototype.querySelector.call(document, s)?.scrollIntoView({ block: 'center' }), sel);
    await page.hover(sel);
    const shown = await until(() => tip(page), (v) => v.shown, 'the tooltip', 10_000);
    expect(shown.text).toContain(cli.report.findings[err].rule);
    await until(() => count('[data-dc-ui="verdict"]'), (n) => n > 0, 'the verdict chip', 10_000);
    expect(await page.evaluate(() => Document.prototype.querySelector.call(document, '[data-dc-ui="verdict"]')!.shadowRoot!.textContent)).toContain('决算公开校验');
    await page.screenshot({ path: screenshotPath('hostile-clobber-firefox.png') });
    expect(await page.evaluate(() => (window as unknown as { __hijacked: number }).__hijacked)).toBe(0);
    expect(errors).toEqual([]);
    await page.close();
  });

  it('a disclosure inside an open shadow root: read (Xray shadowRoot), marked there, tooltips open on hover', async () => {
    const cli = cliOn(lukouHtml);
    const { page, errors } = await openPortal('/shadow.html');
    const inShadow = () => page.evaluate(() => document.getElementById('host')!.shadowRoot!.querySelectorAll('[data-dc-severity]').length);
    expect(await until(inShadow, (n) => n >= cli.elements, 'the marks in the shadow root', 30_000)).toBe(cli.elements);
    const err = cli.report.findings.findIndex((f) => f.severity === 'error' && f.cells.length > 0);
    const box = await page.evaluate((i) => {
      const el = document.getElementById('host')!.shadowRoot!.querySelector(`[data-dc-findings~="${i}"]`)!;
      el.scrollIntoView({ block: 'center' });
      const r = el.getBoundingClientRect();
      return { x: r.left + r.width / 2, y: r.top + r.height / 2, bg: getComputedStyle(el).backgroundImage };
    }, err);
    expect(box.bg).not.toBe('none'); // the stylesheet reached the shadow root
    await page.mouse.move(box.x, box.y);
    const shown = await until(() => tip(page), (v) => v.shown, 'the tooltip in the shadow root', 10_000);
    expect(shown.text).toContain(cli.report.findings[err].rule);
    await page.screenshot({ path: screenshotPath('hostile-shadow-firefox.png') });
    expect(errors).toEqual([]);
    await page.close();
  });

  it('a disclosure in a same-origin frame is read and marked there', async () => {
    const cli = cliOn(lukouHtml);
    const { page, errors } = await openPortal('/frames.html');
    const inFrame = () =>
      page.evaluate(() => (document.getElementById('same') as HTMLIFrameElement).contentDocument?.querySelectorAll('[data-dc-severity]').length ?? -1);
    expect(await until(inFrame, (n) => n >= cli.elements, 'the marks in the frame', 30_000)).toBe(cli.elements);
    expect(errors).toEqual([]);
    await page.close();
  });

  it('cells shown other than their DOM text (<bdo>, U+202E) are unreadable: warned like the CLI, never reconciled; the popup keeps its order', async () => {
    const cli = cliOn(PAGES['/displayed.html']);
    const SAYS = '显示的内容与网页文本不一致';
    // Self-test: the CLI (linkedom) warns on both cells; Firefox must read the page the same way.
    const warned = cli.report.findings.filter((f) => f.message.includes(SAYS));
    expect(warned.some((f) => f.cells.some((c) => c.text === '38.875'))).toBe(true);
    expect(warned.some((f) => f.cells.some((c) => c.text === '‹U+202E›78.551'))).toBe(true);
    const { page, errors } = await openPortal('/displayed.html');
    // Bound: the seed page checks in a few seconds; 30 s on a loaded machine.
    const marked = await until(() => page.evaluate(() => document.querySelectorAll('[data-dc-severity]').length), (n) => n >= cli.elements, 'the marks', 30_000);
    expect(marked).toBe(cli.elements);
    const popup = await openFirefoxPopup(browser, page);
    await until(() => popup.evaluate(() => document.querySelectorAll('button.finding').length), (n) => n > 0, 'the findings in the popup', 15_000);
    const body = await popup.evaluate(() => document.querySelector('main')!.innerText);
    expect(body).toContain(SAYS);
    expect(body).toContain('‹U+202E›78.551');
    expect(body).toContain('38.875');
    expect(body).not.toMatch(/[\u202a-\u202e\u2066-\u2069]/);
    // Same findings as the CLI: the two cells are warned about, no rule reconciles their DOM numbers.
    const rows = await popup.evaluate(() => Array.from(document.querySelectorAll('button.finding .rule')).map((r) => r.textContent));
    expect([...rows].sort()).toEqual(cli.report.findings.filter((f) => f.severity !== 'notice').map((f) => f.rule).sort());
    expect(errors).toEqual([]);
    await popup.close();
    await page.close();
  });

  it('digits hidden by the page\'s stylesheet (display:none and font-size:0 classes): both cells warned as unreadable (CSSOM read through Xrays)', async () => {
    const { page, errors } = await openPortal('/css-hidden.html');
    // Bound: the seed page checks in a few seconds; 30 s on a loaded machine.
    await until(() => page.evaluate(() => document.querySelectorAll('[data-dc-severity]').length), (n) => n > 0, 'the marks', 30_000);
    const popup = await openFirefoxPopup(browser, page).catch(() => openFirefoxPopup(browser, page));
    await until(() => popup.evaluate(() => document.querySelectorAll('button.finding').length), (n) => n > 0, 'the findings in the popup', 15_000);
    const rows = await popup.evaluate(() => Array.from(document.querySelectorAll('button.finding')).map((b) => (b as HTMLElement).innerText));
    const SAYS = '显示的内容与网页文本不一致';
    expect(rows.filter((r) => r.includes(SAYS) && /78\.83/.test(r)).length).toBeGreaterThan(0);
    expect(rows.filter((r) => r.includes(SAYS) && /\.87/.test(r)).length).toBeGreaterThan(0);
    expect(rows.filter((r) => !r.includes(SAYS) && /5978\.83|1559\.87/.test(r))).toEqual([]);
    expect(errors).toEqual([]);
    await popup.close();
    await page.close();
  });

  it('the body re-parsed after the check: the stale marks (copied into the new markup) are swept, once', async () => {
    const cli = cliOn(lukouHtml);
    const { page, errors } = await openPortal('/reset-body.html');
    await until(() => page.evaluate(() => (window as unknown as { __acted?: number }).__acted ?? 0), (n) => n === 1, "the page's reset", 30_000);
    // Right after the reset the copies carry our attributes; the watch takes them off (300 ms quiet).
    const left = await until(() => page.evaluate(() => document.querySelectorAll('[data-dc-severity],[data-dc-finding],[data-dc-kind]').length), (n) => n === 0, 'no marks left', 10_000);
    expect(left).toBe(0);
    expect(cli.elements).toBeGreaterThan(0);
    expect(await page.evaluate(() => document.querySelector('[data-dc-ui="verdict"]'))).toBeNull();
    expect(errors).toEqual([]);
    await page.close();
  });
});
