/**
 * Bytes → HTML text with the page's charset (Node side only).
 * Order as browsers do it (WHATWG "determine the encoding"): BOM, then the HTTP Content-Type
 * charset, then a <meta> / XML declaration in the first bytes. Many Chinese portals serve
 * GBK/GB2312/GB18030; those decode through iconv-lite (gb18030 is the superset browsers use for
 * all three labels), so it works on Node builds without full ICU.
 */
import iconv from 'iconv-lite';

export interface Decoded {
  text: string;
  /** Encoding used to decode, e.g. "utf-8", "gb18030". */
  encoding: string;
  /** Where the encoding came from. */
  via: 'bom' | 'http' | 'meta' | 'default' | 'fallback';
}

/** Thrown for input that is not a text/HTML page at all (an attachment, a binary file). */
export class NotHtmlError extends Error {}

/** Browsers prescan 1024 bytes; we look a bit further (Word exports put long comments first). */
const PRESCAN_BYTES = 2048;
/** Second, wider look for a declaration when the bytes are not valid UTF-8. */
const WIDE_SCAN_BYTES = 64 * 1024;

const GB_LABELS = new Set(['gbk', 'gb2312', 'gb_2312', 'gb_2312-80', 'gb18030', 'x-gbk', 'csgb2312', 'chinese', 'iso-ir-58', 'csiso58gb231280', 'cp936', 'ms936', 'windows-936', 'euc-cn']);
const UTF8_LABELS = new Set(['utf-8', 'utf8', 'unicode-1-1-utf-8', 'unicode11utf8', 'unicode20utf8', 'x-unicode20utf8']);

