/**
 * The Firefox (MV2) build in firefox-esr via puppeteer-core: it loads, auto-checks a *.gov.cn page
 * with the same findings and marks as the CLI, also on a page whose main thread never goes quiet
 * (the check's background-priority pauses would wait forever there without their 250 ms bound), and
 * its popup lists the CLI's findings, jumps to one and turns the marks off without a trace, and a
 * host added in the options page is checked (its permission granted without a prompt by a pref).
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { join } from 'node:path';
import type { Browser, Page } from 'puppeteer-core';
import { FIREFOX, PORTAL_HOST, ROOT, ensureBuilt, requireBinary, screenshotPath, serve, until, type FixtureServer } from './harness';
import { geckoId, launchFirefox, openFirefoxExtensionPage, openFirefoxPopup } from './firefox-harness';
import { TIMINGS_KEY } from '../../lib/ext/timings';
import { cliFindings, markKey, type CliResult } from './cli-findings';
import { BUDGET_DEPT, overBudgetUnit } from './budget-pages';
import { BUSY_LOOP_JS, stopsDuringCheck, withHeadScript } from './hostile-pages';
import { readFileSync } from 'node:fs';
import { mainLine, valueLines } from '../../lib/report/words';
import { findingKey } from '../../lib/report/order';

const LUKOU = join(ROOT, 'tests/fixtures/lukou-2024.html');
// The add-on's id stays what users installed (their settings are stored under it); the harness fixes
// the extension's uuid through the extensions.webextensions.uuids pref, so a test knows the popup's address.
const GECKO_ID = '{8f3b2c71-5d4e-4a96-b1c0-7e2d9a6f4c35}';

let server: FixtureServer;
let browser: Browser;
let cli: CliResult;

/** The (finding, severity, element text) of every mark, once at least `count` are there. */
function marksOn(page: Page, count: number, timeoutMs?: number): Promise<string[]> {
  const severities = cli.report.findings.map((f) => f.severity);
  return until(
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
    `${count} marks`,
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
    '/budget-dept.html': { file: BUDGET_DEPT },
    '/budget-unit.html': { html: overBudgetUnit() },
    // lukou without the reasons given for its 公务接待费 (an insight, X-02, when insights are on).
    '/no-reason.html': {
      html: readFileSync(LUKOU, 'utf8')
        .replace('决算数小于预算数的主要原因是未产生公务接待费用。', '')
        .replace('决算数小于预算数的主要原因是压缩相关费用支出。决算数小于上年数的主要原因是压缩相关费用支出。', ''),
    },
  });
  expect(geckoId()).toBe(GECKO_ID);
  // Grant optional host permissions without the doorhanger headless Firefox cannot show (the
  // options page asks for a host the user adds).
  browser = await launchFirefox({ 'extensions.webextOptionalPermissionPrompts': false });
});

afterAll(async () => {
  await browser?.close();
  await server?.close();
});

const openExtensionPage = (path: string) => openFirefoxExtensionPage(browser, path);
const openPopup = (target: Page) => openFirefoxPopup(browser, target);

