/**
 * The extension in real headless Chromium (playwright-core): marks on a *.gov.cn page equal the
 * CLI's findings; popup lists them and jumps to them; marks off restores the DOM exactly; badge;
 * non-portal hosts untouched until the toolbar action; no-disclosure page; AJAX page; single-page
 * portal navigation; no network.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { join } from 'node:path';
import { tmpdir } from 'node:os';
import { readFileSync, writeFileSync } from 'node:fs';
import type { BrowserContext, Page, Worker, CDPSession } from 'playwright-core';
import {
  CHROMIUM,
  PORTAL_HOST,
  ROOT,
  ensureBuilt,
  launchChromium,
  openChromiumPopup,
  requireBinary,
  screenshotPath,
  serve,
  type FixtureServer,
} from './harness';
import { cliFindings, markKey, type CliResult } from './cli-findings';
import { BUDGET_DEPT, overBudgetUnit } from './budget-pages';
import { TIMINGS_KEY } from '../../lib/ext/timings';

// Extension APIs as used inside the service worker (these callbacks run in the browser).
declare const chrome: {
  tabs: { query(q: object): Promise<{ id?: number }[]>; sendMessage(id: number, m: unknown): Promise<unknown> };
  action: { getBadgeText(d: { tabId: number }): Promise<string> };
  storage: { local: { get(k: string): Promise<Record<string, unknown>> } };
};

const LUKOU = join(ROOT, 'tests/fixtures/lukou-2024.html');
const PUTUO = join(ROOT, 'tests/fixtures/putuo-2025.html');
// The budget page made from dept-budget.pdf (issue 19) with one slip: a per-项 line's 万元 figure
// truncated instead of rounded half-up (B-21 names the sentence and the BT5 cell).
const BUDGET_SRC = join(ROOT, 'tests/fixtures/budget/putuo-dept-budget-2025.html');
const BUDGET = join(tmpdir(), `dc-e2e-budget-slip-${process.pid}.html`);
const NO_DISCLOSURE_HTML = `<!doctype html><html><head><meta charset="utf-8"><title>关于开展春季植树活动的通知</title></head>
<body><h1>关于开展春季植树活动的通知</h1><p>各单位：为改善生态环境，定于三月十二日开展植树活动。</p>
<table border="1"><tr><th>单位</th><th>联系人</th><th>电话</th></tr><tr><td>办公室</td><td>张三</td><td>0731-1234567</td></tr></table></body></html>`;
// An AJAX portal page: the article (the fixture's body) arrives 1.2 s after load.
function ajaxPage(): string {
  const body = readFileSync(LUKOU, 'utf8').replace(/^[\s\S]*?<body[^>]*>/i, '').replace(/<\/body>[\s\S]*$/i, '');
  return `<!doctype html><html><head><meta charset="utf-8"><title>loading</title></head><body><div id="app">加载中…</div>
<template id="article">${body}</template>
<script>setTimeout(function(){var t=document.getElementById('article');var a=document.getElementById('app');a.textContent='';a.appendChild(t.content.cloneNode(true));},1200);</script></body></html>`;
}

// A hostile page: sabotaged built-ins and fake messages aimed at the extension.
function hostilePage(): string {
  const sabotage = `<script>
  (function(){
    var boom = function(){ throw new Error('sabotaged by the page'); };
    ['map','forEach','filter','some','includes','push','join','sort'].forEach(function(k){ Array.prototype[k] = boom; });
    JSON.parse = boom; JSON.stringify = boom; Map.prototype.get = boom; Object.keys = boom;
    Element.prototype.setAttribute = boom; Element.prototype.removeAttribute = boom; Element.prototype.getAttribute = boom;
    Node.prototype.appendChild = boom; Document.prototype.createElement = boom;
    var fakes = [{type:'dc:set-marks',on:false},{type:'dc:reveal',finding:-1},{type:'dc:state',state:{status:'done'}},'dc:run'];
    setInterval(function(){ for (var i = 0; i < fakes.length; i++) window.postMessage(fakes[i], '*'); }, 50);
  })();
  </script>`;
  return readFileSync(LUKOU, 'utf8').replace(/<head([^>]*)>/i, (m) => m + sabotage);
}

// A very large page: the seed's article ten times over.
function bigPage(times: number): string {
  const html = readFileSync(LUKOU, 'utf8');
  const body = html.replace(/^[\s\S]*?<body[^>]*>/i, '').replace(/<\/body>[\s\S]*$/i, '');
  return html.replace(/<body([^>]*)>[\s\S]*<\/body>/i, (_m, a) => `<body${a}>${body.repeat(times)}</body>`);
}

type State = { status: string; url: string; marksOn: boolean; report: { findings: { severity: string }[]; summary: { errors: number } } | null; items: unknown[] };

let server: FixtureServer;
let ctx: BrowserContext;
let sw: Worker;
let extId: string;
let cdp: CDPSession;
let cli: CliResult;
const requests: string[] = [];

async function worker(): Promise<Worker> {
  const live = ctx.serviceWorkers().find((w) => w.url().startsWith(`chrome-extension://${extId}/`));
  return live ?? sw;
}

async function tabIdOf(page: Page): Promise<number> {
  await page.bringToFront();
  const w = await worker();
  return w.evaluate(() => chrome.tabs.query({ active: true }).then((t) => t[0].id!));
}

async function stateOf(tabId: number): Promise<State | null> {
  const w = await worker();
  return w.evaluate(
    (id) => chrome.tabs.sendMessage(id, { type: 'dc:get-state' }).catch(() => null),
    tabId,
  ) as Promise<State | null>;
}

async function waitForStatus(tabId: number, statuses: string[], timeoutMs = 30_000): Promise<State> {
  const end = Date.now() + timeoutMs;
  let last: State | null = null;
  while (Date.now() < end) {
    last = await stateOf(tabId);
    if (last && statuses.includes(last.status)) return last;
    await new Promise((r) => setTimeout(r, 150));
  }
  throw new Error(`tab ${tabId} never reached ${statuses.join('/')}; last state: ${last?.status ?? 'no content script'}`);
}

/** (finding, text) of every mark on the page, one per finding an element carries. */
function pageMarks(page: Page, severities: string[]) {
  return page.evaluate((sev) => {
    const out: { finding: number; severity: string; text: string }[] = [];
    for (const el of document.querySelectorAll('[data-dc-severity]')) {
      for (const f of (el.getAttribute('data-dc-findings') ?? '').split(' ').filter(Boolean)) {
        out.push({ finding: Number(f), severity: sev[Number(f)], text: (el.textContent ?? '').replace(/\s+/g, ' ').trim() });
      }
    }
    return out;
  }, severities);
}

