/**
 * Fetching a disclosure page by URL with Node's own fetch: timeout, retries with back-off on
 * network errors and 5xx/429, an identifying User-Agent, and (issue 21) limits a hostile server
 * cannot get round:
 *   - the body is read as a stream and counted AFTER decompression, so a gzip bomb or an endless
 *     chunked body stops at `maxBytes` with bounded memory (Content-Length is only a first check);
 *   - redirects are followed by hand, at most `maxRedirects` hops, http(s) only, and a redirect
 *     from a public host to a private, loopback or link-local address is refused (the resolver is
 *     injectable so tests never leave 127.0.0.1);
 *   - the final URL is returned so the report can name it.
 */
import { readFileSync } from 'node:fs';
import { lookup } from 'node:dns/promises';
import { BlockList, isIP } from 'node:net';

export const VERSION: string = (() => {
  try {
    return JSON.parse(readFileSync(new URL('../package.json', import.meta.url), 'utf8')).version ?? '0';
  } catch {
    return '0';
  }
})();

export const USER_AGENT = `DisclosureChecker/${VERSION} (+batch)`;

/** Refuse absurdly large bodies (a disclosure page is a few hundred KB; PDFs a few MB). */
export const MAX_BODY_BYTES = 50 * 1024 * 1024;
export const MAX_REDIRECTS = 5;

/** Host name → its addresses (IPv4 or IPv6 text). */
export type Resolver = (hostname: string) => Promise<string[]>;

export interface FetchOptions {
  /** Per attempt, in milliseconds (covers headers and body). */
  timeoutMs: number;
  /** Extra attempts after the first on network errors, timeouts, 5xx and 429. */
  retries: number;
  /** First back-off delay; doubles on each retry. */
  retryDelayMs: number;
  fetch?: typeof fetch;
  /** Body limit after decompression (default MAX_BODY_BYTES). */
  maxBytes?: number;
  /** Redirect hops (default MAX_REDIRECTS). */
  maxRedirects?: number;
  /** Name resolution for the redirect policy (default: the system resolver). */
  resolve?: Resolver;
  /** Accept header (the crawler asks for attachments too). */
  accept?: string;
}

export interface Fetched {
  bytes: Uint8Array;
  contentType: string | null;
  /** URL after redirects. */
  url: string;
}

/** A failure that is final for this URL (reported on one line, the batch goes on). */
export class FetchError extends Error {}

class RetryableError extends Error {}

const sleep = (ms: number) => new Promise((r) => setTimeout(r, ms));

const PRIVATE = new BlockList();
for (const [net, prefix] of [
  ['0.0.0.0', 8],
  ['10.0.0.0', 8],
  ['100.64.0.0', 10],
  ['127.0.0.0', 8],
  ['169.254.0.0', 16],
  ['172.16.0.0', 12],
  ['192.0.0.0', 24],
  ['192.168.0.0', 16],
  ['198.18.0.0', 15],
  ['224.0.0.0', 4],
  ['240.0.0.0', 4],
] as const)
  PRIVATE.addSubnet(net, prefix, 'ipv4');
for (const [net, prefix] of [
  ['::', 128],
  ['::1', 128],
  ['fc00::', 7],
  ['fe80::', 10],
  ['ff00::', 8],
] as const)
  PRIVATE.addSubnet(net, prefix, 'ipv6');

/** Loopback, private (RFC 1918, ULA), link-local, CGNAT, multicast or unspecified. */
export function isPrivateAddress(address: string): boolean {
  const a = address.replace(/^\[|\]$/g, '');
  const v = isIP(a);
  if (v === 4) return PRIVATE.check(a, 'ipv4');
  if (v === 6) {
    const mapped = /^::ffff:(\d+\.\d+\.\d+\.\d+)$/i.exec(a);
    if (mapped) return PRIVATE.check(mapped[1], 'ipv4');
    return PRIVATE.check(a, 'ipv6');
  }
  return true; // not an address at all: treat as unsafe
}

export const systemResolver: Resolver = async (hostname) => (await lookup(hostname, { all: true })).map((a) => a.address);

/** The addresses a URL's host stands for (a literal address is itself). */
async function addressesOf(url: URL, resolve: Resolver): Promise<string[]> {
  const host = url.hostname.replace(/^\[|\]$/g, '');
  if (isIP(host)) return [host];
  if (host === 'localhost' || host.endsWith('.localhost')) return ['127.0.0.1'];
  try {
    return await resolve(host);
  } catch {
    return []; // unresolvable: fetch reports it
  }
}

/**
 * Whether a redirect from `from` to `to` may be followed: http(s) only, and never from a public
 * host into a private, loopback or link-local one (a page on the internet must not make the
 * checker read the user's router or a cloud metadata service). Returns the refusal reason or null.
 */
