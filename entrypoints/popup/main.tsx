/**
 * Popup (Preact): verdict first, then findings grouped by table / narrative section; click to
 * jump; severity filters; marks toggle; copy Markdown; download JSON / CSV.
 * `popup.html?tab=<id>` points it at a given tab (used by the e2e tests).
 */
import { render, type ComponentChildren } from 'preact';
import { useEffect, useMemo, useState } from 'preact/hooks';
import { browser } from 'wxt/browser';
import { t, pick, type Lang } from '../../lib/i18n';
import {
  PageStateSchema,
  FullTextSchema,
  InjectResultSchema,
  StateMessageSchema,
  parseMessage,
  type PageState,
  type FindingItem,
  type ReportLike,
} from '../../lib/ext/messages';
import { readSettings, SETTINGS_KEY, DEFAULT_SETTINGS, type Settings } from '../../lib/ext/settings';
import { sendToTab } from '../../lib/ext/tab-message';
import { orderedFindings, foldLabel } from '../../lib/report/order';
import { renderMarkdown } from '../../lib/report/markdown';
import { renderCsv } from '../../lib/report/csv';
import type { Report } from '../../lib/report/schema';
import { CauseList } from './causes';
import { TableMap } from './tablemap';
import { AttachmentList } from './attachments';
import { Capped } from './capped';
import { tablesInAttachment } from '../../lib/ext/attachments';
import { DismissControl, DismissedList, isDismissed } from './dismiss';
import { detailsLine, mainLine, shareText, valueLines } from '../../lib/report/words';
import { unitNameEn } from '../../lib/claims/english';
import { isInsight } from '../../lib/checks/insights';
import './style.css';

type Sev = 'error' | 'warning' | 'notice';
const SEVS: Sev[] = ['error', 'warning', 'notice'];

type View =
  | { kind: 'connecting' }
  | { kind: 'unavailable'; reason: string }
  | { kind: 'state'; state: PageState };

async function resolveTabId(): Promise<number | null> {
  const q = new URLSearchParams(location.search).get('tab');
  if (q && /^\d+$/.test(q)) return Number(q);
  const [tab] = await browser.tabs.query({ active: true, currentWindow: true });
  return tab?.id ?? null;
}

/** To the tab's content script, or to the PDF viewer when the tab shows it. */
const toTab = (tabId: number, msg: unknown) =>
  sendToTab({ tabsSend: (id, m) => browser.tabs.sendMessage(id, m), runtimeSend: (m) => browser.runtime.sendMessage(m) }, tabId, msg);

async function getState(tabId: number): Promise<PageState | null> {
  const raw = await toTab(tabId, { type: 'dc:get-state' });
  // undefined: no content script in the tab yet
  return raw === undefined ? null : parseMessage(PageStateSchema, raw, 'popup');
}

/** The tab's state once its page answers (a PDF tab is on its way to the viewer), for a few seconds. */
async function awaitState(tabId: number): Promise<PageState | null> {
  for (let i = 0; i < 40; i++) {
    const state = await getState(tabId);
    if (state) return state;
    await new Promise((r) => setTimeout(r, 250));
  }
  return null;
}

