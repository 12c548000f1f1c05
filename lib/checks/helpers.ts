/**
 * What rule files import: one module re-exporting the rules' toolkit, which lives in
 *   amount.ts        a cell's amount (blank = exact 0, nan = not a number)
 *   names.ts         table / column labels, row-name normalisation, the 功能分类 catalogue
 *   access.ts        tables, panels and rows by key, code or printed name
 *   describe.ts      how cells are named in messages (label, cite, shown value)
 *   checker.ts       comparisons → findings and relations (every comparison through lib/money)
 *   summary-rows.ts  T1 / T4 / T6 rows by their printed names
 */
import type { Bilingual } from './types';

export * from './amount';
export * from './names';
export * from './access';
export * from './describe';
export * from './checker';
export * from './summary-rows';

// ---------------------------------------------------------------------------------------------
// Documentation attached to each rule file (rendered by scripts/gen-rule-docs.ts).

/**
 * Documentation of a rule, read only by scripts/gen-rule-docs.ts: kept out of RuleMeta so that the
 * checker bundle (which tree-shakes the unused `doc` exports) does not carry it.
 */
export interface RuleDoc {
  /** What the rule checks and why (may cite the regulation). */
  rationale: Bilingual;
  /** The relation, in the catalog's notation. */
  relation: Bilingual;
  /** A tiny table (Markdown) that passes. */
  pass: string;
  /** A tiny table (Markdown) that fails, with the finding it produces. */
  fail: string;
  /** Known limits (what the rule does not see). */
  limits: Bilingual[];
}