const openPopup = (tabId: number): Promise<Page> => openChromiumPopup(ctx, extId, tabId);

beforeAll(async () => {
  requireBinary(CHROMIUM, 'chromium');
  ensureBuilt();
  cli = cliFindings(LUKOU, 'lukou');
  writeFileSync(BUDGET, readFileSync(BUDGET_SRC, 'utf8').replace('科目1,202.95万元', '科目1,202.94万元'));
  server = await serve({
    '/lukou.html': { file: LUKOU },
    '/notice.html': { html: NO_DISCLOSURE_HTML },
    '/putuo.html': { file: PUTUO },
    '/budget.html': { file: BUDGET },
    '/budget-dept.html': { file: BUDGET_DEPT },
    '/budget-unit.html': { html: overBudgetUnit() },
    // lukou without the reasons given for its 公务接待费 (an insight, X-02, when insights are on).
    '/no-reason.html': {
      html: readFileSync(LUKOU, 'utf8')
        .replace('决算数小于预算数的主要原因是未产生公务接待费用。', '')
        .replace('决算数小于预算数的主要原因是压缩相关费用支出。决算数小于上年数的主要原因是压缩相关费用支出。', ''),
    },
    '/ajax.html': { html: ajaxPage() },
    // …served with a strict CSP as well: the marks' stylesheet must still apply.
    '/hostile.html': { html: hostilePage(), headers: { 'content-security-policy': "default-src 'none'; style-src 'self'; script-src 'unsafe-inline'" } },
    '/big.html': { html: bigPage(10) },
  });
  ({ ctx, sw, extId } = await launchChromium({ onLaunch: (c) => c.on('request', (r) => requests.push(r.url())) }));
  // The dc:* performance marks some cases read are a debug setting, off in what ships (lib/ext/timings).
  await sw.evaluate((key) => (globalThis as unknown as { chrome: { storage: { local: { set(v: object): Promise<void> } } } }).chrome.storage.local.set({ [key]: true }), TIMINGS_KEY);
  cdp = await ctx.browser()!.newBrowserCDPSession();
});

afterAll(async () => {
  await ctx?.close();
  await server?.close();
});