function App() {
  const [settings, setSettings] = useState<Settings>(DEFAULT_SETTINGS);
  const [tabId, setTabId] = useState<number | null>(null);
  const [view, setView] = useState<View>({ kind: 'connecting' });
  const [toast, setToast] = useState<string | null>(null);
  const lang: Lang = settings.lang;

  useEffect(() => {
    document.documentElement.lang = lang === 'zh' ? 'zh-CN' : 'en';
    document.title = t(lang, 'appName');
  }, [lang]);

  useEffect(() => {
    let id: number | null = null;
    const onMessage = (raw: unknown, sender: { id?: string; tab?: { id?: number } }) => {
      if (sender.id !== browser.runtime.id || (raw as { type?: string } | null)?.type !== 'dc:state') return;
      if (id == null || sender.tab?.id !== id) return;
      const msg = parseMessage(StateMessageSchema, raw, 'popup');
      if (msg) setView({ kind: 'state', state: msg.state });
    };
    browser.runtime.onMessage.addListener(onMessage);
    void (async () => {
      const got = await browser.storage.local.get(SETTINGS_KEY).catch(() => ({}) as Record<string, unknown>);
      const s = readSettings((got as Record<string, unknown>)[SETTINGS_KEY]);
      setSettings(s);
      id = await resolveTabId();
      setTabId(id);
      if (id == null) return setView({ kind: 'unavailable', reason: 'no tab' });
      let state = await getState(id);
      if (!state) {
        // Not a portal page: the toolbar click is the user's request to check it (activeTab).
        const res = InjectResultSchema.safeParse(await browser.runtime.sendMessage({ type: 'dc:inject', tabId: id }));
        if (!res.success || !res.data.ok) {
          return setView({ kind: 'unavailable', reason: res.success ? (res.data.error ?? '') : 'invalid reply' });
        }
        state = await awaitState(id);
      } else if (state.status === 'no-disclosure' && state.trigger === 'auto' && !state.report) {
        // Cheap detection said no; the user asked, so run the full check once. (With a report the
        // full check already ran and found no readable table: running it again only costs time.)
        await toTab(id, { type: 'dc:run' });
        state = (await getState(id)) ?? state;
      }
      if (state) setView({ kind: 'state', state });
    })();
    return () => browser.runtime.onMessage.removeListener(onMessage);
  }, []);

  const send = async (msg: unknown) => {
    if (tabId == null) return;
    const raw = await toTab(tabId, msg);
    const state = raw === undefined ? null : parseMessage(PageStateSchema, raw, 'popup');
    if (state) setView({ kind: 'state', state });
  };

  const flash = (text: string) => {
    setToast(text);
    setTimeout(() => setToast(null), 1800);
  };

  return (
    <main class="popup">
      <header class="top">
        <h1>{t(lang, 'appName')}</h1>
        <button class="link" type="button" data-action="check-local" onClick={() => void browser.tabs.create({ url: browser.runtime.getURL('/viewer.html') })}>
          {t(lang, 'checkLocalFile')}
        </button>
        <button class="link" type="button" onClick={() => browser.runtime.openOptionsPage()}>
          {t(lang, 'openOptions')}
        </button>
      </header>
      {view.kind === 'connecting' && <p class="state">{t(lang, 'stateConnecting')}</p>}
      {view.kind === 'unavailable' && (
        <div class="state failed" data-state="unavailable">
          <p>{t(lang, 'stateUnavailable')}</p>
          {view.reason && <p class="reason">{view.reason}</p>}
        </div>
      )}
      {view.kind === 'state' && (
        <StateView
          state={view.state}
          tabId={tabId}
          lang={lang}
          send={send}
          flash={flash}
        />
      )}
      {toast && <div class="toast" role="status">{toast}</div>}
    </main>
  );
}

