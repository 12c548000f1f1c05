/**
 * Messages between content script, popup, options page and background. Every message crossing a
 * context boundary is validated with these schemas (zod/mini keeps the content bundle small);
 * anything malformed is rejected and logged, never acted on.
 */
import * as z from 'zod/mini';
import { lazySchema, type SafeParser } from './lazy-schema';
import { PEER_LIMITS } from './budget-tabs';

// Schemas are built by functions and wrapped in lazySchema: building zod schema objects costs
// milliseconds in a cold page, and the content script runs on every portal page, most of which
// never receive a message.
const severity = () => z.enum(['error', 'warning', 'notice']);
const bilingual = () => z.object({ zh: z.string(), en: z.string() });

/** A finding as the popup gets it (page strings cut: `truncated` when one was, lib/ext/cap). */
const finding = () =>
  z.looseObject({
    rule: z.string(),
    severity: severity(),
    message: z.string(),
    messageEn: z.optional(z.string()),
    expected: z.nullable(z.string()),
    actual: z.nullable(z.string()),
    cells: z.array(
      z.looseObject({
        table: z.string(),
        row: z.int(),
        col: z.int(),
        text: z.string(),
        role: z.enum(['total', 'part', 'value']),
        label: z.string(),
      }),
    ),
    quote: z.nullable(z.string()),
  });

const cause = () =>
  z.looseObject({
    id: z.string(),
    confidence: z.enum(['unique', 'ambiguous', 'none']),
    message: z.string(),
    messageEn: z.optional(z.string()),
    explains: z.array(z.int()),
    cells: z.array(z.looseObject({ table: z.string(), row: z.int(), col: z.int(), text: z.string() })),
    quote: z.nullable(z.string()),
    stated: z.nullable(z.string()),
    suggested: z.nullable(z.string()),
    pattern: z.nullable(z.string()),
  });

