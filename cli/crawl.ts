/**
 * --crawl URL (issue 22): a portal's listing column ("部门决算", "预决算公开") → every article in
 * it and each article's disclosure attachments, as batch inputs.
 *   - pagination: links named 下一页/尾页/末页/上一页/首页/page numbers, and `createPageHTML(n, cur,
 *     "index", "shtml")`-style scripted pagination read from the page's own script text;
 *   - articles: links in list items (li, tr, dd) that carry a date, or whose text names a
 *     决算/预算 disclosure;
 *   - attachments: links to .pdf/.doc(x)/.xls(x)/.wps/.et files in an article (or the listing);
 *   - same site only (the start host and its subdomains), a depth limit, robots.txt honoured
 *     (Crawl-delay too), a polite delay and a concurrency limit per host, a --max cap.
 * Articles are fetched here (their links are needed) and handed on with their bytes; attachments
 * are handed on as URLs and fetched by the batch through the same polite fetcher and the same
 * fetch + format dispatch as any URL input.
 */
import { parseHTML } from 'linkedom';
import { decodeHtml } from './decode';
import { fetchPage, FetchError, USER_AGENT, type FetchOptions, type Fetched } from './fetch';
import type { Input } from './inputs';
import { ALLOW_ALL, parseRobots, type Robots } from './robots';

export const ATTACHMENT_RE = /\.(pdf|docx?|xlsx?|wps|et|ofd)$/i;
const PAGINATION_TEXT = /^(下一页|下页|尾页|末页|最后一页|上一页|上页|首页|第一页|\d{1,4}|next|last|»|›|>>?)$/i;
const DATE_RE = /(19|20)\d{2}\s*[-./年]\s*\d{1,2}(\s*[-./月]\s*\d{1,2})?/;
const DISCLOSURE_TEXT = /(决算|预算|预决算|三公)/;

export interface CrawlOptions extends FetchOptions {
  /** Link depth from the listing: 1 = its articles, 2 = also their attachments. */
  depth: number;
  /** Documents (articles + attachments) handed on at most. */
  max: number;
  /** Pause between two requests to one host, in ms (robots.txt Crawl-delay raises it). */
  delayMs: number;
  /** Requests in flight per host. */
  perHost: number;
  /** A note for the user (stderr). */
  log?: (line: string) => void;
}

const sleep = (ms: number) => new Promise((r) => setTimeout(r, ms));

/** Requests per host: at most `limit` at once, each started at least `delayMs` after the last one ended. */
export class HostLimiter {
  private state = new Map<string, { active: number; nextStart: number; queue: (() => void)[] }>();
  constructor(
    private limit: number,
    public delayMs: number,
  ) {}

  async run<T>(url: URL, task: () => Promise<T>): Promise<T> {
    let s = this.state.get(url.host);
    if (!s) this.state.set(url.host, (s = { active: 0, nextStart: 0, queue: [] }));
    const st = s;
    while (st.active >= this.limit) await new Promise<void>((r) => st.queue.push(r));
    st.active++;
    try {
      // The pause counts from the end of the previous response, as the server sees it.
      const wait = st.nextStart - Date.now();
      if (wait > 0) await sleep(wait);
      return await task();
    } finally {
      st.nextStart = Date.now() + this.delayMs;
      st.active--;
      st.queue.shift()?.();
    }
  }
}

/** The start host and its subdomains (a port must match too). */
export function sameSite(url: URL, start: URL): boolean {
  if (url.protocol !== 'http:' && url.protocol !== 'https:') return false;
  if (url.port !== start.port) return false;
  const site = start.hostname.replace(/^www\./, '');
  return url.hostname === start.hostname || url.hostname === site || url.hostname.endsWith('.' + site);
}

function normal(u: URL): string {
  const c = new URL(u.href);
  c.hash = '';
  return c.href;
}

interface PageLinks {
  pages: URL[];
  articles: { url: URL; title: string }[];
  attachments: { url: URL; title: string }[];
}