function StateView(props: {
  state: PageState;
  tabId: number | null;
  lang: Lang;
  send: (msg: unknown) => Promise<void>;
  flash: (text: string) => void;
}) {
  const { state, tabId, lang, send, flash } = props;
  const report = state.report;
  if (state.status === 'idle' || state.status === 'detecting') {
    return <p class="state" data-state={state.status}>{t(lang, 'stateDetecting')}</p>;
  }
  if (state.status === 'checking') {
    const p = state.progress;
    const pct = p && p.total > 0 ? Math.round((p.done / p.total) * 100) : null;
    return (
      <div class="state" data-state="checking">
        <p>{t(lang, 'stateChecking')}</p>
        {p && <p class="progress-label">{t(lang, `progressStage_${p.stage}`, { done: p.done, total: p.total })}</p>}
        <progress max={100} value={pct ?? undefined} />
      </div>
    );
  }
  if (state.status === 'failed') {
    return (
      <div class="state failed" data-state="failed">
        <p><strong>{t(lang, 'stateFailed')}</strong></p>
        <p class="reason">{state.error ?? ''}</p>
        <button type="button" onClick={() => void send({ type: 'dc:run' })}>{t(lang, 'recheck')}</button>
      </div>
    );
  }
  if (state.status === 'no-disclosure' || !report) {
    const unrec = report?.unrecognised ?? [];
    return (
      <div class="state" data-state="no-disclosure">
        <p><strong>{t(lang, 'stateNoDisclosure')}</strong></p>
        {/* "no check was run" would contradict the attachment line that offers one */}
        {tablesInAttachment(report, state).length === 0 && <p class="hint">{t(lang, 'stateNoDisclosureHint')}</p>}
        {unrec.length > 0 && (
          <p class="hint">{t(lang, 'unrecognisedTables', { list: unrec.map((u) => `${u.title} (${u.reason})`).join('；') })}</p>
        )}
        <AttachmentList state={state} tabId={tabId} lang={lang} />
      </div>
    );
  }
  return <Results state={state} report={report} tabId={tabId} lang={lang} send={send} flash={flash} />;
}

/** design.md `document.kind` / `scope` (the report's document object passes them through). */
const kindOf = (r: ReportLike): 'final' | 'budget' => (r.document.kind === 'budget' ? 'budget' : 'final');
const scopeOf = (r: ReportLike): 'department' | 'unit' | null => (r.document.scope === 'department' || r.document.scope === 'unit' ? r.document.scope : null);

/** "部门预算", "单位决算", "预算" (scope unknown); English "department budget" … */
function kindText(r: ReportLike, lang: Lang): string {
  const scope = scopeOf(r);
  const kind = t(lang, kindOf(r) === 'budget' ? 'kind_budget' : 'kind_final');
  if (!scope) return kind;
  const s = t(lang, scope === 'unit' ? 'scope_unit' : 'scope_department');
  return lang === 'en' ? `${s} ${kind}` : `${s}${kind}`;
}

