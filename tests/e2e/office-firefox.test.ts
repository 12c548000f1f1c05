/**
 * Word files on the check page in firefox-esr (MV2 build, puppeteer-core): a .docx dropped on
 * viewer.html is shown, checked and marked; the verdict is the CLI's.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import puppeteer, { type Browser, type Page } from 'puppeteer-core';
import { FIREFOX, FIREFOX_BUILD, ROOT, ensureBuilt, requireBinary, screenshotPath } from './harness';
import { reportOf } from '../unit/office/build';

const DRAFTS = join(ROOT, '../shared/fixtures/drafts');
const GECKO_ID = '{8f3b2c71-5d4e-4a96-b1c0-7e2d9a6f4c35}';
const EXT_UUID = '7e1a9c42-3b5d-4f60-8a2e-1c9d0b6f4a37';
const EXT_ORIGIN = `moz-extension://${EXT_UUID}`;

let browser: Browser;

beforeAll(async () => {
  requireBinary(FIREFOX, 'firefox-esr');
  ensureBuilt();
  browser = await puppeteer.launch({
    browser: 'firefox',
    executablePath: FIREFOX,
    headless: true,
    args: ['--remote-allow-system-access'],
    extraPrefsFirefox: { 'extensions.webextensions.uuids': JSON.stringify({ [GECKO_ID]: EXT_UUID }) },
  });
  expect(await browser.installExtension(FIREFOX_BUILD)).toBe(GECKO_ID);
}, 240_000);

afterAll(async () => {
  await browser?.close();
});

/** An extension page in its own tab (BiDi never reports the moz-extension load: wait on the page). */
async function openExtensionPage(path: string): Promise<Page> {
  const page = await browser.newPage();
  page.goto(`${EXT_ORIGIN}/${path}`, { timeout: 5_000 }).catch(() => undefined);
  await page.waitForFunction(() => location.protocol === 'moz-extension:' && document.readyState === 'complete', { timeout: 15_000 });
  return page;
}

describe('check page: Word files (Firefox)', () => {
  it('a dropped .docx is shown, checked and marked; the verdict is the CLI\'s', async () => {
    const cli = await reportOf(new Uint8Array(readFileSync(join(DRAFTS, 'lukou-2024.docx'))), 'lukou-2024.docx');
    const page = await openExtensionPage('viewer.html');
    await page.waitForSelector('[data-phase="empty"]', { timeout: 15_000 });
    const b64 = readFileSync(join(DRAFTS, 'lukou-2024.docx')).toString('base64');
    await page.evaluate((data: string) => {
      const bin = atob(data);
      const bytes = new Uint8Array(bin.length);
      for (let i = 0; i < bin.length; i++) bytes[i] = bin.charCodeAt(i);
      const dt = new DataTransfer();
      dt.items.add(new File([bytes], 'lukou-2024.docx', { type: 'application/vnd.openxmlformats-officedocument.wordprocessingml.document' }));
      const target = document.querySelector('.viewer')!;
      target.dispatchEvent(new DragEvent('dragover', { dataTransfer: dt, bubbles: true, cancelable: true }));
      target.dispatchEvent(new DragEvent('drop', { dataTransfer: dt, bubbles: true, cancelable: true }));
    }, b64);
    await page.waitForSelector('.office-doc [data-dc-severity="error"]', { timeout: 60_000 });
    const got = await page.evaluate(() => {
      const ids = new Set<string>();
      for (const el of document.querySelectorAll('.office-doc [data-dc-findings]')) for (const f of (el.getAttribute('data-dc-findings') ?? '').split(' ')) if (f) ids.add(f);
      const errors = new Set<string>();
      for (const el of document.querySelectorAll('.office-doc [data-dc-severity="error"]')) errors.add(el.getAttribute('data-dc-finding') ?? '');
      return { tables: document.querySelectorAll('.office-doc table').length, marked: ids.size, errorFindings: errors.size };
    });
    expect(got.tables).toBe(9);
    // The errors and warnings the CLI finds are all marked (data-dc-findings lists every finding an
    // element carries; data-dc-finding only the most severe one, so errors sharing a sentence count once).
    expect(got.errorFindings).toBeGreaterThan(0);
    expect(got.marked).toBeGreaterThanOrEqual(cli.summary.errors + cli.summary.warnings);
    await page.screenshot({ path: screenshotPath('firefox-office-docx.png') });
    await page.close();
  }, 120_000);
});
