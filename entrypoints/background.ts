/**
 * Background: badge per tab (error count, coloured by the worst severity), cleared on navigation;
 * injects the content script when the user asks (activeTab), and the checker when a content script
 * needs it; keeps the user's auto-check hosts registered as content scripts. Makes no network requests.
 */
import { senderAllowed, type BackgroundMessageType } from '../lib/ext/sender';
import { defineBackground } from 'wxt/utils/define-background';
import { browser } from 'wxt/browser';
import { StateMessageSchema, ToBackgroundSchema, parseMessage, type InjectResult } from '../lib/ext/messages';
import { readSettings, SETTINGS_KEY, hostPattern } from '../lib/ext/settings';
import { badgeFor } from '../lib/ext/badge';
import { toBase64 } from '../lib/ext/base64';
import {
  VIEWER_PATH,
  viewerUrl,
  looksLikePdfUrl,
  isPdfResponse,
  redirectRules,
  REDIRECT_RULE_IDS,
  nativeRule,
  chromeMajor,
  type DnrRule,
} from '../lib/ext/pdf-route';
import { BudgetTabs, pageAddress, PEER_LIMITS, type PeerUpdate, type TabBudget } from '../lib/ext/budget-tabs';

const CONTENT_FILE = '/content-scripts/content.js';
const CHECKER_FILE = '/checker.js';
const USER_SCRIPT_ID = 'dc-user-hosts';

type ActionApi = {
  setBadgeText(d: { tabId?: number; text: string }): Promise<void> | void;
  setBadgeBackgroundColor(d: { tabId?: number; color: string }): Promise<void> | void;
  setTitle?(d: { tabId?: number; title: string }): Promise<void> | void;
};

/** MV3 has `action`; Firefox MV2 has `browserAction`. */
function actionApi(): ActionApi {
  const b = browser as unknown as { action?: ActionApi; browserAction?: ActionApi };
  return (b.action ?? b.browserAction)!;
}

async function setBadge(tabId: number, badge: { text: string; color: string } | null): Promise<void> {
  const action = actionApi();
  try {
    await action.setBadgeText({ tabId, text: badge?.text ?? '' });
    if (badge) await action.setBadgeBackgroundColor({ tabId, color: badge.color });
  } catch {
    /* tab closed meanwhile */
  }
}

/** Run an extension file in the extension's isolated world of one frame (MV3 scripting, MV2 tabs). */
async function injectFile(tabId: number, frameId: number, file: string): Promise<void> {
  const b = browser as unknown as {
    scripting?: {
      executeScript(o: { target: { tabId: number; frameIds: number[] }; files: string[]; injectImmediately?: boolean }): Promise<unknown>;
    };
    tabs: { executeScript?(tabId: number, o: { file: string; frameId: number; runAt?: string }): Promise<unknown> };
  };
  // The page is loaded by the time we inject: without these the browser waits for an idle moment first.
  if (b.scripting?.executeScript) await b.scripting.executeScript({ target: { tabId, frameIds: [frameId] }, files: [file], injectImmediately: true });
  else await b.tabs.executeScript!(tabId, { file, frameId, runAt: 'document_start' });
}

const failure = (err: unknown): InjectResult => ({ ok: false, error: err instanceof Error ? err.message : String(err) });

/**
 * Whether the tab shows a PDF (the toolbar click's activeTab lets us ask): its document's content
 * type where a script may run, else — the browser's own PDF viewer admits no script — an address
 * ending in .pdf.
 */
async function tabShowsPdf(tabId: number): Promise<string | null> {
  const tab = await browser.tabs.get(tabId).catch(() => null);
  const url = tab?.url ?? '';
  if (!/^https?:/i.test(url)) return null;
  const b = browser as unknown as {
    scripting?: { executeScript(o: { target: { tabId: number }; func: () => string }): Promise<{ result?: unknown }[]> };
    tabs: { executeScript?(tabId: number, o: { code: string }): Promise<unknown[]> };
  };
  try {
    const type = b.scripting?.executeScript
      ? (await b.scripting.executeScript({ target: { tabId }, func: () => document.contentType }))[0]?.result
      : (await b.tabs.executeScript!(tabId, { code: 'document.contentType' }))[0];
    return type === 'application/pdf' ? url : null;
  } catch {
    return looksLikePdfUrl(url) ? url : null;
  }
}

/**
 * PDFs fetched for the viewer while the toolbar click's activeTab grant lets the extension read
 * the tab's origin (the grant ends when the tab navigates to the viewer, so the viewer could not
 * fetch a PDF from a host the user has not added): by tab, taken once by that tab's viewer.
 */
