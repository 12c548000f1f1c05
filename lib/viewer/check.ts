/**
 * The viewer's check: PDF bytes → the PDF reader's DOM of blocks → the same core run as on an
 * HTML page (sliced, so the viewer stays responsive) → the report and the popup's list items, with
 * each finding's places on the pages. The reader is passed in (lib/extract/pdf in the extension, a
 * stand-in in tests), so this file needs neither pdf.js nor extension APIs.
 */
import type { CheckRun } from '../run';
import { toReport } from '../report/build';
import type { Report } from '../report/schema';
import { checkDocumentSliced, buildItems, type SlicedOptions } from '../ext/page-check';
import type { FindingItem } from '../ext/messages';
import { prependPageText } from './combine';
import { placeFindings, type PlaceMap } from './places';

export interface PdfProblem {
  kind: string;
  zh: string;
  en: string;
}

export interface PdfDocumentResult {
  root: Element;
  pages: { width: number; height: number }[];
  problem: PdfProblem | null;
}

export type PdfToDocument = (
  data: Uint8Array,
  opts: { document: Document; cMapUrl?: string; standardFontDataUrl?: string },
) => Promise<PdfDocumentResult>;

export interface PdfCheck {
  /** Page sizes in PDF points as the reader saw them (the boxes' frame). */
  pages: { width: number; height: number }[];
  /** Why there is no verdict (unreadable text, scanned, template …), or null. */
  problem: PdfProblem | null;
  run: CheckRun | null;
  report: Report | null;
  items: FindingItem[];
  places: PlaceMap | null;
}

export interface PdfCheckOptions extends Pick<SlicedOptions, 'onProgress' | 'signal' | 'yieldTo' | 'budgetMs'> {
  document: Document;
  /** The report's `source`: the PDF's address, or the local file's name. */
  source: string;
  cMapUrl?: string;
  standardFontDataUrl?: string;
  /**
   * A combined check: the article page's text (lib/viewer/combine.ts), checked ahead of the PDF's
   * blocks. Its findings have no place on the pages (listed, not marked).
   */
  before?: Element | null;
}

export async function checkPdf(read: PdfToDocument, data: Uint8Array, opts: PdfCheckOptions): Promise<PdfCheck> {
  // pdf.js takes the buffer it is given (transfers it to its worker): the reader gets its own copy.
  const doc = await read(data.slice(), { document: opts.document, cMapUrl: opts.cMapUrl, standardFontDataUrl: opts.standardFontDataUrl });
  if (doc.problem) return { pages: doc.pages, problem: doc.problem, run: null, report: null, items: [], places: null };
  prependPageText(doc.root, opts.before);
  const run = await checkDocumentSliced(doc.root, {
    onProgress: opts.onProgress,
    signal: opts.signal,
    yieldTo: opts.yieldTo,
    budgetMs: opts.budgetMs,
  });
  run.disclosure.info.format = 'pdf';
  const report = toReport(run, opts.source);
  const places = placeFindings(run.findings);
  const items = buildItems(run).map((it) => {
    const fp = places.findings[it.index];
    return { ...it, marked: !!fp && fp.cells.length + fp.texts.length > 0 };
  });
  return { pages: doc.pages, problem: null, run, report, items, places };
}
