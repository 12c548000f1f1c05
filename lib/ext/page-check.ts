/**
 * The core run, sliced for the content script: extraction, recognition and the analyses rules
 * share, each in resumable steps, then the rules one at a time, yielding to the page whenever a
 * slice has used its time budget so a huge page never freezes the tab. The result is the same CheckRun that checkDocument() returns (the CLI's).
 */
import { extractDocumentSteps, extractionWork } from '../extract';
import { recognizeSteps } from '../recognize';
import { runRules } from '../checks/runner';
import { ALL_RULES, REPORT_EXTRAS, SHARED_ANALYSES, rulesFor } from '../checks/registry';
import type { CheckRun } from '../run';
import type { Finding, Rule, RuleResult } from '../checks/types';
import type { Disclosure, Section } from '../model/types';
import { difference } from '../marks/describe';
import { localize } from '../localize';
import type { Relation } from '../localize/relation';
import type { FindingGroup, FindingItem } from './messages';

export type Stage = 'extract' | 'recognize' | 'rules' | 'marks';
export interface Progress {
  stage: Stage;
  done: number;
  total: number;
}

export interface SlicedOptions {
  rules?: readonly Rule[];
  /** Run the insights (X-xx) too; off by default (the extension option). Ignored when `rules` is given. */
  insights?: boolean;
  /** Longest stretch of work between two yields to the page, in ms. */
  budgetMs?: number;
  onProgress?: (p: Progress) => void;
  /** Yield to the event loop (default: a macrotask). */
  yieldTo?: () => Promise<void>;
  now?: () => number;
  /** Abort between slices (e.g. the page navigated or the user asked again). */
  signal?: AbortSignal;
  /** Analyses shared by rules, built before them (default: the registry's SHARED_ANALYSES). */
  analyses?: typeof SHARED_ANALYSES;
  /** Frames the extraction could not read (cross-origin), appended here. */
  unread?: Element[];
  /** Duration of each step ('extract', 'recognize', 'rule:I-01' …) for performance marks. */
  onTiming?: (step: string, start: number, ms: number) => void;
}

/** Longest wait for a background-priority turn on a page that never goes quiet. */
export const STARVATION_MS = 250;

interface PostTaskScheduler {
  postTask(cb: () => void, opts: { priority: 'background'; signal?: AbortSignal }): Promise<unknown>;
}

/**
 * Yield to the page: the next slice runs as a background-priority task (`scheduler.postTask`), so
 * the page's own timers, messages, input and rendering all go first — measured on the ×10 page with
 * a 4 ms page timer: it ran between every two slices (longest gap ≈ 30–40 ms), where a
 * MessageChannel task let it run only every other slice (gaps ≈ 55–100 ms) and chained
 * `setTimeout(0)`s are clamped to 4 ms each. On a page that never goes quiet each pause ends anyway
 * after STARVATION_MS (and withdraws its queued task). Without postTask (older browsers), a timeout.
 */
export function yieldToPage(): Promise<void> {
  const scheduler = (globalThis as { scheduler?: Partial<PostTaskScheduler> }).scheduler;
  if (typeof scheduler?.postTask !== 'function') return new Promise<void>((resolve) => setTimeout(resolve, 0));
  return new Promise<void>((resolve) => {
    const queued = typeof AbortController === 'function' ? new AbortController() : null;
    let done = false;
    const finish = () => {
      if (done) return;
      done = true;
      clearTimeout(timer);
      resolve();
    };
    const timer = setTimeout(() => {
      finish();
      queued?.abort(); // its rejection lands in .catch(finish), a no-op by then
    }, STARVATION_MS);
    try {
      (scheduler as PostTaskScheduler).postTask(finish, { priority: 'background', signal: queued?.signal }).catch(finish);
    } catch {
      finish();
    }
  });
}

/** Smallest frame (CSS px, each side) worth telling the reader about: not a tracking pixel or a button. */
const MIN_FRAME_SIDE = 80;

/**
 * The frames a check could not read, as "unrecognised" entries for the popup (issue 21: the reader
 * is told what was not checked). Invisible or tiny frames (counters, share buttons) are left out.
 */
export function unreadFrames(frames: readonly Element[]): { title: string; reason: string }[] {
  const out: { title: string; reason: string }[] = [];
  const seen = new Set<string>();
  for (const f of frames) {
    const r = f.getBoundingClientRect?.();
    if (!r || r.width < MIN_FRAME_SIDE || r.height < MIN_FRAME_SIDE) continue;
    let where = f.getAttribute('src') ?? '';
    try {
      where = new URL(where, f.ownerDocument.baseURI).host || where;
    } catch {
      /* keep the attribute */
    }
    where = where.slice(0, 80);
    if (seen.has(where)) continue;
    seen.add(where);
    out.push({ title: `嵌入的其他网站页面 ${where}（未校验）`, reason: '跨域框架，扩展不能读取其内容 · cross-origin frame, not read' });
  }
  return out;
}

