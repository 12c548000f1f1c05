/**
 * The PDF reader (lib/extract/pdf: PDF → DOM of blocks with data-page / data-box), loaded when a
 * file is opened, as a chunk of its own.
 */
import type { PdfToDocument } from '../../lib/viewer/check';

// Resolved at build time: empty until the reader exists on the branch being built.
const modules = import.meta.glob<{ pdfToDocument: PdfToDocument }>('../../lib/extract/pdf/index.ts');

export async function loadReader(): Promise<PdfToDocument | null> {
  const load = Object.values(modules)[0];
  return load ? (await load()).pdfToDocument : null;
}
