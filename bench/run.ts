/**
 * `npm run bench` — speed of the core against the DOM floor measured in the same run (issue 6).
 *
 * For each page: median and spread over repeated runs of the full check (extract + recognise + all
 * rules) and of two floors (parsing excluded), and the ratios: "all cells" reads every table cell's
 * text once through a native table lookup (the stricter floor); "DOM walk + cells" is the issue's
 * wording taken literally — walk the whole DOM from script and read every cell's text once. For the non-disclosure page: looksLikeDisclosure against the floor of reading
 * each table's first rows. Both in Node (linkedom, as the CLI) and inside headless Chromium
 * (the core bundled by esbuild, timed with performance.now in the page).
 *
 * Then the built extension itself (bench/extension.ts): each disclosure page opened --loads times on a
 * *.gov.cn host, the content script's own performance measures read back (cold, per page load).
 *
 * Then the CLI batch row (bench/batch.ts): docs/s with 1 worker and all workers, peak memory streamed.
 * PDF rows (bench/pdf.ts): each PDF fixture's whole check vs pdf.js reading its text + operator lists.
 *
 * Options: --batch (only the batch row)  --batch-docs=N (60)  --pdf (only the PDF rows)  --pdf-runs=N (3)  --runs=N (30)  --warmup=N (5)  --cases=seed,x10,x100,nodisc  --node  --chromium  --extension
 *          --loads=N page loads per case for the extension (10; x100 is left out unless listed alone)
 *          --budget=SECONDS per case (60; at least 3 runs are kept)  --json=FILE
 * Missing modules are reported as "not available yet"; the floor is measured regardless.
 */
