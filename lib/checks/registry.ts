/**
 * Every rule, registered in one place. Adding a rule = one file in lib/checks + one line here.
 */
import type { Rule } from './types';
import type { ClaimStats, SectionPresence } from '../run';
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
import { budgetSections } from './budget-parts';
// Table identities (I-xx)
import { rule as I01 } from './I-01';
import { rule as I02 } from './I-02';
import { rule as I03 } from './I-03';
import { rule as I04 } from './I-04';
import { rule as I05 } from './I-05';
import { rule as I06 } from './I-06';
import { rule as I07 } from './I-07';
import { rule as I08 } from './I-08';
import { rule as I09 } from './I-09';
import { rule as I10 } from './I-10';
import { rule as I11 } from './I-11';
import { rule as I12 } from './I-12';
import { rule as I13 } from './I-13';
import { rule as I14 } from './I-14';
import { rule as I15 } from './I-15';
import { rule as I16 } from './I-16';
import { rule as I17 } from './I-17';
import { rule as I18 } from './I-18';
import { rule as I19 } from './I-19';
import { rule as I20 } from './I-20';
import { rule as I21 } from './I-21';
import { rule as I22 } from './I-22';
import { rule as I23 } from './I-23';
import { rule as I24 } from './I-24';
import { rule as I25 } from './I-25';
import { rule as I26 } from './I-26';
// Narrative claims (N-xx)
import { rule as N01 } from './N-01';
import { rule as N02 } from './N-02';
import { rule as N03 } from './N-03';
import { rule as N04 } from './N-04';
import { rule as N05 } from './N-05';
import { rule as N06 } from './N-06';
import { rule as N07 } from './N-07';
import { rule as N08 } from './N-08';
import { rule as N09 } from './N-09';
import { rule as N10 } from './N-10';
import { rule as N11 } from './N-11';
import { rule as N12 } from './N-12';
import { rule as N13 } from './N-13';
import { rule as N14 } from './N-14';
import { rule as N15 } from './N-15';
import { rule as N16 } from './N-16';
import { rule as N17 } from './N-17';
import { rule as N18 } from './N-18';
import { rule as N19 } from './N-19';
import { rule as N20 } from './N-20';
import { rule as N21 } from './N-21';
import { analyseSteps, claimStats } from '../claims';
import { budgetClaimStats } from '../claims/budget';
// Budget identities (B-xx, budget.md)
import { rule as B01 } from './B-01';
import { rule as B02 } from './B-02';
import { rule as B03 } from './B-03';
import { rule as B04 } from './B-04';
import { rule as B05 } from './B-05';
import { rule as B06 } from './B-06';
import { rule as B07 } from './B-07';
import { rule as B08 } from './B-08';
import { rule as B09 } from './B-09';
import { rule as B10 } from './B-10';
import { rule as B11 } from './B-11';
import { rule as B12 } from './B-12';
import { rule as B13 } from './B-13';
import { rule as B14 } from './B-14';
import { rule as B15 } from './B-15';
import { rule as B16 } from './B-16';
import { rule as B17 } from './B-17';
import { rule as B18 } from './B-18';
import { rule as B19 } from './B-19';
import { rule as B20 } from './B-20';
import { rule as B21 } from './B-21';
// Budget narrative claims (B-Nxx, budget.md)
import { rule as BN01 } from './B-N01';
import { rule as BN06 } from './B-N06';
import { rule as BN15 } from './B-N15';
import { rule as BN16 } from './B-N16';
import { rule as BN02 } from './B-N02';
import { rule as BN03 } from './B-N03';
import { rule as BN04 } from './B-N04';
import { rule as BN05 } from './B-N05';
import { rule as BN07 } from './B-N07';
import { rule as BN08 } from './B-N08';
import { rule as BN09 } from './B-N09';
import { rule as BN10 } from './B-N10';
import { rule as BN11 } from './B-N11';
import { rule as BN12 } from './B-N12';
import { rule as BN13 } from './B-N13';
import { rule as BN14 } from './B-N14';
// Budget required parts (B-Sxx, budget.md)
import { rule as BS01 } from './B-S01';
import { rule as BS02 } from './B-S02';
import { rule as BS03 } from './B-S03';
import { rule as BS04 } from './B-S04';
import { rule as BS05 } from './B-S05';
import { rule as BS06 } from './B-S06';
import { rule as BS07 } from './B-S07';
import { rule as BS08 } from './B-S08';
import { rule as BS09 } from './B-S09';
import { rule as BS10 } from './B-S10';
// Insights (X-xx, issue 23 item 5): off by default
import { rule as X01 } from './X-01';
import { rule as X02 } from './X-02';
import type { DocumentKind } from '../model/types';

