/**
 * Every rule, registered in one place. Adding a rule = one file in lib/checks + one line here.
 */
import type { Rule } from './types';
import type { ClaimStats, SectionPresence } from '../index';
import type { Disclosure } from '../model/types';

export const RULES: Rule[] = [];

/** Report-level data computed by rule families from the same disclosure (design.md report: `sections`, `claims`). */
export const REPORT_EXTRAS: {
  sections?: (d: Disclosure) => SectionPresence[];
  claims?: (d: Disclosure) => ClaimStats | null;
} = {};
