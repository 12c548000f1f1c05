/**
 * One entry for every file a disclosure comes in: bytes + file name → a DOM root that lib/extract
 * reads like any page. The format is decided by the bytes (zip part names, OLE stream names, %PDF),
 * the name only where the bytes cannot say. Never throws for bad input: an unreadable file comes
 * back with an empty root and `problem` set (and `fatal`).
 */
import { sniff, type Sniffed } from './office/sniff';
import { docxToElement } from './office/docx';
import { workbookToElement } from './office/xlsx';
import { wordTextToElement, type Word97Text } from './office/doc';
import { FileProblem, PROBLEMS, describe, type Problem } from './office/problems';
import { unpackedSize, zipEntries } from './office/zipinfo';
import { appendHtml } from './office/html';

export type { Problem } from './office/problems';
export type { Word97Text } from './office/doc';

export type FileFormat = 'html' | 'pdf' | 'docx' | 'doc' | 'xlsx' | 'xls';

/** Larger files are refused unread (a disclosure is a few MB at most). */
export const MAX_FILE_BYTES = 60 * 1024 * 1024;
/**
 * Largest unpacked content of a .docx/.xlsx (the XML the readers hold in memory, several times
 * over). A 9-sheet finance export unpacks to a few MB; past this the file is refused unread.
 */
export const MAX_UNPACKED_BYTES = 40 * 1024 * 1024;

export interface ReadFileOptions {
  /** The document the root is created in (linkedom's in the CLI, the page's in the browser). */
  document: Document;
  /** Reader for Word 97 (.doc) text with table marks; Node only (the CLI passes word-extractor). */
  readWord97?: (bytes: Uint8Array) => Promise<Word97Text>;
  /** PDF reader; default lib/extract/pdf's pdfToDocument (loaded when a PDF comes). */
  readPdf?: (bytes: Uint8Array, opts: { document: Document; cMapUrl?: string; standardFontDataUrl?: string }) => Promise<{ root: Element; problem: Problem | null }>;
  /** pdf.js resources for the default PDF reader (cMaps are needed for non-embedded CJK fonts). */
  cMapUrl?: string;
  standardFontDataUrl?: string;
  /** HTML parser for .html files; default: the platform's DOMParser. */
  parseHtml?: (text: string) => Document;
  /**
   * Build an .html file's content in `document` through the tag whitelist (as for .docx) instead
   * of parsing it as a page: for showing a saved page inside an extension page.
   */
  safeHtml?: boolean;
  /** Override MAX_FILE_BYTES (tests). */
  maxBytes?: number;
  /** Override MAX_UNPACKED_BYTES (tests). */
  maxUnpackedBytes?: number;
}

export interface ReadFileResult {
  root: Element;
  format: FileFormat;
  /** Why the file could not be read (fatal), or what was left out (e.g. a workbook cut at a limit). */
  problem: Problem | null;
  /** True when nothing could be read: do not check, show the problem. */
  fatal: boolean;
}

function formatOf(s: Sniffed, name: string): FileFormat {
  switch (s) {
    case 'pdf':
    case 'docx':
    case 'xlsx':
    case 'doc':
    case 'xls':
      return s;
    case 'wps':
      return 'doc';
    case 'et':
      return 'xls';
    case 'encrypted':
      return /\.xls[xm]?$/i.test(name) ? 'xlsx' : 'docx';
    default:
      return 'html';
  }
}

