/**
 * Page strings in what the content script sends (issue 21): a cell of 10 MB made a 45 MB state
 * message (the popup took 10 s) and 16 MB went over the browser's message limit. Every string in
 * the state is cut to STATE_STRING_CAP characters; a finding or cause that lost text says so
 * (`truncated: true`) and the popup asks for it whole (FULL_STRING_CAP per string) when the reader
 * wants it. The popup shows DISPLAY_CAP (300) characters of a string before "全文".
 */

/** Characters of one page string in the state message. */
export const STATE_STRING_CAP = 500;
/** Characters of one string in the on-demand answer for one finding or cause. */
export const FULL_STRING_CAP = 100_000;
/** Deeper than any report: a bound, not a limit in practice. */
const MAX_DEPTH = 12;

/** `s` cut to `max` characters (not inside a surrogate pair) with "…" after; unchanged when short. */
export function capString(s: string, max: number): string {
  if (s.length <= max) return s;
  let end = max;
  const c = s.charCodeAt(end - 1);
  if (c >= 0xd800 && c <= 0xdbff) end--;
  return `${s.slice(0, end)}…`;
}

/**
 * A copy of plain data (what structured cloning sends: objects, arrays, strings, numbers …) with
 * every string longer than `max` cut (capString); `cut` counts the strings cut. Unchanged parts are
 * shared, not copied.
 */
export function capStrings<T>(value: T, max: number): { value: T; cut: number } {
  let cut = 0;
  const walk = (v: unknown, depth: number): unknown => {
    if (typeof v === 'string') {
      if (v.length <= max) return v;
      cut++;
      return capString(v, max);
    }
    if (v === null || typeof v !== 'object' || depth > MAX_DEPTH) return v;
    if (Array.isArray(v)) {
      let out: unknown[] | null = null;
      for (let i = 0; i < v.length; i++) {
        const w = walk(v[i], depth + 1);
        if (w !== v[i]) (out ??= v.slice())[i] = w;
      }
      return out ?? v;
    }
    let out: Record<string, unknown> | null = null;
    const obj = v as Record<string, unknown>;
    for (const k of Object.keys(obj)) {
      const w = walk(obj[k], depth + 1);
      if (w !== obj[k]) (out ??= { ...obj })[k] = w;
    }
    return out ?? v;
  };
  const value2 = walk(value, 0) as T;
  return { value: value2, cut };
}

interface Truncatable {
  truncated?: boolean;
}

/** Each item capped; one that lost text is marked `truncated`. */
function capItems<T extends object>(items: readonly T[], max: number): { items: (T & Truncatable)[]; cut: number } {
  let total = 0;
  const out = items.map((it) => {
    const { value, cut } = capStrings(it, max);
    total += cut;
    return cut > 0 ? { ...value, truncated: true } : value;
  });
  return { items: out, cut: total };
}

/**
 * The report as the state message carries it: every string at most `max` characters, findings and
 * causes that lost text marked `truncated` (the popup then offers their full text on demand).
 */
export function capReport<R extends { findings: readonly object[]; causes?: readonly object[] }>(report: R, max = STATE_STRING_CAP): { report: R; cut: number } {
  let cut = 0;
  const out: Record<string, unknown> = {};
  for (const [k, v] of Object.entries(report)) {
    // Key order kept: the popup's exports serialise this report.
    const r = (k === 'findings' || k === 'causes') && Array.isArray(v) ? capItems(v as object[], max) : null;
    if (r) {
      out[k] = r.items;
      cut += r.cut;
    } else {
      const c = capStrings(v, max);
      out[k] = c.value;
      cut += c.cut;
    }
  }
  return { report: out as R, cut };
}
