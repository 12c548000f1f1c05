/**
 * Files that are not web pages (PDF, Word, Excel, WPS) on the command line: which bytes go to
 * lib/extract/file.ts instead of the HTML decoder, with the Node-only readers plugged in.
 */
import { parseHTML } from 'linkedom';
import { readDisclosureFile, type FileFormat } from '../lib/extract/file';
import { sniff } from '../lib/extract/office/sniff';
import { readWord97 } from '../lib/extract/office/doc-node';

/**
 * True when the bytes (or, where they cannot say, the name) are a Word, Excel or WPS file (or an
 * unknown binary). PDFs stay on the page path until the PDF reader is wired in (issue 17, pdf-core).
 */
export function isDocumentFile(bytes: Uint8Array, name: string): boolean {
  const kind = sniff(bytes, name);
  if (kind === 'html' || kind === 'pdf') return false;
  // Unknown bytes go to the dispatcher only under an Office name (it says what is wrong with them);
  // anything else keeps the page path's own "not an HTML page" messages.
  return kind !== 'unknown' || OFFICE_NAME.test(name);
}

const OFFICE_NAME = /\.(docx|doc|xlsx|xls|wps|et)$/i;

export type ReadResult = { ok: true; root: Element; format: FileFormat; note: string | null } | { ok: false; error: string };

/** Reads a PDF / Office file into a DOM root (never throws). */
export async function readDocumentFile(bytes: Uint8Array, name: string): Promise<ReadResult> {
  const { document } = parseHTML('<!doctype html><html><head></head><body></body></html>');
  const doc = document as unknown as Document;
  const r = await readDisclosureFile(bytes, name, { document: doc, readWord97 });
  if (r.fatal) return { ok: false, error: r.problem ? `${r.problem.zh} · ${r.problem.en}` : 'cannot read · 无法读取' };
  doc.body.appendChild(r.root);
  return { ok: true, root: r.root, format: r.format, note: r.problem ? `${r.problem.zh} · ${r.problem.en}` : null };
}
