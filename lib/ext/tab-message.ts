/**
 * A message to "the page in a tab": the content script when the tab shows a web page, the PDF
 * viewer when it shows our viewer. tabs.sendMessage reaches content scripts only, not an extension
 * page in the tab; the viewer listens for `dc:to-viewer` messages naming its own tab instead.
 */
export interface TabMessaging {
  tabsSend(tabId: number, msg: unknown): Promise<unknown>;
  runtimeSend(msg: unknown): Promise<unknown>;
}

export interface ToViewer {
  type: 'dc:to-viewer';
  tabId: number;
  msg: unknown;
}

export function isToViewer(raw: unknown, tabId: number | null): raw is ToViewer {
  const m = raw as Partial<ToViewer> | null;
  return !!m && m.type === 'dc:to-viewer' && tabId != null && m.tabId === tabId;
}

/** The answer of whichever is there; undefined when neither answered. */
export async function sendToTab(api: TabMessaging, tabId: number, msg: unknown): Promise<unknown> {
  const answer = await api.tabsSend(tabId, msg).catch(() => undefined);
  if (answer != null) return answer;
  return api.runtimeSend({ type: 'dc:to-viewer', tabId, msg } satisfies ToViewer).catch(() => undefined);
}
