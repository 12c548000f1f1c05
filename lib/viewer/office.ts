/**
 * The check page's branch for files that are not PDFs (.docx, .xlsx, .xls, .html, and the ones it
 * can only explain: .doc, .wps, .et): bytes → lib/extract/file.ts → a DOM of plain elements made in
 * the page's own document (tag whitelist, text as text) → shown → the same sliced core run as on a
 * page → report and the popup's list items. The findings' cells and paragraphs are the shown
 * elements, so lib/marks marks them in place.
 */
import type { CheckRun } from '../run';
import { toReport } from '../report/build';
import type { Report } from '../report/schema';
import { checkDocumentSliced, buildItems, type SlicedOptions } from '../ext/page-check';
import type { FindingItem } from '../ext/messages';
import { prependPageText } from './combine';
import { readDisclosureFile, type FileFormat, type Problem } from '../extract/file';

export interface OfficeCheck {
  format: FileFormat;
  /** Fatal: nothing to check (shown instead of a verdict). */
  problem: Problem | null;
  /** Something left out (a workbook cut at a limit): shown beside the verdict. */
  note: Problem | null;
  root: Element | null;
  run: CheckRun | null;
  report: Report | null;
  items: FindingItem[];
}

export interface OfficeCheckOptions extends Pick<SlicedOptions, 'onProgress' | 'signal' | 'yieldTo' | 'budgetMs'> {
  document: Document;
  /** The report's `source`: the file's address or name. */
  source: string;
  /** Called with the document's root before the check, to put it on the page (marks need it there). */
  show: (root: Element) => void;
  /** A combined check: the article page's text (lib/viewer/combine.ts), checked ahead of the file's blocks. */
  before?: Element | null;
}

export async function checkOfficeFile(bytes: Uint8Array, name: string, opts: OfficeCheckOptions): Promise<OfficeCheck> {
  const read = await readDisclosureFile(bytes, name, { document: opts.document, safeHtml: true });
  if (read.fatal) return { format: read.format, problem: read.problem, note: null, root: null, run: null, report: null, items: [] };
  prependPageText(read.root, opts.before);
  opts.show(read.root);
  const run = await checkDocumentSliced(read.root, { onProgress: opts.onProgress, signal: opts.signal, yieldTo: opts.yieldTo, budgetMs: opts.budgetMs });
  run.disclosure.info.format = read.format;
  const report = toReport(run, opts.source);
  return { format: read.format, problem: null, note: read.problem, root: read.root, run, report, items: buildItems(run) };
}
