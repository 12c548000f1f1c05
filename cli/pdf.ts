/**
 * PDF inputs on the command line: pdf.js's cMaps and standard fonts from node_modules, a linkedom
 * document to build the blocks in, then the same check as for HTML.
 */
import { createRequire } from 'node:module';
import path from 'node:path';
import { parseHTML } from 'linkedom';
import { pdfToDocument, type PdfResult } from '../lib/extract/pdf/index';
import { checkDocument } from '../lib/index';
import { checkedRun, type Checked } from './render';

const require = createRequire(import.meta.url);
const PDFJS_ROOT = path.dirname(require.resolve('pdfjs-dist/package.json'));

/** pdf.js asset folders (Node reads them as paths; the trailing separator is required). */
export const PDFJS_ASSETS = {
  cMapUrl: path.join(PDFJS_ROOT, 'cmaps') + path.sep,
  standardFontDataUrl: path.join(PDFJS_ROOT, 'standard_fonts') + path.sep,
};

/** '%PDF-' within the first 1024 bytes (the spec allows leading junk). */
export function looksLikePdf(bytes: Uint8Array): boolean {
  const n = Math.min(bytes.length - 4, 1024);
  for (let i = 0; i < n; i++) {
    if (bytes[i] === 0x25 && bytes[i + 1] === 0x50 && bytes[i + 2] === 0x44 && bytes[i + 3] === 0x46 && bytes[i + 4] === 0x2d) return true;
  }
  return false;
}

/** Reads a PDF into a linkedom document whose body holds the blocks. */
export async function readPdf(bytes: Uint8Array): Promise<{ document: Document; result: PdfResult }> {
  const { document } = parseHTML('<!doctype html><html><head></head><body></body></html>');
  const doc = document as unknown as Document;
  const result = await pdfToDocument(bytes, { document: doc, ...PDFJS_ASSETS });
  doc.body.replaceWith(result.root);
  return { document: doc, result };
}

/** A PDF by name, by Content-Type, or by its magic bytes. */
export function isPdfInput(filePath: string | null, contentType: string | null, bytes: Uint8Array): boolean {
  if (filePath && /\.pdf$/i.test(filePath)) return true;
  const mime = (contentType ?? '').split(';')[0].trim().toLowerCase();
  if (mime === 'application/pdf' || mime === 'application/x-pdf') return true;
  return looksLikePdf(bytes);
}

/** Reads and checks one PDF. Never throws: an unreadable PDF becomes the input's error. */
export async function checkPdfBytes(bytes: Uint8Array, source: string, options: { insights?: boolean } = {}): Promise<Checked> {
  try {
    const { document, result } = await readPdf(bytes);
    if (result.problem) return { source, error: `${result.problem.zh} · ${result.problem.en}` };
    return checkedRun(checkDocument(document, { format: 'pdf', insights: options.insights }), source, null);
  } catch (err) {
    return { source, error: `internal error while reading the PDF · 读取 PDF 时程序内部错误: ${(err as Error)?.message ?? String(err)}` };
  }
}
