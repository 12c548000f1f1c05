/**
 * Getting a PDF into the viewer: the viewer's address for a PDF, and the redirect rules that open
 * *.gov.cn PDFs there (Chrome: declarativeNetRequest on the response's content type; Firefox: the
 * blocking webRequest listener decides with isPdfResponse). Pure: the background applies them.
 */

export const VIEWER_PATH = '/viewer.html' as const;

/** Host names the redirect covers: gov.cn and every subdomain (as the content script's match). */
const PORTAL_URL_RE2 = '^https?://([^/?#]+\\.)?gov\\.cn(:[0-9]+)?/.*$';
/** Same, for a path ending in .pdf (before any query). */
const PORTAL_PDF_URL_RE2 = '^https?://([^/?#]+\\.)?gov\\.cn(:[0-9]+)?/[^?#]*\\.[pP][dD][fF]([?].*)?$';

/**
 * The viewer's address for a file at `file` (an http(s) URL). `articleTab`: a combined check — the
 * viewer asks that tab's page for its text (`article=<tab id>` comes first: the redirect rule's raw
 * `file=` must stay last).
 */
export function viewerUrl(viewerBase: string, file: string, articleTab: number | null = null): string {
  return `${viewerBase}?${articleTab != null ? `article=${articleTab}&` : ''}file=${encodeURIComponent(file)}`;
}

/** The tab whose page text a combined check adds (`?article=<id>&file=…`), or null. */
export function articleTabFromSearch(search: string): number | null {
  const m = /^\?article=(\d{1,12})&file=/.exec(search);
  return m ? Number(m[1]) : null;
}

/**
 * The PDF address a viewer URL's query names, or null. The redirect rule appends the address raw
 * (`?file=https://…?a=1&b=2`: a regex substitution cannot encode it), the toolbar encodes it; both
 * are read. Only http(s) addresses are accepted.
 */
export function fileFromSearch(search: string): string | null {
  const m = /^\?(?:article=\d{1,12}&)?file=(.*)$/s.exec(search);
  if (!m) return null;
  let raw = m[1];
  if (/^https?%3A/i.test(raw)) {
    try {
      raw = decodeURIComponent(raw);
    } catch {
      return null;
    }
  }
  try {
    const u = new URL(raw);
    return u.protocol === 'http:' || u.protocol === 'https:' ? u.href : null;
  } catch {
    return null;
  }
}

/** True when the URL's path ends in .pdf (the fallback where the content type is not known). */
export function looksLikePdfUrl(url: string): boolean {
  try {
    const u = new URL(url);
    return (u.protocol === 'http:' || u.protocol === 'https:') && /\.pdf$/i.test(u.pathname);
  } catch {
    return false;
  }
}

/**
 * Whether a response is a PDF to open in the viewer: served as application/pdf, or as a generic
 * binary type (application/octet-stream, as some portals do) from an address ending in .pdf.
 */
export function isPdfResponse(url: string, contentType: string | null | undefined): boolean {
  const type = (contentType ?? '').split(';')[0].trim().toLowerCase();
  if (type === 'application/pdf' || type === 'application/x-pdf') return true;
  return (type === 'application/octet-stream' || type === 'binary/octet-stream') && looksLikePdfUrl(url);
}

/** First id of the redirect rules (dynamic rules, ours alone). */
export const REDIRECT_RULE_ID = 7001;
/** Session rule letting one tab open a PDF in the browser's own viewer: id base + tab id. */
export const NATIVE_RULE_BASE = 100_000;

export interface DnrRule {
  id: number;
  priority: number;
  action: { type: 'redirect' | 'allow'; redirect?: { regexSubstitution: string } };
  condition: {
    regexFilter?: string;
    resourceTypes: string[];
    tabIds?: number[];
    responseHeaders?: { header: string; values: string[] }[];
  };
}

/**
 * The redirect rules for Chrome. With `responseHeaders` (Chrome 128+) the rule looks at the
 * response's content type, exactly as Firefox does; without (older Chrome) it can only go by the
 * address ending in .pdf.
 */
export function redirectRules(viewerBase: string, responseHeaders: boolean): DnrRule[] {
  const redirect = { type: 'redirect' as const, redirect: { regexSubstitution: `${viewerBase}?file=\\0` } };
  if (!responseHeaders) {
    return [{ id: REDIRECT_RULE_ID, priority: 1, action: redirect, condition: { regexFilter: PORTAL_PDF_URL_RE2, resourceTypes: ['main_frame'] } }];
  }
  return [
    {
      id: REDIRECT_RULE_ID,
      priority: 1,
      action: redirect,
      condition: {
        regexFilter: PORTAL_URL_RE2,
        resourceTypes: ['main_frame'],
        responseHeaders: [{ header: 'content-type', values: ['application/pdf*', 'application/x-pdf*'] }],
      },
    },
    {
      id: REDIRECT_RULE_ID + 1,
      priority: 1,
      action: redirect,
      condition: {
        regexFilter: PORTAL_PDF_URL_RE2,
        resourceTypes: ['main_frame'],
        responseHeaders: [{ header: 'content-type', values: ['application/octet-stream*', 'binary/octet-stream*'] }],
      },
    },
  ];
}

/** Ids of every redirect rule either variant may have left behind. */
export const REDIRECT_RULE_IDS = [REDIRECT_RULE_ID, REDIRECT_RULE_ID + 1];

/** The session rule that lets tab `tabId` load the next PDF in the browser's own viewer. */
export function nativeRule(tabId: number): DnrRule {
  return { id: NATIVE_RULE_BASE + tabId, priority: 2, action: { type: 'allow' }, condition: { tabIds: [tabId], resourceTypes: ['main_frame'] } };
}

/** Chrome's major version from a user agent string (0 when not Chrome). */
export function chromeMajor(userAgent: string): number {
  const m = /Chrom(?:e|ium)\/(\d+)/.exec(userAgent);
  return m ? Number(m[1]) : 0;
}