export async function checkDocumentSliced(root: Document | Element, opts: SlicedOptions = {}): Promise<CheckRun> {
  const budget = opts.budgetMs ?? 25;
  const now = opts.now ?? (() => performance.now());
  const yieldTo = opts.yieldTo ?? yieldToPage;
  let sliceStart = now();
  const pause = async () => {
    await yieldTo();
    if (opts.signal?.aborted) throw new Error('aborted');
    sliceStart = now();
  };
  const maybeYield = async () => {
    if (now() - sliceStart >= budget) await pause();
  };
  const progress = (stage: Stage, done: number, total: number) => opts.onProgress?.({ stage, done, total });

  const timed = <T>(step: string, fn: () => T): T => {
    const t0 = now();
    const out = fn();
    opts.onTiming?.(step, t0, now() - t0);
    return out;
  };
  /** Runs resumable steps with a pause for the page between them; `ms` counts the steps' work only. */
  const stepped = async <Y, T>(steps: Generator<Y, T, void>, atPause?: (y: Y) => void): Promise<{ value: T; start: number; ms: number }> => {
    const start = now();
    let ms = 0;
    for (;;) {
      const s0 = now();
      const r = steps.next();
      ms += now() - s0;
      if (r.done) return { value: r.value, start, ms };
      atPause?.(r.value);
      await maybeYield();
    }
  };

  // Extraction in steps too: one huge table must not freeze the page.
  // Progress in cells (walked, then read), reported at each yield to the page.
  // No computed-style visibility test (computedHidden) here: measured in Chromium it doubled
  // extraction (a style read for every Word paragraph, and it disables the textContent fast paths).
  const total = extractionWork(root);
  progress('extract', 0, total);
  const ex = await stepped(extractDocumentSteps(root, { unread: opts.unread }), (done) => {
    if (now() - sliceStart >= budget) progress('extract', Math.min(done, total), total);
  });
  const extracted = ex.value;
  opts.onTiming?.('extract', ex.start, ex.ms);
  await maybeYield();
  progress('recognize', 0, 1);
  // In steps as well: cold, recognising the first page's tables is tens of ms.
  const rec = await stepped(recognizeSteps(extracted));
  const disclosure = rec.value;
  opts.onTiming?.('recognize', rec.start, rec.ms);
  // 决算 or 预算 rules, as recognition found (a budget is never checked with 决算 rules).
  const rules = opts.rules ?? rulesFor(disclosure.info.kind, { insights: opts.insights });
  await maybeYield();
  const hasTables = Object.keys(disclosure.tables).length > 0;
  const findings: Finding[] = [];
  const results: RuleResult[] = [];
  const relations: Relation[] = [];
  let causes: CheckRun['causes'] = [];
  if (hasTables) {
    // What several rules share, built in steps here so that no rule carries it as one long step.
    // A failure is not cached: each rule that needs the analysis then meets the same error, reported
    // as its internal error — exactly as in checkDocument.
    progress('rules', 0, rules.length);
    for (const shared of opts.analyses ?? SHARED_ANALYSES) {
      try {
        const built = await stepped(shared.steps(disclosure));
        opts.onTiming?.(shared.id, built.start, built.ms);
      } catch (err) {
        if (opts.signal?.aborted) throw err;
      }
    }
    for (let i = 0; i < rules.length; i++) {
      progress('rules', i, rules.length);
      const r = timed(`rule:${rules[i].meta.id}`, () => runRules(disclosure, [rules[i]]));
      findings.push(...r.findings);
      results.push(...r.rules);
      for (const x of r.relations) relations.push(x);
      await maybeYield();
    }
    progress('rules', rules.length, rules.length);
    await maybeYield();
    // Root causes from the relations the rules declared (a step of its own).
    causes = timed('localize', () => localize(relations, findings, disclosure));
    // The report's extras, then (in the content script) the report and the marks, in a task of their own.
    await pause();
  }
  return {
    extracted,
    disclosure,
    findings,
    rules: results,
    sections: hasTables && REPORT_EXTRAS.sections ? REPORT_EXTRAS.sections(disclosure) : [],
    claims: hasTables && REPORT_EXTRAS.claims ? REPORT_EXTRAS.claims(disclosure) : null,
    relations,
    causes,
  };
}

/** Innermost section of depth ≤ 2 containing block `index` (narrative grouping in the popup). */
export function sectionOf(sections: readonly Section[], index: number): Section | null {
  let found: Section | null = null;
  let level: readonly Section[] = sections;
  for (;;) {
    const s = level.find((x) => x.start <= index && index < x.end);
    if (!s) return found;
    found = s;
    if (s.depth >= 2 || s.children.length === 0) return found;
    level = s.children;
  }
}

export function groupOf(f: Finding, d: Disclosure): FindingGroup {
  const cell = f.cells[0]?.cell;
  if (cell) {
    const t = d.tables[cell.table];
    return { kind: 'table', key: cell.table, title: t ? t.title || t.name : cell.table };
  }
  const span = f.spans[0];
  if (span) {
    const s = sectionOf(d.sections, span.paragraph.index);
    if (s) return { kind: 'section', key: s.id, title: s.title };
  }
  return { kind: 'document', key: '', title: '' };
}

/** Popup list entries, one per finding, in findings order (index = data-dc-finding). */
export function buildItems(run: CheckRun, rules: readonly Rule[] = ALL_RULES): FindingItem[] {
  const titles = new Map(rules.map((r) => [r.meta.id, r.meta.title] as const));
  return run.findings.map((f, index) => ({
    index,
    group: groupOf(f, run.disclosure),
    ruleTitle: titles.get(f.rule) ?? null,
    difference: difference(f.expected, f.actual),
    marked: f.cells.some((c) => !!c.cell.source?.el) || f.spans.some((s) => !!s.paragraph.el),
  }));
}