/** Decodes an HTML file's bytes: BOM, then a declared charset in the first bytes, else UTF-8. */
export function decodeHtmlBytes(bytes: Uint8Array): string {
  if (bytes[0] === 0xef && bytes[1] === 0xbb && bytes[2] === 0xbf) return new TextDecoder('utf-8').decode(bytes.subarray(3));
  if (bytes[0] === 0xff && bytes[1] === 0xfe) return new TextDecoder('utf-16le').decode(bytes.subarray(2));
  if (bytes[0] === 0xfe && bytes[1] === 0xff) return new TextDecoder('utf-16be').decode(bytes.subarray(2));
  let head = '';
  for (let i = 0; i < Math.min(bytes.length, 4096); i++) head += String.fromCharCode(bytes[i]);
  const m = /<meta[^>]+charset\s*=\s*["']?\s*([a-z0-9_-]+)/i.exec(head) ?? /<\?xml[^>]+encoding\s*=\s*["']([a-z0-9_-]+)/i.exec(head);
  let label = m ? m[1].toLowerCase() : 'utf-8';
  if (/^(gb2312|gbk|gb_2312|x-gbk|cp936|euc-cn)$/.test(label)) label = 'gb18030';
  try {
    return new TextDecoder(label).decode(bytes);
  } catch {
    return new TextDecoder('utf-8').decode(bytes);
  }
}

export async function readDisclosureFile(bytes: Uint8Array, name: string, opts: ReadFileOptions): Promise<ReadFileResult> {
  const doc = opts.document;
  const kind = sniff(bytes, name);
  const format = formatOf(kind, name);
  const fail = (problem: Problem): ReadFileResult => {
    const root = doc.createElement('article');
    return { root, format, problem, fatal: true };
  };
  if (bytes.length === 0) return fail(PROBLEMS.empty);
  const limit = opts.maxBytes ?? MAX_FILE_BYTES;
  if (bytes.length > limit) return fail(PROBLEMS.tooLarge(bytes.length, limit));
  if (kind === 'docx' || kind === 'xlsx') {
    const entries = zipEntries(bytes);
    if (!entries) return fail(PROBLEMS.corrupt(kind === 'docx' ? 'Word (.docx)' : 'Excel (.xlsx)', 'no zip directory · 缺少压缩包目录'));
    const unpacked = unpackedSize(entries, kind === 'docx' ? /^word\// : /^xl\/(worksheets|sharedStrings|workbook)/);
    const maxUnpacked = opts.maxUnpackedBytes ?? MAX_UNPACKED_BYTES;
    if (unpacked > maxUnpacked) return fail(PROBLEMS.unpacksTooLarge(kind === 'docx' ? 'Word (.docx)' : 'Excel (.xlsx)', unpacked, maxUnpacked));
  }
  try {
    switch (kind) {
      case 'docx':
        return { root: await docxToElement(bytes, doc), format, problem: null, fatal: false };
      case 'xlsx':
      case 'xls': {
        const r = workbookToElement(bytes, kind, doc);
        return { root: r.root, format, problem: r.problem, fatal: false };
      }
      case 'doc': {
        if (!opts.readWord97) return fail(PROBLEMS.docInBrowser);
        let text: Word97Text;
        try {
          text = await opts.readWord97(bytes);
        } catch (err) {
          const m = describe(err);
          if (/encrypt|password|protected/i.test(m)) return fail(PROBLEMS.encrypted);
          return fail(PROBLEMS.corrupt('Word 97 (.doc)', m));
        }
        return { root: wordTextToElement(text, doc), format, problem: null, fatal: false };
      }
      case 'pdf': {
        const readPdf = opts.readPdf ?? (async (b, o) => (await import('./pdf/index')).pdfToDocument(b, o));
        const r = await readPdf(bytes, { document: doc, cMapUrl: opts.cMapUrl, standardFontDataUrl: opts.standardFontDataUrl });
        // Every PDF problem (encrypted, damaged, scanned, unreadable text) leaves nothing to check.
        if (r.problem) return fail({ zh: r.problem.zh, en: r.problem.en });
        return { root: r.root, format, problem: null, fatal: false };
      }
      case 'encrypted':
        return fail(PROBLEMS.encrypted);
      case 'wps':
        return fail(PROBLEMS.wps);
      case 'et':
        return fail(PROBLEMS.et);
      case 'zip':
        return fail(PROBLEMS.corrupt('zip', 'neither a Word nor an Excel file · 既不是 Word 也不是 Excel 文件'));
      case 'ole':
        return fail(PROBLEMS.corrupt('Office 97', 'no Word or Excel stream · 没有 Word 或 Excel 内容'));
      case 'html': {
        if (opts.safeHtml) {
          const root = doc.createElement('article');
          root.setAttribute('data-dc-source', 'html');
          appendHtml(decodeHtmlBytes(bytes), root);
          return { root, format, problem: null, fatal: false };
        }
        const parse = opts.parseHtml ?? ((t: string) => new DOMParser().parseFromString(t, 'text/html'));
        const parsed = parse(decodeHtmlBytes(bytes));
        return { root: parsed.documentElement, format, problem: null, fatal: false };
      }
      default:
        return fail(PROBLEMS.unknown(name));
    }
  } catch (err) {
    if (err instanceof FileProblem) return fail(err.problem);
    return fail(PROBLEMS.corrupt(format, describe(err)));
  }
}