/** The narrative-claim rules; the report's claim counts run them too. */
export const CLAIM_RULES: Rule[] = [N01, N02, N03, N04, N05, N06, N07, N08, N09, N10, N11, N12, N13, N14, N15, N16];

export const RULES: Rule[] = [
  // Table identities (I-xx)
  I01, I02, I03, I04, I05, I06, I07, I08, I09, I10, I11, I12, I13,
  I14, I15, I16, I17, I18, I19, I20, I21, I22, I23, I24, I25, I26,
  // Required parts (S-xx)
  S01, S02, S03, S04, S05, S06, S07, S08, S09, S10,
  // Narrative claims (N-xx)
  ...CLAIM_RULES,
  // Narrative text beyond the catalog (issue 16, issue 23)
  N17,
  N18,
  N19,
  N20,
  N21,
];

/** The budget rules (budget.md): a budget is never checked with 决算 rules, nor the reverse. */
export const BUDGET_RULES: Rule[] = [
  B01, B02, B03, B04, B05, B06, B07, B08, B09, B10,
  B11, B12, B13, B14, B15, B16, B17, B18, B19, B20, B21,
  // Narrative claims (B-Nxx)
  BN01, BN02, BN03, BN04, BN05, BN06, BN07, BN08, BN09, BN10, BN11, BN12, BN13, BN14, BN15, BN16,
  // Required parts (B-Sxx)
  BS01, BS02, BS03, BS04, BS05, BS06, BS07, BS08, BS09, BS10,
];

/** The budget rules that compare narrative numbers (the report's claim counts). */
const BUDGET_CLAIM_RULES: readonly Rule[] = [B21, BN01, BN02, BN03, BN04, BN05, BN06, BN07, BN08, BN09, BN10, BN11, BN12, BN13, BN14, BN15];

/** Insights (X-xx): information beyond the catalog, run only when asked for (CLI --insights, extension option). */
export const INSIGHT_RULES: Rule[] = [X01, X02];

/** Every rule of both kinds, and the insights (titles for the popup, docs). */
export const ALL_RULES: readonly Rule[] = [...RULES, ...BUDGET_RULES, ...INSIGHT_RULES];

const WITH_INSIGHTS: readonly Rule[] = [...RULES, ...INSIGHT_RULES];

/** The rule set for a document of this kind; the insights (final accounts only) when asked for. */
export function rulesFor(kind: DocumentKind, options: { insights?: boolean } = {}): readonly Rule[] {
  if (kind === 'budget') return BUDGET_RULES;
  return options.insights ? WITH_INSIGHTS : RULES;
}

/** Report-level data computed by rule families from the same disclosure (design.md report: `sections`, `claims`). */
export const REPORT_EXTRAS: {
  sections?: (d: Disclosure) => SectionPresence[];
  claims?: (d: Disclosure) => ClaimStats | null;
} = {
  // Each kind's own catalogue: 决算 S-xx / N-xx, budget B-Sxx / B-Nxx (+ B-21's restatements).
  sections: (d) => (d.info.kind === 'budget' ? budgetSections(d) : sectionPresence(d)),
  claims: (d) => (d.info.kind === 'budget' ? budgetClaimStats(d, BUDGET_CLAIM_RULES) : claimStats(d, CLAIM_RULES)),
};

/**
 * Analyses several rules share, built on first use by whichever rule runs first. As resumable steps,
 * for the sliced check to build them before the rules with pauses in between (the narrative's
 * analysis is one long step otherwise: ≈ 60 ms cold on a ten-times page).
 */
export const SHARED_ANALYSES: readonly { id: string; steps: (d: Disclosure) => Generator<void, unknown, void> }[] = [
  { id: 'claims', steps: analyseSteps },
];
