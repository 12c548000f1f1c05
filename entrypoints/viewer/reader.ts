/**
 * The PDF reader (lib/extract/pdf: PDF → DOM of blocks with data-page / data-box), loaded when a
 * file is opened, as a chunk of its own.
 */
import type { PdfToDocument } from '../../lib/viewer/check';

export async function loadReader(): Promise<PdfToDocument> {
  return (await import('../../lib/extract/pdf')).pdfToDocument;
}
