/**
 * Fetching a disclosure page by URL with Node's own fetch: timeout, redirects (followed by fetch),
 * retries with back-off on network errors and 5xx/429, an identifying User-Agent.
 */
import { readFileSync } from 'node:fs';

export const VERSION: string = (() => {
  try {
    return JSON.parse(readFileSync(new URL('../package.json', import.meta.url), 'utf8')).version ?? '0';
  } catch {
    return '0';
  }
})();

export const USER_AGENT = `DisclosureChecker/${VERSION} (+batch)`;

/** Refuse absurdly large bodies (a disclosure page is a few hundred KB). */
export const MAX_BODY_BYTES = 50 * 1024 * 1024;

export interface FetchOptions {
  /** Per attempt, in milliseconds (covers headers and body). */
  timeoutMs: number;
  /** Extra attempts after the first on network errors, timeouts, 5xx and 429. */
  retries: number;
  /** First back-off delay; doubles on each retry. */
  retryDelayMs: number;
  fetch?: typeof fetch;
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

async function attempt(url: string, opts: FetchOptions): Promise<Fetched> {
  const doFetch = opts.fetch ?? fetch;
  let res: Response;
  const signal = AbortSignal.timeout(opts.timeoutMs);
  try {
    res = await doFetch(url, {
      redirect: 'follow',
      signal,
      headers: { 'user-agent': USER_AGENT, accept: 'text/html,application/xhtml+xml;q=0.9,*/*;q=0.5' },
    });
  } catch (err) {
    throw new RetryableError(describeNetworkError(err, opts.timeoutMs));
  }
  if (!res.ok) {
    const msg = `HTTP ${res.status}${res.statusText ? ' ' + res.statusText : ''}`;
    await res.body?.cancel().catch(() => undefined);
    if (res.status >= 500 || res.status === 429) throw new RetryableError(msg);
    throw new FetchError(msg);
  }
  const declared = Number(res.headers.get('content-length'));
  if (declared > MAX_BODY_BYTES) {
    await res.body?.cancel().catch(() => undefined);
    throw new FetchError(`page too large (${declared} bytes)`);
  }
  let bytes: Uint8Array;
  try {
    bytes = new Uint8Array(await res.arrayBuffer());
  } catch (err) {
    throw new RetryableError(describeNetworkError(err, opts.timeoutMs));
  }
  if (bytes.byteLength > MAX_BODY_BYTES) throw new FetchError(`page too large (${bytes.byteLength} bytes)`);
  return { bytes, contentType: res.headers.get('content-type'), url: res.url || url };
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
