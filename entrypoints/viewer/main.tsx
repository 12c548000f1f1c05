/**
 * The PDF viewer (an extension page): shows a PDF with pdf.js (pages drawn lazily, text layer,
 * zoom, page list), checks it in the page — PDF reader → checkDocument's sliced run → report — and
 * marks the findings on boxes over the pages with lib/marks (same data-dc-* attributes, colours and
 * tooltip as on HTML pages). The findings list, jump, toggle and exports are the popup's own, hosted
 * beside the pages; the toolbar popup works here too (it reaches this page with dc:to-viewer).
 *
 * `viewer.html?file=<http(s) URL>` fetches that PDF (the redirect on *.gov.cn and the toolbar send
 * it here); a local file is opened by drop or picker and never leaves the computer.
 */
import { render } from 'preact';
import { useEffect, useRef, useState } from 'preact/hooks';
import { browser } from 'wxt/browser';
import { getDocument, GlobalWorkerOptions, type PDFDocumentProxy } from 'pdfjs-dist/legacy/build/pdf.mjs';
import { t, type Lang } from '../../lib/i18n';
import { readSettings, SETTINGS_KEY, DEFAULT_SETTINGS, type Settings } from '../../lib/ext/settings';
import { ToContentSchema, PageTextSchema, parseMessage, type PageState, type PageText } from '../../lib/ext/messages';
import { isToViewer } from '../../lib/ext/tab-message';
import { articleTabFromSearch, fileFromSearch } from '../../lib/ext/pdf-route';
import { pageTextSection } from '../../lib/viewer/combine';
import { fromBase64 } from '../../lib/ext/base64';
import { tooltipEntries } from '../../lib/ext/tooltip-entries';
import { MarkSession, planMarks, toMarkable } from '../../lib/marks';
import { checkOfficeFile, type OfficeCheck } from '../../lib/viewer/office';
import { checkPdf, type PdfCheck } from '../../lib/viewer/check';
import { buildOverlay, type Overlay } from '../../lib/viewer/overlay';
import { loadReader } from './reader';
import { PdfPages } from './pages';
import { DISMISSALS_KEY, loadDismissals } from '../../lib/ext/dismissals';
import { applyDismissals, documentAddress, type DismissalFile } from '../../lib/report/dismiss';
import './style.css';

performance.mark('dc:viewer:start');

const PDFJS_BASE = browser.runtime.getURL('/pdfjs/' as '/');
GlobalWorkerOptions.workerSrc = `${PDFJS_BASE}pdf.worker.min.mjs`;
const CMAP_URL = `${PDFJS_BASE}cmaps/`;
const FONT_URL = `${PDFJS_BASE}standard_fonts/`;

type Phase =
  | { kind: 'empty' }
  | { kind: 'loading' }
  | { kind: 'fetch-failed'; reason: string; host: string | null }
  | { kind: 'failed'; reason: string }
  | { kind: 'open' };

const INITIAL_STATE: PageState = {
  status: 'idle',
  url: '',
  progress: null,
  error: null,
  marksOn: true,
  report: null,
  items: [],
  trigger: 'user',
};

/** The viewer's document state, shared with the popup through the same PageState messages. */
class ViewerController {
  state: PageState = { ...INITIAL_STATE };
  check: PdfCheck | null = null;
  /** A Word/Excel/HTML file shown as plain elements (lib/viewer/office.ts); null for a PDF. */
  office: OfficeCheck | null = null;
  overlay: Overlay | null = null;
  pages: PdfPages | null = null;
  marks: MarkSession;
  settings: Settings = DEFAULT_SETTINGS;
  tabId: number | null = null;
  private generation = 0;
  private listeners = new Set<() => void>();
  /** The report before the reviewer's dismissals (issue 23 item 6), and the dismissals stored. */
  private fullReport: PageState['report'] = null;
  private dismissals: DismissalFile | null = null;

  constructor() {
    this.marks = new MarkSession(document, {
      describe: (ix) => {
        const run = this.check?.run ?? this.office?.run;
        return run ? tooltipEntries(run.findings, this.state.items, ix, this.settings.lang, this.state.report) : [];
      },
      moreText: (n) => t(this.settings.lang, 'tipMore', { n }),
    });
  }

  subscribe(fn: () => void): () => void {
    this.listeners.add(fn);
    return () => this.listeners.delete(fn);
  }

  /** Tell the page's components that something they show changed (pages, zoom, marks). */
  notify(): void {
    for (const fn of this.listeners) fn();
  }

