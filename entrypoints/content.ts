/**
 * Content script: runs the core on the page, marks findings in place, answers the popup.
 * Auto-runs on *.gov.cn (manifest match) and on hosts the user added (registered at runtime);
 * anywhere else it is injected when the user clicks the toolbar button (activeTab).
 */
import { defineContentScript } from 'wxt/utils/define-content-script';
import { browser } from 'wxt/browser';
// Only detection is in this script; the checker (lib core, report, marks) is injected on demand —
// see loadChecker. Type-only imports from it add nothing to this bundle.
import { looksLikeDisclosure } from '../lib/recognize/detect';
import type { CheckRun } from '../lib/index';
import type { Progress } from '../lib/ext/page-check';
import type { MarkSession, TooltipEntry, VerdictBar } from '../lib/marks';
import type { Checker } from '../lib/ext/checker';
import type { StaleWatch } from '../lib/ext/stale-watch';
import type { PairPeer } from '../lib/ext/budget-tabs';
import { installedChecker, whenCheckerInstalled } from '../lib/ext/checker-slot';
import { ToContentSchema, InjectResultSchema, parseMessage, PAGE_TEXT_LIMITS, type PageState, type PageText, type ToContent } from '../lib/ext/messages';
import { readSettings, SETTINGS_KEY, DEFAULT_SETTINGS, type Settings } from '../lib/ext/settings';
import { t, pick } from '../lib/i18n';
import { docBody, docElement, docReadyState, docTitleText, query } from '../lib/dom/safe';
import { pageAttachments, articleRoot } from '../lib/ext/attachments';
import { Timings, TIMINGS_KEY } from '../lib/ext/timings';
import { capReport, capString, capStrings, FULL_STRING_CAP, STATE_STRING_CAP } from '../lib/ext/cap';

/**
 * "The content script already runs in this world". Symbol-keyed, not `window.__dcContent`: a page
 * element `<div id="__dcContent">` is `window.__dcContent` in the isolated world too (DOM
 * clobbering), which stopped the auto-check.
 */
const RUNNING = Symbol.for('disclosure-checker.content');

export default defineContentScript({
  matches: ['*://*.gov.cn/*'],
  runAt: 'document_idle',
  main() {
    // Injected by the toolbar action on a page where we already run: keep the first instance.
    const world = globalThis as { [RUNNING]?: true };
    if (world[RUNNING]) return;
    world[RUNNING] = true;
    new PageController().start();
  },
});

const AJAX_WAIT_MS = 60_000;
/** storage.local: hosts where the reader closed the on-page verdict chip. */
const DISMISSED_KEY = 'verdictDismissed';
/** storage.local: the reviewer's dismissed findings (lib/ext/dismissals DISMISSALS_KEY; not imported: it would pull zod in). */
const FINDING_DISMISSALS_KEY = 'findingDismissals';
/** A link to one finding: `#dc-finding=<key>` (lib/report/order findingKey). */
const FINDING_HASH = /^#dc-finding=([^&]+)/;
const QUIET_MS = 400;
const FRAME_WAIT_MS = 5_000;
/** Characters of the page's address in the state (it keys dismissals and share links: kept whole in practice). */
const URL_CAP = 8192;

/** The address without its #fragment: following a table-of-contents link is not a new article. */
const pageAddress = (href: string): string => {
  const i = href.indexOf('#');
  return i < 0 ? href : href.slice(0, i);
};

