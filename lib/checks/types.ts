/**
 * Findings and rules (design.md, "Contracts"; style.md, "A catalog of checks").
 */
import type { Disclosure, TableKey } from '../model/types';
import type { RelationSink } from '../localize/relation';

export type { Bilingual, CellRef, CellRole, Finding, Severity, TextSpan } from './finding';
import type { Bilingual, Finding, Severity } from './finding';

export type RuleOutcome = 'pass' | 'fail' | 'not-applicable' | 'internal-error';

export interface RuleMeta {
  /** Catalog id from domain.md, e.g. "I-07". */
  id: string;
  title: Bilingual;
  severity: Severity;
  /** Tables the rule needs; if any is absent the rule is not applicable. */
  tables: TableKey[];
}

export interface RuleContext {
  disclosure: Disclosure;
  /** Records a finding; the runner returns the finding as stored (relations point at it). */
  report(finding: Omit<Finding, 'rule'> & { rule?: string }): Finding | void;
  /** Declares a relation the rule compared, passing or not (lib/localize reads them); optional. */
  relate?: RelationSink;
  /** Mark the rule not applicable (e.g. the page has no narrative section for it). */
  notApplicable(reason?: string): void;
}

export interface Rule {
  meta: RuleMeta;
  run(ctx: RuleContext): void;
}

export interface RuleResult {
  id: string;
  outcome: RuleOutcome;
  /** Reason for not-applicable or internal-error. */
  detail?: string;
}

export function defineRule(rule: Rule): Rule {
  return rule;
}
