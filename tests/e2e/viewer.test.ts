/**
 * The PDF viewer in real browsers. Chromium (playwright-core): a PDF served from a *.gov.cn host
 * (an address without .pdf: the content type decides) opens in the viewer with exactly the CLI's
 * placed findings marked; the popup lists them, jumps to one and exports JSON/CSV; "open in the
 * browser's own viewer" gets past the redirect once; the setting turns the redirect off; the
 * toolbar opens a PDF on another host; a dropped local file is checked; no request goes to any host
 * but the PDF's own. Firefox (puppeteer-core, MV2 webRequest redirect): the same marks, the popup,
 * a dropped file.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import type { BrowserContext, Page, Worker, CDPSession } from 'playwright-core';
import puppeteer, { type Browser, type Page as PPage } from 'puppeteer-core';
import {
  CHROMIUM,
  FIREFOX,
  FIREFOX_BUILD,
  ROOT,
  ensureBuilt,
  launchChromium,
  openChromiumPopup,
  requireBinary,
  screenshotPath,
  serve,
  type FixtureServer,
} from './harness';
import { openFirefoxPopup } from './firefox-harness';
import { checkDocument, toReport } from '../../lib/index';
import { placeFindings } from '../../lib/viewer/places';
import type { Report } from '../../lib/report/schema';

const LUKOU_PDF = join(ROOT, '../shared/fixtures/pdf/lukou-2024-printed.pdf');
const PUTUO_PDF = join(ROOT, '../shared/fixtures/pdf/putuo-czj-2024.pdf');
const PORTAL = 'www.putuo.gov.cn';
const LUKOU_HTML = readFileSync(join(ROOT, '../shared/fixtures/lukou-2024/page.html'), 'utf8');
const XLSX_FILE = join(ROOT, '../shared/fixtures/drafts/lukou-2024-tables.xlsx');
const DOCX_FILE = join(ROOT, '../shared/fixtures/drafts/lukou-2024.docx');
const ATTACHMENT_ROUTES = {
  '/files/lukou-2024.pdf': { file: LUKOU_PDF, headers: { 'content-type': 'application/pdf' } },
  '/files/lukou-2024-tables.xlsx': { file: XLSX_FILE, headers: { 'content-type': 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet' } },
  '/files/lukou-2024.docx': { file: DOCX_FILE, headers: { 'content-type': 'application/vnd.openxmlformats-officedocument.wordprocessingml.document' } },
};
/** The lukou article with its attachment box linking the PDF, the workbook and the Word file (issue 18 item 3). */
const ARTICLE_WITH_ATTACHMENTS = LUKOU_HTML.replace(
  /<div class="attachments">[\s\S]*?<\/div>/,
  '<div class="attachments">附件：<a href="/files/lukou-2024.pdf">1.中共株洲市渌口区委办公室2024年度部门决算.pdf</a> ' +
    '<a href="/files/lukou-2024-tables.xlsx">2.部门决算公开表.xlsx</a> <a href="/files/lukou-2024.docx">3.部门决算公开（全文）.docx</a></div>',
);
/** The same article with its tables left out (site banner and footer kept): they are only in the workbook. */
const ARTICLE_NARRATIVE_ONLY = ARTICLE_WITH_ATTACHMENTS.replace(/<table(?![^>]*class="(top-banner|footer)")[\s\S]*?<\/table>/g, '').replace(
  /<div class="attachments">[\s\S]*?<\/div>/,
  '<div class="attachments">附件：<a href="/files/lukou-2024-tables.xlsx">部门决算公开表.xlsx</a></div>',
);

declare const chrome: {
  tabs: { query(q: object): Promise<{ id?: number; url?: string }[]> };
  runtime: { sendMessage(m: unknown): Promise<unknown> };
  storage: { local: { get(k: string): Promise<Record<string, unknown>>; set(v: object): Promise<void> } };
};

type DnrGlobal = { chrome: { declarativeNetRequest: { getDynamicRules(): Promise<unknown[]> } } };

interface Expected {
  report: Report;
  /** Findings the viewer can mark: a cell or a sentence word with a data-box (lib/viewer/places). */
  placed: number[];
  /** Findings the CLI's JSON gives a page to (a cell's page, or the quote's). */
  cliPlaced: number[];
}