import { existsSync, readdirSync, readFileSync, statSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { gzipSync } from 'node:zlib';
import { cpus, loadavg } from 'node:os';
import { parseHTML } from 'linkedom';
import { benchPages, type BenchPage } from './pages';
import { countCells, FIRST_ROWS } from './floor';
import { benchFunctions } from './cases';
import { measure, median, spread, type Measured, type MeasureOptions, type Series } from './measure';
import { bundle, serve, firstLine, ROOT, CHROMIUM, CHROMIUM_ARGS, HARNESS_ENTRY, EXTRACT_ENTRY, CHECK_ENTRY, DETECT_ENTRY, FLOOR_ENTRY, type Bundle } from './tools';
import { extensionTable, runExtension, type ExtensionCase } from './extension';
import { batchBench, batchTable, type BatchBench } from './batch';

// ---------------------------------------------------------------------------------------------
// Options

const argv = process.argv.slice(2);
const opt = (name: string, dflt: string) => argv.find((a) => a.startsWith(`--${name}=`))?.split('=')[1] ?? dflt;
const flag = (name: string) => argv.includes(`--${name}`);
const RUNS = Math.max(1, Number(opt('runs', '30')));
const WARMUP = Math.max(0, Number(opt('warmup', '5')));
const BUDGET_MS = Math.max(1, Number(opt('budget', '60'))) * 1000;
const CASES = opt('cases', 'seed,x10,x100,nodisc').split(',');
const ONLY = flag('node') || flag('chromium') || flag('extension') || flag('batch') || flag('pdf');
const WANT_NODE = flag('node') || !ONLY;
const WANT_CHROMIUM = flag('chromium') || !ONLY;
const WANT_EXTENSION = flag('extension') || !ONLY;
/** The CLI batch row (issue 22): workers and streamed memory, in child processes. */
const WANT_BATCH = flag('batch') || !ONLY;
const WANT_PDF = flag('pdf') || !ONLY;
const PDF_RUNS = Math.max(1, Number(opt('pdf-runs', '3')));
const LOADS = Math.max(1, Number(opt('loads', '10')));
const JSON_OUT = opt('json', '');

const measureOpts: MeasureOptions = {
  runs: RUNS,
  warmup: WARMUP,
  budgetMs: BUDGET_MS,
  minRuns: Math.min(3, RUNS),
  minSampleMs: 5,
};

// ---------------------------------------------------------------------------------------------
// Loading the core (each part may not exist yet)

type CheckFn = (root: Document) => unknown;
type DetectFn = (root: Document) => unknown;

interface NodeCore {
  extractDocument: CheckFn | null;
  checkDocument: CheckFn | null;
  looksLikeDisclosure: DetectFn | null;
  notes: string[];
}


async function loadNodeCore(): Promise<NodeCore> {
  const notes: string[] = [];
  let checkDocument: CheckFn | null = null;
  let looksLikeDisclosure: DetectFn | null = null;
  let extractDocument: CheckFn | null = null;
  try {
    const m = await import(new URL('../lib/extract/index.ts', import.meta.url).href);
    extractDocument = m.extractDocument;
  } catch (e) {
    notes.push(`extractDocument (lib/extract): not available yet — ${firstLine(e)}`);
  }
  try {
    const m = await import(new URL('../lib/index.ts', import.meta.url).href);
    checkDocument = m.checkDocument;
  } catch (e) {
    notes.push(`checkDocument (lib/index.ts): not available yet — ${firstLine(e)}`);
  }
  try {
    const m = await import(new URL('../lib/recognize/index.ts', import.meta.url).href);
    if (typeof m.looksLikeDisclosure === 'function') looksLikeDisclosure = m.looksLikeDisclosure;
    else notes.push('looksLikeDisclosure (lib/recognize): not available yet — no such export');
  } catch (e) {
    notes.push(`looksLikeDisclosure (lib/recognize): not available yet — ${firstLine(e)}`);
  }
  return { extractDocument, checkDocument, looksLikeDisclosure, notes };
}

// ---------------------------------------------------------------------------------------------
// Results

interface CaseResult {
  env: 'node' | 'chromium';
  page: BenchPage;
  cells: number;
  measured: Measured;
  summary: string;
  /** The first checkDocument on the page (cold JIT, empty caches), ms. */
  coldMs: number;
}

interface Row {
  env: string;
  case: string;
  cells: number;
  what: string;
  cand: Series | undefined;
  floorName: string;
  floor: Series;
  target: number | null;
}

function rowsOf(r: CaseResult): Row[] {
  const base = { env: r.env, case: r.page.id, cells: r.cells };
  const rows: Row[] = [];
  const full = r.page.nonDisclosure ? 'full check (bail-out)' : 'full check';
  rows.push({ ...base, what: full, cand: r.measured.core, floorName: 'all cells', floor: r.measured.floor, target: r.page.id === 'seed' ? 3 : null });
  rows.push({ ...base, what: full, cand: r.measured.core, floorName: 'DOM walk + cells', floor: r.measured.domFloor, target: r.page.id === 'seed' ? 3 : null });
  rows.push({ ...base, what: '(ref: JS walk of all nodes)', cand: r.measured.walk, floorName: 'all cells', floor: r.measured.floor, target: null });
  rows.push({ ...base, what: '(ref: cells → decimal.js)', cand: r.measured.amounts, floorName: 'all cells', floor: r.measured.floor, target: null });
  rows.push({ ...base, what: '  of which extract', cand: r.measured.extract, floorName: 'all cells', floor: r.measured.floor, target: null });
  rows.push({
    ...base,
    what: 'looksLikeDisclosure',
    cand: r.measured.detect,
    floorName: `first ${FIRST_ROWS} rows`,
    floor: r.measured.firstRows,
    target: r.page.nonDisclosure ? 1.5 : null,
  });
  return rows;
}

const ms = (x: number) => (Number.isNaN(x) ? '—' : x >= 100 ? x.toFixed(0) : x >= 10 ? x.toFixed(1) : x.toFixed(2));
const fmtSeries = (s: Series | undefined) => {
  if (!s) return 'not available yet';
  if (s.error) return `threw: ${s.error.slice(0, 40)}`;
  const [lo, hi] = spread(s.samples);
  return `${ms(median(s.samples))} (${ms(lo)}–${ms(hi)}) n=${s.samples.length}`;
};

function ratioOf(row: Row): number {
  if (!row.cand || row.cand.error || row.cand.samples.length === 0) return Number.NaN;
  return median(row.cand.samples) / median(row.floor.samples);
}

/**
 * Noise-robust companions to the ratio of medians on a shared machine: the median of per-round
 * ratios (floor and candidate are timed back to back in each round) and the ratio of minima.
 */
function pairedRatio(row: Row): number {
  if (!row.cand || row.cand.error) return Number.NaN;
  const n = Math.min(row.cand.samples.length, row.floor.samples.length);
  const rs: number[] = [];
  for (let i = 0; i < n; i++) rs.push(row.cand.samples[i] / row.floor.samples[i]);
  return median(rs);
}

function minRatio(row: Row): number {
  if (!row.cand || row.cand.error || row.cand.samples.length === 0) return Number.NaN;
  return Math.min(...row.cand.samples) / Math.min(...row.floor.samples);
}

function pad(s: string, n: number): string {
  return s.length >= n ? s : s + ' '.repeat(n - s.length);
}

function printTable(rows: Row[]): string[] {
  const header = ['env', 'case', 'cells', 'measured', 'median ms (min–max)', 'floor', 'floor ms (min–max)', 'ratio', 'paired', 'min/min', 'target'];
  const body = rows.map((r) => {
    const ratio = ratioOf(r);
    const verdict = r.target === null || Number.isNaN(ratio) ? '' : ratio <= r.target ? ' ok' : ' MISSED';
    return [
      r.env,
      r.case,
      String(r.cells),
      r.what,
      fmtSeries(r.cand),
      r.floorName,
      fmtSeries(r.floor),
      Number.isNaN(ratio) ? '—' : `${ratio.toFixed(2)}×`,
      Number.isNaN(pairedRatio(r)) ? '—' : `${pairedRatio(r).toFixed(2)}×`,
      Number.isNaN(minRatio(r)) ? '—' : `${minRatio(r).toFixed(2)}×`,
      r.target === null ? '' : `≤ ${r.target}×${verdict}`,
    ];
  });
  const widths = header.map((h, i) => Math.max(h.length, ...body.map((b) => b[i].length)));
  const line = (cols: string[]) => `| ${cols.map((c, i) => pad(c, widths[i])).join(' | ')} |`;
  const out = [line(header), `|${widths.map((w) => '-'.repeat(w + 2)).join('|')}|`, ...body.map(line)];
  for (const l of out) console.log(l);
  return out;
}

function growth(results: CaseResult[]): string[] {
  const out: string[] = [];
  for (const env of ['node', 'chromium'] as const) {
    const series = ['seed', 'x10', 'x100']
      .map((id) => results.find((r) => r.env === env && r.page.id === id))
      .filter((r): r is CaseResult => !!r);
    if (series.length < 2) continue;
    const base = series[0];
    const per = (r: CaseResult, k: 'core' | 'floor') => {
      const s = r.measured[k];
      return s && !s.error && s.samples.length ? median(s.samples) / r.cells : Number.NaN;
    };
    const fmt = (k: 'core' | 'floor') =>
      series
        .map((r) => {
          const rel = per(r, k) / per(base, k);
          return `${r.page.id} ${Number.isNaN(rel) ? '—' : `${rel.toFixed(2)}`}`;
        })
        .join(' / ');
    const rel100 = per(series[series.length - 1], 'core') / per(base, 'core');
    const verdict = Number.isNaN(rel100) ? '' : rel100 <= 2 ? ' (linear: ok)' : ' (SUPERLINEAR)';
    out.push(`${env}: cost per cell relative to 1× — full check: ${fmt('core')}${verdict}; floor: ${fmt('floor')}`);
  }
  for (const l of out) console.log(l);
  return out;
}

// ---------------------------------------------------------------------------------------------
// Node

async function runNode(pages: BenchPage[], core: NodeCore): Promise<CaseResult[]> {
  const results: CaseResult[] = [];
  for (const page of pages) {
    const t0 = performance.now();
    const { document } = parseHTML(page.html) as unknown as { document: Document };
    const parseMs = performance.now() - t0;
    const cells = countCells(document);
    const { fns, summary, coldMs } = benchFunctions(document, core);
    const measured = measure(fns, measureOpts);
    console.log(
      `node     ${pad(page.id, 7)} ${(page.html.length / 1024).toFixed(0)} KiB, ${cells} cells, linkedom parse ${ms(parseMs)} ms (excluded) — ${summary}; first (cold) check ${ms(coldMs)} ms`,
    );
    results.push({ env: 'node', page, cells, measured, summary, coldMs });
  }
  return results;
}

// ---------------------------------------------------------------------------------------------
// Bundles (esbuild)

async function runChromium(pages: BenchPage[], harness: Bundle, cores: Bundle[]): Promise<CaseResult[]> {
  if (!existsSync(CHROMIUM)) {
    console.log(`chromium: ${CHROMIUM} not installed — Chromium part skipped`);
    return [];
  }
  if (!harness.code) {
    console.log(`chromium: harness bundle failed (${harness.error}) — Chromium part skipped`);
    return [];
  }
  let chromium;
  try {
    ({ chromium } = await import('playwright-core'));
  } catch (e) {
    console.log(`chromium: playwright-core not available (${firstLine(e)})`);
    return [];
  }
  const { server, base } = await serve(pages);
  const browser = await chromium.launch({ executablePath: CHROMIUM, headless: true, args: CHROMIUM_ARGS });
  const results: CaseResult[] = [];
  try {
    for (const page of pages) {
      const tab = await browser.newPage();
      try {
        const t0 = performance.now();
        await tab.goto(`${base}/${page.id}.html`, { waitUntil: 'load', timeout: 600_000 });
        const loadMs = performance.now() - t0;
        await tab.evaluate(harness.code);
        for (const c of cores) if (c.code) await tab.evaluate(c.code);
        const r = (await tab.evaluate(
          (o) =>
            (globalThis as unknown as { __dcBench: { run: (x: unknown) => unknown } }).__dcBench.run(o),
          { ...measureOpts, nonDisclosure: page.nonDisclosure },
        )) as { cells: number; measured: Measured; summary: string; coldMs: number };
        console.log(
          `chromium ${pad(page.id, 7)} ${r.cells} cells, load ${ms(loadMs)} ms (excluded) — ${r.summary}; first (cold) check ${ms(r.coldMs)} ms`,
        );
        results.push({ env: 'chromium', page, cells: r.cells, measured: r.measured, summary: r.summary, coldMs: r.coldMs });
      } catch (e) {
        console.log(`chromium ${pad(page.id, 7)} failed: ${firstLine(e)}`);
      } finally {
        await tab.close();
      }
    }
  } finally {
    await browser.close();
    server.close();
  }
  return results;
}

// ---------------------------------------------------------------------------------------------
// Sizes

function contentScriptSizes(): string[] {
  const dir = join(ROOT, '.output/chrome-mv3');
  if (!existsSync(dir)) return ['content script: .output/chrome-mv3 not built (npx wxt build) — size not reported'];
  const out: string[] = [];
  const walk = (d: string) => {
    for (const f of readdirSync(d)) {
      const p = join(d, f);
      if (statSync(p).isDirectory()) walk(p);
      else if (/content|checker/i.test(p) && p.endsWith('.js')) {
        const buf = readFileSync(p);
        const what = /checker/.test(p) ? 'checker (injected on demand)' : 'content script (every portal page)';
        out.push(`${what} ${p.slice(ROOT.length)}: ${(buf.length / 1024).toFixed(1)} KiB (${(gzipSync(buf).length / 1024).toFixed(1)} KiB gzip)`);
      }
    }
  };
  walk(dir);
  return out.length ? out : ['content script: no content-script JS found under .output/chrome-mv3'];
}

function bundleLine(name: string, b: Bundle): string {
  if (!b.code) return `${name}: not available yet (${b.error})`;
  const top = (b.inputs ?? [])
    .slice(0, 5)
    .map(([k, n]) => `${k} ${(n / 1024).toFixed(1)}`)
    .join(', ');
  return `${name}: ${(b.bytes / 1024).toFixed(1)} KiB minified, ${(b.gzip / 1024).toFixed(1)} KiB gzip — largest inputs (KiB): ${top}`;
}

// ---------------------------------------------------------------------------------------------

async function main() {
  console.log(
    `Disclosure Checker bench — ${cpus()[0]?.model ?? 'cpu'} ×${cpus().length}, Node ${process.version}, ` +
      `${RUNS} runs (+${WARMUP} warm-up), budget ${BUDGET_MS / 1000}s/case; times in ms, parse/load excluded; ` +
      `load average ${loadavg().map((x) => x.toFixed(1)).join(' ')}`,
  );
  console.log(
    'ratio = median(measured) / median(floor); paired = median of per-round ratios; min/min = best runs (least disturbed by other load)',
  );
  const pages = benchPages(CASES);
  const results: CaseResult[] = [];
  const notes: string[] = [];

  if (WANT_NODE) {
    const core = await loadNodeCore();
    for (const n of core.notes) console.log(`node: ${n}`);
    notes.push(...core.notes.map((n) => `node: ${n}`));
    results.push(...(await runNode(pages, core)));
  }

  if (WANT_PDF) {
    // Issue 17: the PDF fixtures' whole check against pdf.js reading the same files.
    const { runPdfBench } = await import('./pdf');
    for (const l of await runPdfBench(join(ROOT, '..', 'shared', 'fixtures'), PDF_RUNS)) console.log(l);
  }

  const [harness, extract, check, detect] = await Promise.all([
    bundle(HARNESS_ENTRY),
    bundle(EXTRACT_ENTRY),
    bundle(CHECK_ENTRY),
    bundle(DETECT_ENTRY),
  ]);
  if (WANT_CHROMIUM) {
    if (!extract.code) console.log(`chromium: extractDocument bundle not available yet (${extract.error})`);
    if (!check.code) console.log(`chromium: checkDocument bundle not available yet (${check.error})`);
    if (!detect.code) console.log(`chromium: looksLikeDisclosure bundle not available yet (${detect.error})`);
    results.push(...(await runChromium(pages, harness, [extract, check, detect])));
  }

  let extCases: ExtensionCase[] = [];
  if (WANT_EXTENSION) {
    // Seconds per cold load at ×100: only when asked for alone.
    const extPages = CASES.length === 1 ? pages : pages.filter((p) => p.id !== 'x100');
    const floor = await bundle(FLOOR_ENTRY);
    if (!floor.code) console.log(`extension: floor bundle failed (${floor.error})`);
    else {
      try {
        const r = await runExtension(extPages, LOADS, floor.code);
        if (r.note) console.log(`extension: skipped — ${r.note}`);
        extCases = r.cases;
      } catch (e) {
        console.log(`extension: failed — ${firstLine(e)}`);
      }
    }
  }

  console.log('');
  const rows = results.flatMap(rowsOf);
  const table = printTable(rows);
  let extLines: string[] = [];
  if (extCases.length) {
    console.log('');
    console.log(
      `The built extension (.output/chrome-mv3) on a *.gov.cn page, content-script measures, ${LOADS} page loads each (every load is a cold first run):`,
    );
    extLines = extensionTable(extCases);
    for (const l of extLines) console.log(l);
  }
  console.log(`load average at the end: ${loadavg().map((x) => x.toFixed(1)).join(' ')}`);
  console.log('');
  const grow = growth(results);
  const sizes = [bundleLine('core bundle (checkDocument, esbuild)', check), bundleLine('detector bundle (looksLikeDisclosure)', detect), ...contentScriptSizes()];
  for (const s of sizes) console.log(s);

  let batch: BatchBench | null = null;
  if (WANT_BATCH) {
    batch = batchBench(Math.max(2, Number(opt('batch-docs', '60'))));
    console.log(batchTable(batch));
  }

  if (JSON_OUT) {
    writeFileSync(
      JSON_OUT,
      JSON.stringify(
        {
          date: new Date().toISOString(),
          machine: `${cpus()[0]?.model} ×${cpus().length}`,
          node: process.version,
          rows: rows.map((r) => ({ ...r, ratio: ratioOf(r), paired: pairedRatio(r), minRatio: minRatio(r), candMedian: r.cand ? median(r.cand.samples) : null, floorMedian: median(r.floor.samples) })),
          extension: extLines,
          coldChecks: results.map((r) => ({ env: r.env, case: r.page.id, coldMs: r.coldMs })),
          growth: grow,
          sizes,
          batch,
          notes,
          table,
        },
        null,
        2,
      ),
    );
  }
}

main().catch((e) => {
  console.error(e);
  process.exitCode = 1;
});
