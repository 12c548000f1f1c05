/**
 * The reviewer's dismissals (issue 23 item 6): a finding marked "已核实，不是问题" with an optional
 * note. A dismissal names the finding by what it is — its rule, the cells it names (label and the
 * text printed there) or the sentence it quotes — never by its index, so it still finds the finding
 * when other findings come and go, and stops applying once the stated value changes.
 * A dismissed finding stays in the report (`dismissed`), leaves the counts, and is listed apart.
 * One file format for the extension's storage, its export/import and the CLI's `--ignore FILE`
 * (docs/dismissals.md). Pure and browser-safe.
 */
import * as z from 'zod/mini';
import type { Report, ReportFinding } from './schema';

export const DISMISSALS_FORMAT = 'disclosure-checker/dismissals';

const dismissal = () =>
  z.object({
    /** The document: its address without #fragment, "sha256:<hex>" of the file; absent: any document. */
    document: z.optional(z.string().check(z.maxLength(4096))),
    rule: z.string().check(z.minLength(1), z.maxLength(32)),
    /** The finding's cells as "label = text", in its order. */
    cells: z.array(z.string().check(z.maxLength(1000))).check(z.maxLength(500)),
    /** The sentence it quotes, as on the page; null for a table finding. */
    quote: z.nullable(z.string().check(z.maxLength(4000))),
    /** Only for a finding with neither cells nor quote (a missing part): its message. */
    message: z.optional(z.string().check(z.maxLength(4000))),
    note: z.optional(z.string().check(z.maxLength(2000))),
    /** When it was dismissed (ISO 8601). */
    at: z.optional(z.string().check(z.maxLength(40))),
  });
export type Dismissal = z.infer<ReturnType<typeof dismissal>>;

const dismissalFile = () =>
  z.object({
    format: z.literal(DISMISSALS_FORMAT),
    version: z.literal(1),
    dismissals: z.array(dismissal()).check(z.maxLength(100_000)),
  });
export type DismissalFile = z.infer<ReturnType<typeof dismissalFile>>;
// Built on first use: the content script's cold start pays nothing for it.
let fileSchema: ReturnType<typeof dismissalFile> | null = null;

/** What a finding is dismissed as (added to each dismissed finding of a report). */
export interface DismissedMark {
  note?: string;
  at?: string;
}

/** What identifies a finding (the report's, or the popup's looser copy of it). */
type FindingLike = { rule: string; cells: ReadonlyArray<{ label: string; text: string }>; quote: string | null; message: string };

const oneLine = (s: string): string => s.replace(/\s+/g, ' ').trim();

/** The finding's identity: rule, cells (label = text), quote; a finding with neither: its message. */
export function identityOf(f: FindingLike): Pick<Dismissal, 'rule' | 'cells' | 'quote' | 'message'> {
  const cells = f.cells.map((c) => `${oneLine(c.label)} = ${oneLine(c.text)}`);
  const quote = f.quote === null ? null : oneLine(f.quote);
  return cells.length === 0 && quote === null ? { rule: f.rule, cells, quote, message: oneLine(f.message) } : { rule: f.rule, cells, quote };
}

/** One string per identity (the lookup key). */
export function fingerprint(f: Pick<Dismissal, 'rule' | 'cells' | 'quote' | 'message'>): string {
  return JSON.stringify([f.rule, f.cells.map(oneLine), f.quote === null ? null : oneLine(f.quote), f.cells.length === 0 && f.quote === null ? oneLine(f.message ?? '') : null]);
}

/** The key a document is dismissed under: its address without the #fragment. */
export function documentAddress(href: string): string {
  const i = href.indexOf('#');
  return i < 0 ? href : href.slice(0, i);
}

/** A new dismissal of a finding in a document. */
export function dismissalOf(f: FindingLike, document: string | null, note: string, at: string): Dismissal {
  const n = note.trim();
  return { ...(document ? { document } : {}), ...identityOf(f), ...(n ? { note: n } : {}), at };
}

export function emptyFile(): DismissalFile {
  return { format: DISMISSALS_FORMAT, version: 1, dismissals: [] };
}

/** A dismissal file read from storage or a file; null when it is not one (a clear message is the caller's). */
export function readDismissals(raw: unknown): DismissalFile | null {
  const r = (fileSchema ??= dismissalFile()).safeParse(raw);
  return r.success ? r.data : null;
}

const sameEntry = (a: Dismissal, b: Dismissal): boolean => (a.document ?? '') === (b.document ?? '') && fingerprint(a) === fingerprint(b);

/** `file` with `add` in (replacing the same finding in the same document: a new note wins). */
export function withDismissals(file: DismissalFile, add: readonly Dismissal[]): DismissalFile {
  const kept = file.dismissals.filter((d) => !add.some((x) => sameEntry(d, x)));
  return { ...file, dismissals: [...kept, ...add] };
}

/** `file` without the dismissal of this finding in this document (undo). */
export function withoutDismissal(file: DismissalFile, f: FindingLike, document: string | null): DismissalFile {
  const key = fingerprint(identityOf(f));
  return { ...file, dismissals: file.dismissals.filter((d) => !(fingerprint(d) === key && (d.document ?? null) === document)) };
}

/**
 * The report with each finding a dismissal names marked `dismissed` (kept in place: indices and
 * marks stay valid) and the summary counting only the findings not dismissed (`summary.dismissed`:
 * how many are). `documents`: the keys this document goes by (address, final address, "sha256:…");
 * a dismissal without a document applies to any. Idempotent: marks from an earlier call are redone.
 */
export function applyDismissals<R extends { findings: ReadonlyArray<FindingLike & { severity: ReportFinding['severity'] }>; summary: Pick<Report['summary'], 'errors' | 'warnings' | 'notices'> }>(report: R, file: DismissalFile | null, documents: readonly string[]): R {
  const docs = new Set(documents.map(documentAddress));
  const byKey = new Map<string, Dismissal>();
  for (const d of file?.dismissals ?? []) if (d.document === undefined || docs.has(documentAddress(d.document))) byKey.set(fingerprint(d), d);
  const findings = report.findings.map((f) => {
    const { dismissed: _old, ...plain } = f as R['findings'][number] & { dismissed?: DismissedMark };
    const d = byKey.size ? byKey.get(fingerprint(identityOf(f))) : undefined;
    return d ? { ...plain, dismissed: { ...(d.note ? { note: d.note } : {}), ...(d.at ? { at: d.at } : {}) } } : plain;
  });
  const live = findings.filter((f) => !('dismissed' in f));
  const count = (s: ReportFinding['severity']) => live.filter((f) => f.severity === s).length;
  const dismissed = findings.length - live.length;
  const { dismissed: _d, ...summary } = report.summary as R['summary'] & { dismissed?: number };
  return {
    ...report,
    findings,
    summary: { ...summary, errors: count('error'), warnings: count('warning'), notices: count('notice'), ...(dismissed ? { dismissed } : {}) },
  } as R;
}

/** The dismissal mark of a finding, if dismissed. */
export function dismissedOf(f: object): DismissedMark | null {
  const d = (f as { dismissed?: DismissedMark }).dismissed;
  return d && typeof d === 'object' ? d : null;
}