function Results(props: {
  state: PageState;
  report: ReportLike;
  tabId: number | null;
  lang: Lang;
  send: (msg: unknown) => Promise<void>;
  flash: (text: string) => void;
}) {
  const { state, report, tabId, lang, send, flash } = props;
  const s = report.summary;
  const na = report.rules.filter((r) => r.outcome === 'not-applicable').length;
  const internal = report.rules.filter((r) => r.outcome === 'internal-error').length;
  // Insights (X-xx, notices) are listed apart and never counted.
  const insights = report.findings.filter((f) => isInsight(f.rule) && !isDismissed(f)).length;
  const notices = s.notices - insights;
  const worst: Sev | 'clean' = s.errors > 0 ? 'error' : s.warnings > 0 ? 'warning' : notices > 0 ? 'notice' : 'clean';
  const counts: Record<Sev, number> = { error: s.errors, warning: s.warnings, notice: notices };

  const copy = () => copyText(renderMarkdown(report as Report), lang, flash);
  const download = (kind: 'json' | 'csv') => {
    const body = kind === 'json' ? JSON.stringify(report, null, 2) : renderCsv(report as Report);
    const blob = new Blob([body], { type: kind === 'json' ? 'application/json' : 'text/csv;charset=utf-8' });
    const url = URL.createObjectURL(blob);
    const a = document.createElement('a');
    a.href = url;
    a.download = `disclosure-check-${(report.document.department ?? 'report').replace(/[\\/:*?"<>|\s]+/g, '_')}.${kind}`;
    a.click();
    setTimeout(() => URL.revokeObjectURL(url), 5000);
  };

  return (
    <>
      <section class={`verdict ${worst}`} data-state="done">
        <p class="counts">
          {worst === 'clean' ? (
            <span class="clean">{t(lang, 'verdictClean')}</span>
          ) : (
            SEVS.map((sev) => (
              <span key={sev} class={`count ${counts[sev] === 0 ? 'zero' : sev}`} data-count={sev}>
                {t(lang, sev === 'error' ? 'verdictErrors' : sev === 'warning' ? 'verdictWarnings' : 'verdictNotices', { n: counts[sev] })}
              </span>
            ))
          )}
        </p>
        <dl class="recognised">
          <dt>{t(lang, 'kindLabel')}</dt>
          <dd class="kind" data-kind={kindOf(report)} data-scope={scopeOf(report) ?? ''}>{kindText(report, lang)}</dd>
          <dt>{t(lang, 'departmentLabel')}</dt>
          <dd><Capped text={report.document.department ?? t(lang, 'unknown')} lang={lang} /></dd>
          <dt>{t(lang, 'yearLabel')}</dt>
          <dd>{report.document.year ?? t(lang, 'unknown')}</dd>
          <dt>{t(lang, 'unitLabel')}</dt>
          <dd>{report.document.unit ? (lang === 'en' ? unitNameEn(report.document.unit) : report.document.unit) : t(lang, 'unknown')}</dd>
          <dt>{t(lang, 'tablesLabel')}</dt>
          <dd class="tables" title={report.tables.map((tb) => `${tb.id} ${tb.name}`).join('\n')}>
            {report.tables.map((tb) => tb.id).join(' ')}
          </dd>
        </dl>
        {(report.unrecognised?.length ?? 0) > 0 && (
          <p class="hint">{t(lang, 'unrecognisedTables', { list: report.unrecognised!.map((u) => u.title || u.reason).join('；') })}</p>
        )}
        {state.stale && (
          <p class="hint stale" data-state="stale">
            {t(lang, 'stalePage')}
            <button type="button" data-action="recheck" onClick={() => void send({ type: 'dc:run' })}>
              {t(lang, 'recheck')}
            </button>
          </p>
        )}
        <p class="rules">
          {t(lang, 'rulesSummary', { run: s.rulesRun, na })}
          {internal > 0 ? t(lang, 'rulesInternal', { n: internal }) : ''}
        </p>
        <TableMap report={report} lang={lang} onReveal={(i) => void send({ type: 'dc:reveal', finding: i })} />
      </section>

      <AttachmentList state={state} tabId={tabId} lang={lang} />

      <CauseList
        report={report}
        lang={lang}
        onRevealCause={(id) => void send({ type: 'dc:reveal-cause', cause: id })}
        onRevealFinding={(i) => void send({ type: 'dc:reveal', finding: i })}
      />

      <section class="controls">
        <label class="toggle">
          <input
            type="checkbox"
            data-action="marks"
            checked={state.marksOn}
            onChange={(e) => void send({ type: 'dc:set-marks', on: (e.currentTarget as HTMLInputElement).checked })}
          />
          {t(lang, 'marksToggle')}
        </label>
        <span class="buttons">
          <button type="button" data-action="copy" onClick={() => void copy()}>{t(lang, 'copyReport')}</button>
          <button type="button" data-action="json" onClick={() => download('json')}>{t(lang, 'downloadJson')}</button>
          <button type="button" data-action="csv" onClick={() => download('csv')}>{t(lang, 'downloadCsv')}</button>
        </span>
      </section>

      <FindingList state={state} report={report} tabId={tabId} lang={lang} send={send} flash={flash} />
      <DismissedList report={report} url={state.url} lang={lang} flash={flash} onReveal={(i) => void send({ type: 'dc:reveal', finding: i })} whole={(i) => wholeFinding(tabId, i)} />
    </>
  );
}

/**
 * Findings in reading order: errors, then warnings, each by table then row (lib/report/order);
 * notices (rounding-level) folded behind one line until asked for.
 */
type Finding = ReportLike['findings'][number];

/** A finding with its page strings whole (the state carries them cut, lib/ext/cap); null if the page cannot say. */
async function wholeFinding(tabId: number | null, index: number): Promise<Finding | null> {
  if (tabId == null) return null;
  const raw = await toTab(tabId, { type: 'dc:full-text', kind: 'finding', index });
  const answer = raw === undefined ? null : parseMessage(FullTextSchema, raw, 'popup');
  const item = answer?.item;
  return item && typeof (item as { rule?: unknown }).rule === 'string' ? (item as Finding) : null;
}