/** What the CLI finds in the PDF (cli/pdf.ts readPdf: the reader on linkedom, then the core). */
async function expected(file: string): Promise<Expected> {
  const { readPdf } = await import('../../cli/pdf');
  const { document, result } = await readPdf(new Uint8Array(readFileSync(file)));
  expect(result.problem).toBeNull();
  const run = checkDocument(document, { format: 'pdf' });
  const report = toReport(run, file);
  const places = placeFindings(run.findings);
  const placed = places.findings.flatMap((fp, i) => (fp.cells.length + fp.texts.length > 0 ? [i] : []));
  const cliPlaced = report.findings.flatMap((f, i) =>
    f.cells.some((c) => (c as { page?: number }).page) || (f as { page?: number }).page ? [i] : [],
  );
  return { report, placed, cliPlaced };
}

/** Distinct findings marked on the viewer's overlay boxes. */
const markedInViewer = () => {
  const s = new Set<number>();
  for (const el of document.querySelectorAll('.dc-layer [data-dc-findings]')) {
    for (const f of (el.getAttribute('data-dc-findings') ?? '').split(' ')) if (f) s.add(Number(f));
  }
  return [...s].sort((a, b) => a - b);
};

/** Drop `bytes` as a file named `name` on the viewer (a DragEvent carrying a DataTransfer). */
const dropFile = ([name, b64]: [string, string]) => {
  const bin = atob(b64);
  const u = new Uint8Array(bin.length);
  for (let i = 0; i < bin.length; i++) u[i] = bin.charCodeAt(i);
  const dt = new DataTransfer();
  dt.items.add(new File([u], name, { type: 'application/pdf' }));
  const target = document.querySelector('.viewer')!;
  target.dispatchEvent(new DragEvent('dragover', { dataTransfer: dt, bubbles: true, cancelable: true }));
  target.dispatchEvent(new DragEvent('drop', { dataTransfer: dt, bubbles: true, cancelable: true }));
};

const findingKey = (f: Report['findings'][number]) => `${f.rule}|${f.severity}|${f.expected}|${f.actual}|${f.cells.map((c) => `${c.table}:${c.row}:${c.col}`).join(',')}`;