class PageController {
  private state: PageState = {
    status: 'idle',
    url: location.href,
    progress: null,
    error: null,
    marksOn: true,
    report: null,
    items: [],
    trigger: 'auto',
  };
  private run: CheckRun | null = null;
  /** The report before the reviewer's dismissals; `state.report` is it with them applied. */
  private fullReport: ReturnType<Checker['toReport']> | null = null;
  /** The stored dismissals, as read (validated by the checker when applied). */
  private dismissals: unknown = null;
  /** Created with the checker (null until a check has loaded it). */
  private marks: MarkSession | null = null;
  private settings: Settings = DEFAULT_SETTINGS;
  private running: Promise<void> | null = null;
  private observer: MutationObserver | null = null;
  /** Address the current verdict belongs to (see watchNavigation). */
  private checkedAddress = pageAddress(location.href);
  private navQuiet: ReturnType<typeof setTimeout> | null = null;
  /** The verdict chip in the page's corner (created with the checker). */
  private bar: VerdictBar | null = null;
  /** The reader closed the chip on this site. */
  private barDismissed = false;
  /** Watches the checked tables and marked text for changes by the page (see watchChanges). */
  private staleWatch: StaleWatch | null = null;
  /** The address whose attachments are in the state (looked for when the popup asks, and after a check). */
  private attachmentsFor: string | null = null;
  /** Performance marks for the bench and debugging: off unless the extension's storage turns them on. */
  private timings = new Timings();
  /** B-N16 across tabs: this page's own run, and the department page the background pairs it with. */
  private baseRun: CheckRun | null = null;
  private pairPeer: PairPeer | null = null;

  start(): void {
    // sendResponse + `return true` works in both Chrome and Firefox.
    browser.runtime.onMessage.addListener((raw: unknown, sender: { id?: string }, sendResponse: (r: unknown) => void) => {
      if (sender.id !== browser.runtime.id) return false;
      const msg = parseMessage(ToContentSchema, raw, 'content');
      if (!msg) return false;
      const answer: Promise<unknown> =
        msg.type === 'dc:page-text' ? this.pageText() : msg.type === 'dc:full-text' ? Promise.resolve(this.fullText(msg.kind, msg.index)) : this.handle(msg).then(() => this.outgoing());
      // An answer the browser cannot send (over its message size limit) is reported, so the asker
      // does not wait forever.
      const reply = (r: unknown) => {
        try {
          sendResponse(r);
        } catch (err) {
          console.warn('[disclosure-checker] answer not sent', err);
          try {
            sendResponse({ error: `answer not sent: ${String(err)}` });
          } catch {
            /* the channel is gone */
          }
        }
      };
      answer.then(reply, (err) => reply({ error: String(err) }));
      return true;
    });
    browser.storage.onChanged.addListener((changes, area) => {
      if (area === 'local' && changes[TIMINGS_KEY]) this.timings.enable(changes[TIMINGS_KEY].newValue === true);
      if (area === 'local' && changes[FINDING_DISMISSALS_KEY]) {
        this.dismissals = changes[FINDING_DISMISSALS_KEY].newValue;
        this.applyDismissals();
      }
      if (area !== 'local' || !changes[SETTINGS_KEY]) return;
      this.settings = readSettings(changes[SETTINGS_KEY].newValue);
      if (this.run && this.state.marksOn) {
        this.applyMarks();
        this.showVerdict();
        this.broadcast();
      }
    });
    window.addEventListener('hashchange', () => this.followLink());
    void this.loadSettings()
      .then(() => this.framesLoaded())
      .then(() => this.whenSettled(() => this.autoDetect()));
    this.watchNavigation();
  }

  /**
   * Single-page portals swap the article and push a new address without reloading, which would leave
   * the old verdict and marks on a new article. When the address (not just its #fragment) has changed
   * and the page then changes, start over once it is quiet. Mutations while the address is unchanged
   * (our own marks, tickers) cost one string comparison.
   */
  private watchNavigation(): void {
    const changed = () => {
      if (pageAddress(location.href) === this.checkedAddress) return;
      if (this.navQuiet) clearTimeout(this.navQuiet);
      this.navQuiet = setTimeout(() => this.startOver(), QUIET_MS);
    };
    const target = docBody(document);
    if (target && typeof MutationObserver !== 'undefined') new MutationObserver(changed).observe(target, { childList: true, subtree: true });
    // A router that renders first and pushes the address in a later task leaves no DOM change after
    // the push; the Navigation API (Chromium; Firefox ESR 153 has it too) reports the push itself.
    (globalThis as { navigation?: EventTarget }).navigation?.addEventListener?.('currententrychange', changed);
  }

