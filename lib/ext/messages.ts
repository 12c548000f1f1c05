/**
 * Messages between content script, popup, options page and background. Every message crossing a
 * context boundary is validated with these schemas (zod/mini keeps the content bundle small);
 * anything malformed is rejected and logged, never acted on.
 */
import * as z from 'zod/mini';

const Severity = z.enum(['error', 'warning', 'notice']);
const Bi = z.object({ zh: z.string(), en: z.string() });

export const ReportLikeSchema = z.looseObject({
  source: z.string(),
  document: z.object({
    title: z.string(),
    department: z.nullable(z.string()),
    year: z.nullable(z.int()),
    unit: z.nullable(z.string()),
  }),
  tables: z.array(
    z.looseObject({ id: z.string(), name: z.string(), marker: z.nullable(z.string()), rows: z.int(), cols: z.int() }),
  ),
  unrecognised: z.optional(z.array(z.object({ title: z.string(), reason: z.string() }))),
  sections: z.array(z.object({ id: z.string(), title: z.string(), present: z.boolean() })),
  findings: z.array(
    z.looseObject({
      rule: z.string(),
      severity: Severity,
      message: z.string(),
      messageEn: z.optional(z.string()),
      expected: z.nullable(z.string()),
      actual: z.nullable(z.string()),
      cells: z.array(
        z.object({
          table: z.string(),
          row: z.int(),
          col: z.int(),
          text: z.string(),
          role: z.enum(['total', 'part', 'value']),
        }),
      ),
      quote: z.nullable(z.string()),
    }),
  ),
  rules: z.array(
    z.object({
      id: z.string(),
      outcome: z.enum(['pass', 'fail', 'not-applicable', 'internal-error']),
      detail: z.optional(z.string()),
    }),
  ),
  claims: z.optional(z.object({ found: z.int(), reconciled: z.int(), skipped: z.int() })),
  summary: z.object({ errors: z.int(), warnings: z.int(), notices: z.int(), rulesRun: z.int() }),
});
export type ReportLike = z.infer<typeof ReportLikeSchema>;

export const FindingGroupSchema = z.object({
  kind: z.enum(['table', 'section', 'document']),
  /** Table key (T1…) or section id; '' for the document group. */
  key: z.string(),
  title: z.string(),
});
export type FindingGroup = z.infer<typeof FindingGroupSchema>;

export const FindingItemSchema = z.object({
  index: z.int(),
  group: FindingGroupSchema,
  ruleTitle: z.nullable(Bi),
  /** stated − expected, when both are numbers. */
  difference: z.nullable(z.string()),
  /** Whether the finding has a mark on the page (cells or sentence). */
  marked: z.boolean(),
});
export type FindingItem = z.infer<typeof FindingItemSchema>;

export const StatusSchema = z.enum(['idle', 'detecting', 'checking', 'no-disclosure', 'done', 'failed']);
export type Status = z.infer<typeof StatusSchema>;

export const PageStateSchema = z.object({
  status: StatusSchema,
  url: z.string(),
  progress: z.nullable(
    z.object({ stage: z.enum(['extract', 'recognize', 'rules', 'marks']), done: z.int(), total: z.int() }),
  ),
  error: z.nullable(z.string()),
  marksOn: z.boolean(),
  report: z.nullable(ReportLikeSchema),
  items: z.array(FindingItemSchema),
  /** How the check started: automatically on a portal host or by the user. */
  trigger: z.enum(['auto', 'user']),
});
export type PageState = z.infer<typeof PageStateSchema>;

/** Popup/background → content script. */
export const ToContentSchema = z.discriminatedUnion('type', [
  z.object({ type: z.literal('dc:get-state') }),
  z.object({ type: z.literal('dc:run') }),
  z.object({ type: z.literal('dc:set-marks'), on: z.boolean() }),
  z.object({ type: z.literal('dc:reveal'), finding: z.int().check(z.gte(0)) }),
]);
export type ToContent = z.infer<typeof ToContentSchema>;

/** Content script → background and popup (broadcast on every state change). */
export const StateMessageSchema = z.object({ type: z.literal('dc:state'), state: PageStateSchema });
export type StateMessage = z.infer<typeof StateMessageSchema>;

/** Popup/options → background. */
export const ToBackgroundSchema = z.discriminatedUnion('type', [
  z.object({ type: z.literal('dc:inject'), tabId: z.int().check(z.gte(0)) }),
  z.object({ type: z.literal('dc:sync-hosts') }),
]);
export type ToBackground = z.infer<typeof ToBackgroundSchema>;

export const InjectResultSchema = z.object({ ok: z.boolean(), error: z.optional(z.string()) });
export type InjectResult = z.infer<typeof InjectResultSchema>;

/** Validate or log-and-reject. Returns null for anything malformed. */
export function parseMessage<T>(
  schema: { safeParse(x: unknown): { success: true; data: T } | { success: false; error: unknown } },
  raw: unknown,
  where: string,
): T | null {
  const r = schema.safeParse(raw);
  if (r.success) return r.data;
  console.warn(`[disclosure-checker] ${where}: rejected malformed message`, r.error);
  return null;
}