/** The content script's performance marks (lib/ext/timings.ts) on or off, from an extension page. */
async function debugTimings(on: boolean): Promise<void> {
  const ext = await openExtensionPage('options.html');
  await ext.evaluate(
    ([key, v]) =>
      (globalThis as unknown as { browser: { storage: { local: { set(x: object): Promise<void> } } } }).browser.storage.local.set({ [key as string]: v }),
    [TIMINGS_KEY, on] as const,
  );
  await ext.close();
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
    const hovered = await until(tip, (v) => v.shown, 'the tooltip on hover', 10_000);
    expect(hovered.text).toContain(f.rule);
    // The popup's and the exports' words: the plain line, then 应为 / 按明细合计为 … and the value.
    expect(hovered.text).toContain(mainLine(f, 'zh'));
    for (const [k, v] of valueLines(cli.report, f, 'zh')) expect(hovered.text).toContain(`${k}${v}`);
    await page.screenshot({ path: screenshotPath('firefox-tooltip.png') });
    // Away, then focus by keyboard: Tab from the element before the mark reaches it.
    await page.mouse.move(2, 2);
    await until(tip, (v) => !v.shown, 'the tooltip to go', 10_000);
    await page.evaluate((s) => (document.querySelector(s) as HTMLElement).focus(), sel);
    const focused = await until(tip, (v) => v.shown, 'the tooltip on focus', 10_000);
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
    expect(await until(inView, (v) => v === 'in-view', 'the finding in view', 10_000)).toBe('in-view');

    // Marks off: the page's DOM is the one Firefox loaded (reference: the same page where the
    // extension does not run), and no highlight is left.
    const plain = await browser.newPage();
    await plain.goto(`${server.origin()}/lukou.html`);
    const original = await plain.evaluate(() => document.documentElement.outerHTML);
    await plain.close();
    expect(await page.evaluate(() => document.documentElement.outerHTML)).not.toBe(original);
    await popup.click('input[data-action="marks"]');
    const off = await until(
      () => page.evaluate(() => document.documentElement.outerHTML),
      (html) => html === original,
      'the page as loaded',
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
    expect(await until(inView, (v) => v === 'in-view', 'the linked finding in view', 20_000)).toBe('in-view');
    const tipText = () =>
      linked.evaluate(() => {
        const box = document.querySelector('[data-dc-ui="tooltip"]')?.shadowRoot?.querySelector('.tip');
        return box && !box.classList.contains('off') ? (box.textContent ?? '') : '';
      });
    expect(await until(tipText, (v) => v.includes(cli.report.findings[target].rule), 'its explanation', 10_000)).toContain(cli.report.findings[target].rule);
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
    const c = (await until(chip, (v) => v !== null, 'the verdict chip', 10_000))!;
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
    expect(await until(registered, (m) => m.length > 0, 'the host registered', 10_000)).toEqual([`*://${host}/*`]);
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
    const untilAnswered = (tabId: number) => until(() => ask(tabId), (a) => a === 'content script', 'the content script to answer', 20_000);

    const { page: added, tabId: addedTab } = await openInNewTab(`${server.origin(host)}/lukou.html`);
    expect(await untilAnswered(addedTab)).toBe('content script');
    const expected = cli.marks.map(markKey).sort();
    expect(await marksOn(added, expected.length)).toEqual(expected);
    await added.close();

    await options.evaluate((h) => {
      const item = [...document.querySelectorAll('.hosts li')].find((li) => li.querySelector('code')?.textContent === h);
      (item?.querySelector('button') as HTMLButtonElement | null)?.click();
    }, host);
    expect(await until(registered, (m) => m.length === 0, 'the host unregistered', 10_000)).toEqual([]);
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

  it('insights on: an item off its budget with no reason is one 分析提示 in the popup, outside the counts', async () => {
    // The options page stays open beside the popup, as a user would have it (two extension pages).
    const options = await openExtensionPage('options.html');
    const setting = () =>
      options.evaluate(() => {
        const ext = (globalThis as unknown as { browser: { storage: { local: { get(k: string): Promise<Record<string, unknown>> } } } }).browser;
        return ext.storage.local.get('settings').then((g) => (g.settings as { insights?: boolean } | undefined)?.insights ?? false);
      });
    const box = 'input[data-setting="insights"]';
    await options.waitForSelector(box);
    expect(await setting()).toBe(false);
    await options.click(box);
    await until(setting, (v) => v, 'insights on', 10_000);
    try {
      const target = await browser.newPage();
      await target.goto(`${server.origin(PORTAL_HOST)}/no-reason.html`);
      const popup = await openPopup(target);
      // The counts are those of the page without insights (the CLI's, for lukou).
      const counts = await popup.$eval('.counts', (el) => (el as HTMLElement).innerText);
      const { errors, warnings } = cli.report.summary;
      for (const part of [`${errors} 个错误`, `${warnings} 个警告`]) expect(counts).toContain(part);
      const fold = await popup.$eval('[data-action="insights"]', (el) => (el as HTMLElement).innerText);
      expect(fold).toContain('分析提示 1 条');
      expect(await popup.$$eval('[data-severity-group="insight"]', (els) => els.length)).toBe(0);
      await popup.click('[data-action="insights"]');
      await popup.waitForSelector('[data-severity-group="insight"]', { timeout: 10_000 });
      const group = await popup.$eval('[data-severity-group="insight"]', (el) => (el as HTMLElement).innerText);
      expect(group).toContain('X-02');
      expect(await popup.$$eval('[data-severity-group="insight"] button.finding', (b) => b.length)).toBe(1);
      await popup.close();
      await target.close();
    } finally {
      if (await setting()) await options.click(box);
      await until(setting, (v) => !v, 'insights off', 10_000);
      await options.close();
    }
  });

  it('B-N16 across tabs (MV2 background): a unit budget page gains the error against its department page, and loses it when that tab closes', async () => {
    const unit = await browser.newPage();
    await unit.setViewport({ width: 1280, height: 900 });
    await unit.goto(`http://www.shpt.gov.cn:${server.port}/budget-unit.html`);
    // The findings on the raised BT3 cell (the unit's own: its sums no longer add up), once checked.
    const onCell = () =>
      unit.evaluate(() => {
        const el = [...document.querySelectorAll('[data-dc-severity]')].find((e) => (e.textContent ?? '').trim() === '13,029,501.84');
        return (el?.getAttribute('data-dc-findings') ?? '').split(' ').filter(Boolean);
      });
    const own = await until(onCell, (f) => f.length > 0, 'the unit page checked');
    const dept = await browser.newPage();
    await dept.goto(`http://www.shpt.gov.cn:${server.port}/budget-dept.html`);
    const paired = await until(onCell, (f) => f.length === own.length + 1, 'the B-N16 mark', 20_000);
    const added = paired.find((f) => !own.includes(f))!;
    const popup = await openPopup(unit);
    expect(await popup.$$eval('button.finding', (bs) => bs.filter((b) => (b.textContent ?? '').includes('B-N16')).length)).toBe(1);
    const item = await popup.$eval(`button.finding[data-finding="${added}"]`, (b) => (b as HTMLElement).innerText);
    expect(item).toContain('B-N16');
    expect(item).toContain('对照：部门预算页面「');
    expect(item).toContain('budget-dept.html');
    await popup.close();
    await dept.close();
    expect(await until(onCell, (f) => f.length === own.length, 'the B-N16 mark to go', 20_000)).toEqual(own);
    await unit.close();
  });

  it('checks a page whose main thread never goes quiet, and the page\'s own loop keeps running', async () => {
    // Bound: 60 s (a background-priority pause never gets a turn there; each gives up after 250 ms).
    // The check's start and end are performance marks, recorded only with the debug setting on.
    await debugTimings(true);
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
    await debugTimings(false);
  });
});
