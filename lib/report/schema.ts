/**
 * The CLI's JSON report — a public contract (design.md, "Contracts the rest of the world sees").
 * Fields beyond the contract are optional additions; never rename or remove a contract field.
 */
import { z } from 'zod';

/** The parts of `label`, for a spreadsheet's columns (addition): "公开06表", "302", "商品和服务支出", "决算数". */
export const ReportCiteSchema = z.object({
  table: z.string(),
  rowCode: z.string(),
  rowName: z.string(),
  column: z.string(),
});

export const ReportCellSchema = z.object({
  table: z.string(),
  row: z.number().int(),
  col: z.number().int(),
  text: z.string(),
  role: z.enum(['total', 'part', 'value']),
  /** How a person cites the cell: "公开06表 · 302 商品和服务支出 · 决算数". */
  label: z.string(),
  cite: ReportCiteSchema.optional(),
  /** The label in English where table and column have standard English names; row names as printed (addition, issue 15). */
  labelEn: z.string().optional(),
  /** PDF only: 1-based page and [x0, y0, x1, y1] in PDF points, origin top-left of that page. */
  page: z.number().int().optional(),
  box: z.array(z.number()).length(4).optional(),
});

export const ReportFindingSchema = z.object({
  rule: z.string(),
  severity: z.enum(['error', 'warning', 'notice']),
  message: z.string(),
  /** English message (addition to the contract). */
  messageEn: z.string().optional(),
  expected: z.string().nullable(),
  actual: z.string().nullable(),
  cells: z.array(ReportCellSchema),
  quote: z.string().nullable(),
  /** PDF only: where the quote sits (first span). */
  page: z.number().int().optional(),
  box: z.array(z.number()).length(4).optional(),
  /**
   * The relation a table finding compared (addition): `sum` total = Σ parts, `formula` total = a signed
   * combination, `bound` part ≤ total (one-sided), `equal` two values that must match. Absent for
   * narrative and document findings. Says what `expected` is ("按明细合计为", "应不超过", …).
   */
  basis: z.enum(['sum', 'formula', 'bound', 'equal']).optional(),
  /** Id of the cause that explains this finding (causes[].id), else null. */
  cause: z.string().nullable().optional(),
  /** Dismissed by the reviewer ("已核实，不是问题", docs/dismissals.md): kept, not counted (addition). */
  dismissed: z.object({ note: z.string().optional(), at: z.string().optional() }).optional(),
});

export const PATTERNS = [
  'dropped-digit',
  'extra-digit',
  'swapped-digits',
  'decimal-shift',
  'unit-10000',
  'repeated-total',
  'copied-neighbour',
  'sign',
] as const;

/** A cell a cause names (no role: it is the value to change). */
export const ReportCauseCellSchema = z.object({
  table: z.string(),
  row: z.number().int(),
  col: z.number().int(),
  text: z.string(),
  label: z.string().optional(),
  cite: ReportCiteSchema.optional(),
  /** The label in English where table and column have standard English names; row names as printed (addition, issue 15). */
  labelEn: z.string().optional(),
});

/** One value to change in one explanation of an ambiguous cause. */
export const ReportChangeSchema = z.object({
  /** Which explanation (0-based) this change belongs to: an explanation may change two values. */
  option: z.number().int(),
  cell: ReportCauseCellSchema.nullable(),
  quote: z.string().nullable(),
  stated: z.string(),
  suggested: z.string(),
  pattern: z.enum(PATTERNS).nullable(),
  bound: z.boolean(),
});

/** A root cause (design.md: `causes`). */
export const ReportCauseSchema = z.object({
  id: z.string(),
  cells: z.array(ReportCauseCellSchema),
  quote: z.string().nullable(),
  stated: z.string().nullable(),
  suggested: z.string().nullable(),
  pattern: z.enum(PATTERNS).nullable(),
  confidence: z.enum(['unique', 'ambiguous', 'none']),
  explains: z.array(z.number().int()),
  /** "应不超过 suggested" (only one-sided relations bound the value), not an exact value (addition). */
  bound: z.boolean().optional(),
  /** The cause in words, Chinese and English (addition). */
  message: z.string(),
  messageEn: z.string().optional(),
  /** For `ambiguous`: every alternative change, grouped by `option`. */
  alternatives: z.array(ReportChangeSchema).optional(),
});

export const ReportSchema = z.object({
  source: z.string(),
  /** The URL actually read, after redirects, when it differs from `source` (addition, issue 21). */
  finalUrl: z.string().optional(),
  document: z.object({
    title: z.string(),
    department: z.string().nullable(),
    year: z.number().int().nullable(),
    unit: z.string().nullable(),
    kind: z.enum(['final', 'budget']),
    scope: z.enum(['department', 'unit']).nullable(),
    format: z.enum(['html', 'pdf', 'docx', 'doc', 'xlsx', 'xls']),
    /** Present (true) when the tables hold no amounts at all: a template or an empty form, not checked (addition). */
    template: z.boolean().optional(),
  }),
  tables: z.array(
    z.object({
      id: z.string(),
      name: z.string(),
      marker: z.string().nullable(),
      rows: z.number().int(),
      cols: z.number().int(),
      /**
       * Comparisons run on the table's cells, passing and failing (addition, issue 15 "what was
       * checked"): table identities (within the table or across tables) and narrative numbers.
       */
      checks: z.object({ identities: z.number().int(), claims: z.number().int() }).optional(),
    }),
  ),
  /** Tables that looked like disclosure tables but could not be read (addition). */
  unrecognised: z.array(z.object({ title: z.string(), reason: z.string() })).optional(),
  sections: z.array(z.object({ id: z.string(), title: z.string(), present: z.boolean() })),
  findings: z.array(ReportFindingSchema),
  /** Root causes, most certain first (issue 14). */
  causes: z.array(ReportCauseSchema).optional(),
  rules: z.array(
    z.object({
      id: z.string(),
      outcome: z.enum(['pass', 'fail', 'not-applicable', 'internal-error']),
      detail: z.string().optional(),
    }),
  ),
  /** Narrative claims found / reconciled / skipped (addition, issue "narrative"). */
  claims: z.object({ found: z.number().int(), reconciled: z.number().int(), skipped: z.number().int() }).optional(),
  summary: z.object({
    errors: z.number().int(),
    warnings: z.number().int(),
    notices: z.number().int(),
    rulesRun: z.number().int(),
    /** Causes with a unique or ambiguous explanation (those the user can act on). */
    causes: z.number().int().optional(),
    /** Findings dismissed by the reviewer, not counted above (addition, docs/dismissals.md). */
    dismissed: z.number().int().optional(),
    /** Distinct comparisons run, passing and failing: identities and narrative numbers against cells (addition, issue 15). */
    relations: z.number().int().optional(),
  }),
});

export type Report = z.infer<typeof ReportSchema>;
export type ReportFinding = z.infer<typeof ReportFindingSchema>;
export type ReportCause = z.infer<typeof ReportCauseSchema>;
