/**
 * A finding and the parts it points at (design.md, "Contracts"). A leaf module: lib/localize's
 * relations refer to findings without importing the rule machinery.
 */
import type { ModelCell } from '../model/types';
import type { ParagraphBlock } from '../extract/types';

export type Severity = 'error' | 'warning' | 'notice';
export type CellRole = 'total' | 'part' | 'value';

export interface Bilingual {
  zh: string;
  en: string;
}

export interface CellRef {
  cell: ModelCell;
  role: CellRole;
}

/** A sentence (or any span) of a paragraph; offsets are into `paragraph.text`. */
export interface TextSpan {
  paragraph: ParagraphBlock;
  start: number;
  end: number;
  /**
   * The clause of the sentence the finding is about (paragraph offsets, within start..end): the
   * marks highlight it rather than the whole sentence. Absent: the whole span.
   */
  clause?: { start: number; end: number };
}

export interface Finding {
  /** Catalog id: I-xx, N-xx, S-xx, or X-00 for an internal error. */
  rule: string;
  severity: Severity;
  /** Chinese first; English available. Must state expected vs stated. */
  message: Bilingual;
  expected: string | null;
  actual: string | null;
  cells: CellRef[];
  spans: TextSpan[];
  /** The sentence exactly as on the page, for narrative findings; null otherwise. */
  quote: string | null;
}
