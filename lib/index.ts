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
import type { Rule } from './checks/types';
import type { CheckRun } from './run';
import { localize } from './localize';

export type { CheckRun, ClaimStats, SectionPresence } from './run';

export interface CheckOptions {
  rules?: readonly Rule[];
  /** The file format the DOM was read from (default html): the report's `document.format`. */
  format?: DocumentFormat;
  /** Run the insights (X-xx, notices only) too; off by default. Ignored when `rules` is given. */
  insights?: boolean;
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
    ? runRules(disclosure, options.rules ?? rulesFor(disclosure.info.kind, { insights: options.insights }))
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
