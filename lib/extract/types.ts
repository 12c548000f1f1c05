/**
 * Output of lib/extract: a document's blocks in reading order.
 * DOM references are kept so findings can be marked on the page.
 */

/** One real (origin) cell of an HTML table. */
export interface SourceCell {
  /** The <td>/<th> element; null only for synthetic cells built in tests. */
  el: Element | null;
  /** Visible text, whitespace-collapsed (NBSP/U+3000 kept as spaces, trimmed). */
  text: string;
  /** Position of the origin slot in the resolved grid (0-based). */
  row: number;
  col: number;
  rowSpan: number;
  colSpan: number;
  isHeader: boolean;
  /**
   * The cell's displayed text may differ from its DOM text (issue 21): 'bidi' — bidi controls
   * (U+202A–U+202E, U+2066–U+2069, made visible in `text`), a <bdo> or a bidi-override style;
   * 'hidden' — digits hidden in it (display:none, visibility:hidden, hidden, font-size:0) or a
   * zero-size cell. Such a cell has no value: it is reported as unreadable, never checked.
   */
  unreadable?: CellUnreadable;
}

export type CellUnreadable = 'bidi' | 'hidden';

/** A slot of the rectangular grid. Copies point at the origin cell and must never be counted twice. */
export interface GridSlot {
  cell: SourceCell;
  isCopy: boolean;
}

export interface TableBlock {
  kind: 'table';
  /** Index of the block in Document.blocks. */
  index: number;
  el: Element | null;
  /** grid[row][col]; every row has `cols` slots (padded with empty synthetic cells where the HTML row is short). */
  grid: GridSlot[][];
  rows: number;
  cols: number;
  /** Text of a <caption>, if any. */
  caption: string;
  /**
   * Present only for hostile/absurd tables that exceeded the extractor's caps (see lib/extract/grid.ts):
   * `droppedCells` real cells could not be placed within `maxCols` columns. A table with droppedCells > 0
   * is incomplete and must be reported as unrecognised, never given a verdict.
   */
  clipped?: { droppedCells: number; maxCols: number };
}

export interface ParagraphBlock {
  kind: 'paragraph';
  index: number;
  /** Visible text of the paragraph, whitespace-collapsed and trimmed. */
  text: string;
  /** The block element (p, h1–h6, li, div with direct text …) the text came from. */
  el: Element | null;
}

export type Block = ParagraphBlock | TableBlock;

export interface ExtractedDocument {
  /** <title> text or the first heading. */
  title: string;
  blocks: Block[];
}