  /** Read the stored dismissals now and whenever they change; apply them to the report shown. */
  watchDismissals(): void {
    const area = browser.storage.local as unknown as Parameters<typeof loadDismissals>[0];
    const reload = () =>
      void loadDismissals(area).then((f) => {
        this.dismissals = f;
        if (this.fullReport) this.setState({ report: this.fullReport });
      });
    reload();
    browser.storage.onChanged.addListener((changes, where) => {
      if (where === 'local' && changes[DISMISSALS_KEY]) reload();
    });
  }

  setState(patch: Partial<PageState>): void {
    if ('report' in patch) {
      // The report as checked is kept; the state shows it with the dismissals of this document.
      this.fullReport = patch.report ?? null;
      patch = { ...patch, report: patch.report ? applyDismissals(patch.report, this.dismissals, [documentAddress(this.state.url || patch.url || '')]) : null };
    }
    this.state = { ...this.state, ...patch };
    // For tests and the bench: where the check is.
    document.documentElement.setAttribute('data-dc-status', this.state.status);
    for (const fn of this.listeners) fn();
    browser.runtime.sendMessage({ type: 'dc:state', state: this.state }).catch(() => undefined);
  }

  /**
   * Show and check a PDF (or an Office file). `source` is its address or the local file's name;
   * `before`, for a combined check, the article page's text checked ahead of the file's blocks.
   */
  async open(bytes: Uint8Array, source: string, scroller: HTMLElement, container: HTMLElement, before: Element | null = null): Promise<void> {
    const gen = ++this.generation;
    this.marks.remove();
    this.pages?.destroy();
    this.pages = null;
    this.check = null;
    this.office = null;
    this.overlay = null;
    this.setState({ ...INITIAL_STATE, url: source, status: 'checking' });
    const head = new TextDecoder('latin1').decode(bytes.subarray(0, 1024));
    if (!head.includes('%PDF-')) return this.openOffice(bytes, source, container, gen, before);
    // Shown and checked at once: the pages while the reader works.
    const shown = (async () => {
      const pdf: PDFDocumentProxy = await getDocument({
        data: bytes.slice(),
        cMapUrl: CMAP_URL,
        cMapPacked: true,
        standardFontDataUrl: FONT_URL,
        isEvalSupported: false,
      }).promise;
      if (gen !== this.generation) return;
      this.pages = await PdfPages.open(pdf, scroller, container, {
        onFirstDrawn: () => performance.mark('dc:viewer:first-page'),
        onCurrent: (n) => pageListCurrent.value?.(n),
      });
      this.notify();
    })();
    const checked = (async () => {
      const read = await loadReader();
      let lastSent = 0;
      return checkPdf(read, bytes, {
        document,
        source,
        cMapUrl: CMAP_URL,
        standardFontDataUrl: FONT_URL,
        before,
        onProgress: (p) => {
          const now = performance.now();
          if (now - lastSent > 150 || p.stage !== this.state.progress?.stage) {
            lastSent = now;
            this.setState({ progress: p });
          }
        },
      });
    })();
    await shown;
    let result: PdfCheck;
    try {
      result = await checked;
    } catch (err) {
      if (gen === this.generation) this.setState({ status: 'failed', progress: null, error: err instanceof Error ? err.message : String(err) });
      return;
    }
    if (gen !== this.generation) return;
    this.check = result;
    if (result.problem) {
      const lang = this.settings.lang;
      this.setState({ status: 'failed', progress: null, error: lang === 'en' ? result.problem.en : result.problem.zh });
      return;
    }
    const none = !result.report || result.report.tables.length === 0;
    this.setState({ report: result.report, items: result.items });
    const pages = this.pages as PdfPages | null; // set by `shown`, which TypeScript cannot see
    if (!none && result.run && result.places && pages) {
      this.overlay = buildOverlay(document, result.places, result.run.findings, result.pages, (n) => pages.layerOf(n));
      if (this.state.marksOn) this.applyMarks();
      performance.mark('dc:viewer:marks');
      // The frame that shows them.
      requestAnimationFrame(() => requestAnimationFrame(() => performance.measure('dc:viewer:first-marks', { start: 0, end: performance.now() })));
    }
    this.setState({ status: none ? 'no-disclosure' : 'done', progress: null });
  }