export async function redirectRefusal(from: URL, to: URL, resolve: Resolver = systemResolver): Promise<string | null> {
  if (to.protocol !== 'http:' && to.protocol !== 'https:') return `redirect to a ${to.protocol} address refused · 拒绝跳转到非网页地址`;
  const fromAddrs = await addressesOf(from, resolve);
  const fromPublic = fromAddrs.length > 0 && !fromAddrs.some(isPrivateAddress);
  if (!fromPublic) return null;
  const toAddrs = await addressesOf(to, resolve);
  if (toAddrs.some(isPrivateAddress)) return `redirect from a public host to a private/loopback/link-local address refused (${to.host}) · 拒绝从公网跳转到内网地址`;
  return null;
}

function describeNetworkError(err: unknown, timeoutMs: number): string {
  if (err instanceof Error) {
    if (err.name === 'TimeoutError' || err.name === 'AbortError') return `timed out after ${timeoutMs / 1000}s · 超时`;
    const cause = (err as Error & { cause?: { code?: string; message?: string } }).cause;
    if (cause?.code === 'ECONNREFUSED') return 'connection refused · 连接被拒绝';
    if (cause?.code === 'ENOTFOUND') return 'host not found · 找不到主机';
    if (cause?.code) return `network error ${cause.code} · 网络错误`;
    if (cause?.message) return `network error: ${cause.message} · 网络错误`;
    return `network error: ${err.message} · 网络错误`;
  }
  return `network error: ${String(err)}`;
}

export function tooLarge(limit: number): string {
  return `too large (over ${limit} bytes) · 文件过大`;
}

/** Reads a body stream up to `limit` bytes (decompressed); cancels the stream beyond it. */
export async function readLimited(body: ReadableStream<Uint8Array> | null, limit: number): Promise<Uint8Array> {
  if (!body) return new Uint8Array(0);
  const reader = body.getReader();
  const chunks: Uint8Array[] = [];
  let total = 0;
  for (;;) {
    const { done, value } = await reader.read();
    if (done) break;
    total += value.byteLength;
    if (total > limit) {
      await reader.cancel().catch(() => undefined);
      throw new FetchError(tooLarge(limit));
    }
    chunks.push(value);
  }
  const out = new Uint8Array(total);
  let at = 0;
  for (const c of chunks) {
    out.set(c, at);
    at += c.byteLength;
  }
  return out;
}

async function attempt(url: string, opts: FetchOptions): Promise<Fetched> {
  const doFetch = opts.fetch ?? fetch;
  const limit = opts.maxBytes ?? MAX_BODY_BYTES;
  const hops = opts.maxRedirects ?? MAX_REDIRECTS;
  const signal = AbortSignal.timeout(opts.timeoutMs);
  let current = new URL(url);
  for (let hop = 0; ; hop++) {
    let res: Response;
    try {
      res = await doFetch(current.href, {
        redirect: 'manual',
        signal,
        headers: { 'user-agent': USER_AGENT, accept: opts.accept ?? 'text/html,application/xhtml+xml;q=0.9,*/*;q=0.5' },
      });
    } catch (err) {
      throw new RetryableError(describeNetworkError(err, opts.timeoutMs));
    }
    if (res.status >= 300 && res.status < 400 && res.headers.has('location')) {
      await res.body?.cancel().catch(() => undefined);
      if (hop >= hops) throw new FetchError(`too many redirects (over ${hops}) · 跳转次数过多`);
      let next: URL;
      try {
        next = new URL(res.headers.get('location')!, current);
      } catch {
        throw new FetchError('invalid redirect address · 跳转地址无效');
      }
      const refusal = await redirectRefusal(current, next, opts.resolve);
      if (refusal) throw new FetchError(refusal);
      current = next;
      continue;
    }
    if (!res.ok) {
      const msg = `HTTP ${res.status}${res.statusText ? ' ' + res.statusText : ''}`;
      await res.body?.cancel().catch(() => undefined);
      if (res.status >= 500 || res.status === 429) throw new RetryableError(msg);
      throw new FetchError(msg);
    }
    const declared = Number(res.headers.get('content-length'));
    // A first check only: Content-Length counts compressed bytes, so the stream is counted too.
    if (declared > limit) {
      await res.body?.cancel().catch(() => undefined);
      throw new FetchError(tooLarge(limit));
    }
    let bytes: Uint8Array;
    try {
      bytes = await readLimited(res.body, limit);
    } catch (err) {
      if (err instanceof FetchError) throw err;
      throw new RetryableError(describeNetworkError(err, opts.timeoutMs));
    }
    return { bytes, contentType: res.headers.get('content-type'), url: current.href };
  }
}

export async function fetchPage(url: string, opts: FetchOptions): Promise<Fetched> {
  let lastError = '';
  for (let i = 0; i <= opts.retries; i++) {
    if (i > 0) await sleep(opts.retryDelayMs * 2 ** (i - 1));
    try {
      return await attempt(url, opts);
    } catch (err) {
      if (err instanceof RetryableError) {
        lastError = err.message;
        continue;
      }
      throw err;
    }
  }
  const tries = opts.retries + 1;
  throw new FetchError(tries > 1 ? `${lastError} (${tries} attempts)` : lastError);
}
