/**
 * The reviewer's dismissals in the popup (issue 23 item 6): "已核实，不是问题" under each finding,
 * with an optional note, and the "已忽略" group with undo. Written straight to storage.local; the
 * page (content script or viewer) re-applies them to its report and sends the new state, so the
 * counts, the badge and this list all follow. Self-contained (its own strings) so the rest of the
 * popup can change around it.
 */
import { useState } from 'preact/hooks';
import { browser } from 'wxt/browser';
import { t, type Lang } from '../../lib/i18n';
import type { ReportLike } from '../../lib/ext/messages';
import { updateDismissals, type StorageArea } from '../../lib/ext/dismissals';
import { dismissalOf, dismissedOf, documentAddress, withDismissals, withoutDismissal } from '../../lib/report/dismiss';
import { Capped } from './capped';

type Finding = ReportLike['findings'][number];

const TEXT = {
  zh: {
    dismiss: '已核实，不是问题',
    note: '说明（可不填）',
    confirm: '确定忽略',
    cancel: '取消',
    group: (n: number) => `已忽略（${n}）：不计入错误、警告和提示数`,
    undo: '撤销忽略',
    failed: '无法保存（扩展存储不可用）',
  },
  en: {
    dismiss: 'Checked: not a problem',
    note: 'Note (optional)',
    confirm: 'Dismiss',
    cancel: 'Cancel',
    group: (n: number) => `Dismissed (${n}): not counted as errors, warnings or notices`,
    undo: 'Undo',
    failed: 'Could not save (extension storage unavailable)',
  },
} as const;

const tx = (lang: Lang) => TEXT[lang === 'en' ? 'en' : 'zh'];
const area = (): StorageArea => browser.storage.local as unknown as StorageArea;

/** The document key of a page state's address (a PDF in the viewer: the PDF's own address). */
export function documentOf(url: string): string {
  try {
    const u = new URL(url);
    const pdf = u.protocol.endsWith('-extension:') ? u.searchParams.get('url') ?? u.searchParams.get('file') : null;
    if (pdf) return documentAddress(pdf);
  } catch {
    /* not a URL: used as is */
  }
  return documentAddress(url);
}

export function isDismissed(f: Finding | undefined): boolean {
  return !!f && dismissedOf(f) !== null;
}

/** The button under a finding, opening a note field, then writing the dismissal. */
/**
 * A finding whose page strings the state carried cut (`truncated`, lib/ext/cap) is named by its whole
 * text (`whole` asks the page), so that the dismissal matches the finding the content script sees.
 */
async function named(finding: Finding, whole: (() => Promise<Finding | null>) | undefined): Promise<Finding> {
  if ((finding as { truncated?: unknown }).truncated !== true || !whole) return finding;
  return (await whole()) ?? finding;
}

export function DismissControl(props: { finding: Finding; index: number; url: string; lang: Lang; flash: (text: string) => void; whole?: () => Promise<Finding | null> }) {
  const { finding, index, url, lang, flash, whole } = props;
  const [open, setOpen] = useState(false);
  const [note, setNote] = useState('');
  const s = tx(lang);
  const save = async () => {
    try {
      const f = await named(finding, whole);
      await updateDismissals(area(), (file) => withDismissals(file, [dismissalOf(f, documentOf(url), note, new Date().toISOString())]));
      setOpen(false);
    } catch {
      flash(s.failed);
    }
  };
  if (!open) {
    return (
      <button type="button" class="link dismiss" data-action="dismiss" data-finding={index} onClick={() => setOpen(true)}>
        {s.dismiss}
      </button>
    );
  }
  return (
    <form
      class="dismiss-form"
      data-dismiss-form={index}
      onSubmit={(e) => {
        e.preventDefault();
        void save();
      }}
    >
      <input type="text" maxLength={2000} placeholder={s.note} value={note} onInput={(e) => setNote((e.currentTarget as HTMLInputElement).value)} />
      <button type="submit" data-action="dismiss-confirm">{s.confirm}</button>
      <button type="button" class="link" onClick={() => setOpen(false)}>{s.cancel}</button>
    </form>
  );
}

/** The dismissed findings, apart, each with its note and an undo. */
export function DismissedList(props: { report: ReportLike; url: string; lang: Lang; flash: (text: string) => void; onReveal: (index: number) => void; whole?: (index: number) => Promise<Finding | null> }) {
  const { report, url, lang, flash, onReveal, whole } = props;
  const s = tx(lang);
  const list = report.findings.map((f, index) => ({ f, index })).filter(({ f }) => isDismissed(f));
  if (list.length === 0) return null;
  const undo = async (f: Finding, index: number) => {
    try {
      const named_ = await named(f, whole && (() => whole(index)));
      await updateDismissals(area(), (file) => withoutDismissal(file, named_, documentOf(url)));
    } catch {
      flash(s.failed);
    }
  };
  return (
    <section class="findings dismissed" data-dismissed={list.length}>
      <h3 class="sev-head dismissed">{s.group(list.length)}</h3>
      <ul>
        {list.map(({ f, index }) => {
          const d = dismissedOf(f)!;
          return (
            <li key={index} data-dismissed-finding={index}>
              <button type="button" class={`finding ${f.severity} is-dismissed`} data-finding={index} onClick={() => onReveal(index)}>
                <span class="head">
                  <span class={`sev ${f.severity}`}>{t(lang, `severity_${f.severity}`)}</span>
                  <span class="rule">{f.rule}</span>
                </span>
                <span class="msg"><Capped text={lang === 'en' ? f.messageEn || f.message : f.message} lang={lang} /></span>
                {d.note && <span class="quote">{d.note}</span>}
              </button>
              <button type="button" class="link" data-action="undismiss" data-finding={index} onClick={() => void undo(f, index)}>
                {s.undo}
              </button>
            </li>
          );
        })}
      </ul>
    </section>
  );
}