  /** Not a PDF: Word, Excel or a saved page, read by lib/extract/file.ts and shown as plain elements. */
  async openOffice(bytes: Uint8Array, source: string, container: HTMLElement, gen: number, before: Element | null): Promise<void> {
    container.replaceChildren();
    const result = await checkOfficeFile(bytes, source, {
      document,
      source,
      before,
      show: (root) => {
        const sheet = document.createElement('div');
        sheet.className = 'office-doc';
        sheet.appendChild(root);
        container.appendChild(sheet);
      },
      onProgress: (p) => {
        if (p.stage !== this.state.progress?.stage) this.setState({ progress: p });
      },
    });
    if (gen !== this.generation) return;
    const lang = this.settings.lang;
    if (result.problem) throw new Error(lang === 'en' ? result.problem.en : result.problem.zh);
    this.office = result;
    const none = !result.report || result.report.tables.length === 0;
    this.setState({ report: result.report, items: result.items });
    if (!none && this.state.marksOn) this.applyMarks();
    this.setState({ status: none ? 'no-disclosure' : 'done', progress: null, error: result.note ? (lang === 'en' ? result.note.en : result.note.zh) : null });
  }

  applyMarks(): void {
    if (this.office?.run) {
      this.marks.apply(planMarks(this.office.run.findings.map(toMarkable), { showNotices: this.settings.showNotices }));
      return;
    }
    if (!this.overlay) return;
    this.marks.apply(planMarks(this.overlay.markable, { showNotices: this.settings.showNotices }));
    pageListCurrent.refresh?.();
  }

  handle(raw: unknown): PageState {
    const msg = parseMessage(ToContentSchema, raw, 'viewer');
    if (!msg) return this.state;
    switch (msg.type) {
      case 'dc:get-state':
      case 'dc:run':
        break; // the check runs when the file opens
      case 'dc:set-marks':
        this.state.marksOn = msg.on;
        if (msg.on) this.applyMarks();
        else this.marks.remove();
        this.setState({});
        break;
      case 'dc:reveal':
        if (!this.marks.isActive && (this.overlay || this.office?.run)) {
          this.state.marksOn = true;
          this.applyMarks();
          this.setState({});
        }
        this.marks.reveal(msg.finding);
        break;
    }
    return this.state;
  }
}

/** Hooks the page list registers so the controller can tell it the current page / new marks. */
const pageListCurrent: { value: ((n: number) => void) | null; refresh: (() => void) | null } = { value: null, refresh: null };

const controller = new ViewerController();
controller.watchDismissals();

browser.runtime.onMessage.addListener((raw: unknown, sender: { id?: string }, sendResponse: (r: unknown) => void) => {
  if (sender.id !== browser.runtime.id || !isToViewer(raw, controller.tabId)) return false;
  sendResponse(controller.handle(raw.msg));
  return false;
});

function hostOf(url: string): string | null {
  try {
    return new URL(url).host;
  } catch {
    return null;
  }
}