/** Normalises a charset label to an encoding we can decode, or null if unknown. */
export function normaliseCharset(label: string | null | undefined): string | null {
  if (!label) return null;
  const l = label.trim().toLowerCase().replace(/^["']|["']$/g, '');
  if (UTF8_LABELS.has(l)) return 'utf-8';
  if (GB_LABELS.has(l)) return 'gb18030';
  if (l === 'big5' || l === 'big5-hkscs' || l === 'cn-big5' || l === 'x-x-big5') return 'big5';
  if (l === 'utf-16' || l === 'utf-16le') return 'utf-16le';
  if (l === 'utf-16be') return 'utf-16be';
  // Pages that declare latin1/ascii are decoded as windows-1252, as browsers do.
  if (l === 'iso-8859-1' || l === 'latin1' || l === 'us-ascii' || l === 'ascii' || l === 'windows-1252') return 'windows-1252';
  return iconv.encodingExists(l) ? l : null;
}

/** The charset parameter of an HTTP Content-Type header. */
export function charsetFromContentType(contentType: string | null | undefined): string | null {
  if (!contentType) return null;
  const m = /;\s*charset\s*=\s*("?)([^";\s]+)\1/i.exec(contentType);
  return m ? m[2] : null;
}

/** A charset declared in <meta charset>, <meta http-equiv content="…charset=…"> or <?xml encoding?>. */
export function sniffMetaCharset(bytes: Uint8Array, limit = PRESCAN_BYTES): string | null {
  const head = Buffer.from(bytes.buffer, bytes.byteOffset, Math.min(bytes.byteLength, limit)).toString('latin1');
  const xml = /^\s*<\?xml[^>]*\bencoding\s*=\s*["']?([\w.:-]+)/i.exec(head);
  if (xml) return xml[1];
  // Skip comments so a commented-out meta does not count.
  const noComments = head.replace(/<!--[\s\S]*?(?:-->|$)/g, '');
  const re = /<meta\b[^>]*?\bcharset\s*=\s*["']?\s*([\w.:-]+)/gi;
  const m = re.exec(noComments);
  return m ? m[1] : null;
}

function bomOf(bytes: Uint8Array): { encoding: string; length: number } | null {
  if (bytes[0] === 0xef && bytes[1] === 0xbb && bytes[2] === 0xbf) return { encoding: 'utf-8', length: 3 };
  if (bytes[0] === 0xff && bytes[1] === 0xfe) return { encoding: 'utf-16le', length: 2 };
  if (bytes[0] === 0xfe && bytes[1] === 0xff) return { encoding: 'utf-16be', length: 2 };
  return null;
}

function decodeAs(bytes: Uint8Array, encoding: string): string {
  if (encoding === 'utf-8') return new TextDecoder('utf-8').decode(bytes);
  return iconv.decode(Buffer.from(bytes.buffer, bytes.byteOffset, bytes.byteLength), encoding);
}

/** Fewer than 1% of the non-ASCII characters are U+FFFD: damage, not a different encoding. */
function mostlyUtf8(text: string): boolean {
  let nonAscii = 0;
  let bad = 0;
  for (let i = 0; i < text.length; i++) {
    const c = text.charCodeAt(i);
    if (c > 0x7f) nonAscii++;
    if (c === 0xfffd) bad++;
  }
  return nonAscii > 0 && bad * 100 < nonAscii;
}

/** The text if the bytes are valid UTF-8, else null (one pass). */
function strictUtf8(bytes: Uint8Array): string | null {
  try {
    return new TextDecoder('utf-8', { fatal: true }).decode(bytes);
  } catch {
    return null;
  }
}

/** Rejects inputs that are clearly not an HTML page: empty, PDF/Office/zip/images, or binary. */
export function assertLooksLikeText(bytes: Uint8Array): void {
  if (bytes.byteLength === 0) throw new NotHtmlError('empty file · 文件为空');
  const head = Buffer.from(bytes.buffer, bytes.byteOffset, Math.min(bytes.byteLength, 8)).toString('latin1');
  const kinds: [RegExp, string][] = [
    [/^%PDF-/, 'a PDF document · PDF 文件'],
    [/^PK\x03\x04/, 'a zip/Office document · 压缩包或 Office 文件'],
    [/^\xD0\xCF\x11\xE0/, 'an old Office document · 旧版 Office 文件'],
    [/^\x89PNG|^\xFF\xD8\xFF|^GIF8/, 'an image · 图片'],
    [/^\x1F\x8B/, 'gzip data · gzip 压缩数据'],
  ];
  for (const [re, what] of kinds) if (re.test(head)) throw new NotHtmlError(`not an HTML page: ${what}`);
  // NUL bytes do not occur in HTML text (UTF-16 pages carry a BOM and are handled before this).
  const n = Math.min(bytes.byteLength, 4096);
  for (let i = 0; i < n; i++) if (bytes[i] === 0) throw new NotHtmlError('not an HTML page: binary content · 二进制内容');
}

/**
 * Decodes a page. `contentType` is the HTTP header for URLs (null for files).
 * Without any declaration: UTF-8 if the bytes are valid UTF-8, else GB18030 (the common case on Chinese portals).
 */
export function decodeHtml(bytes: Uint8Array, contentType: string | null = null): Decoded {
  const bom = bomOf(bytes);
  if (bom) return { text: decodeAs(bytes.subarray(bom.length), bom.encoding), encoding: bom.encoding, via: 'bom' };
  assertLooksLikeText(bytes);

  const http = normaliseCharset(charsetFromContentType(contentType));
  const meta = normaliseCharset(sniffMetaCharset(bytes));
  const declared = http ?? meta;
  const via = http ? 'http' : 'meta';
  if (declared && declared !== 'utf-8') return { text: decodeAs(bytes, declared), encoding: declared, via };
  const strict = strictUtf8(bytes);
  if (strict !== null) return { text: strict, encoding: 'utf-8', via: declared ? via : 'default' };
  // A UTF-8 page with a few damaged bytes stays UTF-8 (replacement characters where damaged).
  const lenient = decodeAs(bytes, 'utf-8');
  if (mostlyUtf8(lenient)) return { text: lenient, encoding: 'utf-8', via: declared ? via : 'default' };
  // Declared (or assumed) UTF-8 but the bytes are not: a mislabelled page. Prefer a deeper meta, then GB18030.
  const wide = normaliseCharset(sniffMetaCharset(bytes, WIDE_SCAN_BYTES));
  const fallback = wide && wide !== 'utf-8' ? wide : 'gb18030';
  return { text: decodeAs(bytes, fallback), encoding: fallback, via: 'fallback' };
}