const isTruncated = (f: unknown): boolean => (f as { truncated?: unknown } | undefined)?.truncated === true;

function FindingList(props: { state: PageState; report: ReportLike; tabId: number | null; lang: Lang; send: (msg: unknown) => Promise<void>; flash: (text: string) => void }) {
  const { state, tabId, lang, send, flash } = props;
  // Findings the reader asked to see whole, by index (kept while the same rule sits there).
  const [whole, setWhole] = useState<Map<number, Finding>>(new Map());
  const report = useMemo(() => {
    const r = props.report;
    if (whole.size === 0) return r;
    return { ...r, findings: r.findings.map((f, i) => (whole.get(i)?.rule === f.rule ? whole.get(i)! : f)) };
  }, [props.report, whole]);
  const fetchWhole = async (index: number): Promise<Finding | null> => {
    const f = await wholeFinding(tabId, index);
    if (f) setWhole((m) => new Map(m).set(index, f));
    else flash(lang === 'en' ? 'The page did not send the full text' : '页面未能提供全文');
    return f;
  };
  const [unfolded, setUnfolded] = useState(false);
  const [insightsOpen, setInsightsOpen] = useState(false);
  const items = useMemo(() => new Map(state.items.map((it) => [it.index, it])), [state.items]);
  const ordered = useMemo(() => orderedFindings(report as Report), [report]);
  if (report.findings.length === 0) {
    return (
      <section class="findings">
        <h2>{t(lang, 'findingsTitle')}</h2>
        <p class="hint">{t(lang, 'noFindings')}</p>
      </section>
    );
  }
  // Dismissed findings are listed apart (DismissedList), never dropped.
  // Insights (X-xx) have a folded group of their own.
  const bySev = (sev: Sev) => ordered.filter((o) => o.finding.severity === sev && !isDismissed(o.finding) && !isInsight(o.finding.rule));
  const insights = ordered.filter((o) => isInsight(o.finding.rule) && !isDismissed(o.finding));
  const fold = foldLabel((report.findings as Report['findings']).filter((f) => !isInsight(f.rule)));
  const section = (sev: Sev, list: ReturnType<typeof bySev>, group: string = sev) => {
    if (list.length === 0) return null;
    // A sub-heading each time the table (or the narrative group) changes.
    let lastGroup = '';
    return (
      <div class={`sev-group ${sev}`} data-severity-group={group} key={group}>
        {sev !== 'notice' && <h3 class={`sev-head ${sev}`}>{t(lang, `severity_${sev}`)} {list.length}</h3>}
        <ul>
          {list.flatMap(({ index }) => {
            const it = items.get(index);
            if (!it) return [];
            const key = `${it.group.kind}:${it.group.key}`;
            const head = key !== lastGroup ? <li class="table-head" key={`h${index}`}><Capped text={groupTitle(lang, it.group)} lang={lang} /></li> : null;
            lastGroup = key;
            const row = (
              <FindingRow key={index} item={it} report={report} lang={lang} url={state.url} flash={flash} onReveal={() => void send({ type: 'dc:reveal', finding: index })} onWhole={() => void fetchWhole(index)}>
                <DismissControl finding={report.findings[index]} index={index} url={state.url} lang={lang} flash={flash} whole={() => fetchWhole(index)} />
              </FindingRow>
            );
            return head ? [head, row] : [row];
          })}
        </ul>
      </div>
    );
  };
  const notices = bySev('notice');
  return (
    <section class="findings">
      <h2>{t(lang, 'findingsTitle')}</h2>
      {section('error', bySev('error'))}
      {section('warning', bySev('warning'))}
      {notices.length > 0 && (
        <button type="button" class="fold" data-action="notices" aria-expanded={unfolded} onClick={() => setUnfolded(!unfolded)}>
          {pick(lang, fold)} · {t(lang, unfolded ? 'foldNotices' : 'unfoldNotices')}
        </button>
      )}
      {unfolded && section('notice', notices)}
      {insights.length > 0 && (
        <button type="button" class="fold" data-action="insights" aria-expanded={insightsOpen} onClick={() => setInsightsOpen(!insightsOpen)}>
          {t(lang, 'insightsFold', { n: insights.length })} · {t(lang, insightsOpen ? 'foldNotices' : 'unfoldNotices')}
        </button>
      )}
      {insightsOpen && section('notice', insights, 'insight')}
    </section>
  );
}