const handoff = new Map<number, { url: string; data: string }>();
const HANDOFF_MAX_BYTES = 64 * 1024 * 1024;

/** Open `url` (a PDF) in the viewer, in the same tab. */
async function openInViewer(tabId: number, url: string): Promise<void> {
  try {
    const res = await fetch(url, { credentials: 'include' });
    const len = Number(res.headers.get('content-length') ?? 0);
    if (res.ok && len <= HANDOFF_MAX_BYTES) {
      const bytes = new Uint8Array(await res.arrayBuffer());
      if (bytes.length <= HANDOFF_MAX_BYTES) handoff.set(tabId, { url, data: toBase64(bytes) });
    }
  } catch {
    // No access after all: the viewer fetches it itself, or asks the user for the host.
  }
  await browser.tabs.update(tabId, { url: viewerUrl(browser.runtime.getURL(VIEWER_PATH), url) });
}

/** Inject the content script into a tab (the user clicked the toolbar button: activeTab). */
async function injectAndRun(tabId: number): Promise<InjectResult> {
  try {
    const pdf = await tabShowsPdf(tabId);
    if (pdf) {
      // A PDF: no content script can read it; the viewer fetches and checks it.
      await openInViewer(tabId, pdf);
      return { ok: true };
    }
    await injectFile(tabId, 0, CONTENT_FILE);
    await browser.tabs.sendMessage(tabId, { type: 'dc:run' });
    return { ok: true };
  } catch (err) {
    return failure(err);
  }
}

/** Register the user's extra hosts (those whose permission was granted) as auto-check content scripts. */
async function syncUserHosts(): Promise<void> {
  const got = await browser.storage.local.get(SETTINGS_KEY);
  const hosts = readSettings(got[SETTINGS_KEY]).hosts;
  const patterns: string[] = [];
  for (const h of hosts) {
    const origin = hostPattern(h);
    if (await browser.permissions.contains({ origins: [origin] })) patterns.push(origin);
  }
  const b = browser as unknown as {
    scripting?: {
      registerContentScripts?(s: unknown[]): Promise<void>;
      unregisterContentScripts?(f?: { ids: string[] }): Promise<void>;
      getRegisteredContentScripts?(f?: { ids: string[] }): Promise<unknown[]>;
    };
    contentScripts?: { register(o: unknown): Promise<{ unregister(): Promise<void> }> };
  };
  if (b.scripting?.registerContentScripts && b.scripting.unregisterContentScripts && b.scripting.getRegisteredContentScripts) {
    const existing = await b.scripting.getRegisteredContentScripts({ ids: [USER_SCRIPT_ID] });
    if (existing.length > 0) await b.scripting.unregisterContentScripts({ ids: [USER_SCRIPT_ID] });
    if (patterns.length > 0) {
      await b.scripting.registerContentScripts([
        { id: USER_SCRIPT_ID, matches: patterns, js: [CONTENT_FILE.slice(1)], runAt: 'document_idle' },
      ]);
    }
  } else if (b.contentScripts) {
    await registered?.unregister();
    registered = patterns.length > 0
      ? await b.contentScripts.register({ matches: patterns, js: [{ file: CONTENT_FILE }], runAt: 'document_idle' })
      : null;
  }
}
let registered: { unregister(): Promise<void> } | null = null;

type DnrApi = {
  updateDynamicRules(o: { removeRuleIds?: number[]; addRules?: DnrRule[] }): Promise<void>;
  updateSessionRules(o: { removeRuleIds?: number[]; addRules?: DnrRule[] }): Promise<void>;
};
/** Chrome MV3's declarativeNetRequest (absent in the Firefox MV2 build, which uses webRequest). */
const dnr = (): DnrApi | undefined => (browser as unknown as { declarativeNetRequest?: DnrApi }).declarativeNetRequest;

/** Firefox: whether the webRequest listener redirects (the setting), and tabs let through once. */
let pdfRedirectOn = true;
const nativeOnce = new Set<number>();
/** Chrome: tabs holding a session rule that lets their next PDF through, with that PDF's address. */
const nativeRules = new Map<number, string>();

/** Apply the "open *.gov.cn PDFs in the viewer" setting. */
async function syncPdfRedirect(): Promise<void> {
  const got = await browser.storage.local.get(SETTINGS_KEY);
  const on = readSettings(got[SETTINGS_KEY]).pdfViewer;
  pdfRedirectOn = on;
  const api = dnr();
  if (!api) return;
  const base = browser.runtime.getURL(VIEWER_PATH);
  // Chrome 121–127 ignored the responseHeaders condition and would redirect every page: there only
  // the address ending in .pdf is looked at.
  const headers = chromeMajor(navigator.userAgent) >= 128;
  await api.updateDynamicRules({ removeRuleIds: REDIRECT_RULE_IDS, addRules: on ? redirectRules(base, headers) : [] });
}