/** createPageHTML(count, current, "index", "shtml") with literals or `var x = n` variables. */
export function scriptedPages(scripts: string, base: URL): URL[] {
  const out: URL[] = [];
  const vars = new Map<string, string>();
  for (const m of scripts.matchAll(/(?:var|let|const)\s+([A-Za-z_$][\w$]*)\s*=\s*(?:"([^"]*)"|'([^']*)'|(\d+))/g)) vars.set(m[1], m[2] ?? m[3] ?? m[4]);
  const arg = (a: string) => {
    const t = a.trim();
    const q = /^["'](.*)["']$/.exec(t);
    if (q) return q[1];
    if (/^\d+$/.test(t)) return t;
    return vars.get(t) ?? null;
  };
  for (const m of scripts.matchAll(/createPageHTML\s*\(([^)]*)\)/g)) {
    const args = m[1].split(',').map(arg);
    if (args.length < 4 || args.some((a) => a === null)) continue;
    const count = Number(args[0]);
    const [, , prefix, ext] = args as string[];
    if (!Number.isInteger(count) || count < 1 || count > 10000 || !/^[\w-]+$/.test(prefix) || !/^\w+$/.test(ext)) continue;
    for (let i = 0; i < count; i++) out.push(new URL(i === 0 ? `${prefix}.${ext}` : `${prefix}_${i}.${ext}`, base));
  }
  return out;
}

/** The links of a listing or article page. */
export function pageLinks(html: string, base: URL): PageLinks {
  const { document } = parseHTML(html);
  const links: PageLinks = { pages: [], articles: [], attachments: [] };
  const baseEl = document.querySelector('base[href]');
  let at = base;
  try {
    if (baseEl) at = new URL(baseEl.getAttribute('href')!, base);
  } catch {
    // a broken <base>: the page's own address
  }
  for (const a of document.querySelectorAll('a[href]')) {
    const href = (a.getAttribute('href') ?? '').trim();
    if (!href || /^(javascript|mailto|tel):/i.test(href) || href.startsWith('#')) continue;
    let url: URL;
    try {
      url = new URL(href, at);
    } catch {
      continue;
    }
    const text = (a.textContent ?? '').replace(/\s+/g, ' ').trim();
    if (ATTACHMENT_RE.test(url.pathname) || ATTACHMENT_RE.test(text)) {
      links.attachments.push({ url, title: text });
      continue;
    }
    if (PAGINATION_TEXT.test(text)) {
      links.pages.push(url);
      continue;
    }
    const item = a.closest('li, tr, dd, dt');
    const itemText = (item?.textContent ?? '').replace(/\s+/g, ' ');
    if ((item && DATE_RE.test(itemText)) || DISCLOSURE_TEXT.test(text)) links.articles.push({ url, title: text });
  }
  const scripts = [...document.querySelectorAll('script')].map((s) => s.textContent ?? '').join('\n');
  links.pages.push(...scriptedPages(scripts, at));
  return links;
}

async function robotsFor(start: URL, opts: CrawlOptions, limiter: HostLimiter): Promise<Robots> {
  try {
    const got = await limiter.run(start, () => fetchPage(new URL('/robots.txt', start).href, { ...opts, retries: 0, accept: 'text/plain' }));
    return parseRobots(new TextDecoder().decode(got.bytes), USER_AGENT.split('/')[0]);
  } catch {
    return ALLOW_ALL; // no robots.txt (404) or unreachable: nothing is disallowed
  }
}

/** The fetcher the batch uses for crawled URLs: same site, robots and politeness rules. */
export type PoliteFetch = (url: string, opts: FetchOptions) => Promise<Fetched>;

export interface Crawl {
  inputs: AsyncGenerator<Input>;
  fetch: PoliteFetch;
}

/** Starts a crawl: `inputs` yields articles (with their bytes) and attachments (as URLs) as found. */
export function crawl(startUrl: string, opts: CrawlOptions): Crawl {
  const start = new URL(startUrl);
  const limiter = new HostLimiter(opts.perHost, opts.delayMs);
  const politeFetch: PoliteFetch = (url, o) => limiter.run(new URL(url), () => fetchPage(url, o));
  async function* inputs(): AsyncGenerator<Input> {
    const robots = await robotsFor(start, opts, limiter);
    if (robots.crawlDelay !== null) limiter.delayMs = Math.max(limiter.delayMs, robots.crawlDelay * 1000);
    const seen = new Set<string>();
    let handed = 0;
    const listings: URL[] = [start];
    const folder = start.pathname.replace(/[^/]*$/, '');
    seen.add(normal(start));
    const refuse = (url: URL): string | null => {
      if (!sameSite(url, start)) return 'off-site link, not fetched · 站外链接，未访问';
      if (!robots.allows(url)) return 'disallowed by robots.txt, not fetched · robots.txt 禁止访问';
      return null;
    };
    const full = () => handed >= opts.max;
    for (let li = 0; li < listings.length && !full(); li++) {
      const listing = listings[li];
      const refusal = refuse(listing);
      if (refusal) {
        yield { kind: 'skipped', source: listing.href, reason: refusal };
        continue;
      }
      let page: Fetched;
      try {
        page = await politeFetch(listing.href, opts);
      } catch (err) {
        yield { kind: 'invalid', source: listing.href, error: `listing page: ${err instanceof FetchError ? err.message : String(err)} · 列表页无法读取` };
        continue;
      }
      let links: PageLinks;
      try {
        links = pageLinks(decodeHtml(page.bytes, page.contentType).text, new URL(page.url));
      } catch (err) {
        yield { kind: 'invalid', source: listing.href, error: `listing page: ${(err as Error).message} · 列表页无法读取` };
        continue;
      }
      for (const p of links.pages) {
        const key = normal(p);
        // Pagination stays in the listing's folder (a 首页 link to the portal's home is not a page of it).
        if (seen.has(key) || !sameSite(p, start) || !p.pathname.startsWith(folder) || ATTACHMENT_RE.test(p.pathname)) continue;
        seen.add(key);
        listings.push(p);
      }
      const documents = [...links.articles.map((a) => ({ ...a, attachment: false })), ...links.attachments.map((a) => ({ ...a, attachment: true }))];
      for (const doc of documents) {
        if (full()) break;
        const key = normal(doc.url);
        if (seen.has(key)) continue;
        seen.add(key);
        const why = refuse(doc.url);
        if (why) {
          yield { kind: 'skipped', source: doc.url.href, reason: why };
          continue;
        }
        handed++;
        if (doc.attachment) {
          yield { kind: 'url', source: doc.url.href, url: doc.url.href };
          continue;
        }
        yield* article(doc.url);
      }
    }
    if (full()) opts.log?.(`已达上限 --max ${opts.max} reached · 停止抓取 crawl stopped`);

    async function* article(url: URL): AsyncGenerator<Input> {
      let got: Fetched;
      try {
        got = await politeFetch(url.href, opts);
      } catch (err) {
        yield { kind: 'invalid', source: url.href, error: err instanceof FetchError ? err.message : String(err) };
        return;
      }
      // Links are read before the bytes are handed on: a worker takes them over (transferred, not copied).
      let attachments: PageLinks['attachments'] = [];
      if (opts.depth >= 2) {
        try {
          attachments = pageLinks(decodeHtml(got.bytes, got.contentType).text, new URL(got.url)).attachments;
        } catch {
          // not HTML (the check reports it): no attachments to follow
        }
      }
      yield { kind: 'fetched', source: url.href, bytes: got.bytes, contentType: got.contentType, finalUrl: got.url };
      for (const att of attachments) {
        if (full()) return;
        const key = normal(att.url);
        if (seen.has(key)) continue;
        seen.add(key);
        const why = refuse(att.url);
        if (why) {
          yield { kind: 'skipped', source: att.url.href, reason: why };
          continue;
        }
        handed++;
        yield { kind: 'url', source: att.url.href, url: att.url.href };
      }
    }
  }
  return { inputs: inputs(), fetch: politeFetch };
}