  private startOver(): void {
    this.navQuiet = null;
    // Already looked at this address (the AJAX watcher may have got there first).
    if (pageAddress(location.href) === this.checkedAddress) return;
    if (this.running) {
      // Let the check in flight finish on the old article, then look at the new one.
      void this.running.then(() => this.startOver());
      return;
    }
    this.checkedAddress = pageAddress(location.href);
    this.stopObserving();
    this.staleWatch?.stop();
    this.marks?.remove();
    this.bar?.remove();
    this.run = null;
    this.baseRun = null;
    this.pairPeer = null;
    this.fullReport = null;
    this.attachmentsFor = null;
    this.setState({ status: 'idle', progress: null, error: null, report: null, items: [], trigger: 'auto', attachments: undefined, narrative: undefined });
    this.autoDetect();
  }

  /**
   * A page with frames: wait (at most FRAME_WAIT_MS) for its load event, so that a same-origin
   * frame's document is there to be read and not the empty one it starts with.
   */
  private framesLoaded(): Promise<void> {
    if (docReadyState(document) === 'complete' || !query(document, 'iframe, frame')) return Promise.resolve();
    return new Promise((resolve) => {
      const timer = setTimeout(resolve, FRAME_WAIT_MS);
      window.addEventListener('load', () => (clearTimeout(timer), resolve()), { once: true });
    });
  }

  private async loadSettings(): Promise<void> {
    try {
      const got = await browser.storage.local.get([SETTINGS_KEY, DISMISSED_KEY, FINDING_DISMISSALS_KEY, TIMINGS_KEY]);
      this.timings.enable(got[TIMINGS_KEY] === true);
      this.settings = readSettings(got[SETTINGS_KEY]);
      this.dismissals = got[FINDING_DISMISSALS_KEY] ?? null;
      const hosts = got[DISMISSED_KEY];
      this.barDismissed = Array.isArray(hosts) && hosts.includes(location.host);
    } catch {
      this.settings = DEFAULT_SETTINGS;
    }
  }

  /** The verdict chip, unless the reader closed it on this site or turned the marks off. */
  private showVerdict(): void {
    const checker = installedChecker();
    const report = this.state.report;
    if (!checker || !report || this.state.status !== 'done' || !this.state.marksOn || this.barDismissed) return;
    this.bar ??= new checker.VerdictBar(document, {
      onReveal: (i) => this.reveal(i),
      onDismiss: () => void this.dismissVerdict(),
    });
    this.bar.show(checker.verdictContent(report, this.state.items, this.settings.lang));
  }

  private async dismissVerdict(): Promise<void> {
    this.barDismissed = true;
    try {
      const got = await browser.storage.local.get(DISMISSED_KEY);
      const hosts = Array.isArray(got[DISMISSED_KEY]) ? (got[DISMISSED_KEY] as unknown[]).filter((h): h is string => typeof h === 'string') : [];
      if (!hosts.includes(location.host)) await browser.storage.local.set({ [DISMISSED_KEY]: [...hosts, location.host] });
    } catch {
      /* storage unavailable: closed for this page only */
    }
  }

  /** Scroll to a finding, flash it and open its explanation (marks turned on if they were off). */
  private reveal(finding: number): void {
    if (this.run && !this.marks?.isActive) {
      this.state.marksOn = true;
      this.applyMarks();
      this.showVerdict();
      this.broadcast();
    }
    this.marks?.reveal(finding);
  }

  /** `#dc-finding=<key>` in the address: go to that finding once the check is done. */
  private followLink(): void {
    const m = FINDING_HASH.exec(location.hash);
    const checker = installedChecker();
    if (!m || !checker || !this.state.report || this.state.status !== 'done') return;
    let key = m[1];
    try {
      key = decodeURIComponent(key);
    } catch {
      /* not encoded */
    }
    const i = checker.findByKey(this.state.report.findings, key);
    if (i >= 0) this.reveal(i);
  }

  /**
   * The article's attachments and whether it reads as a disclosure's narrative, once per address
   * and check (the popup shows them; a check may follow an AJAX article's arrival).
   */
  private findAttachments(): void {
    const here = pageAddress(location.href);
    if (this.attachmentsFor === here) return;
    this.attachmentsFor = here;
    try {
      const { attachments, narrative } = pageAttachments(document, location.href);
      this.state = { ...this.state, attachments, narrative };
    } catch (err) {
      console.warn('[disclosure-checker] attachments', err);
    }
  }

