/**
 * Tables without ruling lines (stream): not yet implemented beyond returning the lines unchanged.
 */
import type { PdfSettings } from './settings';
import type { PdfTable, TextLine } from './types';

export function findStreamTables(lines: TextLine[], _page: number, _s: PdfSettings): { tables: PdfTable[]; rest: TextLine[] } {
  return { tables: [], rest: lines };
}
