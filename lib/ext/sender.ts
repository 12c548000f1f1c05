/**
 * Who may send what to the background (issue 21). Every sender is this extension (`sender.id`,
 * checked first); beyond that a content script — which runs beside page code and could be driven
 * by a compromised page world — may only report its own state and ask for the checker in its own
 * tab. Injecting into any tab and re-registering hosts are for extension pages (popup, options).
 */
export interface SenderInfo {
  id?: string;
  url?: string;
  tab?: { id?: number };
}

export type BackgroundMessageType = 'dc:state' | 'dc:inject' | 'dc:load-checker' | 'dc:sync-hosts' | 'dc:take-pdf' | 'dc:open-native' | 'dc:budget-profile';

/** `extBase`: the extension's own origin URL with a trailing slash (runtime.getURL('/')). */
export function fromExtensionPage(sender: SenderInfo, extBase: string): boolean {
  return typeof sender.url === 'string' && sender.url.startsWith(extBase);
}

export function senderAllowed(type: BackgroundMessageType, sender: SenderInfo, extId: string, extBase: string): boolean {
  if (sender.id !== extId) return false;
  const page = fromExtensionPage(sender, extBase);
  const tab = sender.tab?.id;
  switch (type) {
    case 'dc:inject':
    case 'dc:sync-hosts':
      return page;
    case 'dc:state':
      // A content script's own tab (the viewer, an extension page in a tab, reports too).
      return tab != null;
    // The checker, and a checked page's budget profile (B-N16 across tabs): for a content script's own tab.
    case 'dc:load-checker':
    case 'dc:budget-profile':
      return tab != null && !page;
    case 'dc:take-pdf':
    case 'dc:open-native':
      // The viewer, in its tab (the handler also checks the viewer's path).
      return tab != null && page;
  }
}