  /**
   * For a combined check on the check page: the article's text as the checker's paragraphs (the
   * article root's, else the body's), led by the page's heading. Capped (PAGE_TEXT_LIMITS).
   */
  private async pageText(): Promise<PageText> {
    const checker = await this.loadChecker();
    const root = articleRoot(document) ?? docBody(document) ?? docElement(document);
    const cap = (s: string) => s.slice(0, PAGE_TEXT_LIMITS.chars);
    const h1 = query(document, 'h1');
    const heading = h1 && !root?.contains(h1) ? (h1.textContent ?? '').replace(/\s+/g, ' ').trim() : '';
    const paragraphs = root ? checker.pageParagraphs(root) : [];
    return {
      url: location.href,
      title: cap(docTitleText(document)),
      heading: cap(heading),
      paragraphs: paragraphs.slice(0, PAGE_TEXT_LIMITS.paragraphs).map(cap),
    };
  }

  private async handle(msg: ToContent): Promise<PageState> {
    switch (msg.type) {
      case 'dc:get-state':
        // The address moved on with nothing telling us (no Navigation API, no DOM change since):
        // never show the old article's verdict for the new address.
        if (pageAddress(location.href) !== this.checkedAddress && !this.running) this.startOver();
        this.findAttachments();
        break;
      case 'dc:run':
        // The user asked: run the full check, whatever the cheap detection said.
        this.state.trigger = 'user';
        this.stopObserving();
        if (!this.running) void this.check();
        break;
      case 'dc:set-marks':
        this.state.marksOn = msg.on;
        if (msg.on && this.run) {
          this.applyMarks();
          this.showVerdict();
        } else {
          this.marks?.remove();
          this.bar?.remove();
        }
        this.broadcast();
        break;
      case 'dc:reveal':
        this.reveal(msg.finding);
        break;
      case 'dc:reveal-cause':
        if (this.run && !this.marks?.isActive) {
          this.state.marksOn = true;
          this.applyMarks();
          this.broadcast();
        }
        this.marks?.revealCause(msg.cause);
        break;
      case 'dc:budget-pair':
        this.pairPeer = msg.peer;
        this.applyPair();
        break;
    }
    return this.state;
  }

  /** Wait until the page is idle (its own scripts first), then go. */
  private whenSettled(fn: () => void): void {
    // Called as a method: Firefox throws on an unbound requestIdleCallback.
    if (typeof window.requestIdleCallback === 'function') window.requestIdleCallback(fn, { timeout: 1500 });
    else setTimeout(fn, 200);
  }

  private detect(): boolean {
    const t0 = this.timings.now();
    try {
      return looksLikeDisclosure(docBody(document) ?? docElement(document) ?? document);
    } catch (err) {
      console.warn('[disclosure-checker] detection failed', err);
      return false;
    } finally {
      this.timings.measure('dc:detect', t0);
    }
  }

  private autoDetect(): void {
    if (this.running || this.state.status !== 'idle') return;
    // Settings read and the page settled: the wait before the first detection (bench figure).
    this.timings.measureOnce('dc:settle', 'dc:start');
    this.setState({ status: 'detecting' });
    if (this.detect()) {
      void this.check();
      return;
    }
    this.setState({ status: 'no-disclosure' });
    this.watchForArticle();
  }

  /** AJAX pages: retry detection once when an article with a table appears. No polling. */
  private watchForArticle(): void {
    const target = docBody(document);
    if (!target || typeof MutationObserver === 'undefined') return;
    let quiet: ReturnType<typeof setTimeout> | null = null;
    const retry = () => {
      this.stopObserving();
      if (this.running || this.run) return;
      if (this.detect()) void this.check();
    };
    this.observer = new MutationObserver((records) => {
      const hasTable = records.some((r) =>
        Array.from(r.addedNodes).some(
          (n) => n.nodeType === 1 && ((n as Element).localName === 'table' || !!(n as Element).querySelector?.('table')),
        ),
      );
      if (!hasTable && !quiet) return;
      // Let the article finish arriving, then detect once.
      if (quiet) clearTimeout(quiet);
      quiet = setTimeout(retry, QUIET_MS);
    });
    this.observer.observe(target, { childList: true, subtree: true });
    setTimeout(() => this.stopObserving(), AJAX_WAIT_MS);
  }

