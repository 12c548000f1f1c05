/**
 * The reviewer's dismissals in real Chromium (issue 23 item 6): dismiss a finding in the popup with
 * a note; it leaves the counts and the badge and is listed under 已忽略; it stays dismissed after a
 * reload; the CLI given the exported file (--ignore) gives the same counts; undo restores it; an
 * import (options page) brings it back.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { join } from 'node:path';
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import type { BrowserContext, Page, Worker } from 'playwright-core';
import { CHROMIUM, PORTAL_HOST, ROOT, ensureBuilt, launchChromium, openChromiumPopup, requireBinary, serve, until, type FixtureServer } from './harness';
import { cliOnPortal } from './cli-findings';

declare const chrome: {
  tabs: { query(q: object): Promise<{ id?: number }[]>; sendMessage(id: number, m: unknown): Promise<unknown> };
  action: { getBadgeText(d: { tabId: number }): Promise<string> };
  storage: { local: { get(k: string): Promise<Record<string, unknown>> } };
};

const LUKOU = join(ROOT, 'tests/fixtures/lukou-2024.html');
type Summary = { errors: number; warnings: number; notices: number; dismissed?: number };
type State = { status: string; report: { findings: { severity: string; cells: unknown[]; dismissed?: { note?: string } }[]; summary: Summary } | null };

let server: FixtureServer;
let ctx: BrowserContext;
let sw: Worker;
let extId: string;
let tmp: string;

const worker = (): Worker => ctx.serviceWorkers().find((w) => w.url().startsWith(`chrome-extension://${extId}/`)) ?? sw;
const stateOf = (tabId: number) =>
  worker().evaluate((id) => chrome.tabs.sendMessage(id, { type: 'dc:get-state' }).catch(() => null), tabId) as Promise<State | null>;
const badge = (tabId: number) => worker().evaluate((id) => chrome.action.getBadgeText({ tabId: id }), tabId);
const stored = () => worker().evaluate(() => chrome.storage.local.get('findingDismissals').then((g) => g.findingDismissals ?? null));

async function openPopup(tabId: number): Promise<Page> {
  const popup = await openChromiumPopup(ctx, extId, tabId);
  await popup.waitForSelector('[data-state="done"]');
  return popup;
}

beforeAll(async () => {
  requireBinary(CHROMIUM, 'chromium');
  ensureBuilt();
  tmp = mkdtempSync(join(tmpdir(), 'dc-dismiss-'));
  server = await serve({ '/lukou.html': { file: LUKOU } });
  ({ ctx, sw, extId } = await launchChromium());
});

afterAll(async () => {
  await ctx?.close();
  await server?.close();
  if (tmp) rmSync(tmp, { recursive: true, force: true });
});

describe('Chromium: dismissing a finding', () => {
  it('dismiss, reload, CLI --ignore, undo, import', async () => {
    const url = `${server.origin(PORTAL_HOST)}/lukou.html`;
    const page = await ctx.newPage();
    await page.goto(url);
    await page.bringToFront();
    const tabId = await worker().evaluate(() => chrome.tabs.query({ active: true }).then((t) => t[0].id!));
    const before = await until(() => stateOf(tabId), (s) => s?.status === 'done', 'the check');
    const sum = before!.report!.summary;
    expect(sum.errors).toBeGreaterThan(0);
    expect(await badge(tabId)).toBe(String(sum.errors));
    const idx = before!.report!.findings.findIndex((f) => f.severity === 'error' && f.cells.length > 0);
    expect(idx).toBeGreaterThanOrEqual(0);

    // Dismiss with a note in the popup.
    const popup = await openPopup(tabId);
    await popup.click(`[data-action="dismiss"][data-finding="${idx}"]`);
    await popup.fill(`[data-dismiss-form="${idx}"] input`, '已与财务核对');
    await popup.click(`[data-dismiss-form="${idx}"] [data-action="dismiss-confirm"]`);
    const after = await until(() => stateOf(tabId), (s) => s?.report?.summary.errors === sum.errors - 1, 'the dismissal');
    expect(after!.report!.summary).toMatchObject({ errors: sum.errors - 1, warnings: sum.warnings, notices: sum.notices, dismissed: 1 });
    expect(after!.report!.findings).toHaveLength(before!.report!.findings.length);
    expect(after!.report!.findings[idx].dismissed).toMatchObject({ note: '已与财务核对' });
    await until(() => badge(tabId), (b) => b === String(sum.errors - 1), 'the badge');
    await popup.waitForSelector(`[data-dismissed-finding="${idx}"]`);
    expect(await popup.locator(`.sev-group [data-finding="${idx}"]`).count()).toBe(0);
    await popup.close();

    // Reload: still dismissed.
    await page.reload();
    const reloaded = await until(() => stateOf(tabId), (s) => s?.status === 'done' && !!s.report, 'the check after reload');
    expect(reloaded!.report!.findings[idx].dismissed).toMatchObject({ note: '已与财务核对' });
    expect(reloaded!.report!.summary.errors).toBe(sum.errors - 1);
    await until(() => badge(tabId), (b) => b === String(sum.errors - 1), 'the badge after reload');

    // The stored marks are the exported file: the CLI reading the same page with it agrees.
    const file = await stored();
    const ignore = join(tmp, 'dismissals.json');
    writeFileSync(ignore, JSON.stringify(file));
    const { code, out, err } = await cliOnPortal(['-q', '-f', 'json', '--ignore', ignore, url]);
    expect(code, err).toBe(0);
    const cli = JSON.parse(out) as { summary: Summary; findings: { dismissed?: unknown }[] };
    expect(cli.summary).toMatchObject({ errors: sum.errors - 1, warnings: sum.warnings, notices: sum.notices, dismissed: 1 });
    expect(cli.findings.flatMap((f, i) => (f.dismissed ? [i] : []))).toEqual([idx]);

    // Undo in the popup.
    const again = await openPopup(tabId);
    await again.click(`[data-action="undismiss"][data-finding="${idx}"]`);
    await until(() => badge(tabId), (b) => b === String(sum.errors), 'the badge after undo');
    await again.waitForSelector(`.sev-group [data-finding="${idx}"]`);
    expect((await stateOf(tabId))!.report!.findings[idx].dismissed).toBeUndefined();
    await again.close();

    // Import the exported file on the options page: dismissed again.
    const options = await ctx.newPage();
    await options.goto(`chrome-extension://${extId}/options.html`);
    await options.setInputFiles('[data-action="import-dismissals"]', ignore);
    await options.waitForSelector('[data-dismissals-count="1"]');
    await until(() => badge(tabId), (b) => b === String(sum.errors - 1), 'the badge after import');
    await options.close();
  });
});
