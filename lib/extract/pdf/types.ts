/** Intermediate records of the PDF reader. All coordinates: PDF points, origin top-left of the page as displayed. */

export interface Box {
  x0: number;
  y0: number;
  x1: number;
  y1: number;
}

/** A straight edge from the operator list (stroked segment, or side/axis of a filled rectangle). */
export interface Edge {
  /** 'h' horizontal: y fixed, x0..x1. 'v' vertical: x fixed, y0..y1. */
  dir: 'h' | 'v';
  /** Position across the direction (y for 'h', x for 'v'). */
  pos: number;
  /** Extent along the direction, from < to. */
  from: number;
  to: number;
}

/** One text piece (a pdf.js text item, possibly a part of one), horizontal in page space. */
export interface Piece {
  str: string;
  x0: number;
  x1: number;
  /** Top and bottom of the glyph box. */
  top: number;
  bottom: number;
  baseline: number;
  size: number;
  font: string;
  page: number;
}

export interface PageData {
  /** 1-based. */
  page: number;
  width: number;
  height: number;
  pieces: Piece[];
  edges: Edge[];
  /** Images painted (count), for scanned-page detection. */
  images: number;
  /** Area share of the page covered by the largest image. */
  imageCover: number;
}

/** A reconstructed table cell: grid position in its table, text pieces, box. */
export interface PdfCell {
  row: number;
  col: number;
  rowSpan: number;
  colSpan: number;
  box: Box;
  page: number;
  pieces: Piece[];
}

export interface PdfTable {
  page: number;
  /** Page of the last part when the table continues over pages. */
  lastPage: number;
  box: Box;
  /** Column boundaries (x), rows boundaries (y) of the first part. */
  xs: number[];
  ys: number[];
  rows: number;
  cols: number;
  cells: PdfCell[];
  /** How it was found: ruling lines, or aligned text (stream). */
  method: 'lattice' | 'stream';
}

export interface TextLine {
  pieces: Piece[];
  x0: number;
  x1: number;
  top: number;
  bottom: number;
  baseline: number;
  size: number;
  page: number;
  /** Set by paragraph grouping: the line starts indented / reaches the right margin. */
  indented?: boolean;
  full?: boolean;
}

export interface Paragraph {
  lines: TextLine[];
  page: number;
  heading: boolean;
}

export type Flow = { kind: 'table'; table: PdfTable; top: number } | { kind: 'paragraph'; para: Paragraph; top: number };