  private stopObserving(): void {
    this.observer?.disconnect();
    this.observer = null;
  }

  private check(): Promise<void> {
    this.checkedAddress = pageAddress(location.href);
    this.staleWatch?.stop();
    this.staleWatch = null;
    this.marks?.remove();
    this.bar?.remove();
    this.run = null;
    this.fullReport = null;
    this.setState({ status: 'checking', progress: null, error: null, report: null, items: [], stale: false });
    const p = (async () => {
      try {
        this.timings.mark('dc:check:start');
        const checker = await this.loadChecker();
        let lastSent = 0;
        const unread: Element[] = [];
        const base = await checker.checkDocumentSliced(document, {
          unread,
          // The options page's insights (X-xx notices), off by default.
          insights: this.settings.insights,
          // Performance marks for benchmarks and profiling: every stage, and any rule slower than a frame.
          onTiming: this.timings.enabled
            ? (step, start, ms) => {
                if (!step.startsWith('rule:') || ms > 16) this.timings.measure(`dc:${step}`, start, ms);
              }
            : undefined,
          onProgress: (pr: Progress) => {
            const now = performance.now();
            // A few updates per second at most: the popup shows progress, the page stays responsive.
            if (now - lastSent > 150 || pr.stage !== this.state.progress?.stage) {
              lastSent = now;
              this.setState({ progress: pr });
            }
          },
        });
        this.timings.mark('dc:check:end');
        this.timings.measure('dc:check', 'dc:check:start', 'dc:check:end');
        const t0 = this.timings.now();
        this.baseRun = base;
        const run = checker.withPair(base, this.pairPeer);
        this.fullReport = checker.toReport(run, location.href);
        const frames = checker.unreadFrames(unread);
        if (frames.length > 0) this.fullReport.unrecognised = [...(this.fullReport.unrecognised ?? []), ...frames];
        const report = checker.dismiss(this.fullReport, this.dismissals, location.href);
        this.run = run;
        const items = checker.buildItems(run);
        this.timings.measure('dc:report', t0);
        const none = report.tables.length === 0;
        this.state = { ...this.state, report, items };
        if (!none && this.state.marksOn) {
          this.setState({ progress: { stage: 'marks', done: 0, total: 1 } });
          // The report, the stylesheet (MarkSession.prepare: a walk over the whole page in
          // Chromium) and the marks each in a task of their own. Meanwhile the user may turn the
          // marks off (which takes the sheet out again), or on again, or jump to a finding — both
          // of which apply the marks themselves.
          const stillWanted = () => this.state.marksOn && !this.marks?.isActive;
          await checker.yieldToPage();
          if (stillWanted()) this.marks?.prepare();
          await checker.yieldToPage();
          if (stillWanted()) this.applyMarks();
        }
        this.attachmentsFor = null;
        this.findAttachments();
        this.setState({ status: none ? 'no-disclosure' : 'done', progress: null });
        this.sendProfile(none ? null : checker.budgetProfile(base));
        if (!none) {
          this.watchChanges(checker);
          this.showVerdict();
          this.followLink();
        }
      } catch (err) {
        console.warn('[disclosure-checker] check failed', err);
        this.setState({ status: 'failed', progress: null, error: err instanceof Error ? err.message : String(err) });
      } finally {
        this.running = null;
      }
    })();
    this.running = p;
    return p;
  }

  /**
   * The checker script, injected into this tab by the background on first need (the check of a
   * page that looks like a disclosure, or the user's click), and kept for later checks.
   */
  private async loadChecker(): Promise<Checker> {
    let checker = installedChecker();
    if (!checker) {
      this.timings.mark('dc:load:start');
      // Whichever comes first: the checker running here, or the background saying it could not.
      const failed = browser.runtime.sendMessage({ type: 'dc:load-checker' }).then(
        (raw: unknown) => parseMessage(InjectResultSchema, raw, 'content'),
        (err: unknown) => ({ ok: false, error: String(err) }),
      ).then((answer) => {
        const ready = installedChecker();
        if (ready) return ready;
        throw new Error(`checker not loaded: ${answer?.error ?? 'no answer from the background'}`);
      });
      checker = await Promise.race([whenCheckerInstalled(), failed]);
      this.timings.measure('dc:load', 'dc:load:start');
    }
    this.marks ??= new checker.MarkSession(document, {
      describe: (ix, mark) => this.describe(ix, mark),
      moreText: (n) => t(this.settings.lang, 'tipMore', { n }),
    });
    return checker;
  }

