/**
 * The built extension on a portal page, as a reader gets it: headless Chromium loads
 * .output/chrome-mv3, each bench page is opened on a *.gov.cn host name (mapped to 127.0.0.1), the
 * content script detects (and checks) it on its own, and its performance measures (dc:detect,
 * dc:check, dc:load, dc:extract, dc:recognize, dc:report, dc:marks) are read back from the page.
 * A DevTools trace of each load gives what no measure inside a script can: the main-thread time
 * to compile and run each extension script's top level (the content script on every portal page,
 * the checker where it is injected). Every page load is a first run (fresh script context:
 * unoptimised code, empty caches), so these are cold figures, unlike the warmed-up medians of the
 * injected core. The floor is then timed in the same page.
 */
import { existsSync, mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { BenchPage } from './pages';
import { median } from './measure';
import { CHROMIUM, firstLine, ROOT, serve } from './tools';
import { chromiumArgs } from '../tests/e2e/harness';
import { TIMINGS_KEY } from '../lib/ext/timings';

/** DC_EXTENSION_BUILD=<dir> measures another build (e.g. an older commit's) with the same bench. */
export const EXTENSION_BUILD = process.env.DC_EXTENSION_BUILD ?? join(ROOT, '.output/chrome-mv3');
const HOST = 'www.lukou.gov.cn';
/** Read from the trace (longestTaskDuringCheck), printed with the measures. */
const LONGEST_TASK = 'longest task, check → marks shown';
const STEPS = ['script:content.js', 'dc:settle', 'dc:detect', 'script:checker.js', 'dc:load', 'dc:check', 'dc:extract', 'dc:recognize', 'dc:claims', 'dc:report', 'dc:marks', LONGEST_TASK] as const;
/** Extension scripts whose evaluation (compile + top level) is read from the trace. */
const SCRIPTS = ['content-scripts/content.js', 'checker.js'];

interface TraceEvent {
  name: string;
  dur?: number;
  ts?: number;
  ph?: string;
  pid?: number;
  tid?: number;
  args?: { data?: { url?: string } };
}

const TASK_NAMES = new Set(['ThreadControllerImpl::RunTask', 'RunTask']); // current name, older one
const FRAME_AFTER_MARKS_US = 250_000;

/**
 * The longest main-thread task of the page from the start of the check until its marks are on
 * screen (`dc:check:start` → the end of `dc:marks` + 250 ms, which takes in the frame that restyles
 * and paints them; `dc:check:end` when nothing was marked; the content script's user timing, in the
 * trace), in ms: what a reader feels as a freeze. Tasks are the scheduler's `RunTask`s on the thread
 * that made the marks; a task overlapping either end counts whole. The bench pages are static after
 * load, so what else runs then is the browser's own work. Undefined when the trace has no check or
 * no task in it.
 */
export function longestTaskDuringCheck(events: TraceEvent[]): number | undefined {
  const start = events.find((e) => e.name === 'dc:check:start' && e.ts !== undefined);
  const checkEnd = events.find((e) => e.name === 'dc:check:end' && e.ts !== undefined);
  if (!start || !checkEnd) return undefined;
  const marksEnd = events.find((e) => e.name === 'dc:marks' && e.ph === 'e' && e.ts !== undefined);
  const from = start.ts!;
  const to = marksEnd ? Math.max(checkEnd.ts!, marksEnd.ts! + FRAME_AFTER_MARKS_US) : checkEnd.ts!;
  let longest: number | undefined;
  for (const e of events) {
    if (!TASK_NAMES.has(e.name) || e.pid !== start.pid || e.tid !== start.tid || !e.dur || e.ts === undefined) continue;
    if (e.ts + e.dur < from || e.ts > to) continue;
    longest = Math.max(longest ?? 0, e.dur / 1000);
  }
  // No task at all means the trace lost them (renamed event or category), not a free check.
  return longest;
}

/** Main-thread ms of EvaluateScript per extension script (compile + top-level run), from a trace. */
export function scriptTimes(events: TraceEvent[]): Record<string, number> {
  const out: Record<string, number> = {};
  for (const e of events) {
    const url = e.args?.data?.url;
    if (e.name !== 'EvaluateScript' || !e.dur || !url?.startsWith('chrome-extension://')) continue;
    const file = SCRIPTS.find((f) => url.endsWith(`/${f}`));
    if (!file) continue;
    const key = `script:${file.slice(file.lastIndexOf('/') + 1)}`;
    out[key] = (out[key] ?? 0) + e.dur / 1000;
  }
  return out;
}

export interface ExtensionCase {
  page: BenchPage;
  /** Per page load: measure name → ms; `floor` is the median of 5 floor runs in that page. */
  loads: Record<string, number>[];
  error?: string;
}

/** Measures each page `loads` times with the real extension; [] with a reason when it cannot. */
export async function runExtension(
  pages: BenchPage[],
  loads: number,
  /** Script defining globalThis.__dcFloor (FLOOR_ENTRY bundled). */
  floorCode: string,
): Promise<{ cases: ExtensionCase[]; note?: string }> {
  if (!existsSync(CHROMIUM)) return { cases: [], note: `${CHROMIUM} not installed` };
  if (!existsSync(join(EXTENSION_BUILD, 'manifest.json'))) return { cases: [], note: 'extension not built (npm run build)' };
  const { chromium } = await import('playwright-core');
  const { server, base } = await serve(pages);
  const port = new URL(base).port;
  const profile = mkdtempSync(join(tmpdir(), 'dc-bench-ext-'));
  // Launched as the e2e suite launches it (same flags; Playwright's own --disable-extensions dropped).
  const ctx = await chromium.launchPersistentContext(profile, {
    executablePath: CHROMIUM,
    headless: true,
    args: chromiumArgs(EXTENSION_BUILD),
    ignoreDefaultArgs: ['--disable-extensions'],
  });
  const cases: ExtensionCase[] = [];
  try {
    // The content script's dc:* marks are a debug setting, off in what ships (lib/ext/timings).
    const sw = ctx.serviceWorkers()[0] ?? (await ctx.waitForEvent('serviceworker'));
    await sw.evaluate((key) => (globalThis as unknown as { chrome: { storage: { local: { set(v: object): Promise<void> } } } }).chrome.storage.local.set({ [key]: true }), TIMINGS_KEY);
    for (const page of pages) {
      const c: ExtensionCase = { page, loads: [] };
      cases.push(c);
      for (let i = 0; i < loads; i++) {
        const tab = await ctx.newPage();
        try {
          const cdp = await ctx.newCDPSession(tab);
          const events: TraceEvent[] = [];
          cdp.on('Tracing.dataCollected', (d) => events.push(...(d.value as unknown as TraceEvent[])));
          const traced = new Promise<void>((r) => cdp.once('Tracing.tracingComplete', () => r()));
          // toplevel: the scheduler's tasks; blink.user_timing: the content script's marks.
          await cdp.send('Tracing.start', { categories: 'devtools.timeline,toplevel,blink.user_timing', transferMode: 'ReportEvents' });
          await tab.goto(`http://${HOST}:${port}/${page.id}.html`, { waitUntil: 'load', timeout: 600_000 });
          // Done when detection said no, or the report is built and, if there is anything to mark,
          // the marks are applied.
          await tab.waitForFunction(
            (nonDisclosure) =>
              // (a build without the dc:detect measure: 5 s after navigation)
              (nonDisclosure && (performance.getEntriesByName('dc:detect').length > 0 || performance.now() > 5000)) ||
              performance.getEntriesByName('dc:marks').length > 0 ||
              (performance.getEntriesByName('dc:report').length > 0 && !document.querySelector('[data-dc-finding]')),
            !!page.nonDisclosure,
            { timeout: 600_000, polling: 50 },
          );
          await tab.waitForTimeout(300); // the frame that shows the marks (see longestTaskDuringCheck)
          await cdp.send('Tracing.end');
          await traced;
          await tab.evaluate(floorCode); // defines globalThis.__dcFloor
          const got = (await tab.evaluate(
            ([names, firstRows]) => {
              const out: Record<string, number> = {};
              for (const n of names as string[]) {
                const e = performance.getEntriesByName(n, 'measure')[0];
                if (e) out[n] = e.duration;
              }
              // Detection's floor on a page that is not a disclosure: reading its tables' first rows.
              const g = globalThis as unknown as { __dcFloor: (d: Document) => number; __dcFloorFirstRows: (d: Document) => number };
              const floor = firstRows ? g.__dcFloorFirstRows : g.__dcFloor;
              const ts: number[] = [];
              for (let k = 0; k < 5; k++) {
                const t0 = performance.now();
                floor(document);
                ts.push(performance.now() - t0);
              }
              ts.sort((a, b) => a - b);
              out.floor = ts[2];
              return out;
            },
            [STEPS as unknown as string[], !!page.nonDisclosure] as const,
          )) as Record<string, number>;
          const longest = longestTaskDuringCheck(events);
          c.loads.push({ ...got, ...scriptTimes(events), ...(longest === undefined ? {} : { [LONGEST_TASK]: longest }) });
        } catch (e) {
          c.error = firstLine(e);
          break;
        } finally {
          await tab.close();
        }
      }
    }
  } finally {
    await ctx.close();
    server.close();
    rmSync(profile, { recursive: true, force: true });
  }
  return { cases };
}

const fmt = (x: number) => (Number.isNaN(x) ? '—' : x >= 100 ? x.toFixed(0) : x >= 10 ? x.toFixed(1) : x.toFixed(2));

/**
 * Table lines: per case and measure, median (min–max) over page loads and the ratio to the floor
 * (all cells; first 3 rows of each table on a page that is not a disclosure).
 */
export function extensionTable(cases: ExtensionCase[]): string[] {
  const out = ['| case | page loads | measure | median ms (min–max) | floor ms | ratio to floor |', '|---|---|---|---|---|---|'];
  for (const c of cases) {
    if (c.error && c.loads.length === 0) {
      out.push(`| ${c.page.id} | 0 | failed: ${c.error} | | | |`);
      continue;
    }
    const floor = median(c.loads.map((l) => l.floor));
    for (const step of STEPS) {
      const xs = c.loads.map((l) => l[step]).filter((x): x is number => typeof x === 'number');
      if (xs.length === 0) continue;
      const m = median(xs);
      out.push(
        `| ${c.page.id} | ${xs.length} | ${step} | ${fmt(m)} (${fmt(Math.min(...xs))}–${fmt(Math.max(...xs))}) | ${fmt(floor)} | ${(m / floor).toFixed(1)}× |`,
      );
    }
  }
  return out;
}
