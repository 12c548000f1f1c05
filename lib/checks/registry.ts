/**
 * Every rule, registered in one place. Adding a rule = one file in lib/checks + one line here.
 */
import type { Rule } from './types';
import type { ClaimStats, SectionPresence } from '../index';
import type { Disclosure } from '../model/types';
import { rule as S01 } from './S-01';
import { rule as S02 } from './S-02';
import { rule as S03 } from './S-03';
import { rule as S04 } from './S-04';
import { rule as S05 } from './S-05';
import { rule as S06 } from './S-06';
import { rule as S07 } from './S-07';
import { rule as S08 } from './S-08';
import { rule as S09 } from './S-09';
import { rule as S10 } from './S-10';
import { sectionPresence } from './S-catalog';

export const RULES: Rule[] = [
  // Required parts (S-xx)
  S01, S02, S03, S04, S05, S06, S07, S08, S09, S10,
];

/** Report-level data computed by rule families from the same disclosure (design.md report: `sections`, `claims`). */
export const REPORT_EXTRAS: {
  sections?: (d: Disclosure) => SectionPresence[];
  claims?: (d: Disclosure) => ClaimStats | null;
} = {
  sections: sectionPresence,
};
