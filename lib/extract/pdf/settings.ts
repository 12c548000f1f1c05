/**
 * Tolerances of the PDF reader, in PDF points unless said otherwise. Named here so each stage's
 * tests and docs/pdf.md can refer to them; the defaults were tuned on the fixtures (WPS, ONLYOFFICE,
 * Chromium print) and on the generated hard cases.
 */
export interface PdfSettings {
  /** A filled rectangle thinner than this is a ruling line (WPS, Chromium draw rules as rectangles). */
  thinRect: number;
  /** A filled rectangle at least this big on both sides is a cell background; its four sides count as edges. */
  minRectSide: number;
  /** Edges closer than this across their direction are one line (snap tolerance). */
  snap: number;
  /** Collinear edges with a gap up to this are joined (join tolerance). */
  join: number;
  /** Lines shorter than this are ignored (underlines of a glyph, dots). */
  minLength: number;
  /** A line reaching within this of another line's span touches it (intersection tolerance). */
  touch: number;
  /** Boundaries of one table closer than this are one row/column boundary. */
  gridMerge: number;
  /** A table needs at least this many rows and columns of cells. */
  minRows: number;
  minCols: number;
  /** Two text pieces are on one line when their vertical extents overlap by this share of the smaller. */
  lineOverlap: number;
  /** A gap wider than this × font size between pieces of one line is a column gap (stream tables, running text). */
  wordGap: number;
  /** A baseline distance above this × the document's usual line pitch starts a new paragraph. */
  paragraphGap: number;
  /** A first line indented by at least this × font size starts a paragraph. */
  indent: number;
  /** A line ending this × font size short of the text's right edge ends its paragraph (CJK lines end ragged by up to ~3 characters). */
  shortLine: number;
  /** Header/footer band: the top and bottom share of the page searched for running headers and page numbers. */
  marginBand: number;
  /** Running text repeated on at least this share of the pages (and ≥ 3 pages) in the band is dropped. */
  runningShare: number;
  /** Continuation: column boundaries of two tables match when within this. */
  columnMatch: number;
  /** Garbled text: share of pieces in the Private Use Area, control or replacement characters above which the text is unreadable. */
  garbledShare: number;
  /** Scanned: pages with images and fewer than this many text characters. */
  scannedChars: number;
  /** Stream tables: at least this many consecutive lines with ≥ minCols aligned pieces. */
  streamMinRows: number;
}

export const DEFAULT_SETTINGS: PdfSettings = {
  thinRect: 3,
  minRectSide: 6,
  snap: 2,
  join: 3,
  minLength: 3,
  touch: 3,
  gridMerge: 2.5,
  minRows: 1,
  minCols: 2,
  lineOverlap: 0.5,
  wordGap: 1.5,
  paragraphGap: 1.3,
  indent: 1.5,
  shortLine: 4,
  marginBand: 0.1,
  runningShare: 0.5,
  columnMatch: 3,
  garbledShare: 0.3,
  scannedChars: 20,
  streamMinRows: 3,
};