function App() {
  const [settings, setSettings] = useState<Settings>(DEFAULT_SETTINGS);
  const [phase, setPhase] = useState<Phase>({ kind: 'empty' });
  const [tabId, setTabId] = useState<number | null>(null);
  const [title, setTitle] = useState('');
  const [, bump] = useState(0);
  const [current, setCurrent] = useState(1);
  const [dragging, setDragging] = useState(false);
  const scroller = useRef<HTMLDivElement>(null);
  const container = useRef<HTMLDivElement>(null);
  const picker = useRef<HTMLInputElement>(null);
  const file = fileFromSearch(location.search);
  const articleTab = articleTabFromSearch(location.search);
  // A combined check: how many paragraphs of the page's text were added (null: none asked; -1: none got).
  const [combined, setCombined] = useState<{ n: number; url: string; pdf: boolean } | null>(null);
  const lang: Lang = settings.lang;

  useEffect(() => controller.subscribe(() => bump((n) => n + 1)), []);
  useEffect(() => {
    pageListCurrent.value = setCurrent;
    pageListCurrent.refresh = () => bump((n) => n + 1);
  }, []);
  useEffect(() => {
    document.documentElement.lang = lang === 'zh' ? 'zh-CN' : 'en';
    document.title = `${title || t(lang, 'viewerTitle')} · ${t(lang, 'appName')}`;
  }, [lang, title]);

  const openBytes = async (bytes: Uint8Array, source: string, name: string, page: PageText | null = null) => {
    setTitle(name);
    setPhase({ kind: 'open' });
    let before: Element | null = null;
    if (page) {
      before = pageTextSection(document, page, t(controller.settings.lang, 'combinedPageText', { url: page.url }));
      // The core reads the document's title (department, year, kind): the article's, not the file's.
      document.title = page.title || page.heading;
    }
    try {
      await controller.open(bytes, source, scroller.current!, container.current!, before);
    } catch (err) {
      setPhase({ kind: 'failed', reason: err instanceof Error ? err.message : String(err) });
      controller.setState({ status: 'failed', error: err instanceof Error ? err.message : String(err) });
    }
  };

  const fetchAndOpen = async (url: string) => {
    setPhase({ kind: 'loading' });
    let bytes: Uint8Array;
    try {
      // Fetched already by the background for the toolbar button (while its grant lasted), or
      // fetched here with the host access the extension has (*.gov.cn, or a host the user allowed).
      const held = (await browser.runtime.sendMessage({ type: 'dc:take-pdf', url }).catch(() => null)) as { ok?: boolean; data?: string } | null;
      if (held?.ok && typeof held.data === 'string') {
        bytes = fromBase64(held.data);
      } else {
        const res = await fetch(url, { credentials: 'include' });
        if (!res.ok) throw new Error(`HTTP ${res.status}`);
        bytes = new Uint8Array(await res.arrayBuffer());
      }
    } catch (err) {
      setPhase({ kind: 'fetch-failed', reason: err instanceof Error ? err.message : String(err), host: hostOf(url) });
      return;
    }
    const name = decodeURIComponent(new URL(url).pathname.split('/').pop() || url);
    let page: PageText | null = null;
    if (articleTab != null) {
      // The article tab's content script answers with its text; a closed or navigated tab does not.
      const raw = await browser.tabs.sendMessage(articleTab, { type: 'dc:page-text' }).catch(() => null);
      page = raw == null ? null : parseMessage(PageTextSchema, raw, 'viewer');
      const pdf = new TextDecoder('latin1').decode(bytes.subarray(0, 1024)).includes('%PDF-');
      setCombined({ n: page ? page.paragraphs.length : -1, url: page?.url ?? '', pdf });
    }
    await openBytes(bytes, url, name, page);
  };

  useEffect(() => {
    void (async () => {
      const got = await browser.storage.local.get(SETTINGS_KEY).catch(() => ({}) as Record<string, unknown>);
      const s = readSettings((got as Record<string, unknown>)[SETTINGS_KEY]);
      controller.settings = s;
      setSettings(s);
      const tab = await browser.tabs.getCurrent().catch(() => undefined);
      controller.tabId = tab?.id ?? null;
      setTabId(tab?.id ?? null);
      if (file) await fetchAndOpen(file);
    })();
    const onChanged = (changes: Record<string, { newValue?: unknown }>, area: string) => {
      if (area !== 'local' || !changes[SETTINGS_KEY]) return;
      const s = readSettings(changes[SETTINGS_KEY].newValue);
      controller.settings = s;
      setSettings(s);
      if (controller.state.marksOn) controller.applyMarks();
    };
    browser.storage.onChanged.addListener(onChanged);
    return () => browser.storage.onChanged.removeListener(onChanged);
  }, []);

  const openLocal = async (f: File | undefined | null) => {
    if (!f) return;
    await openBytes(new Uint8Array(await f.arrayBuffer()), f.name, f.name);
  };

  const allowHost = async (host: string) => {
    const granted = await browser.permissions.request({ origins: [`*://${host}/*`] }).catch(() => false);
    if (granted && file) await fetchAndOpen(file);
  };

  const openNative = async (e: Event) => {
    if (!file) return;
    e.preventDefault();
    // Past the redirect once (the background lets this tab's next load through), else plainly.
    const answer = (await browser.runtime.sendMessage({ type: 'dc:open-native', url: file }).catch(() => null)) as { ok?: boolean } | null;
    if (!answer?.ok) location.href = file;
  };

  const pages = controller.pages;
  const zoom = (f: (z: number) => number) => {
    if (!pages) return;
    pages.setZoom(f(pages.zoomLevel));
    bump((n) => n + 1);
  };
  // Worst mark per page, for the page list.
  const pageMarks = new Map<number, string>();
  const rank: Record<string, number> = { error: 3, warning: 2, notice: 1 };
  if (controller.marks.isActive && controller.overlay && controller.check?.places) {
    for (const el of document.querySelectorAll('.dc-layer [data-dc-severity]')) {
      const n = Number(el.closest('.page')?.getAttribute('data-page-number'));
      const sev = el.getAttribute('data-dc-severity') ?? '';
      if ((rank[sev] ?? 0) > (rank[pageMarks.get(n) ?? ''] ?? 0)) pageMarks.set(n, sev);
    }
  }

  return (
    <div
      class={`viewer${dragging ? ' dragging' : ''}`}
      onDragOver={(e) => {
        e.preventDefault();
        setDragging(true);
      }}
      onDragLeave={() => setDragging(false)}
      onDrop={(e) => {
        e.preventDefault();
        setDragging(false);
        void openLocal(e.dataTransfer?.files[0]);
      }}
    >
      <header class="bar">
        <strong class="name" title={title}>{title || t(lang, 'viewerTitle')}</strong>
        <span class="zoom">
          <button type="button" data-action="zoom-out" title={t(lang, 'viewerZoomOut')} onClick={() => zoom((z) => z / 1.2)} disabled={!pages}>−</button>
          <span class="level" data-zoom>{pages ? `${Math.round(pages.zoomLevel * 100)}%` : ''}</span>
          <button type="button" data-action="zoom-in" title={t(lang, 'viewerZoomIn')} onClick={() => zoom((z) => z * 1.2)} disabled={!pages}>+</button>
          <button type="button" data-action="fit" onClick={() => { pages?.fitWidth(); bump((n) => n + 1); }} disabled={!pages}>{t(lang, 'viewerFitWidth')}</button>
        </span>
        <span class="spacer" />
        {file && (
          <a class="native" href={file} data-action="native" onClick={(e) => void openNative(e)}>{t(lang, 'viewerNative')}</a>
        )}
        <button type="button" data-action="open-file" onClick={() => picker.current?.click()}>{t(lang, 'viewerOpenFile')}</button>
        <input ref={picker} type="file" accept="application/pdf,.pdf,.docx,.xlsx,.xls,.doc,.wps,.et,.html,.htm" hidden onChange={(e) => void openLocal((e.currentTarget as HTMLInputElement).files?.[0])} />
      </header>
      <nav class="thumbs" aria-label={t(lang, 'viewerPages')}>
        {pages?.slots.map((s) => (
          <button
            key={s.n}
            type="button"
            class={`pg${s.n === current ? ' current' : ''}`}
            data-goto-page={s.n}
            data-marks={pageMarks.get(s.n) ?? undefined}
            onClick={() => pages.scrollToPage(s.n)}
          >
            {t(lang, 'viewerPage', { n: s.n })}
          </button>
        ))}
      </nav>
      <main class="scroller" ref={scroller}>
        {phase.kind === 'empty' && <p class="message drop" data-phase="empty">{t(lang, 'viewerDropHint')}</p>}
        {phase.kind === 'loading' && <p class="message" data-phase="loading">{t(lang, 'viewerLoading')}</p>}
        {phase.kind === 'fetch-failed' && (
          <div class="message failed" data-phase="fetch-failed">
            <p>{t(lang, 'viewerFetchFailed', { reason: phase.reason })}</p>
            {phase.host && (
              <button type="button" data-action="allow-host" onClick={() => void allowHost(phase.host!)}>
                {t(lang, 'viewerAllowHost', { host: phase.host })}
              </button>
            )}
          </div>
        )}
        {combined && (
          <p class="message combined" data-combined={combined.n}>
            {combined.n < 0
              ? t(lang, 'combinedNoText')
              : combined.pdf
                ? t(lang, 'combinedPdfNote', { n: combined.n })
                : t(lang, 'combinedTitle', { page: combined.url })}
          </p>
        )}
        {phase.kind === 'failed' && <p class="message failed" data-phase="failed">{t(lang, 'viewerOpenFailed', { reason: phase.reason })}</p>}
        {phase.kind === 'open' && controller.state.status === 'failed' && controller.state.error && (
          // Why there is no verdict (encrypted, scanned, unreadable text …), above the pages.
          <p class="message failed" data-phase="problem">{controller.state.error}</p>
        )}
        <div class="pages" ref={container} />
      </main>
      <aside class="panel">
        {tabId != null && phase.kind !== 'empty' ? (
          // The popup itself, pointed at this tab: one findings list, jump, toggle and exports.
          <iframe class="popup" title={t(lang, 'findingsTitle')} src={browser.runtime.getURL(`/popup.html?tab=${tabId}` as '/popup.html')} />
        ) : null}
      </aside>
    </div>
  );
}

render(<App />, document.getElementById('app')!);
