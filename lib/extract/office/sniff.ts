/**
 * What a file is, from its first bytes (and its name only where the bytes cannot say).
 *
 * OOXML (.docx/.xlsx) are zip files: the part names in the zip's directory say which. Word 97 / Excel
 * 97 (.doc/.xls), WPS's own .wps/.et and password-protected OOXML are all OLE compound files: the
 * stream names (UTF-16LE in the directory sectors) say which.
 */

export type Sniffed = 'html' | 'pdf' | 'docx' | 'xlsx' | 'doc' | 'xls' | 'wps' | 'et' | 'encrypted' | 'zip' | 'ole' | 'unknown';

const OLE_MAGIC = [0xd0, 0xcf, 0x11, 0xe0, 0xa1, 0xb1, 0x1a, 0xe1];

function startsWith(b: Uint8Array, sig: number[], at = 0): boolean {
  if (b.length < at + sig.length) return false;
  for (let i = 0; i < sig.length; i++) if (b[at + i] !== sig[i]) return false;
  return true;
}

function latin1(b: Uint8Array, from: number, to: number): string {
  let s = '';
  const end = Math.min(to, b.length);
  for (let i = Math.max(0, from); i < end; i += 8192) s += String.fromCharCode(...b.subarray(i, Math.min(end, i + 8192)));
  return s;
}

function utf16(s: string): string {
  let o = '';
  for (const ch of s) o += ch + '\0';
  return o;
}

export function extensionOf(name: string): string {
  const m = /\.([a-z0-9]{1,6})$/i.exec(name.replace(/[?#].*$/, ''));
  return m ? m[1].toLowerCase() : '';
}

export function sniff(bytes: Uint8Array, name: string): Sniffed {
  const ext = extensionOf(name);
  if (startsWith(bytes, [0x25, 0x50, 0x44, 0x46, 0x2d])) return 'pdf'; // %PDF-
  if (startsWith(bytes, [0x50, 0x4b, 0x03, 0x04]) || startsWith(bytes, [0x50, 0x4b, 0x05, 0x06])) {
    // Part names sit in local headers near the start and in the central directory at the end.
    const text = latin1(bytes, 0, 64 * 1024) + latin1(bytes, bytes.length - 256 * 1024, bytes.length);
    if (text.includes('word/document') || text.includes('word/_rels')) return 'docx';
    if (text.includes('xl/workbook') || text.includes('xl/worksheets') || text.includes('xl/_rels')) return 'xlsx';
    if (ext === 'docx' || ext === 'xlsx') return ext;
    return 'zip';
  }
  if (startsWith(bytes, OLE_MAGIC)) {
    if (ext === 'wps') return 'wps';
    if (ext === 'et' || ext === 'ett') return 'et';
    const text = latin1(bytes, 0, Math.min(bytes.length, 8 * 1024 * 1024));
    if (text.includes(utf16('EncryptedPackage')) || text.includes(utf16('EncryptionInfo'))) return 'encrypted';
    if (text.includes(utf16('WordDocument'))) return 'doc';
    if (text.includes(utf16('Workbook')) || text.includes(utf16('Book'))) return 'xls';
    if (ext === 'doc' || ext === 'xls') return ext;
    return 'ole';
  }
  if (ext === 'wps') return 'wps';
  if (ext === 'et' || ext === 'ett') return 'et';
  // Excel 2003 XML / HTML-as-.xls exports, and plain pages: SheetJS reads the former.
  const head = latin1(bytes, 0, 4096).replace(/^\xef\xbb\xbf/, '').trimStart().toLowerCase();
  if (head.startsWith('<?xml') && head.includes('urn:schemas-microsoft-com:office:spreadsheet')) return 'xls';
  if (ext === 'xls' && (head.startsWith('<') || head.includes('\t'))) return 'html';
  if (['html', 'htm', 'shtml', 'xhtml', ''].includes(ext) || head.startsWith('<')) return 'html';
  if (ext === 'docx' || ext === 'xlsx' || ext === 'doc' || ext === 'xls') return 'unknown';
  return 'unknown';
}