  /**
   * After a check: when the page changes a checked table or marked text (a framework re-rendering,
   * a toolbar resetting innerHTML, a number updated in place), the marks would point at nodes that
   * are gone or at numbers no longer shown. Take them and the chip off and say so; the popup offers
   * the new check. Fires once per check (StaleWatch), no polling.
   */
  private watchChanges(checker: Checker): void {
    const run = this.run;
    if (!run) return;
    const els = new Set<Element>();
    for (const b of run.extracted.blocks) if (b.kind === 'table' && b.el) els.add(b.el);
    for (const f of run.findings) {
      for (const c of f.cells) if (c.cell.source?.el) els.add(c.cell.source.el);
      for (const sp of f.spans) if (sp.paragraph.el) els.add(sp.paragraph.el);
    }
    this.staleWatch = new checker.StaleWatch(els, () => {
      this.staleWatch = null;
      this.marks?.remove();
      this.bar?.remove();
      this.setState({ stale: true });
    });
  }

  /** B-N16 across tabs: the background pairs budget pages by their profiles (lib/ext/budget-tabs). */
  private sendProfile(profile: ReturnType<Checker['budgetProfile']>): void {
    browser.runtime.sendMessage({ type: 'dc:budget-profile', profile, title: document.title.slice(0, 200) }).catch(() => {
      /* background unavailable: no pairing */
    });
  }

  /** The department page beside this unit page came or went: this page's findings with (or without) B-N16's. */
  private applyPair(): void {
    const checker = installedChecker();
    const base = this.baseRun;
    // During a check the pair is applied when it ends.
    if (!checker || !base || !this.fullReport || this.running || this.state.status !== 'done') return;
    const run = checker.withPair(base, this.pairPeer);
    if (run === this.run) return;
    this.run = run;
    this.fullReport = { ...checker.toReport(run, location.href), unrecognised: this.fullReport.unrecognised };
    this.state = { ...this.state, report: checker.dismiss(this.fullReport, this.dismissals, location.href), items: checker.buildItems(run) };
    if (this.state.marksOn && this.marks?.isActive) this.applyMarks();
    if (this.state.marksOn) this.showVerdict();
    this.broadcast();
  }

  /** The reviewer dismissed or restored a finding (popup, options import): new counts, badge, chip. */
  private applyDismissals(): void {
    const checker = installedChecker();
    if (!checker || !this.fullReport || !this.state.report) return;
    this.state = { ...this.state, report: checker.dismiss(this.fullReport, this.dismissals, location.href) };
    if (this.state.status === 'done' && this.state.marksOn) this.showVerdict();
    this.broadcast();
  }

  private applyMarks(): void {
    const checker = installedChecker();
    const marks = this.marks;
    // Stale marks would point at what the page no longer shows: only a new check marks again.
    if (!this.run || !checker || !marks || this.state.stale) return;
    const t0 = this.timings.now();
    const plan = checker.planMarks(this.run.findings.map(checker.toMarkable), {
      showNotices: this.settings.showNotices,
      causes: checker.toMarkableCauses(this.run.causes),
    });
    marks.apply(plan);
    this.state.items = this.state.items.map((it) => ({ ...it, marked: marks.elementsFor(it.index).length > 0 }));
    this.timings.measure('dc:marks', t0);
  }

