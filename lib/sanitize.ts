/**
 * The one sanitiser for page- or path-derived text that reaches a terminal, a Markdown file or a
 * CSV file (issue 21). Page text is data: a cell holding ESC sequences must not erase report
 * lines, retitle the window or write the clipboard (OSC 52) when someone prints the text report;
 * a U+202E in a file name must not reverse what the reader sees.
 *
 * Controls are made visible rather than removed, so what was on the page is still on record:
 *   C0 (except tab and line feed; CR too unless kept) → Control Pictures (ESC → ␛, NUL → ␀),
 *   DEL → ␡, C1 (U+0080–U+009F), bidi embeddings/overrides/isolates/marks and the Unicode line and
 *   paragraph separators → ‹U+XXXX›.
 * Pure, no DOM or Node APIs: the extension can use it too.
 */

/** Every code point the sanitiser rewrites (besides CR, see `keepCr`). */
// eslint-disable-next-line no-control-regex
const UNSAFE = /[\u0000-\u0008\u000b\u000c\u000e-\u001f\u007f-\u009f\u061c\u200e\u200f\u2028\u2029\u202a-\u202e\u2066-\u2069]/g;
// eslint-disable-next-line no-control-regex
const UNSAFE_OR_CR = /[\u0000-\u0008\u000b-\u001f\u007f-\u009f\u061c\u200e\u200f\u2028\u2029\u202a-\u202e\u2066-\u2069]/g;

function visible(ch: string): string {
  const c = ch.charCodeAt(0);
  if (c < 0x20) return String.fromCharCode(0x2400 + c);
  if (c === 0x7f) return '\u2421';
  return `‹U+${c.toString(16).toUpperCase().padStart(4, '0')}›`;
}

export interface SanitizeOptions {
  /** Keep carriage returns (CSV fields, CRLF text). Default false: a lone CR could redraw a line. */
  keepCr?: boolean;
}

/** `s` with every terminal/bidi control made visible; tab and line feed are kept. */
export function sanitizeText(s: string, options: SanitizeOptions = {}): string {
  const re = options.keepCr ? UNSAFE : UNSAFE_OR_CR;
  re.lastIndex = 0;
  return re.test(s) ? s.replace(re, visible) : s;
}

/** True when `s` holds anything `sanitizeText` would rewrite. */
export function hasUnsafeControls(s: string): boolean {
  UNSAFE_OR_CR.lastIndex = 0;
  return UNSAFE_OR_CR.test(s);
}

// JSON.stringify already escapes C0; C1, bidi and separators are escaped here. The parsed value is unchanged.
const JSON_UNSAFE = /[\u007f-\u009f\u061c\u200e\u200f\u2028\u2029\u202a-\u202e\u2066-\u2069]/g;

/** JSON text safe to print on a terminal: the same data, with C1/bidi code points as \uXXXX escapes. */
export function terminalSafeJson(json: string): string {
  return json.replace(JSON_UNSAFE, (ch) => `\\u${ch.charCodeAt(0).toString(16).padStart(4, '0')}`);
}

/** Characters of a page string shown at once in the popup and the tooltip (issue 21). */
export const DISPLAY_CAP = 300;

/**
 * A page-derived string for display in the popup or tooltip: controls made visible (sanitizeText, so
 * a U+202E cannot reverse the line) and cut at `max` characters. `cut` is how many were left out (0:
 * nothing); the caller offers the full text on demand. Never cuts a surrogate pair in two.
 */
export function displayText(s: string, max = DISPLAY_CAP): { text: string; cut: number } {
  const safe = sanitizeText(s);
  if (safe.length <= max) return { text: safe, cut: 0 };
  let end = max;
  const c = safe.charCodeAt(end - 1);
  if (c >= 0xd800 && c <= 0xdbff) end--;
  return { text: `${safe.slice(0, end)}…`, cut: safe.length - end };
}