/** The viewer's "open in the browser's own viewer": let this tab's next load through, then go. */
async function openNative(tabId: number, url: string): Promise<void> {
  const api = dnr();
  if (api) {
    const rule = nativeRule(tabId);
    await api.updateSessionRules({ removeRuleIds: [rule.id], addRules: [rule] });
    nativeRules.set(tabId, url);
  } else {
    nativeOnce.add(tabId);
  }
  await browser.tabs.update(tabId, { url });
}

function dropNativeRule(tabId: number): void {
  if (!nativeRules.delete(tabId)) return;
  void dnr()?.updateSessionRules({ removeRuleIds: [nativeRule(tabId).id] }).catch(() => undefined);
}

/**
 * B-N16 across tabs: the checked budget pages' profiles by tab. In memory, and in storage.session
 * where there is one (Chrome may stop the service worker between two checks; trusted contexts only,
 * cleared when the browser closes). Nothing leaves the browser.
 */
const BUDGETS_KEY = 'budgetTabs';
type SessionArea = { get(k: string): Promise<Record<string, unknown>>; set(o: Record<string, unknown>): Promise<void> };
const sessionArea = (): SessionArea | undefined => (browser.storage as unknown as { session?: SessionArea }).session;
let budgets: Promise<BudgetTabs> | null = null;

function budgetTabs(): Promise<BudgetTabs> {
  budgets ??= (async () => {
    try {
      const saved = (await sessionArea()?.get(BUDGETS_KEY))?.[BUDGETS_KEY];
      return new BudgetTabs(Array.isArray(saved) ? (saved as TabBudget[]) : []);
    } catch {
      return new BudgetTabs();
    }
  })();
  return budgets;
}

/** Apply a change to the record, store it, and tell each unit tab it concerns its department page (or none). */
async function budgetsChanged(change: (b: BudgetTabs) => PeerUpdate[]): Promise<void> {
  const b = await budgetTabs();
  const updates = change(b);
  if (updates.length === 0 && !b.dirty) return;
  b.dirty = false;
  await sessionArea()?.set({ [BUDGETS_KEY]: b.toJSON() }).catch(() => undefined);
  for (const u of updates) void browser.tabs.sendMessage(u.tabId, { type: 'dc:budget-pair', peer: u.peer }, { frameId: 0 }).catch(() => undefined);
}