  private describe(indices: number[], mark?: { cause: string | null; affected: string | null }): TooltipEntry[] {
    const run = this.run;
    if (!run) return [];
    const lang = this.settings.lang;
    const out: TooltipEntry[] = [];
    // A cause first: on the culprit, the value it should have; elsewhere, where the culprit is.
    const id = mark?.cause ?? mark?.affected ?? null;
    const cause = id ? this.state.report?.causes?.find((c) => c.id === id) : undefined;
    if (cause) {
      const en = lang === 'en';
      const message = en ? cause.messageEn || cause.message : cause.message;
      if (mark?.cause) {
        const lines: [string, string][] = [];
        // A one-sided check bounds the value: "应不超过", never "应为".
        const bound = (cause as { bound?: boolean }).bound === true;
        if (cause.suggested != null) lines.push([en ? (bound ? 'At most' : 'Should be') : bound ? '应不超过' : '应为', cause.suggested]);
        if (cause.stated != null) lines.push([t(lang, 'stated'), cause.stated]);
        out.push({ severity: 'error', title: en ? `Cause ${cause.id}: the value to fix` : `根因 ${cause.id} · 应改正此处`, message, lines });
      } else {
        const where = (cause.cells[0] as { label?: string } | undefined)?.label ?? (cause.quote ? (en ? 'the text' : '叙述') : '');
        out.push({
          severity: 'notice',
          title: en ? `Follows from cause ${cause.id} (click to jump to it)` : `受根因 ${cause.id} 影响（点击跳转）`,
          message: en ? `Not wrong itself: fix ${where}. ${message}` : `此处本身无误，应改正${where}：${message}`,
          lines: [],
        });
      }
    }
    for (const i of indices) {
      const f = run.findings[i];
      const item = this.state.items[i];
      if (!f) continue;
      // The popup's and the exports' words (lib/report/words): "应为" only for the value a cause names.
      const words = installedChecker()?.findingWords(this.state.report, i, lang);
      const lines: [string, string][] = words?.lines ?? [];
      if (!words) {
        if (f.actual != null) lines.push([t(lang, 'stated'), f.actual || t(lang, 'emptyValue')]);
        if (item?.difference) lines.push([t(lang, 'difference'), item.difference]);
      }
      const title = item?.ruleTitle ? `${f.rule} ${pick(lang, item.ruleTitle)}` : f.rule;
      out.push({ severity: f.severity, title: `${t(lang, `severity_${f.severity}`)} · ${title}`, message: words?.message ?? pick(lang, f.message), lines });
    }
    return out;
  }

  private setState(patch: Partial<PageState>): void {
    this.state = { ...this.state, ...patch, url: location.href };
    this.broadcast();
  }

  private broadcast(): void {
    try {
      browser.runtime.sendMessage({ type: 'dc:state', state: this.outgoing() }).catch(() => {
        /* no listener (popup closed, background asleep): the state is fetched on demand */
      });
    } catch (err) {
      // Thrown, not rejected (a message the browser will not carry): the popup asks again on demand.
      console.warn('[disclosure-checker] state not sent', err);
    }
  }

  /** The last report capped for sending, and what it was capped from. */
  private sent: { from: PageState['report']; items: PageState['items']; report: PageState['report']; cappedItems: PageState['items'] } | null = null;

  /**
   * The state as it is sent: every page string (cell texts, quotes, titles, messages) cut to
   * STATE_STRING_CAP characters (lib/ext/cap); a finding or cause that lost text is marked
   * `truncated` and its full text is sent when the popup asks for it (dc:full-text).
   */
  private outgoing(): PageState {
    const s = this.state;
    if (!this.sent || this.sent.from !== s.report || this.sent.items !== s.items) {
      this.sent = {
        from: s.report,
        items: s.items,
        report: s.report ? capReport(s.report, STATE_STRING_CAP).report : null,
        cappedItems: capStrings(s.items, STATE_STRING_CAP).value,
      };
    }
    return {
      ...s,
      url: capString(s.url, URL_CAP),
      error: s.error === null ? null : capString(s.error, STATE_STRING_CAP),
      report: this.sent.report,
      items: this.sent.cappedItems,
    };
  }

  /** One finding or cause with its page strings whole (up to FULL_STRING_CAP each), for the popup. */
  private fullText(kind: 'finding' | 'cause', index: number): { item: unknown } {
    const list: readonly unknown[] | undefined = kind === 'finding' ? this.state.report?.findings : this.state.report?.causes;
    const item = list?.[index];
    return { item: item === undefined ? null : capStrings(item, FULL_STRING_CAP).value };
  }
}