function groupTitle(lang: Lang, g: FindingItem['group']): string {
  return g.kind === 'table' ? `${g.key} ${g.title}` : g.kind === 'section' ? t(lang, 'groupNarrative', { title: g.title }) : t(lang, 'groupDocument');
}

function FindingRow(props: { item: FindingItem; report: ReportLike; lang: Lang; url: string; onReveal: () => void; onWhole: () => void; flash: (text: string) => void; children?: ComponentChildren }) {
  const { item, report, lang, url, onReveal, onWhole, flash, children } = props;
  const f = report.findings[item.index] as Report['findings'][number] | undefined;
  if (!f) return null;
  // The same words as the tooltip and the exports (lib/report/words): a plain line, then the formula.
  const details = detailsLine(f, lang);
  const values = valueLines(report as Report, f, lang);
  return (
    <li class="finding-row">
      <button type="button" class={`finding ${f.severity}`} data-finding={item.index} onClick={onReveal} disabled={!item.marked}>
        <span class="head">
          <span class={`sev ${f.severity}`}>{t(lang, `severity_${f.severity}`)}</span>
          <span class="rule">{f.rule}</span>
          {item.ruleTitle && <span class="rule-title">{pick(lang, item.ruleTitle)}</span>}
        </span>
        {/* Page text (cell texts, quotes, labels) is in these lines: isolated, controls visible, capped. */}
        <span class="msg"><Capped text={mainLine(f, lang)} lang={lang} /></span>
        {values.length > 0 && (
          <span class="values">
            {values.map(([k, v]) => (
              <span key={k}>{k} <b><Capped text={v} lang={lang} /></b></span>
            ))}
          </span>
        )}
        {details && <span class="details"><Capped text={details} lang={lang} /></span>}
        {f.quote && <span class="quote">“<Capped text={f.quote} lang={lang} />”</span>}
        {!item.marked && <span class="hint">{t(lang, 'notOnPage')}</span>}
      </button>
      <button
        type="button"
        class="copy-one"
        data-action="copy-finding"
        data-finding={item.index}
        title={lang === 'en' ? 'Copy this finding (Chinese, with a link to it)' : '复制此条（含定位链接）'}
        aria-label={lang === 'en' ? 'Copy this finding' : '复制此条'}
        onClick={() => void copyText(shareText(report as Report, item.index, url), lang, flash)}
      >
        {lang === 'en' ? 'Copy' : '复制'}
      </button>
      {/* Page text cut in the state message (a cell of megabytes): the whole finding on request. */}
      {isTruncated(f) && (
        <button type="button" class="link whole" data-action="finding-whole" data-finding={item.index} onClick={onWhole}>
          {lang === 'en' ? 'Full text' : '显示全文'}
        </button>
      )}
      {children}
    </li>
  );
}

/** To the clipboard, with a fallback for contexts without clipboard permission. */
async function copyText(text: string, lang: Lang, flash: (text: string) => void): Promise<void> {
  try {
    await navigator.clipboard.writeText(text);
    flash(t(lang, 'copied'));
  } catch {
    const ta = document.createElement('textarea');
    ta.value = text;
    document.body.append(ta);
    ta.select();
    const ok = document.execCommand('copy');
    ta.remove();
    flash(t(lang, ok ? 'copied' : 'copyFailed'));
  }
}

render(<App />, document.getElementById('app')!);