describe('PDF viewer in Chromium', () => {
  let server: FixtureServer;
  let ctx: BrowserContext;
  let sw: Worker;
  let extId: string;
  let cdp: CDPSession;
  let want: Expected;
  const requests: string[] = [];
  let viewer: Page;
  let viewerTab: number;

  const worker = () => ctx.serviceWorkers().find((w) => w.url().startsWith(`chrome-extension://${extId}/`)) ?? sw;
  const tabIdOf = async (page: Page) => {
    await page.bringToFront();
    return worker().evaluate(() => chrome.tabs.query({ active: true }).then((t) => t[0].id!));
  };
  const viewerState = async (tabId: number) =>
    worker().evaluate(
      (id) => chrome.runtime.sendMessage({ type: 'dc:to-viewer', tabId: id, msg: { type: 'dc:get-state' } }).catch(() => null),
      tabId,
    ) as Promise<{ status: string; report: Report | null; items: { index: number; marked: boolean }[] } | null>;
  const waitDone = async (tabId: number) => {
    await expect.poll(async () => (await viewerState(tabId))?.status, { timeout: 90_000, interval: 300 }).toMatch(/^(done|failed|no-disclosure)$/);
    return (await viewerState(tabId))!;
  };

  beforeAll(async () => {
    requireBinary(CHROMIUM, 'chromium');
    ensureBuilt();
    want = await expected(LUKOU_PDF);
    server = await serve({
      // No .pdf in the address: only the content type says it is a PDF.
      '/files/download': { file: LUKOU_PDF, headers: { 'content-type': 'application/pdf' } },
      '/other/report.pdf': { file: LUKOU_PDF, headers: { 'content-type': 'application/pdf' } },
      '/files/putuo': { file: PUTUO_PDF, headers: { 'content-type': 'application/pdf' } },
      '/art/lukou.html': { html: ARTICLE_WITH_ATTACHMENTS },
      '/art/narrative.html': { html: ARTICLE_NARRATIVE_ONLY },
      ...ATTACHMENT_ROUTES,
    });
    ({ ctx, sw, extId } = await launchChromium({
      viewport: { width: 1400, height: 900 },
      acceptDownloads: true,
      onLaunch: (c) => c.on('request', (r) => requests.push(r.url())),
    }));
    cdp = await ctx.browser()!.newBrowserCDPSession();
    // The background installs its redirect rules as it starts: a navigation before that is not
    // redirected (a freshly installed extension, not a state a user meets after the first second).
    const rules = () => sw.evaluate(() => (globalThis as unknown as DnrGlobal).chrome.declarativeNetRequest.getDynamicRules().then((r) => r.length));
    for (let t = Date.now(); (await rules()) === 0; ) {
      if (Date.now() - t > 15_000) throw new Error('the background never installed its PDF redirect rules');
      await new Promise((ok) => setTimeout(ok, 100));
    }
  });

  afterAll(async () => {
    await ctx?.close();
    await server?.close();
  });

  it('a PDF from a *.gov.cn host opens in the viewer with the CLI’s placed findings marked', async () => {
    expect(want.report.findings.length).toBeGreaterThan(0);
    expect(want.placed.length).toBeGreaterThan(0);
    // Every finding the CLI's JSON places on a page is placed by the viewer too.
    expect(want.cliPlaced.filter((i) => !want.placed.includes(i))).toEqual([]);
    viewer = await ctx.newPage();
    await viewer.goto(`${server.origin(PORTAL)}/files/download`).catch(() => undefined);
    await expect.poll(() => viewer.url(), { timeout: 15_000 }).toMatch(new RegExp(`^chrome-extension://${extId}/viewer\\.html\\?file=`));
    viewerTab = await tabIdOf(viewer);
    const state = await waitDone(viewerTab);
    expect(state.status).toBe('done');
    // The same findings as the CLI, in the same order.
    expect(state.report!.findings.map(findingKey)).toEqual(want.report.findings.map(findingKey));
    expect(state.report!.document.format).toBe('pdf');
    await expect.poll(() => viewer.evaluate(markedInViewer)).toEqual(want.placed);
    expect(state.items.filter((i) => i.marked).map((i) => i.index)).toEqual(want.placed);
    // data-dc-finding is one of the box's findings and data-dc-severity the worst of them.
    const sev = want.report.findings.map((f) => f.severity);
    const bad = await viewer.evaluate((s) => {
      const rank: Record<string, number> = { error: 3, warning: 2, notice: 1 };
      return [...document.querySelectorAll('.dc-layer [data-dc-severity]')].filter((el) => {
        const all = (el.getAttribute('data-dc-findings') ?? '').split(' ').map(Number);
        const worst = all.map((i) => s[i]).sort((a, b) => rank[b] - rank[a])[0];
        return !all.includes(Number(el.getAttribute('data-dc-finding'))) || el.getAttribute('data-dc-severity') !== worst;
      }).length;
    }, sev);
    expect(bad).toBe(0);
    // Pages are drawn (canvas) with a text layer: the text can be selected and copied.
    expect(await viewer.locator('.page canvas').count()).toBeGreaterThan(0);
    await expect.poll(() => viewer.evaluate(() => document.querySelector('.textLayer')?.textContent?.length ?? 0)).toBeGreaterThan(50);
    await viewer.screenshot({ path: screenshotPath('viewer-chromium.png') });
  });

  it('a second PDF (Putuo, tables over several pages) is marked as the CLI places it too', async () => {
    const putuo = await expected(PUTUO_PDF);
    const page = await ctx.newPage();
    await page.goto(`${server.origin(PORTAL)}/files/putuo`).catch(() => undefined);
    await expect.poll(() => page.url(), { timeout: 15_000 }).toMatch(/viewer\.html\?file=/);
    const state = await waitDone(await tabIdOf(page));
    expect(state.report!.findings.map(findingKey)).toEqual(putuo.report.findings.map(findingKey));
    await expect.poll(() => page.evaluate(markedInViewer)).toEqual(putuo.placed);
    expect(putuo.cliPlaced.filter((i) => !putuo.placed.includes(i))).toEqual([]);
    // A page with marked cells, once drawn (pages are drawn as they come into view).
    for (const [sel, name] of [
      ['.dc-layer .dc-box-cell[data-dc-severity="warning"], .dc-layer .dc-box-cell[data-dc-severity="error"]', 'viewer-chromium-putuo-table.png'],
      ['.dc-layer [data-dc-severity="error"]', 'viewer-chromium-putuo-error.png'],
    ] as const) {
      const box = page.locator(sel).first();
      if ((await box.count()) === 0) continue;
      await box.scrollIntoViewIfNeeded();
      await expect.poll(() => box.evaluate((el) => !!el.closest('.page')?.querySelector('canvas')), { timeout: 15_000 }).toBe(true);
      await box.hover();
      await page.waitForTimeout(300);
      await page.screenshot({ path: screenshotPath(name) });
    }
    await page.close();
  });

  it('shows the tooltip on a marked box, and zooms with the boxes on their cells', async () => {
    const box = viewer.locator('.dc-layer [data-dc-severity="error"]').first();
    await box.scrollIntoViewIfNeeded();
    const before = await box.boundingBox();
    await box.hover();
    await expect.poll(() => viewer.evaluate(() => !!document.querySelector('[data-dc-ui="tooltip"]'))).toBe(true);
    await viewer.screenshot({ path: screenshotPath('viewer-chromium-tooltip.png') });
    const page = viewer.locator('.page').first();
    const w0 = (await page.boundingBox())!.width;
    await viewer.locator('[data-action="zoom-in"]').click();
    await expect.poll(async () => (await page.boundingBox())!.width).toBeGreaterThan(w0 * 1.15);
    await box.scrollIntoViewIfNeeded();
    const after = (await box.boundingBox())!;
    expect(after.width / before!.width).toBeCloseTo(1.2, 1);
    await viewer.locator('[data-action="fit"]').click();
  });

  it('the popup works on the viewer tab: verdict, jump to a finding, JSON and CSV exports', async () => {
    const popup = await openChromiumPopup(ctx, extId, viewerTab);
    await popup.waitForSelector('[data-state="done"]');
    expect(await popup.locator('[data-count="error"]').textContent()).toContain(String(want.report.summary.errors));
    // (Notices are folded in the list: jump to the first placed error.)
    const first = want.placed.find((i) => want.report.findings[i].severity === 'error')!;
    await popup.locator(`button.finding[data-finding="${first}"]`).click();
    await expect.poll(() => viewer.evaluate((f) => [...document.querySelectorAll('[data-dc-flash]')].some((el) => (el.getAttribute('data-dc-findings') ?? '').split(' ').includes(String(f))), first)).toBe(true);
    const [json] = await Promise.all([popup.waitForEvent('download'), popup.locator('[data-action="json"]').click()]);
    const exported = JSON.parse(readFileSync((await json.path())!, 'utf8')) as Report;
    expect(exported.findings.map(findingKey)).toEqual(want.report.findings.map(findingKey));
    const [csv] = await Promise.all([popup.waitForEvent('download'), popup.locator('[data-action="csv"]').click()]);
    const lines = readFileSync((await csv.path())!, 'utf8').trim().split(/\r?\n/);
    expect(lines.length).toBeGreaterThan(want.report.findings.length);
    await popup.screenshot({ path: screenshotPath('viewer-chromium-popup.png') });
    await popup.close();
  });

  it('"open in the browser’s own viewer" gets past the redirect once', async () => {
    const pdfUrl = `${server.origin(PORTAL)}/files/download`;
    await viewer.locator('[data-action="native"]').click();
    await expect.poll(() => viewer.url(), { timeout: 15_000 }).toBe(pdfUrl);
    // Let through once: the tab's allow rule goes when that load completes.
    const w = worker();
    await expect
      .poll(() => w.evaluate(() => (chrome as unknown as { declarativeNetRequest: { getSessionRules(): Promise<unknown[]> } }).declarativeNetRequest.getSessionRules().then((r) => r.length)), { timeout: 15_000 })
      .toBe(0);
    expect(viewer.url()).toBe(pdfUrl);
    // The next load of a PDF goes to the viewer again.
    await viewer.goto(pdfUrl).catch(() => undefined);
    await expect.poll(() => viewer.url(), { timeout: 15_000 }).toMatch(/^chrome-extension:\/\//);
    await viewer.close();
  });

  it('the setting turns the redirect off', async () => {
    const w = worker();
    await w.evaluate(async () => {
      const got = await chrome.storage.local.get('settings');
      await chrome.storage.local.set({ settings: { ...(got.settings as object), pdfViewer: false } });
    });
    const page = await ctx.newPage();
    await page.waitForTimeout(500);
    const pdfUrl = `${server.origin(PORTAL)}/files/download`;
    await page.goto(pdfUrl).catch(() => undefined);
    await page.waitForTimeout(1500);
    expect(page.url()).toBe(pdfUrl);
    await w.evaluate(async () => {
      const got = await chrome.storage.local.get('settings');
      await chrome.storage.local.set({ settings: { ...(got.settings as object), pdfViewer: true } });
    });
    await page.waitForTimeout(500);
    await page.goto(pdfUrl).catch(() => undefined);
    await expect.poll(() => page.url(), { timeout: 15_000 }).toMatch(/^chrome-extension:\/\//);
    await page.close();
  });

  it('the toolbar button on a PDF elsewhere opens it in the viewer, checked', async () => {
    const page = await ctx.newPage();
    const pdfUrl = `${server.origin()}/other/report.pdf`;
    await page.goto(pdfUrl).catch(() => undefined);
    await page.waitForTimeout(1000);
    expect(page.url()).toBe(pdfUrl); // not a portal: the browser's own viewer
    const tabId = await tabIdOf(page);
    const { targetInfos } = (await cdp.send('Target.getTargets', { filter: [{ type: 'tab' }] } as never)) as unknown as {
      targetInfos: { targetId: string; type: string; url: string }[];
    };
    const tab = targetInfos.find((t) => t.type === 'tab' && t.url === pdfUrl)!;
    await cdp.send('Extensions.triggerAction' as never, { id: extId, targetId: tab.targetId } as never);
    const res = await worker().evaluate(
      (id) => (globalThis as unknown as { dcInjectAndRun(id: number): Promise<{ ok: boolean }> }).dcInjectAndRun(id),
      tabId,
    );
    expect(res).toEqual({ ok: true });
    await expect.poll(() => page.url(), { timeout: 15_000 }).toMatch(/viewer\.html\?file=/);
    const state = await waitDone(tabId);
    expect(state.status).toBe('done');
    await expect.poll(() => page.evaluate(markedInViewer)).toEqual(want.placed);
    await page.close();
  });

  it('a dropped local file is checked, and sent nowhere', async () => {
    const page = await ctx.newPage();
    await page.goto(`chrome-extension://${extId}/viewer.html`);
    await page.waitForSelector('[data-phase="empty"]');
    const before = requests.length;
    await page.evaluate(dropFile, ['决算.pdf', readFileSync(LUKOU_PDF).toString('base64')] as [string, string]);
    const tabId = await tabIdOf(page);
    const state = await waitDone(tabId);
    expect(state.report!.source).toBe('决算.pdf');
    await expect.poll(() => page.evaluate(markedInViewer)).toEqual(want.placed);
    expect(requests.slice(before).filter((u) => /^(https?|wss?|ftp):/i.test(u))).toEqual([]);
    await page.screenshot({ path: screenshotPath('viewer-chromium-dropped.png') });
    await page.close();
  });

  it('an article page linking a PDF, an .xlsx and a .docx lists all three in the popup; one click checks the PDF with marks', async () => {
    const article = await ctx.newPage();
    await article.goto(`${server.origin(PORTAL)}/art/lukou.html`);
    const articleTab = await tabIdOf(article);
    const popup = await openChromiumPopup(ctx, extId, articleTab);
    await popup.waitForSelector('section.verdict[data-state="done"]', { timeout: 60_000 });
    await expect.poll(() => popup.locator('[data-attachment]').count()).toBe(3);
    expect(await popup.locator('.att-name').allTextContents()).toEqual([
      '1.中共株洲市渌口区委办公室2024年度部门决算.pdf',
      '2.部门决算公开表.xlsx',
      '3.部门决算公开（全文）.docx',
    ]);
    expect(await popup.locator('[data-attachment] [data-action="check-attachment"]').count()).toBe(3);
    // The page has its own tables: nothing to say about tables elsewhere, no combined check.
    expect(await popup.locator('[data-state="tables-in-attachment"], [data-action="combine-attachment"]').count()).toBe(0);
    await popup.screenshot({ path: screenshotPath('popup-attachments.png'), fullPage: true });
    const [checked] = await Promise.all([ctx.waitForEvent('page'), popup.locator('[data-attachment="0"] [data-action="check-attachment"]').click()]);
    await expect.poll(() => checked.url(), { timeout: 15_000 }).toMatch(new RegExp(`^chrome-extension://${extId}/viewer\\.html\\?file=`));
    const state = await waitDone(await tabIdOf(checked));
    expect(state.status).toBe('done');
    expect(state.report!.findings.map(findingKey)).toEqual(want.report.findings.map(findingKey));
    await expect.poll(() => checked.evaluate(markedInViewer)).toEqual(want.placed);
    await checked.close();
    await popup.close();
    await article.close();
  });

  it('tables only in an attachment: the popup says so, and the combined check reads the page’s text and the workbook as one document', async () => {
    const article = await ctx.newPage();
    await article.goto(`${server.origin(PORTAL)}/art/narrative.html`);
    const articleTab = await tabIdOf(article);
    const popup = await openChromiumPopup(ctx, extId, articleTab, 700);
    await popup.waitForSelector('[data-state="tables-in-attachment"]', { timeout: 60_000 });
    expect(await popup.locator('[data-state="tables-in-attachment"]').textContent()).toContain('本页表格在附件中：部门决算公开表.xlsx');
    await popup.screenshot({ path: screenshotPath('popup-tables-in-attachment.png') });
    const [combined] = await Promise.all([ctx.waitForEvent('page'), popup.locator('[data-action="combine-attachment"]').click()]);
    await expect.poll(() => combined.url(), { timeout: 15_000 }).toMatch(/viewer\.html\?article=\d+&file=/);
    const state = await waitDone(await tabIdOf(combined));
    expect(state.status).toBe('done');
    expect(state.report!.tables.length).toBe(9);
    // The narrative's numbers are reconciled with the workbook's tables: N- findings, as on the whole page,
    // and no "tables only" notice.
    const rules = new Set(state.report!.findings.map((f) => f.rule));
    expect(rules.has('N-07')).toBe(true);
    expect(state.report!.findings.some((f) => f.message.includes('未提供说明部分（仅表格）'))).toBe(false);
    expect(await combined.locator('.page-text p').count()).toBeGreaterThan(20);
    await expect.poll(() => combined.locator('.page-text [data-dc-severity]').count()).toBeGreaterThan(0);
    await combined.locator('.page-text [data-dc-severity="error"]').first().scrollIntoViewIfNeeded();
    await combined.screenshot({ path: screenshotPath('viewer-combined.png') });
    await combined.close();
    await popup.close();
    await article.close();
  });

  it('no request left for any host but the PDFs’ own', () => {
    // Requests that leave the browser (not its own chrome:// pages or its PDF viewer's files).
    const outside = requests.filter((u) => /^(https?|wss?|ftp):/i.test(u));
    expect(outside.length).toBeGreaterThan(0);
    const paths = ['/files/download', '/files/putuo', '/art/lukou.html', '/art/narrative.html', ...Object.keys(ATTACHMENT_ROUTES)];
    const own = new Set([...paths.map((p) => `${server.origin(PORTAL)}${p}`), `${server.origin()}/other/report.pdf`]);
    expect(outside.filter((u) => !own.has(u))).toEqual([]);
    // (The browser's own PDF viewer asks the PDF's host for its favicon.)
    expect(server.log.filter((l) => ![...paths, '/other/report.pdf', '/favicon.ico'].map((p) => `GET ${p}`).includes(l))).toEqual([]);
  });
});

const GECKO_ID = '{8f3b2c71-5d4e-4a96-b1c0-7e2d9a6f4c35}';
const EXT_UUID = '5d0c1f3e-7a42-4b8e-9d61-3c2b7e0a9f14';
const EXT_ORIGIN = `moz-extension://${EXT_UUID}`;

describe('PDF viewer in Firefox', () => {
  let server: FixtureServer;
  let browser: Browser;
  let want: Expected;

  async function waitFor<T>(fn: () => Promise<T>, ok: (v: T) => boolean, timeoutMs = 90_000): Promise<T> {
    const end = Date.now() + timeoutMs;
    let v = await fn();
    while (!ok(v)) {
      if (Date.now() > end) throw new Error(`timed out; last value ${JSON.stringify(v)}`);
      await new Promise((r) => setTimeout(r, 300));
      v = await fn();
    }
    return v;
  }

  /** Navigate and wait for the page to be the viewer (BiDi does not report loads into the extension's process). */
  async function gotoViewer(page: PPage, url: string): Promise<void> {
    page.goto(url, { timeout: 5_000 }).catch(() => undefined);
    await waitFor(
      () => page.evaluate(() => location.protocol === 'moz-extension:' && document.readyState === 'complete').catch(() => false),
      (v) => v,
      20_000,
    );
  }

  beforeAll(async () => {
    requireBinary(FIREFOX, 'firefox-esr');
    ensureBuilt();
    want = await expected(LUKOU_PDF);
    server = await serve({
      '/files/download': { file: LUKOU_PDF, headers: { 'content-type': 'application/pdf' } },
      '/art/lukou.html': { html: ARTICLE_WITH_ATTACHMENTS },
      ...ATTACHMENT_ROUTES,
    });
    browser = await puppeteer.launch({
      browser: 'firefox',
      executablePath: FIREFOX,
      headless: true,
      args: ['--remote-allow-system-access'],
      extraPrefsFirefox: {
        'extensions.webextensions.uuids': JSON.stringify({ [GECKO_ID]: EXT_UUID }),
        'network.dns.forceResolve': '127.0.0.1',
        'network.dns.disableIPv6': true,
      },
    });
    expect(await browser.installExtension(FIREFOX_BUILD)).toBe(GECKO_ID);
  });

  afterAll(async () => {
    await browser?.close();
    await server?.close();
  });

  it('a PDF from a *.gov.cn host opens in the viewer (webRequest redirect) with the CLI’s placed findings marked; the popup lists them', async () => {
    const page = await browser.newPage();
    await page.setViewport({ width: 1400, height: 900 });
    await gotoViewer(page, `${server.origin(PORTAL)}/files/download`);
    expect(await page.evaluate(() => location.href)).toMatch(new RegExp(`^${EXT_ORIGIN}/viewer\\.html\\?file=`));
    const marked = await waitFor(() => page.evaluate(markedInViewer), (m) => m.length >= want.placed.length);
    expect(marked).toEqual(want.placed);
    await page.screenshot({ path: screenshotPath('viewer-firefox.png') });
    // The popup hosted beside the pages (same origin: its document is readable) shows the verdict and the list.
    const listed = await waitFor(
      () =>
        page.evaluate(() => {
          const d = document.querySelector<HTMLIFrameElement>('iframe.popup')?.contentDocument;
          return d?.querySelector('[data-state="done"]') ? d.querySelectorAll('button.finding[data-finding]').length : -1;
        }),
      (n) => n >= 0,
      30_000,
    );
    // Errors and warnings are listed; notices are folded behind one line.
    expect(listed).toBe(want.report.summary.errors + want.report.summary.warnings);
    await page.close();
  });

  it('a dropped local file is checked', async () => {
    const page = await browser.newPage();
    await page.setViewport({ width: 1400, height: 900 });
    await gotoViewer(page, `${EXT_ORIGIN}/viewer.html`);
    await page.waitForSelector('[data-phase="empty"]');
    await page.evaluate(dropFile, ['决算.pdf', readFileSync(LUKOU_PDF).toString('base64')] as [string, string]);
    const marked = await waitFor(() => page.evaluate(markedInViewer), (m) => m.length >= want.placed.length);
    expect(marked).toEqual(want.placed);
    expect(server.log.filter((l) => l !== 'GET /files/download')).toEqual([]);
    await page.close();
  });
  it('an article page’s attachments are listed in the popup, and one click checks the PDF with marks', async () => {
    const article = await browser.newPage();
    await article.goto(`${server.origin(PORTAL)}/art/lukou.html`);
    const popup = await openFirefoxPopup(browser, article);
    const names = await waitFor(() => popup.evaluate(() => [...document.querySelectorAll('.att-name')].map((e) => e.textContent)), (n) => n.length === 3, 15_000);
    expect(names).toEqual(['1.中共株洲市渌口区委办公室2024年度部门决算.pdf', '2.部门决算公开表.xlsx', '3.部门决算公开（全文）.docx']);
    await popup.screenshot({ path: screenshotPath('popup-attachments-firefox.png') });
    const before = new Set(await browser.pages());
    await popup.click('[data-attachment="0"] [data-action="check-attachment"]');
    // The new tab is the viewer (BiDi does not report loads into the extension's process: ask the page).
    const viewerPage = await waitFor(
      async () => {
        for (const p of await browser.pages()) {
          if (before.has(p)) continue;
          const href = await p.evaluate(() => location.href).catch(() => '');
          if (href.startsWith(`${EXT_ORIGIN}/viewer.html?file=`)) return p;
        }
        return null;
      },
      (p) => p !== null,
      20_000,
    );
    const marked = await waitFor(() => viewerPage!.evaluate(markedInViewer), (m) => m.length >= want.placed.length);
    expect(marked).toEqual(want.placed);
    await viewerPage!.close();
    await popup.close();
    await article.close();
  });
});
