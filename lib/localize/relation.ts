/**
 * The constraint view of the checks: each rule declares the relation it compared — linear, over
 * table cells and numbers stated in the text — with the tolerance it used and its outcome, whether
 * it passed or not (a "fix" that breaks a passing identity is no fix). lib/localize reads these;
 * there is no second catalog of identities.
 */
import type Decimal from 'decimal.js';
import type { ModelCell } from '../model/types';
import type { ParagraphBlock } from '../extract/types';
import type { Finding } from '../checks/finding';

/** A number stated in the narrative (in 万元 for amounts, as lib/claims reads it). */
export interface StatedNumber {
  paragraph: ParagraphBlock;
  /** Offsets of the number (with its unit) in paragraph.text. */
  start: number;
  end: number;
  /** The sentence it sits in (offsets into paragraph.text). */
  sentenceStart: number;
  sentenceEnd: number;
  /** Exact text of the number and unit as on the page. */
  text: string;
  /** Value as compared (万元). */
  value: Decimal;
  /** Decimals the compared value stands for. */
  decimals: number;
  /** Printed value = value × scale (元: 10000; 万元: 1; 亿元: 0.0001). */
  scale: Decimal;
}

export type Operand = { kind: 'cell'; cell: ModelCell } | { kind: 'text'; num: StatedNumber };

export type TermRole = 'total' | 'part' | 'value';

export interface RelationTerm {
  x: Operand;
  /** Σ coef·x is the relation's residual. */
  coef: Decimal;
  role: TermRole;
}

export interface Relation {
  rule: string;
  /** 'eq': |Σ coef·x| ≤ tolerance; 'le': Σ coef·x ≤ tolerance (one-sided). */
  op: 'eq' | 'le';
  terms: RelationTerm[];
  tolerance: Decimal;
  verdict: 'pass' | 'notice' | 'error';
  /** The finding the comparison produced (a notice or worse), else null. */
  finding: Finding | null;
}

/** Where the rules hand their relations (RuleContext.relate). */
export type RelationSink = (r: Relation) => void;
