/**
 * Chromium: reading the verdict. On the seed page (errors and many rounding notices): the popup opens
 * on an error with the notices folded; a chip in the first screen gives the verdict, lists the problems
 * and can be closed for the site; a jump from the popup opens the explanation; a #dc-finding= link
 * goes to its finding; printing keeps the marks (printed to PDF here and its pixels looked at).
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { join } from 'node:path';
import { execFileSync } from 'node:child_process';
import { mkdtempSync, readFileSync, readdirSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import type { BrowserContext, Page, Worker } from 'playwright-core';
import { CHROMIUM, PORTAL_HOST, ROOT, ensureBuilt, launchChromium, openChromiumPopup, requireBinary, screenshotPath, serve, type FixtureServer } from './harness';
import { cliFindings, type CliResult } from './cli-findings';
import { findingKey } from '../../lib/report/order';
import { parseHTML } from 'linkedom';
import { checkDocument } from '../../lib/index';

declare const chrome: {
  tabs: { query(q: object): Promise<{ id?: number }[]> };
  storage: { local: { get(k: string): Promise<Record<string, unknown>>; set(v: object): Promise<void>; remove(k: string): Promise<void> } };
};

const LUKOU = join(ROOT, 'tests/fixtures/lukou-2024.html');
let server: FixtureServer;
let ctx: BrowserContext;
let extId: string;
let cli: CliResult;
let noT7: string;

async function worker(): Promise<Worker> {
  const live = ctx.serviceWorkers().find((w) => w.url().startsWith(`chrome-extension://${extId}/`));
  return live ?? (await ctx.waitForEvent('serviceworker'));
}

async function tabIdOf(page: Page): Promise<number> {
  await page.bringToFront();
  return (await worker()).evaluate(() => chrome.tabs.query({ active: true }).then((t) => t[0].id!));
}

/** The popup of tab `tabId`, its check shown. */
async function openPopup(tabId: number): Promise<Page> {
  const popup = await openChromiumPopup(ctx, extId, tabId);
  await popup.waitForSelector('[data-state="done"]');
  return popup;
}

/** A checked page: marks on and the chip (unless closed for the site) in place. */
async function openChecked(path: string, opts: { chip?: boolean } = {}): Promise<Page> {
  const page = await ctx.newPage();
  await page.goto(`${server.origin(PORTAL_HOST)}${path}`);
  await page.waitForSelector('[data-dc-severity]', { timeout: 30_000 });
  if (opts.chip !== false) await page.waitForSelector('[data-dc-ui="verdict"]', { state: 'attached', timeout: 10_000 });
  return page;
}

/** The tooltip's text when shown, else null. */
const tipText = (page: Page) =>
  page.evaluate(() => {
    const box = document.querySelector('[data-dc-ui="tooltip"]')?.shadowRoot?.querySelector('.tip');
    return box && !box.classList.contains('off') ? (box.textContent ?? '').replace(/\s+/g, ' ') : null;
  });

const inView = (page: Page, i: number) =>
  page.evaluate((i) => {
    const el = document.querySelector(`[data-dc-findings~="${i}"]`);
    if (!el) return 'missing';
    const r = el.getBoundingClientRect();
    return r.bottom > 0 && r.top < window.innerHeight ? 'in-view' : `out:${Math.round(r.top)}`;
  }, i);

beforeAll(async () => {
  requireBinary(CHROMIUM, 'chromium');
  ensureBuilt();
  cli = cliFindings(LUKOU, 'lukou');
  // The seed page without one required table (公开07表): the table map must say it is missing.
  const { document } = parseHTML(readFileSync(LUKOU, 'utf8'));
  for (const b of checkDocument(document as unknown as Document).disclosure.tables.T7!.blocks) b.el?.remove();
  noT7 = join(mkdtempSync(join(tmpdir(), 'dc-no-t7-')), 'no-t7.html');
  writeFileSync(noT7, document.toString());
  server = await serve({ '/lukou.html': { file: LUKOU }, '/no-t7.html': { file: noT7 } });
  ({ ctx, extId } = await launchChromium({ viewport: { width: 1280, height: 800 } }));
});

afterAll(async () => {
  await ctx?.close();
  await server?.close();
});