describe('Chromium: portal page (*.gov.cn)', () => {
  let page: Page;
  let tabId: number;
  let state: State;

  it('marks exactly the cells and sentences the CLI reports', async () => {
    expect(cli.report.findings.length).toBeGreaterThan(0);
    page = await ctx.newPage();
    await page.goto(`${server.origin(PORTAL_HOST)}/lukou.html`);
    tabId = await tabIdOf(page);
    state = await waitForStatus(tabId, ['done', 'no-disclosure', 'failed']);
    expect(state.status).toBe('done');
    // The disclosure was detected, so the checker was injected, once.
    expect(await page.evaluate(() => performance.getEntriesByName('dc:load').length)).toBe(1);
    // Same findings as the CLI (rule, severity, message, values, cells) in the same order.
    const strip = (r: { findings: unknown[] }) => JSON.parse(JSON.stringify(r.findings));
    expect(strip(state.report!)).toEqual(strip(cli.report));
    const severities = cli.report.findings.map((f) => f.severity);
    const marks = (await pageMarks(page, severities)).map(markKey).sort();
    expect(marks).toEqual(cli.marks.map(markKey).sort());
    // Each element: data-dc-finding is one of its findings, data-dc-severity the worst of them.
    const bad = await page.evaluate((sev) => {
      const rank: Record<string, number> = { error: 3, warning: 2, notice: 1 };
      return [...document.querySelectorAll('[data-dc-severity]')].filter((el) => {
        const all = (el.getAttribute('data-dc-findings') ?? '').split(' ').map(Number);
        const worst = all.map((i) => sev[i]).sort((a, b) => rank[b] - rank[a])[0];
        return !all.includes(Number(el.getAttribute('data-dc-finding'))) || el.getAttribute('data-dc-severity') !== worst;
      }).length;
    }, severities);
    expect(bad).toBe(0);
    if (cli.totals > 0) expect(await page.locator('[data-dc-role="total"]').count()).toBeGreaterThan(0);
    // Sentences are highlighted with the CSS Custom Highlight API (no DOM text changes).
    const highlights = await page.evaluate(() => (CSS as unknown as { highlights: Map<string, unknown> }).highlights.size);
    if (cli.sentences > 0) expect(highlights).toBeGreaterThan(0);
  });

  it('shows the error count on the badge', async () => {
    const w = await worker();
    const text = await w.evaluate((id) => chrome.action.getBadgeText({ tabId: id }), tabId);
    expect(text).toBe(String(cli.report.summary.errors));
  });

  it('shows a tooltip with expected vs stated on hover (screenshot)', async () => {
    const first = cli.report.findings.findIndex((f) => f.severity === 'error' && f.cells.length > 0);
    const idx = first >= 0 ? first : 0;
    const el = page.locator(`[data-dc-finding="${idx}"]`).first();
    await el.scrollIntoViewIfNeeded();
    await page.evaluate(() => window.scrollBy(0, -200));
    await el.hover();
    const tip = await page.evaluate(() => !!document.querySelector('[data-dc-ui="tooltip"]'));
    expect(tip).toBe(true);
    await page.screenshot({ path: screenshotPath('chromium-page-marked.png') });
    // A narrative sentence mark, too.
    const sentence = cli.report.findings.findIndex((f) => f.severity !== 'notice' && f.quote && f.cells.length === 0);
    if (sentence >= 0) {
      const p = page.locator(`[data-dc-findings~="${sentence}"]`).first();
      await p.scrollIntoViewIfNeeded();
      await p.hover();
      await page.screenshot({ path: screenshotPath('chromium-page-sentence.png') });
    }
  });

  it('the popup lists every finding and jumps to one', async () => {
    const popup = await openPopup(tabId);
    await popup.waitForSelector('[data-state="done"]');
    // What matters first: errors, then warnings; the notices folded behind one line until asked for.
    const serious = cli.report.findings.filter((f) => f.severity !== 'notice').length;
    await expect.poll(() => popup.locator('button.finding').count()).toBe(serious);
    const firstSeverity = await popup.locator('button.finding').first().getAttribute('class');
    expect(firstSeverity).toContain(cli.report.summary.errors > 0 ? 'error' : 'warning');
    if (cli.report.summary.notices > 0) {
      expect(await popup.locator('button[data-action="notices"]').innerText()).toMatch(/^\d+ 处(尾数差异|提示)/);
      await popup.locator('button[data-action="notices"]').click();
    }
    await expect.poll(() => popup.locator('button.finding').count()).toBe(cli.report.findings.length);
    const counts = await popup.locator('.counts').innerText();
    expect(counts).toContain(String(cli.report.summary.errors));
    await popup.screenshot({ path: screenshotPath('chromium-popup.png'), fullPage: true });
    // Exports: the JSON download is the CLI's report for the page; CSV and Markdown carry the findings.
    const [json] = await Promise.all([popup.waitForEvent('download'), popup.locator('button[data-action="json"]').click()]);
    const downloaded = JSON.parse(readFileSync((await json.path())!, 'utf8'));
    expect(downloaded.findings).toEqual(JSON.parse(JSON.stringify(cli.report.findings)));
    expect(downloaded.summary).toEqual(cli.report.summary);
    const [csv] = await Promise.all([popup.waitForEvent('download'), popup.locator('button[data-action="csv"]').click()]);
    const csvText = readFileSync((await csv.path())!, 'utf8');
    expect(csvText.trim().split('\n').length).toBeGreaterThan(cli.report.findings.length);
    // Headless has no system clipboard for extension origins: capture what the popup writes.
    await popup.evaluate(() => {
      navigator.clipboard.writeText = async (text: string) => {
        (window as unknown as { copied: string }).copied = text;
      };
    });
    await popup.locator('button[data-action="copy"]').click();
    await expect.poll(() => popup.locator('.toast').count()).toBe(1);
    const md = await popup.evaluate(() => (window as unknown as { copied: string }).copied);
    expect(md).toContain(cli.report.findings[0].rule);
    expect(md.startsWith('#')).toBe(true);
    // One finding to share: Chinese, cited as people cite cells, with a link that reopens the page at it.
    const firstIndex = Number(await popup.locator('button.finding').first().getAttribute('data-finding'));
    await popup.locator(`button[data-action="copy-finding"][data-finding="${firstIndex}"]`).click();
    const one = await popup.evaluate(() => (window as unknown as { copied: string }).copied);
    expect(one).toMatch(/^【(错误|警告)】/);
    expect(one).toContain(`（规则 ${cli.report.findings[firstIndex].rule}）`);
    expect(one).toMatch(/链接：http:\/\/[^#\s]+#dc-finding=\S+$/);
    expect(one).not.toMatch(/Should be|Stated|\[r\d+,c\d+\]/);
    // "应为" only where a cause names the value (issue 14 item 5): else 按明细合计为 / 应不超过 / 对照.
    for (const row of await popup.locator('button.finding').all()) {
      const i = Number(await row.getAttribute('data-finding'));
      const values = (await row.locator('.values').count()) ? await row.locator('.values').innerText() : '';
      if (values.includes('应为')) expect(cli.report.findings[i].cause, `finding ${i}: ${values}`).toBeTruthy();
      // A blank reads （空）, never 0.00.
      if (cli.report.findings[i].actual === '（空）' || cli.report.findings[i].actual === '') expect(values).toContain('所列 （空）');
    }
    // Jump to the last marked finding (far down the page) and check it is in view.
    const target = cli.markedFindings[cli.markedFindings.length - 1];
    await page.evaluate(() => window.scrollTo(0, 0));
    await popup.locator(`button.finding[data-finding="${target}"]`).click();
    await expect
      .poll(() =>
        page.evaluate((i) => {
          const el = document.querySelector(`[data-dc-findings~="${i}"]`);
          if (!el) return 'missing';
          const r = el.getBoundingClientRect();
          return r.bottom > 0 && r.top < window.innerHeight ? 'in-view' : `out:${Math.round(r.top)}`;
        }, target),
      )
      .toBe('in-view');
    await popup.close();
  });

  it('turning marks off restores the page DOM exactly', async () => {
    // Reference: the same page on a host where the extension does not run.
    const plain = await ctx.newPage();
    await plain.goto(`${server.origin()}/lukou.html`);
    const original = await plain.evaluate(() => document.documentElement.outerHTML);
    await plain.close();

    const popup = await openPopup(tabId);
    await popup.waitForSelector('[data-state="done"]');
    // Leave traces to clean up: a flash and a tooltip.
    await popup.locator('button.finding').first().click();
    await page.locator('[data-dc-severity]').first().hover();
    const marked = await page.evaluate(() => document.documentElement.outerHTML);
    expect(marked).not.toBe(original);

    await popup.locator('input[data-action="marks"]').uncheck();
    await expect.poll(() => page.locator('[data-dc-severity]').count()).toBe(0);
    const off = await page.evaluate(() => document.documentElement.outerHTML);
    expect(off).toBe(original);
    const hl = await page.evaluate(() => (CSS as unknown as { highlights?: Map<string, unknown> }).highlights?.size ?? 0);
    expect(hl).toBe(0);

    await popup.locator('input[data-action="marks"]').check();
    await expect.poll(() => page.locator('[data-dc-severity]').count()).toBeGreaterThan(0);
    await popup.locator('input[data-action="marks"]').uncheck();
    await expect.poll(() => page.evaluate(() => document.documentElement.outerHTML)).toBe(original);
    await popup.close();
  });
});

describe('Chromium: other pages', () => {
  it('leaves a non-portal host untouched until the toolbar button is used', async () => {
    const page = await ctx.newPage();
    await page.goto(`${server.origin()}/lukou.html`);
    await page.waitForTimeout(1500);
    expect(await page.locator('[data-dc-severity]').count()).toBe(0);
    expect(await page.evaluate(() => document.getElementById('dc-marks-style'))).toBeNull();
    const tabId = await tabIdOf(page);
    expect(await stateOf(tabId)).toBeNull(); // no content script at all

    // Press the toolbar button (grants activeTab, as a user click does), then run the popup's path.
    const { targetInfos } = (await cdp.send('Target.getTargets', { filter: [{ type: 'tab' }] } as never)) as unknown as {
      targetInfos: { targetId: string; type: string; url: string }[];
    };
    const tab = targetInfos.find((t) => t.type === 'tab' && t.url === page.url());
    expect(tab).toBeTruthy();
    await cdp.send('Extensions.triggerAction' as never, { id: extId, targetId: tab!.targetId } as never);
    const w = await worker();
    const res = await w.evaluate(
      (id) => (globalThis as unknown as { dcInjectAndRun(id: number): Promise<{ ok: boolean; error?: string }> }).dcInjectAndRun(id),
      tabId,
    );
    expect(res).toEqual({ ok: true });
    const state = await waitForStatus(tabId, ['done', 'no-disclosure', 'failed']);
    expect(state.status).toBe('done');
    const severities = cli.report.findings.map((f) => f.severity);
    expect((await pageMarks(page, severities)).map(markKey).sort()).toEqual(cli.marks.map(markKey).sort());
    await page.close();
  });

  it('a second layout (Shanghai, rounding-level differences only) matches the CLI too', async () => {
    const putuo = cliFindings(PUTUO, 'putuo');
    const page = await ctx.newPage();
    await page.goto(`http://www.shpt.gov.cn:${server.port}/putuo.html`);
    const tabId = await tabIdOf(page);
    const state = await waitForStatus(tabId, ['done', 'no-disclosure', 'failed']);
    expect(state.status).toBe('done');
    expect(JSON.parse(JSON.stringify(state.report!.findings))).toEqual(JSON.parse(JSON.stringify(putuo.report.findings)));
    const severities = putuo.report.findings.map((f) => f.severity);
    expect((await pageMarks(page, severities)).map(markKey).sort()).toEqual(putuo.marks.map(markKey).sort());
    const w = await worker();
    expect(await w.evaluate((id) => chrome.action.getBadgeText({ tabId: id }), tabId)).toBe(String(putuo.report.summary.errors));
    const popup = await openPopup(tabId);
    await popup.waitForSelector('[data-state="done"]');
    await popup.screenshot({ path: screenshotPath('chromium-popup-putuo.png'), fullPage: true });
    await popup.close();
    await page.close();
  });

  it('a budget page (预算) on *.gov.cn is detected and checked with the budget rules, as the CLI does', async () => {
    const budget = cliFindings(BUDGET, 'budget');
    expect(budget.report.document).toMatchObject({ kind: 'budget', scope: 'department' });
    expect(budget.report.findings.map((f) => f.rule)).toEqual(['B-21']);
    const page = await ctx.newPage();
    await page.goto(`http://www.shpt.gov.cn:${server.port}/budget.html`);
    const tabId = await tabIdOf(page);
    const state = await waitForStatus(tabId, ['done', 'no-disclosure', 'failed']);
    expect(state.status).toBe('done');
    expect(JSON.parse(JSON.stringify(state.report!.findings))).toEqual(JSON.parse(JSON.stringify(budget.report.findings)));
    const severities = budget.report.findings.map((f) => f.severity);
    expect((await pageMarks(page, severities)).map(markKey).sort()).toEqual(budget.marks.map(markKey).sort());
    const popup = await openPopup(tabId);
    await popup.waitForSelector('[data-state="done"]');
    const kind = popup.locator('dd.kind');
    expect(await kind.getAttribute('data-kind')).toBe('budget');
    expect(await kind.getAttribute('data-scope')).toBe('department');
    expect(await kind.innerText()).toBe('部门预算');
    expect(await popup.locator('[data-count="error"]').innerText()).toContain(String(budget.report.summary.errors));
    await popup.screenshot({ path: screenshotPath('chromium-popup-budget.png'), fullPage: true });
    await popup.close();
    await page.close();
  });

  it('B-N16 across tabs: a unit budget page gains the error against its department page open in another tab, and loses it when that tab closes', async () => {
    const unit = await ctx.newPage();
    await unit.goto(`http://www.shpt.gov.cn:${server.port}/budget-unit.html`);
    const tabId = await tabIdOf(unit);
    const alone = await waitForStatus(tabId, ['done', 'no-disclosure', 'failed']);
    expect(alone.status).toBe('done');
    const rules = (s: State) => s.report!.findings.map((f) => (f as unknown as { rule: string }).rule);
    expect(rules(alone)).not.toContain('B-N16');
    const base = alone.report!.findings.length;
    const pairedState = async (want: boolean) => {
      const end = Date.now() + 10_000;
      for (;;) {
        const s = await stateOf(tabId);
        if (s?.report && rules(s).includes('B-N16') === want) return s;
        if (Date.now() > end) throw new Error(`B-N16 never ${want ? 'appeared' : 'went'}`);
        await new Promise((r) => setTimeout(r, 150));
      }
    };
    const dept = await ctx.newPage();
    await dept.goto(`http://www.shpt.gov.cn:${server.port}/budget-dept.html`);
    const paired = await pairedState(true);
    const pair = paired.report!.findings.slice(base) as unknown as { rule: string; severity: string; expected: string; actual: string; message: string }[];
    expect(pair.map((f) => [f.rule, f.severity, f.expected, f.actual])).toEqual([['B-N16', 'error', '12,029,501.84', '13,029,501.84']]);
    expect(pair[0].message).toContain(`budget-dept.html`);
    expect(paired.report!.summary.errors).toBe(alone.report!.summary.errors + 1);
    const w = await worker();
    expect(await w.evaluate((id) => chrome.action.getBadgeText({ tabId: id }), tabId)).toBe(String(paired.report!.summary.errors));
    // The unit's BT3 cell carries the mark, and its tooltip the bound.
    const cell = unit.locator(`[data-dc-findings~="${base}"]`);
    expect(await cell.count()).toBe(1);
    expect((await cell.innerText()).trim()).toBe('13,029,501.84');
    expect(await cell.getAttribute('data-dc-severity')).toBe('error');
    // The cell carries the unit's own findings too (its BT3 sums no longer add up): revealing the
    // B-N16 finding (as the popup does) puts it on top of the tooltip.
    await unit.bringToFront();
    await w.evaluate(([id, f]) => chrome.tabs.sendMessage(id, { type: 'dc:reveal', finding: f }), [tabId, base] as const);
    await unit.waitForFunction(() => !!document.querySelector('[data-dc-ui="tooltip"]')?.shadowRoot?.querySelector('.tip')?.textContent);
    const tip = await unit.evaluate(() => document.querySelector('[data-dc-ui="tooltip"]')?.shadowRoot?.querySelector('.tip')?.textContent ?? '');
    // (After the cell's root cause, which leads every tooltip on it.)
    expect(tip).toContain('错误 · B-N16 单位预算与所属部门预算一致单位预算 2010301 支出合计 13,029,501.84 元大于部门预算的 12,029,501.84 元');
    expect(tip).toContain('budget-dept.html）应不超过12,029,501.84所列13,029,501.84差额+1,000,000.00');
    const popup = await openPopup(tabId);
    await popup.waitForSelector('[data-state="done"]');
    expect(await popup.locator('button.finding', { hasText: 'B-N16' }).count()).toBe(1);
    const item = popup.locator(`button.finding[data-finding="${base}"]`);
    expect(await item.innerText()).toContain('对照：部门预算页面「');
    expect(await popup.locator('[data-count="error"]').innerText()).toContain(String(paired.report!.summary.errors));
    await item.scrollIntoViewIfNeeded();
    await popup.screenshot({ path: screenshotPath('chromium-popup-budget-pair.png'), fullPage: true });
    await popup.close();
    // The department tab closes: the finding goes, and its mark with it.
    await dept.close();
    const after = await pairedState(false);
    expect(after.report!.summary.errors).toBe(alone.report!.summary.errors);
    expect(await unit.locator(`[data-dc-findings~="${base}"]`).count()).toBe(0);
    await unit.close();
  });

  it('does nothing on a portal page without a disclosure, and the popup says so; navigation clears the badge', async () => {
    const page = await ctx.newPage();
    await page.goto(`${server.origin(PORTAL_HOST)}/lukou.html`);
    const tabId = await tabIdOf(page);
    await waitForStatus(tabId, ['done']);
    const badge = () => worker().then((w) => w.evaluate((id) => chrome.action.getBadgeText({ tabId: id }), tabId));
    expect(await badge()).toBe(String(cli.report.summary.errors));
    await page.goto(`${server.origin(PORTAL_HOST)}/notice.html`);
    expect(await tabIdOf(page)).toBe(tabId);
    const state = await waitForStatus(tabId, ['no-disclosure', 'done', 'failed']);
    expect(state.status).toBe('no-disclosure');
    expect(await page.locator('[data-dc-severity]').count()).toBe(0);
    expect(await page.evaluate(() => document.getElementById('dc-marks-style'))).toBeNull();
    // Only the detector ran: the checker (lib core) was never injected into this page.
    expect(await page.evaluate(() => performance.getEntriesByName('dc:load').length)).toBe(0);
    const popup = await openPopup(tabId);
    await popup.waitForSelector('[data-state="no-disclosure"]');
    expect(await popup.locator('[data-state="no-disclosure"]').innerText()).toContain('此页面没有决算公开表格');
    await popup.screenshot({ path: screenshotPath('chromium-popup-no-disclosure.png') });
    expect(await badge()).toBe('');
    await popup.close();
    await page.close();
  });

  it('checks an AJAX page once its article arrives (no polling)', async () => {
    const page = await ctx.newPage();
    await page.goto(`${server.origin(PORTAL_HOST)}/ajax.html`);
    const tabId = await tabIdOf(page);
    const state = await waitForStatus(tabId, ['done'], 20_000);
    expect(state.report!.findings.length).toBe(cli.report.findings.length);
    expect(await page.locator('[data-dc-severity]').count()).toBeGreaterThan(0);
    await page.close();
  });

  it('a single-page portal: a new address with a new article is checked again; a #fragment is not', async () => {
    const lukouBody = readFileSync(LUKOU, 'utf8').replace(/^[\s\S]*?<body[^>]*>/i, '').replace(/<\/body>[\s\S]*$/i, '');
    const noticeBody = NO_DISCLOSURE_HTML.replace(/^[\s\S]*?<body[^>]*>/i, '').replace(/<\/body>[\s\S]*$/i, '');
    const swap = (page: Page, url: string, html: string) =>
      page.evaluate(
        ([u, h]) => {
          history.pushState({}, '', u);
          document.body.innerHTML = h; // the test page's own script, as an SPA router would do
        },
        [url, html],
      );
    const page = await ctx.newPage();
    await page.goto(`${server.origin(PORTAL_HOST)}/lukou.html`);
    const tabId = await tabIdOf(page);
    await waitForStatus(tabId, ['done']);
    const checks = () => page.evaluate(() => performance.getEntriesByName('dc:check').length);
    expect(await checks()).toBe(1);
    const badge = () => worker().then((w) => w.evaluate((id) => chrome.action.getBadgeText({ tabId: id }), tabId));

    // A table-of-contents jump changes only the fragment: same article, no second check.
    await page.evaluate(() => {
      location.hash = '#_Toc1';
      document.body.appendChild(document.createElement('div'));
    });
    await page.waitForTimeout(1200);
    expect(await checks()).toBe(1);
    expect(await page.locator('[data-dc-severity]').count()).toBeGreaterThan(0);

    // The router shows a notice: the old verdict, marks and badge go.
    await swap(page, '/spa/notice', noticeBody);
    const notice = await waitForStatus(tabId, ['no-disclosure']);
    expect(notice.url).toContain('/spa/notice');
    expect(notice.report).toBeNull();
    expect(await page.locator('[data-dc-severity]').count()).toBe(0);
    expect(await badge()).toBe('');

    // …and then a disclosure again: checked like a fresh page load.
    await swap(page, '/spa/lukou', lukouBody);
    const again = await waitForStatus(tabId, ['done']);
    expect(again.url).toContain('/spa/lukou');
    expect(JSON.parse(JSON.stringify(again.report!.findings))).toEqual(JSON.parse(JSON.stringify(cli.report.findings)));
    const severities = cli.report.findings.map((f) => f.severity);
    expect((await pageMarks(page, severities)).map(markKey).sort()).toEqual(cli.marks.map(markKey).sort());
    expect(await badge()).toBe(String(cli.report.summary.errors));
    expect(await checks()).toBe(2);

    // A router that renders first and pushes the address in a later task: no DOM change follows the
    // push, so only the Navigation API tells the content script the article is a new one. The new
    // article's marks must appear without the popup asking (asking would itself reveal the address).
    await page.evaluate(
      ([h]) =>
        new Promise<void>((done) => {
          document.body.innerHTML = h;
          setTimeout(() => {
            history.pushState({}, '', '/spa/lukou-2');
            done();
          }, 1000);
        }),
      [lukouBody],
    );
    expect(await page.locator('[data-dc-severity]').count()).toBe(0);
    await page.waitForFunction(() => performance.getEntriesByName('dc:marks').length >= 3, undefined, { timeout: 15_000 });
    expect(await checks()).toBe(3);
    expect((await pageMarks(page, severities)).map(markKey).sort()).toEqual(cli.marks.map(markKey).sort());
    const late = await waitForStatus(tabId, ['done']);
    expect(late.url).toContain('/spa/lukou-2');
    await page.close();
  });

  it('options: English and hidden notices apply to the popup and the page', async () => {
    const page = await ctx.newPage();
    await page.goto(`${server.origin(PORTAL_HOST)}/lukou.html`);
    const tabId = await tabIdOf(page);
    await waitForStatus(tabId, ['done']);
    const notices = cli.report.findings.filter((f) => f.severity === 'notice').length;
    const options = await ctx.newPage();
    await options.goto(`chrome-extension://${extId}/options.html`);
    await options.locator('select[data-setting="lang"]').selectOption('en');
    await options.locator('input[data-setting="showNotices"]').uncheck();
    await expect.poll(() => options.locator('h1').innerText()).toContain('Settings');
    await options.screenshot({ path: screenshotPath('chromium-options.png') });
    if (notices > 0) {
      await expect.poll(() => page.locator('[data-dc-severity="notice"]').count()).toBe(0);
    }
    expect(await page.locator('[data-dc-severity="error"]').count()).toBeGreaterThan(0);
    const popup = await openPopup(tabId);
    await popup.waitForSelector('[data-state="done"]');
    expect(await popup.locator('.counts').innerText()).toContain(`${cli.report.summary.errors} errors`);
    // Insights (X-xx) are off by default; the checkbox stores the setting the content script reads.
    const insights = options.locator('input[data-setting="insights"]');
    expect(await insights.isChecked()).toBe(false);
    await insights.check();
    await expect.poll(() => options.evaluate(async () => ((await chrome.storage.local.get('settings')).settings as { insights?: boolean } | undefined)?.insights)).toBe(true);
    await insights.uncheck();
    await expect.poll(() => options.evaluate(async () => ((await chrome.storage.local.get('settings')).settings as { insights?: boolean } | undefined)?.insights)).toBe(false);
    await options.locator('select[data-setting="lang"]').selectOption('zh');
    await options.locator('input[data-setting="showNotices"]').check();
    await popup.close();
    await options.close();
    await page.close();
  });

  it('insights on: an item off its budget with no reason is one 分析提示 in the popup, outside the counts and the badge', async () => {
    const options = await ctx.newPage();
    await options.goto(`chrome-extension://${extId}/options.html`);
    const box = options.locator('input[data-setting="insights"]');
    await box.check();
    await expect.poll(() => options.evaluate(async () => ((await chrome.storage.local.get('settings')).settings as { insights?: boolean } | undefined)?.insights)).toBe(true);
    try {
      const page = await ctx.newPage();
      await page.goto(`${server.origin(PORTAL_HOST)}/no-reason.html`);
      const tabId = await tabIdOf(page);
      const state = await waitForStatus(tabId, ['done']);
      const findings = state.report!.findings as unknown as { rule: string; severity: string; cells: { text: string }[] }[];
      const xs = findings.filter((f) => f.rule.startsWith('X-'));
      expect(xs.map((f) => [f.rule, f.severity, f.cells.map((c) => c.text)])).toEqual([['X-02', 'notice', ['1.75', '0']]]);
      // The counts and the badge are those of the page without insights (the CLI's, for lukou).
      expect(state.report!.summary.errors).toBe(cli.report.summary.errors);
      const w = await worker();
      expect(await w.evaluate((id) => chrome.action.getBadgeText({ tabId: id }), tabId)).toBe(String(cli.report.summary.errors));
      const popup = await openPopup(tabId);
      await popup.waitForSelector('[data-state="done"]');
      const fold = popup.locator('[data-action="insights"]');
      expect(await fold.innerText()).toContain('分析提示 1 条');
      expect(await popup.locator('[data-severity-group="insight"]').count()).toBe(0);
      await fold.click();
      const group = popup.locator('[data-severity-group="insight"]');
      await group.waitFor();
      expect(await group.innerText()).toContain('X-02');
      await group.scrollIntoViewIfNeeded();
      await popup.screenshot({ path: screenshotPath('chromium-popup-insights.png') });
      await popup.close();
      await page.close();
    } finally {
      await box.uncheck();
      await expect.poll(() => options.evaluate(async () => ((await chrome.storage.local.get('settings')).settings as { insights?: boolean } | undefined)?.insights)).toBe(false);
      await options.close();
    }
  });

  it('a hostile page (sabotaged built-ins, fake messages, strict CSP) is still checked and marked', async () => {
    const page = await ctx.newPage();
    const errors: string[] = [];
    page.on('pageerror', (e) => errors.push(e.message));
    await page.goto(`${server.origin(PORTAL_HOST)}/hostile.html`);
    const tabId = await tabIdOf(page);
    const state = await waitForStatus(tabId, ['done', 'failed', 'no-disclosure']);
    expect(state.status).toBe('done');
    expect(state.report!.findings.length).toBe(cli.report.findings.length);
    await page.waitForTimeout(300); // fake messages keep arriving; marks must stay
    expect(await page.locator('[data-dc-severity]').count()).toBe(cli.elements);
    expect(errors.filter((e) => !e.includes('sabotaged'))).toEqual([]);
    // The marks' stylesheet applies under the page's strict CSP.
    const frame = await page.locator('[data-dc-kind="cell"]').first().evaluate((el) => getComputedStyle(el).backgroundImage);
    expect(frame).toContain('linear-gradient');
    await page.close();
  });

  it('a very large page is checked in slices with progress in the popup', async () => {
    const page = await ctx.newPage();
    await page.goto(`${server.origin(PORTAL_HOST)}/big.html`, { waitUntil: 'commit' });
    const tabId = await tabIdOf(page);
    const popup = await openPopup(tabId);
    // Record every state the popup shows while the check runs.
    await popup.evaluate(() => {
      const seen = new Set<string>();
      (window as unknown as { seen: Set<string> }).seen = seen;
      const note = () => {
        for (const el of document.querySelectorAll('[data-state]')) seen.add(el.getAttribute('data-state')!);
        if (document.querySelector('progress')) seen.add('progress');
      };
      note();
      new MutationObserver(note).observe(document.body, { subtree: true, childList: true, attributes: true });
    });
    await popup.waitForSelector('[data-state="done"]', { timeout: 60_000 });
    const seen = await popup.evaluate(() => [...(window as unknown as { seen: Set<string> }).seen]);
    expect(seen).toContain('checking');
    expect(seen).toContain('progress');
    const measures = await page.evaluate(() => performance.getEntriesByType('measure').map((m) => m.name));
    expect(measures).toEqual(expect.arrayContaining(['dc:check', 'dc:extract', 'dc:recognize', 'dc:marks']));
    expect(await page.locator('[data-dc-severity]').count()).toBeGreaterThan(cli.elements);
    await popup.close();
    await page.close();
  });

  it('the extension made no network request', async () => {
    const allowed = new Set(['/lukou.html', '/notice.html', '/ajax.html', '/hostile.html', '/big.html', '/putuo.html', '/budget.html', '/budget-dept.html', '/budget-unit.html', '/no-reason.html', '/favicon.ico']);
    const http = requests.filter((u) => /^https?:/.test(u));
    // Only the fixture server (127.0.0.1 or a *.gov.cn name mapped to it).
    const foreign = http.filter((u) => {
      const { hostname, port } = new URL(u);
      return port !== String(server.port) || !(hostname === '127.0.0.1' || hostname.endsWith('.gov.cn'));
    });
    expect(foreign).toEqual([]);
    const unexpected = http.filter((u) => !allowed.has(new URL(u).pathname));
    expect(unexpected).toEqual([]);
    expect(server.log.filter((l) => !allowed.has(l.split(' ')[1]))).toEqual([]);
    // The log does see requests made from the extension's service worker (the check can fail).
    const w = await worker();
    await w.evaluate((u) => fetch(u).then(() => undefined, () => undefined), `${server.origin()}/probe`);
    await expect.poll(() => server.log.includes('GET /probe')).toBe(true);
  });
});
