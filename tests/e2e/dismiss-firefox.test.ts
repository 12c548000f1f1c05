/**
 * The reviewer's dismissals in real Firefox (MV2 build; issue 23 item 6): dismiss a finding in the
 * popup; it leaves the counts and the badge and stays dismissed after a reload; the CLI given the
 * stored file (--ignore) gives the same counts; undo restores it; an import on the options page
 * brings it back. (The Chromium suite is tests/e2e/dismiss.test.ts.)
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { join } from 'node:path';
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import type { Browser, ElementHandle } from 'puppeteer-core';
import { PORTAL_HOST, ROOT, ensureBuilt, serve, until, type FixtureServer } from './harness';
import { launchFirefox, openFirefoxExtensionPage, openFirefoxPopup } from './firefox-harness';
import { cliOnPortal } from './cli-findings';

const LUKOU = join(ROOT, 'tests/fixtures/lukou-2024.html');
type Summary = { errors: number; warnings: number; notices: number; dismissed?: number };
type State = { status: string; report: { findings: { severity: string; cells: unknown[]; dismissed?: { note?: string } }[]; summary: Summary } | null };

let server: FixtureServer;
let browser: Browser;
let tmp: string;

type Ext = {
  tabs: { query(q: object): Promise<{ id?: number; url?: string }[]>; sendMessage(id: number, m: unknown): Promise<unknown> };
  browserAction: { getBadgeText(d: { tabId: number }): Promise<string> };
  storage: { local: { get(k: string): Promise<Record<string, unknown>> } };
};

beforeAll(async () => {
  ensureBuilt();
  tmp = mkdtempSync(join(tmpdir(), 'dc-dismiss-ff-'));
  server = await serve({ '/lukou.html': { file: LUKOU } });
  browser = await launchFirefox();
});

afterAll(async () => {
  await browser?.close();
  await server?.close();
  if (tmp) rmSync(tmp, { recursive: true, force: true });
});

describe('Firefox: dismissing a finding', () => {
  it('dismiss, reload, CLI --ignore, undo, import', async () => {
    const url = `${server.origin(PORTAL_HOST)}/lukou.html`;
    const page = await browser.newPage();
    await page.goto(url);
    // An extension page of our own to ask the extension APIs from.
    const ext = await openFirefoxExtensionPage(browser, 'options.html');
    const tabId = await until(
      () => ext.evaluate((u) => (globalThis as unknown as { browser: Ext }).browser.tabs.query({}).then((t) => t.find((x) => x.url === u)?.id ?? null), url),
      (id) => id !== null,
      'the tab',
    );
    const stateOf = () =>
      ext.evaluate((id) => (globalThis as unknown as { browser: Ext }).browser.tabs.sendMessage(id, { type: 'dc:get-state' }).catch(() => null), tabId!) as Promise<State | null>;
    const badge = () => ext.evaluate((id) => (globalThis as unknown as { browser: Ext }).browser.browserAction.getBadgeText({ tabId: id }), tabId!);
    const before = await until(stateOf, (s) => s?.status === 'done', 'the check');
    const sum = before!.report!.summary;
    expect(sum.errors).toBeGreaterThan(0);
    await until(badge, (b) => b === String(sum.errors), 'the badge');
    const idx = before!.report!.findings.findIndex((f) => f.severity === 'error' && f.cells.length > 0);

    const openPopup = () => openFirefoxPopup(browser, tabId!);
    const popup = await openPopup();
    await popup.click(`[data-action="dismiss"][data-finding="${idx}"]`);
    await popup.type(`[data-dismiss-form="${idx}"] input`, '已与财务核对');
    await popup.click(`[data-dismiss-form="${idx}"] [data-action="dismiss-confirm"]`);
    const after = await until(stateOf, (s) => s?.report?.summary.errors === sum.errors - 1, 'the dismissal');
    expect(after!.report!.summary).toMatchObject({ errors: sum.errors - 1, warnings: sum.warnings, notices: sum.notices, dismissed: 1 });
    expect(after!.report!.findings[idx].dismissed).toMatchObject({ note: '已与财务核对' });
    await until(badge, (b) => b === String(sum.errors - 1), 'the badge after dismissing');
    await popup.waitForSelector(`[data-dismissed-finding="${idx}"]`, { timeout: 10_000 });
    await popup.close();

    await page.reload();
    const reloaded = await until(stateOf, (s) => s?.status === 'done' && !!s.report?.findings[idx]?.dismissed, 'the check after reload');
    expect(reloaded!.report!.summary.errors).toBe(sum.errors - 1);
    await until(badge, (b) => b === String(sum.errors - 1), 'the badge after reload');

    const file = await ext.evaluate(() => (globalThis as unknown as { browser: Ext }).browser.storage.local.get('findingDismissals').then((g) => g.findingDismissals ?? null));
    const ignore = join(tmp, 'dismissals.json');
    writeFileSync(ignore, JSON.stringify(file));
    const { code, out, err } = await cliOnPortal(['-q', '-f', 'json', '--ignore', ignore, url]);
    expect(code, err).toBe(0);
    expect((JSON.parse(out) as { summary: Summary }).summary).toMatchObject({ errors: sum.errors - 1, warnings: sum.warnings, notices: sum.notices, dismissed: 1 });

    const again = await openPopup();
    await again.click(`[data-action="undismiss"][data-finding="${idx}"]`);
    await until(badge, (b) => b === String(sum.errors), 'the badge after undo');
    await again.close();

    // Import on the options page (the same page reloaded shows the count).
    const input = (await ext.$('[data-action="import-dismissals"]')) as ElementHandle<HTMLInputElement>;
    await input.uploadFile(ignore);
    await ext.waitForSelector('[data-dismissals-count="1"]', { timeout: 10_000 });
    await until(badge, (b) => b === String(sum.errors - 1), 'the badge after import');
  });
});