describe('Chromium: the verdict, first', () => {
  it('the seed page has errors, warnings and rounding notices (what this suite is about)', () => {
    expect(cli.report.summary.errors).toBeGreaterThan(0);
    expect(cli.report.summary.notices).toBeGreaterThan(0);
  });

  it('a chip in the first screen gives the verdict; 查看 lists the problems and opens the first', async () => {
    const page = await openChecked('/lukou.html');
    await page.evaluate(() => window.scrollTo(0, 0));
    const box = await page.evaluate(() => {
      const r = document.querySelector('[data-dc-ui="verdict"]')!.shadowRoot!.querySelector('.bar')!.getBoundingClientRect();
      return { top: r.top, bottom: r.bottom, left: r.left, right: r.right, vh: innerHeight, vw: innerWidth };
    });
    expect(box.top).toBeGreaterThan(box.vh / 2); // the bottom corner: never over the page's header
    expect(box.bottom).toBeLessThanOrEqual(box.vh);
    expect(box.right).toBeLessThanOrEqual(box.vw);
    const text = await page.locator('[data-dc-ui="verdict"] .row').innerText();
    expect(text).toContain('决算公开校验：');
    expect(text).toContain(`${cli.report.summary.errors} 处错误`);
    expect(text).toContain('查看');
    await page.screenshot({ path: screenshotPath('verdict-chip.png') });
    await page.locator('[data-dc-ui="verdict"] button[data-action="view"]').click();
    expect(await page.locator('[data-dc-ui="verdict"] li button').count()).toBeGreaterThan(0);
    const first = Number(await page.locator('[data-dc-ui="verdict"] li button').first().getAttribute('data-finding'));
    expect(cli.report.findings[first].severity).toBe('error');
    await expect.poll(() => inView(page, first)).toBe('in-view');
    await expect.poll(() => tipText(page)).toContain(cli.report.findings[first].rule);
    await page.screenshot({ path: screenshotPath('verdict-chip-open.png') });
    await page.close();
  });

  it('the popup opens on an error, notices folded; a jump opens the explanation on the page', async () => {
    const page = await openChecked('/lukou.html');
    const tabId = await tabIdOf(page);
    const popup = await openPopup(tabId);
    expect(await popup.locator('button.finding').first().getAttribute('class')).toContain('error');
    expect(await popup.locator('button.finding.notice').count()).toBe(0);
    expect(await popup.locator('button[data-action="notices"]').innerText()).toContain(`${cli.report.summary.notices} 处`);
    await popup.screenshot({ path: screenshotPath('popup-light.png'), fullPage: true });
    await popup.emulateMedia({ colorScheme: 'dark' });
    await popup.screenshot({ path: screenshotPath('popup-dark.png'), fullPage: true });
    await popup.emulateMedia({ colorScheme: 'light' });
    const target = cli.markedFindings.filter((i) => cli.report.findings[i].severity !== 'notice').at(-1)!;
    await page.evaluate(() => window.scrollTo(0, 0));
    await popup.locator(`button.finding[data-finding="${target}"]`).click();
    await expect.poll(() => inView(page, target)).toBe('in-view');
    await expect.poll(() => tipText(page)).toContain(cli.report.findings[target].rule);
    await page.bringToFront();
    await page.screenshot({ path: screenshotPath('verdict-jump-tooltip.png') });
    await popup.close();
    await page.close();
  });

  it('the table map says what was checked: every table, its comparisons and findings; a row jumps to its first finding', async () => {
    const page = await openChecked('/lukou.html');
    const tabId = await tabIdOf(page);
    const popup = await openPopup(tabId);
    const r = cli.report;
    const line = await popup.locator('summary[data-action="table-map"]').innerText();
    expect(line).toBe(`已核对 ${r.tables.length} 张表、${r.summary.relations} 项比对、${r.claims!.reconciled} 个叙述数字：${r.summary.errors} 处错误 · ${r.summary.warnings} 处警告 · ${r.summary.notices} 处提示`);
    await popup.locator('summary[data-action="table-map"]').click();
    const rows = await popup.locator('.map-row').evaluateAll((els) => els.map((e) => [e.getAttribute('data-table'), e.getAttribute('data-status'), (e as HTMLElement).innerText]));
    expect(rows.map(([id, status]) => `${id}:${status}`)).toEqual(r.tables.map((t) => `${t.id}:checked`));
    const t3 = r.tables.find((t) => t.id === 'T3')!;
    expect(rows.find(([id]) => id === 'T3')![2]).toContain(`${t3.checks!.identities + t3.checks!.claims} 项比对`);
    expect(await popup.locator('.map-parts').getAttribute('data-parts')).toBe(`${r.sections.filter((x) => x.present).length}/${r.sections.length}`);
    await popup.screenshot({ path: screenshotPath('popup-table-map.png'), clip: { x: 0, y: 0, width: 480, height: 560 } });
    // A table with findings jumps to its first one on the page.
    const jump = popup.locator('.map-row button:not([disabled])').first();
    expect(await jump.count()).toBe(1);
    await page.evaluate(() => window.scrollTo(0, 0));
    await jump.click();
    await expect.poll(() => page.evaluate(() => window.scrollY)).toBeGreaterThan(0);
    await popup.close();
    await page.close();
  });

  it('the table map names a required table the page lacks as not found', async () => {
    const r = cliFindings(noT7, 'no-t7').report;
    expect(r.tables.map((t) => t.id)).not.toContain('T7');
    const page = await openChecked('/no-t7.html');
    const tabId = await tabIdOf(page);
    const popup = await openPopup(tabId);
    const line = await popup.locator('summary[data-action="table-map"]').innerText();
    expect(line).toBe(`已核对 ${r.tables.length} 张表、${r.summary.relations} 项比对、${r.claims!.reconciled} 个叙述数字；1 张必备表格未找到：${r.summary.errors} 处错误 · ${r.summary.warnings} 处警告 · ${r.summary.notices} 处提示`);
    await popup.locator('summary[data-action="table-map"]').click();
    const rows = await popup.locator('.map-row').evaluateAll((els) => els.map((e) => `${e.getAttribute('data-table')}:${e.getAttribute('data-status')}`));
    expect(rows).toEqual(['T1', 'T2', 'T3', 'T4', 'T5', 'T6', 'T7', 'T8', 'T9'].map((id) => `${id}:${id === 'T7' ? 'missing' : 'checked'}`));
    const t7 = popup.locator('.map-row[data-table="T7"]');
    expect(await t7.innerText()).toBe('T7 政府性基金预算财政拨款收入支出决算表 — 未找到');
    expect(await t7.locator('button').isDisabled()).toBe(true);
    // Shown as a problem (the error colour), not as a quiet row.
    expect(await t7.getAttribute('class')).toContain('error');
    await t7.scrollIntoViewIfNeeded();
    await popup.screenshot({ path: screenshotPath('popup-table-map-missing.png'), clip: { x: 0, y: 0, width: 480, height: 620 } });
    await popup.close();
    await page.close();
  });

  it('a narrative finding marks its clause, not its sentence or the list', async () => {
    // N-08 on the seed page: 商品和服务支出314.20万元 in a list sentence of four items (T6 says 298.44).
    const f = cli.report.findings.find((x) => x.rule === 'N-08' && x.severity === 'error' && x.actual === '314.20万元');
    expect(f?.quote).toContain('工资福利支出578.83万元');
    const page = await openChecked('/lukou.html');
    const marked = await page.evaluate(() => {
      const hl = (CSS as unknown as { highlights: Map<string, Iterable<Range>> }).highlights.get('dc-error');
      return hl ? [...hl].map((r) => r.toString()) : [];
    });
    expect(marked).toContain('商品和服务支出314.20万元');
    expect(marked).not.toContain(f!.quote);
    await page.evaluate(() => {
      const r = [...(CSS as unknown as { highlights: Map<string, Iterable<Range>> }).highlights.get('dc-error')!].find((x) => x.toString().startsWith('商品和服务支出'));
      (r!.startContainer.parentElement as Element).scrollIntoView({ block: 'center' });
    });
    await page.screenshot({ path: screenshotPath('verdict-clause.png') });
    await page.close();
  });

  it('a #dc-finding= link scrolls to its finding and opens it', async () => {
    const target = cli.markedFindings.filter((i) => cli.report.findings[i].cells.length > 0).at(-1)!;
    const key = findingKey(cli.report.findings[target], target);
    const page = await openChecked(`/lukou.html#dc-finding=${encodeURIComponent(key)}`);
    await expect.poll(() => inView(page, target)).toBe('in-view');
    await expect.poll(() => tipText(page)).toContain(cli.report.findings[target].rule);
    await page.close();
  });

  it('printing keeps the marks: the PDF shows the red frames of the errors', async () => {
    const page = await openChecked('/lukou.html');
    const dir = mkdtempSync(join(tmpdir(), 'dc-print-'));
    const pdf = join(dir, 'page.pdf');
    writeFileSync(pdf, await page.pdf({ format: 'A4', printBackground: false }));
    execFileSync('pdftoppm', ['-r', '50', '-png', pdf, join(dir, 'p')]);
    execFileSync('pdftoppm', ['-r', '50', pdf, join(dir, 'q')]); // PPM, to count pixels
    // Red frame pixels (#d21f1f) on the pages, with backgrounds not requested: the print rules ask for them.
    let red = 0;
    for (const name of readdirSync(dir).filter((n) => n.endsWith('.ppm'))) {
      const buf = readFileSync(join(dir, name));
      // P6 header: magic, width, height, maxval, each followed by whitespace.
      let pos = 0;
      for (let fields = 0; fields < 4; pos++) if (/\s/.test(String.fromCharCode(buf[pos])) && !/\s/.test(String.fromCharCode(buf[pos - 1]))) fields++;
      for (let i = pos; i + 2 < buf.length; i += 3) if (buf[i] > 170 && buf[i + 1] < 90 && buf[i + 2] < 90) red++;
    }
    console.log(`[verdict] printed PDF in ${dir}: ${red} red pixels`);
    expect(red).toBeGreaterThan(100);
    // The chip and tooltip do not print over the page.
    expect(await page.evaluate(() => document.querySelector('[data-dc-ui="verdict"]') !== null)).toBe(true);
    await page.close();
  });

  it('English UI: the chip speaks English', async () => {
    const w = await worker();
    await w.evaluate(() => chrome.storage.local.set({ settings: { lang: 'en', showNotices: true, hosts: [] } }));
    const page = await openChecked('/lukou.html');
    await expect.poll(() => page.locator('[data-dc-ui="verdict"] .row').innerText()).toContain('Disclosure Checker');
    const text = await page.locator('[data-dc-ui="verdict"] .row').innerText();
    expect(text).not.toMatch(/[\u4e00-\u9fff]/);
    // Cells are cited in English (standard table and column names; row names stay as printed).
    await page.locator('[data-dc-ui="verdict"] button[data-action="view"]').click();
    const wheres = await page.locator('[data-dc-ui="verdict"] li .where').allInnerTexts();
    const cited = wheres.filter((w) => / · /.test(w));
    expect(cited.length).toBeGreaterThan(0);
    for (const w of cited) {
      expect(w).toMatch(/^[^\u4e00-\u9fff]+\((B?T\d)\) · /);
      const parts = w.split(' · ');
      if (parts.length === 3) expect(parts[2]).not.toMatch(/[\u4e00-\u9fff]/);
    }
    await page.screenshot({ path: screenshotPath('verdict-chip-en.png') });
    const tabId = await tabIdOf(page);
    const popup = await openPopup(tabId);
    // Narrative findings in English too: tables by their English names, units in English (issue 15).
    const narrative = await popup.$$eval('.finding', (els) =>
      els.filter((e) => /^N-/.test(e.querySelector('.rule')?.textContent ?? '')).map((e) => `${e.querySelector('.msg')?.textContent ?? ''} | ${e.querySelector('.values')?.textContent ?? ''}`),
    );
    expect(narrative.length).toBeGreaterThan(0);
    for (const line of narrative) expect(line).not.toMatch(/万元|《|叙述|无法计算/);
    expect(await popup.locator('dl').first().innerText()).toMatch(/Unit\s+10k yuan/);
    await popup.screenshot({ path: screenshotPath('popup-en.png'), fullPage: true });
    await w.evaluate(() => chrome.storage.local.set({ settings: { lang: 'zh', showNotices: true, hosts: [] } }));
    await popup.close();
    await page.close();
  });

  it('the chip can be closed, and stays closed on the site', async () => {
    const page = await openChecked('/lukou.html');
    await page.locator('[data-dc-ui="verdict"] button[data-action="dismiss"]').click();
    await expect.poll(() => page.locator('[data-dc-ui="verdict"]').count()).toBe(0);
    const w = await worker();
    await expect.poll(() => w.evaluate(() => chrome.storage.local.get('verdictDismissed').then((g) => g.verdictDismissed))).toEqual([`${PORTAL_HOST}:${server.port}`]);
    await page.reload();
    await page.waitForSelector('[data-dc-severity]', { timeout: 30_000 });
    await page.waitForTimeout(500);
    expect(await page.locator('[data-dc-ui="verdict"]').count()).toBe(0);
    await w.evaluate(() => chrome.storage.local.remove('verdictDismissed'));
    await page.close();
  });
});
