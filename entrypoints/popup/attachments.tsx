/**
 * The article's attachments under the verdict (issue 18 item 3): "附件：1.某局2024年度部门决算.pdf ·
 * 校验". 校验 opens the attachment on the check page (viewer.html?file=…); where the page's tables are
 * in an attachment (tablesInAttachment) the popup says so and offers the combined check, which opens
 * the check page with this tab's id so it can ask the page for its text.
 */
import { browser } from 'wxt/browser';
import { t, type Lang } from '../../lib/i18n';
import type { PageState } from '../../lib/ext/messages';
import { checkableInBrowser, tablesInAttachment } from '../../lib/ext/attachments';
import { viewerUrl, VIEWER_PATH } from '../../lib/ext/pdf-route';
import { sanitizeText } from '../../lib/sanitize';

export function AttachmentList(props: { state: PageState; tabId: number | null; lang: Lang }) {
  const { state, tabId, lang } = props;
  const list = state.attachments ?? [];
  if (list.length === 0) return null;
  const elsewhere = tablesInAttachment(state.report, state);
  const open = (url: string, withPage: boolean) =>
    void browser.tabs.create({ url: viewerUrl(browser.runtime.getURL(VIEWER_PATH), url, withPage ? tabId : null) });
  return (
    <section class="attachments" data-attachments={list.length}>
      {elsewhere.length > 0 && (
        <p class="tables-elsewhere" data-state="tables-in-attachment">
          {t(lang, 'tablesInAttachment', { list: elsewhere.map((a) => a.name).join('、') })}
        </p>
      )}
      <span class="att-head">{t(lang, 'attachmentsLabel')}</span>
      <ol>
        {list.map((a, i) => (
          <li key={a.url} data-attachment={i} data-ext={a.ext}>
            {/* Page text: rendered as text, isolated so a bidi control in a name cannot reorder the line. */}
            <bdi class="att-name" title={a.url}>{`${i + 1}.${sanitizeText(a.name)}`}</bdi>
            {' · '}
            <button type="button" class="link" data-action="check-attachment" onClick={() => open(a.url, false)}>
              {t(lang, 'attachmentCheck')}
            </button>
            {elsewhere.includes(a) && tabId != null && (
              <>
                {' · '}
                <button type="button" class="link" data-action="combine-attachment" onClick={() => open(a.url, true)}>
                  {t(lang, 'attachmentCombine')}
                </button>
              </>
            )}
            {!checkableInBrowser(a.ext) && <span class="hint att-note">{t(lang, 'attachmentNotInBrowser')}</span>}
          </li>
        ))}
      </ol>
    </section>
  );
}