const reportLike = () => z.looseObject({
  source: z.string(),
  // Loose: kind / scope / format and later additions pass through to the popup and exports.
  document: z.looseObject({
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
  findings: z.array(finding()),
  rules: z.array(
    z.object({
      id: z.string(),
      outcome: z.enum(['pass', 'fail', 'not-applicable', 'internal-error']),
      detail: z.optional(z.string()),
    }),
  ),
  claims: z.optional(z.object({ found: z.int(), reconciled: z.int(), skipped: z.int() })),
  causes: z.optional(z.array(cause())),
  // Loose: summary.causes and later counts pass through.
  summary: z.looseObject({ errors: z.int(), warnings: z.int(), notices: z.int(), rulesRun: z.int() }),
});
export type ReportLike = z.infer<ReturnType<typeof reportLike>>;

const findingGroup = () => z.object({
  kind: z.enum(['table', 'section', 'document']),
  /** Table key (T1…) or section id; '' for the document group. */
  key: z.string(),
  title: z.string(),
});
export type FindingGroup = z.infer<ReturnType<typeof findingGroup>>;

const findingItem = () => z.object({
  index: z.int(),
  group: findingGroup(),
  ruleTitle: z.nullable(bilingual()),
  /** stated − expected, when both are numbers. */
  difference: z.nullable(z.string()),
  /** Whether the finding has a mark on the page (cells or sentence). */
  marked: z.boolean(),
});
export type FindingItem = z.infer<ReturnType<typeof findingItem>>;

const attachment = () => z.object({
  url: z.url({ protocol: /^https?$/ }),
  name: z.string().check(z.maxLength(200)),
  ext: z.enum(['pdf', 'doc', 'docx', 'xls', 'xlsx', 'wps', 'et']),
  tables: z.boolean(),
});

const status = () => z.enum(['idle', 'detecting', 'checking', 'no-disclosure', 'done', 'failed']);
export type Status = z.infer<ReturnType<typeof status>>;

const pageState = () => z.object({
  status: status(),
  url: z.string(),
  progress: z.nullable(
    z.object({ stage: z.enum(['extract', 'recognize', 'rules', 'marks']), done: z.int(), total: z.int() }),
  ),
  error: z.nullable(z.string()),
  marksOn: z.boolean(),
  report: z.nullable(reportLike()),
  items: z.array(findingItem()),
  /** How the check started: automatically on a portal host or by the user. */
  trigger: z.enum(['auto', 'user']),
  /** The page changed what was checked after the check: marks taken off, a new check offered. */
  stale: z.optional(z.boolean()),
  /** The article's attachments (lib/ext/attachments; page strings, capped). */
  attachments: z.optional(z.array(attachment()).check(z.maxLength(20))),
  /** The article reads as a disclosure's narrative (looksLikeNarrative). */
  narrative: z.optional(z.boolean()),
});
export type PageState = z.infer<ReturnType<typeof pageState>>;
export const PageStateSchema = /* @__PURE__ */ lazySchema(pageState);

/** An amount as BudgetProfile carries it (Decimal.toFixed: no grouping, no exponent). */
const profileAmount = () => z.string().check(z.regex(/^-?\d{1,18}(\.\d{1,12})?$/));
/** lib/claims/budget HEAD_LABEL's keys (not imported: the claims would come into this bundle; a test keeps them equal). */
export const HEAD_KEYS = ['income', 'fiscalIncome', 'business', 'operating', 'other', 'expense', 'fiscalExpense', 'general', 'govfund', 'soe'] as const;
const headKey = () => z.string().check(z.regex(new RegExp(`^(${HEAD_KEYS.join('|')})$`)));
const fewKeys = (max: number) => z.refine<Record<string, string>>((o) => Object.keys(o).length <= max);
/** lib/checks/B-N16 BudgetProfile, as a content script reports it and the background passes it on. */
const budgetProfile = () => z.object({
  department: z.string().check(z.minLength(1), z.maxLength(200)),
  year: z.int().check(z.gte(1900), z.lte(2200)),
  scope: z.enum(['department', 'unit']),
  codes: z.record(z.string().check(z.regex(/^\d{1,12}$/)), profileAmount()).check(fewKeys(5000)),
  current: z.record(headKey(), profileAmount()),
  prior: z.record(headKey(), profileAmount()),
});
/** The department page paired with a unit page (lib/ext/budget-tabs PairPeer). */
const pairPeer = () => z.object({
  profile: budgetProfile(),
  title: z.string().check(z.maxLength(PEER_LIMITS.title)),
  url: z.string().check(z.maxLength(PEER_LIMITS.url)),
});

/** Popup/background → content script. */
const toContent = () => z.discriminatedUnion('type', [
  z.object({ type: z.literal('dc:get-state') }),
  z.object({ type: z.literal('dc:run') }),
  z.object({ type: z.literal('dc:set-marks'), on: z.boolean() }),
  z.object({ type: z.literal('dc:reveal'), finding: z.int().check(z.gte(0)) }),
  z.object({ type: z.literal('dc:reveal-cause'), cause: z.string().check(z.maxLength(16)) }),
  // From the check page (combined check): the article's text, as paragraphs.
  z.object({ type: z.literal('dc:page-text') }),
  // From the popup: one finding or cause with its page strings whole (the state carries them cut).
  z.object({ type: z.literal('dc:full-text'), kind: z.enum(['finding', 'cause']), index: z.int().check(z.gte(0)) }),
  // From the background: the department budget page open beside this unit budget page (B-N16), or none.
  z.object({ type: z.literal('dc:budget-pair'), peer: z.nullable(pairPeer()) }),
]);
export type ToContent = z.infer<ReturnType<typeof toContent>>;
export const ToContentSchema = /* @__PURE__ */ lazySchema(toContent);

/** Content script → background and popup (broadcast on every state change). */
const stateMessage = () => z.object({ type: z.literal('dc:state'), state: pageState() });
export type StateMessage = z.infer<ReturnType<typeof stateMessage>>;
export const StateMessageSchema = /* @__PURE__ */ lazySchema(stateMessage);

/** Popup/options/content script → background. */
const toBackground = () =>
  z.discriminatedUnion('type', [
    z.object({ type: z.literal('dc:inject'), tabId: z.int().check(z.gte(0)) }),
    z.object({ type: z.literal('dc:sync-hosts') }),
    // From the content script of a tab: inject the checker (lib core) into that tab and frame.
    z.object({ type: z.literal('dc:load-checker') }),
    // From the PDF viewer: open this PDF in the browser's own viewer (past the redirect, once).
    z.object({ type: z.literal('dc:open-native'), url: z.url({ protocol: /^https?$/ }) }),
    // From the PDF viewer: the PDF the background fetched for its tab (toolbar on a PDF tab), if any.
    z.object({ type: z.literal('dc:take-pdf'), url: z.string() }),
    // From the content script of a tab: its checked page's budget profile (null: none) for B-N16 across tabs.
    z.object({ type: z.literal('dc:budget-profile'), profile: z.nullable(budgetProfile()), title: z.string().check(z.maxLength(PEER_LIMITS.title)) }),
  ]);
export type ToBackground = z.infer<ReturnType<typeof toBackground>>;
export const ToBackgroundSchema = /* @__PURE__ */ lazySchema(toBackground);

/** The content script's answer to dc:page-text: the article's paragraphs, capped (PAGE_TEXT_LIMITS). */
export const PAGE_TEXT_LIMITS = { paragraphs: 3000, chars: 10_000 } as const;
const pageText = () => z.object({
  url: z.string(),
  title: z.string().check(z.maxLength(PAGE_TEXT_LIMITS.chars)),
  /** The page's h1 when it is outside the article root (the article's title line). */
  heading: z.string().check(z.maxLength(PAGE_TEXT_LIMITS.chars)),
  paragraphs: z.array(z.string().check(z.maxLength(PAGE_TEXT_LIMITS.chars))).check(z.maxLength(PAGE_TEXT_LIMITS.paragraphs)),
});
export type PageText = z.infer<ReturnType<typeof pageText>>;
export const PageTextSchema = /* @__PURE__ */ lazySchema(pageText);

/** The content script's answer to dc:full-text (FULL_STRING_CAP characters per string at most). */
const fullText = () => z.object({ item: z.nullable(z.union([finding(), cause()])) });
export type FullText = z.infer<ReturnType<typeof fullText>>;
export const FullTextSchema = lazySchema(fullText);

const injectResult = () => z.object({ ok: z.boolean(), error: z.optional(z.string()) });
export type InjectResult = z.infer<ReturnType<typeof injectResult>>;
export const InjectResultSchema = /* @__PURE__ */ lazySchema(injectResult);

/** Validate or log-and-reject. Returns null for anything malformed. */
export function parseMessage<T>(
  schema: SafeParser<T>,
  raw: unknown,
  where: string,
): T | null {
  const r = schema.safeParse(raw);
  if (r.success) return r.data;
  console.warn(`[disclosure-checker] ${where}: rejected malformed message`, r.error);
  return null;
}
