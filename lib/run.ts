/**
 * What one check of a document produces (lib/index.ts runs it). Types only, in a leaf module: the
 * rules, the report and the extension import them without importing the pipeline.
 */
import type { ExtractedDocument } from './extract/types';
import type { Disclosure } from './model/types';
import type { Finding, RuleResult } from './checks/types';
import type { Relation } from './localize/relation';
import type { Cause } from './localize';

export interface SectionPresence {
  id: string;
  title: string;
  present: boolean;
}

export interface ClaimStats {
  found: number;
  reconciled: number;
  skipped: number;
}

export interface CheckRun {
  extracted: ExtractedDocument;
  disclosure: Disclosure;
  findings: Finding[];
  rules: RuleResult[];
  /** Required parts and whether each is present (filled by the S-xx rules). */
  sections: SectionPresence[];
  claims: ClaimStats | null;
  /** Relations the rules compared (passing and failing): the localization's input. */
  relations: Relation[];
  /** Root causes: the cells (or stated numbers) to change, and the findings each explains. */
  causes: Cause[];
}