export default defineBackground(() => {
  browser.runtime.onMessage.addListener(
    (raw: unknown, sender: { id?: string; url?: string; tab?: { id?: number }; frameId?: number }, sendResponse: (r: unknown) => void) => {
      if (sender.id !== browser.runtime.id) return false;
      const type = (raw as { type?: unknown } | null)?.type;
      const allowed = (t: BackgroundMessageType) => {
        if (senderAllowed(t, sender, browser.runtime.id, browser.runtime.getURL('/'))) return true;
        console.warn('[disclosure-checker] background: message refused from this sender', t, sender.url ?? '');
        return false;
      };
      // The popup's request to the viewer page of a tab (lib/ext/tab-message.ts): the viewer answers.
      if (type === 'dc:to-viewer') return false;
      if (type === 'dc:state') {
        if (!allowed('dc:state')) return false;
        // From a content script: update that tab's badge.
        const msg = parseMessage(StateMessageSchema, raw, 'background');
        const tabId = sender.tab?.id;
        if (msg && tabId != null) void setBadge(tabId, badgeFor(msg.state));
        return false;
      }
      const msg = parseMessage(ToBackgroundSchema, raw, 'background');
      if (!msg || !allowed(msg.type)) return false;
      if (msg.type === 'dc:inject') {
        // injectAndRun never rejects: a failure is its result.
        void injectAndRun(msg.tabId).then(sendResponse);
        return true;
      }
      if (msg.type === 'dc:load-checker') {
        // Only for the content script of a tab: into its own tab and frame, nowhere else.
        const tabId = sender.tab?.id;
        if (tabId == null) return false;
        injectFile(tabId, sender.frameId ?? 0, CHECKER_FILE).then(
          () => sendResponse({ ok: true } satisfies InjectResult),
          (err) => sendResponse(failure(err)),
        );
        return true;
      }
      if (msg.type === 'dc:take-pdf') {
        // The viewer of the tab the PDF was fetched for, and only for that PDF.
        const tabId = sender.tab?.id;
        const held = tabId != null ? handoff.get(tabId) : undefined;
        const fromViewer = (sender as { url?: string }).url?.startsWith(browser.runtime.getURL(VIEWER_PATH));
        if (tabId == null || !held || !fromViewer || held.url !== msg.url) {
          sendResponse({ ok: false });
          return false;
        }
        handoff.delete(tabId);
        sendResponse({ ok: true, data: held.data });
        return false;
      }
      if (msg.type === 'dc:open-native') {
        // Only from the viewer in that tab (an extension page: its own origin).
        const tabId = sender.tab?.id;
        if (tabId == null || !(sender as { url?: string }).url?.startsWith(browser.runtime.getURL(VIEWER_PATH))) return false;
        openNative(tabId, msg.url).then(
          () => sendResponse({ ok: true } satisfies InjectResult),
          (err) => sendResponse(failure(err)),
        );
        return true;
      }
      if (msg.type === 'dc:budget-profile') {
        // The top frame's content script reports its own tab's page; the address is the browser's.
        const tab = sender.tab as { id?: number; incognito?: boolean } | undefined;
        const url = sender.url;
        if (tab?.id == null || (sender.frameId ?? 0) !== 0 || !url) return false;
        const tabId = tab.id;
        const entry = msg.profile ? { url: url.slice(0, PEER_LIMITS.url), title: msg.title, incognito: tab.incognito === true, profile: msg.profile } : null;
        void budgetsChanged((b) => b.set(tabId, entry));
        return false;
      }
      if (msg.type === 'dc:sync-hosts') {
        void syncPdfRedirect().catch(() => undefined);
        syncUserHosts().then(
          () => sendResponse({ ok: true }),
          (err) => sendResponse({ ok: false, error: String(err) }),
        );
        return true;
      }
      return false;
    },
  );

  // Cleared on navigation: a new page has not been checked yet.
  browser.tabs.onUpdated.addListener((tabId, info, tab) => {
    if (info.status === 'loading') void setBadge(tabId, null);
    // Another page in the tab (not a #fragment of the same one, not a reload): its budget profile goes.
    if (info.status === 'loading' || info.url) {
      const url = info.url ?? tab?.url;
      void budgetsChanged((b) => {
        const held = b.get(tabId);
        return held && (!url || pageAddress(url) !== pageAddress(held.url)) ? b.forget(tabId) : [];
      });
    }
    // The PDF let through to the browser's own viewer has loaded: later ones go to ours again.
    if (info.status === 'complete') dropNativeRule(tabId);
  });
  browser.tabs.onRemoved.addListener((tabId) => {
    handoff.delete(tabId);
    dropNativeRule(tabId);
    nativeOnce.delete(tabId);
    void budgetsChanged((b) => b.forget(tabId));
  });

  // Firefox (MV2): a *.gov.cn page answered with a PDF goes to the viewer instead.
  const webRequest = (browser as unknown as {
    webRequest?: {
      onHeadersReceived: {
        addListener(
          cb: (d: { url: string; tabId: number; statusCode: number; responseHeaders?: { name: string; value?: string }[] }) => { redirectUrl?: string } | undefined,
          filter: { urls: string[]; types: string[] },
          extra: string[],
        ): void;
      };
    };
  }).webRequest;
  if (!dnr() && webRequest) {
    webRequest.onHeadersReceived.addListener(
      (d) => {
        if (!pdfRedirectOn || d.statusCode < 200 || d.statusCode >= 300) return undefined;
        const type = d.responseHeaders?.find((h) => h.name.toLowerCase() === 'content-type')?.value;
        if (!isPdfResponse(d.url, type)) return undefined;
        if (nativeOnce.delete(d.tabId)) return undefined;
        return { redirectUrl: viewerUrl(browser.runtime.getURL(VIEWER_PATH), d.url) };
      },
      { urls: ['*://*.gov.cn/*', '*://gov.cn/*'], types: ['main_frame'] },
      ['blocking', 'responseHeaders'],
    );
  }
  void syncPdfRedirect().catch((err) => console.warn('[disclosure-checker] PDF redirect', err));
  browser.storage.onChanged.addListener((changes, area) => {
    if (area === 'local' && changes[SETTINGS_KEY]) void syncPdfRedirect().catch(() => undefined);
  });

  browser.runtime.onInstalled.addListener(() => void syncUserHosts().catch(() => undefined));
  browser.runtime.onStartup?.addListener(() => void syncUserHosts().catch(() => undefined));

  // Test hook: e2e tests drive the same path as the popup from the service worker.
  (globalThis as { dcInjectAndRun?: typeof injectAndRun }).dcInjectAndRun = injectAndRun;
});
