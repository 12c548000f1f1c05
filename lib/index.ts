/**
 * The core's data path: DOM → blocks → disclosure model → findings.
 * Pure TypeScript over standard DOM interfaces; no extension APIs here.
 */
import { extractDocument } from './extract';
import { recognize } from './recognize';
import { isTemplate } from './recognize/template';
import { runRules } from './checks/runner';
import { REPORT_EXTRAS, rulesFor } from './checks/registry';
import type { ExtractedDocument } from './extract/types';
import type { Disclosure, DocumentFormat } from './model/types';
import type { Finding, Rule, RuleResult } from './checks/types';
import type { Relation } from './localize/relation';
import { localize, type Cause } from './localize';

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

export interface CheckOptions {
  rules?: readonly Rule[];
  /** The file format the DOM was read from (default html): the report's `document.format`. */
  format?: DocumentFormat;
}

export function checkDocument(root: Document | Element, options: CheckOptions = {}): CheckRun {
  const extracted = extractDocument(root);
  const disclosure = recognize(extracted);
  if (options.format) disclosure.info.format = options.format;
  return checkDisclosure(extracted, disclosure, options);
}

export function checkDisclosure(
  extracted: ExtractedDocument,
  disclosure: Disclosure,
  options: CheckOptions = {},
): CheckRun {
  if (isTemplate(disclosure)) disclosure.info.template = true;
  const hasTables = Object.keys(disclosure.tables).length > 0 && !disclosure.info.template;
  const { findings, rules, relations } = hasTables
    ? runRules(disclosure, options.rules ?? rulesFor(disclosure.info.kind))
    : { findings: [], rules: [], relations: [] };
  return {
    extracted,
    disclosure,
    findings,
    rules,
    sections: hasTables && REPORT_EXTRAS.sections ? REPORT_EXTRAS.sections(disclosure) : [],
    claims: hasTables && REPORT_EXTRAS.claims ? REPORT_EXTRAS.claims(disclosure) : null,
    relations,
    causes: localize(relations, findings, disclosure),
  };
}

export { toReport } from './report/build';
export type { Report } from './report/schema';
