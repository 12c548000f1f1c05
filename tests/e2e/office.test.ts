/**
 * Word and Excel files on the check page (issue 18), in real headless Chromium: a .docx dropped on
 * viewer.html is shown as plain elements, checked, and its findings marked in place with the same
 * data-dc-* marks as on a page, as many as the CLI finds in the same file; an .xlsx gets its one
 * "tables only" notice; a .doc gets the "use .docx or PDF" message.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { chromium, type BrowserContext, type Page } from 'playwright-core';
import { CHROME_BUILD, CHROMIUM, ROOT, chromiumArgs, ensureBuilt, requireBinary, screenshotPath } from './harness';
import { reportOf } from '../unit/office/build';

const DRAFTS = join(ROOT, '../shared/fixtures/drafts');

let ctx: BrowserContext;
let extId: string;

beforeAll(async () => {
  requireBinary(CHROMIUM, 'chromium');
  ensureBuilt();
  ctx = await chromium.launchPersistentContext('', { executablePath: CHROMIUM, headless: true, args: chromiumArgs(CHROME_BUILD) });
  const sw = ctx.serviceWorkers()[0] ?? (await ctx.waitForEvent('serviceworker'));
  extId = new URL(sw.url()).host;
}, 240_000);

afterAll(async () => {
  await ctx?.close();
});

/** Drops a file on the viewer the way a user does: a DataTransfer with a File in a drop event. */
async function drop(page: Page, file: string, type: string): Promise<void> {
  const b64 = readFileSync(join(DRAFTS, file)).toString('base64');
  await page.evaluate(
    ({ b64, name, type }) => {
      const bin = atob(b64);
      const bytes = new Uint8Array(bin.length);
      for (let i = 0; i < bin.length; i++) bytes[i] = bin.charCodeAt(i);
      const dt = new DataTransfer();
      dt.items.add(new File([bytes], name, { type }));
      const target = document.querySelector('.viewer')!;
      target.dispatchEvent(new DragEvent('dragover', { dataTransfer: dt, bubbles: true, cancelable: true }));
      target.dispatchEvent(new DragEvent('drop', { dataTransfer: dt, bubbles: true, cancelable: true }));
    },
    { b64, name: file, type },
  );
}

async function openViewer(): Promise<Page> {
  const page = await ctx.newPage();
  await page.goto(`chrome-extension://${extId}/viewer.html`);
  await page.waitForSelector('[data-phase="empty"]');
  return page;
}

describe('check page: Word and Excel files (Chromium)', () => {
  it('a dropped .docx is shown, checked and marked like the CLI checks it', async () => {
    const cli = await reportOf(new Uint8Array(readFileSync(join(DRAFTS, 'lukou-2024.docx'))), 'lukou-2024.docx');
    const page = await openViewer();
    await drop(page, 'lukou-2024.docx', 'application/vnd.openxmlformats-officedocument.wordprocessingml.document');
    await page.waitForSelector('.office-doc table', { timeout: 60_000 });
    await page.waitForSelector('.office-doc [data-dc-severity="error"]', { timeout: 60_000 });
    const marks = await page.evaluate(() => {
      const ids = new Set<string>();
      for (const el of document.querySelectorAll('.office-doc [data-dc-findings]')) for (const f of (el.getAttribute('data-dc-findings') ?? '').split(' ')) if (f) ids.add(f);
      return { findings: ids.size, tables: document.querySelectorAll('.office-doc table').length, scripts: document.querySelectorAll('.office-doc script, .office-doc img, .office-doc a').length };
    });
    expect(marks.tables).toBe(9);
    expect(marks.scripts).toBe(0);
    // Every finding the CLI reports with a cell or a sentence is marked (notices too, by default or not).
    const markable = cli.findings.filter((f) => f.cells.length > 0 || f.quote !== null && f.severity !== 'notice').length;
    expect(marks.findings).toBeGreaterThanOrEqual(markable);
    expect(await page.locator('.bar .name').textContent()).toBe('lukou-2024.docx');
    await page.screenshot({ path: screenshotPath('chromium-office-docx.png') });
    await page.close();
  }, 120_000);

  it('a dropped .xlsx: nine tables, the cells marked, no errors for the missing text', async () => {
    const page = await openViewer();
    await drop(page, 'lukou-2024-tables.xlsx', 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet');
    await page.waitForSelector('.office-doc section[data-dc-sheet] table', { timeout: 60_000 });
    await page.waitForSelector('.office-doc [data-dc-severity]', { timeout: 60_000 });
    const got = await page.evaluate(() => ({
      sheets: document.querySelectorAll('.office-doc section[data-dc-sheet]').length,
      errors: document.querySelectorAll('.office-doc [data-dc-severity="error"]').length,
    }));
    expect(got).toEqual({ sheets: 9, errors: 0 });
    await page.close();
  }, 120_000);

  it('the popup and the options page lead to the check page', async () => {
    const popup = await ctx.newPage();
    await popup.goto(`chrome-extension://${extId}/popup.html`);
    const opened = ctx.waitForEvent('page');
    await popup.click('[data-action="check-local"]');
    const viewer = await opened;
    await viewer.waitForSelector('[data-phase="empty"]');
    expect(new URL(viewer.url()).pathname).toBe('/viewer.html');
    const options = await ctx.newPage();
    await options.goto(`chrome-extension://${extId}/options.html`);
    expect(await options.getAttribute('[data-action="check-local"]', 'href')).toBe(`chrome-extension://${extId}/viewer.html`);
    await Promise.all([popup.close(), viewer.close(), options.close()]);
  }, 60_000);

  it('a dropped .doc asks for the .docx or a PDF', async () => {
    const page = await openViewer();
    await drop(page, 'lukou-2024.doc', 'application/msword');
    const msg = await page.waitForSelector('[data-phase="failed"]', { timeout: 30_000 });
    expect(await msg.textContent()).toContain('请提供 .docx 或 PDF');
    await page.close();
  }, 60_000);
});
