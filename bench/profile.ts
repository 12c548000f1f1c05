/**
 * CPU profile of one core function on one bench page, to find why a target is missed.
 *
 *   npx tsx bench/profile.ts --env=chromium --case=seed --fn=check --runs=20
 *
 * --env=node|chromium  --case=seed|x10|x100|nodisc  --fn=check|extract|detect  --runs=N
 * --cold (Chromium): no warm-up call before profiling — use with --runs=1 to see first-run costs
 * Prints the top functions by self time (file:line) and writes the .cpuprofile (open it in
 * Chrome DevTools → Performance) to --out (default /tmp/dc-<env>-<case>-<fn>.cpuprofile).
 * The Chromium bundle is not minified so function names survive.
 */
import { writeFileSync } from 'node:fs';
import { Session } from 'node:inspector/promises';
import { parseHTML } from 'linkedom';
import { benchPages } from './pages';
import { bundle, serve, CHROMIUM, CHROMIUM_ARGS, CHECK_ENTRY, DETECT_ENTRY, EXTRACT_ENTRY } from './tools';

const argv = process.argv.slice(2);
const opt = (name: string, dflt: string) => argv.find((a) => a.startsWith(`--${name}=`))?.split('=')[1] ?? dflt;
const ENV = opt('env', 'node');
const CASE = opt('case', 'seed');
const FN = opt('fn', 'check');
const RUNS = Number(opt('runs', '20'));
/** --cold: profile the first call on a fresh page (no warm-up): what a reader waits for. */
const COLD = argv.includes('--cold');
const OUT = opt('out', `/tmp/dc-${ENV}-${CASE}-${FN}.cpuprofile`);

interface ProfileNode {
  id: number;
  callFrame: { functionName: string; url: string; lineNumber: number; columnNumber: number };
  hitCount?: number;
  children?: number[];
}
interface Profile {
  nodes: ProfileNode[];
  samples?: number[];
  timeDeltas?: number[];
  startTime: number;
  endTime: number;
}

/** Bundle line → source module, from esbuild's `// lib/x/y.ts` boundary comments (unminified bundles). */
let moduleOfLine: (line: number) => string = () => '';
function indexModules(code: string): void {
  const starts: [number, string][] = [];
  code.split('\n').forEach((l, i) => {
    const m = /^\s*\/\/ ((?:lib|bench|node_modules)\/\S+)$/.exec(l);
    if (m) starts.push([i, m[1]]);
  });
  moduleOfLine = (line) => {
    let lo = 0;
    let hi = starts.length - 1;
    let best = '';
    while (lo <= hi) {
      const mid = (lo + hi) >> 1;
      if (starts[mid][0] <= line) {
        best = starts[mid][1];
        lo = mid + 1;
      } else hi = mid - 1;
    }
    return best;
  };
}

/** Sampling interval (µs) set below, and the most one sample may account for. */
const SAMPLING_INTERVAL_US = 100;
const MAX_SAMPLE_GAP_US = 4 * SAMPLING_INTERVAL_US;

function report(profile: Profile): void {
  const byNode = new Map<number, number>();
  const samples = profile.samples ?? [];
  const deltas = profile.timeDeltas ?? [];
  // Samples taken while the inspector serialises the profile (Profiler.stop) are not the core's.
  const up = new Map<number, number>();
  for (const n of profile.nodes) for (const c of n.children ?? []) up.set(c, n.id);
  const frames = new Map(profile.nodes.map((n) => [n.id, n]));
  const isInspector = (id: number) => {
    for (let c: number | undefined = id; c !== undefined; c = up.get(c)) if (frames.get(c)!.callFrame.url.startsWith('node:inspector')) return true;
    return false;
  };
  let total = 0;
  for (let i = 0; i < samples.length; i++) {
    if (isInspector(samples[i])) continue;
    // A gap far over the sampling interval is the process descheduled by other load, not time
    // spent in whatever function happened to be sampled next (one such gap put 452 ms on a filter
    // callback): capped at 4 intervals.
    const dt = Math.min(deltas[i] ?? 0, MAX_SAMPLE_GAP_US);
    byNode.set(samples[i], (byNode.get(samples[i]) ?? 0) + dt);
    total += dt;
  }
  const byFrame = new Map<string, number>();
  for (const n of profile.nodes) {
    const t = byNode.get(n.id) ?? 0;
    if (!t) continue;
    const f = n.callFrame;
    const mod = f.lineNumber >= 0 && (f.url === '' || f.url.includes('dc-prof')) ? moduleOfLine(f.lineNumber) : '';
    const where = mod ? `${mod} (bundle line ${f.lineNumber + 1})` : f.url ? `${f.url.replace(/^.*\/(lib|bench|node_modules)\//, '$1/')}:${f.lineNumber + 1}` : '';
    const key = `${f.functionName || '(anonymous)'} ${where}`;
    byFrame.set(key, (byFrame.get(key) ?? 0) + t);
  }
  // Self time per source module (lib/<module>), the figure to hand to the module's owner.
  const byModule = new Map<string, number>();
  for (const n of profile.nodes) {
    const t = byNode.get(n.id) ?? 0;
    if (!t) continue;
    const f = n.callFrame;
    const mod = f.lineNumber >= 0 && (f.url === '' || f.url.includes('dc-prof')) ? moduleOfLine(f.lineNumber) : '';
    const key = mod
      ? mod.replace(/^(lib\/[^/]+)\/.*$/, '$1').replace(/^node_modules\/((?:@[^/]+\/)?[^/]+).*$/, '$1')
      : f.url.includes('node_modules/')
        ? f.url.replace(/^.*node_modules\/((?:@[^/]+\/)?[^/]+).*$/, '$1')
        : f.functionName.startsWith('(')
          ? f.functionName
          : 'native/other';
    byModule.set(key, (byModule.get(key) ?? 0) + t);
  }
  // Time attributed to the nearest lib/ module on the stack (decimal.js, DOM and GC-free native
  // frames are charged to the lib/ code that called them).
  const parent = new Map<number, number>();
  for (const n of profile.nodes) for (const c of n.children ?? []) parent.set(c, n.id);
  const nodeById = new Map(profile.nodes.map((n) => [n.id, n]));
  const libOf = (id: number): string => {
    for (let cur: number | undefined = id; cur !== undefined; cur = parent.get(cur)) {
      const f = nodeById.get(cur)!.callFrame;
      const mod = f.lineNumber >= 0 && (f.url === '' || f.url.includes('dc-prof')) ? moduleOfLine(f.lineNumber) : '';
      if (mod.startsWith('lib/')) return mod.replace(/^(lib\/[^/]+)\/.*$/, '$1');
    }
    return nodeById.get(id)!.callFrame.functionName || '(other)';
  };
  const charged = new Map<string, number>();
  for (const [id, t] of byNode) charged.set(libOf(id), (charged.get(libOf(id)) ?? 0) + t);
  console.log(`time charged to the calling lib/ module (per run):`);
  for (const [k, t] of [...charged.entries()].sort((a, b) => b[1] - a[1]).slice(0, 12)) {
    console.log(`${((100 * t) / total).toFixed(1).padStart(5)}%  ${(t / 1000 / RUNS).toFixed(2).padStart(8)} ms/run  ${k}`);
  }
  console.log(`self time by module (per run: total / ${RUNS}):`);
  for (const [k, t] of [...byModule.entries()].sort((a, b) => b[1] - a[1]).slice(0, 15)) {
    console.log(`${((100 * t) / total).toFixed(1).padStart(5)}%  ${(t / 1000 / RUNS).toFixed(2).padStart(8)} ms/run  ${k}`);
  }
  const top = [...byFrame.entries()].sort((a, b) => b[1] - a[1]).slice(0, 30);
  console.log(`total ${(total / 1000).toFixed(0)} ms sampled; top self time:`);
  for (const [k, t] of top) console.log(`${((100 * t) / total).toFixed(1).padStart(5)}%  ${(t / 1000).toFixed(1).padStart(8)} ms  ${k}`);
}

async function node(html: string): Promise<Profile> {
  const { document } = parseHTML(html) as unknown as { document: Document };
  // Profile an unminified esbuild bundle so every frame maps to its source module.
  const entry = FN === 'extract' ? EXTRACT_ENTRY : FN === 'detect' ? DETECT_ENTRY : CHECK_ENTRY;
  const b = await bundle(entry, false);
  if (!b.code) throw new Error(`bundle failed: ${b.error}`);
  indexModules(b.code);
  const file = `/tmp/dc-prof-${process.pid}.cjs`;
  writeFileSync(file, b.code);
  const g = globalThis as unknown as { __dcCore?: Record<string, (d: Document) => unknown> };
  await import(file);
  const name = FN === 'extract' ? 'extractDocument' : FN === 'detect' ? 'looksLikeDisclosure' : 'checkDocument';
  const mod = g.__dcCore![name];
  mod(document); // warm-up
  const session = new Session();
  session.connect();
  await session.post('Profiler.enable');
  await session.post('Profiler.setSamplingInterval', { interval: SAMPLING_INTERVAL_US });
  await session.post('Profiler.start');
  for (let i = 0; i < RUNS; i++) mod(document);
  const { profile } = (await session.post('Profiler.stop')) as unknown as { profile: Profile };
  session.disconnect();
  return profile;
}

async function chromiumProfile(html: string): Promise<Profile> {
  const { chromium } = await import('playwright-core');
  const entry = FN === 'extract' ? EXTRACT_ENTRY : FN === 'detect' ? DETECT_ENTRY : CHECK_ENTRY;
  const b = await bundle(entry, false);
  if (!b.code) throw new Error(`bundle failed: ${b.error}`);
  const page = benchPages([CASE])[0];
  const { server, base } = await serve([{ ...page, html }]);
  const browser = await chromium.launch({ executablePath: CHROMIUM, headless: true, args: CHROMIUM_ARGS });
  try {
    const tab = await browser.newPage();
    await tab.goto(`${base}/${page.id}.html`, { waitUntil: 'load', timeout: 600_000 });
    await tab.evaluate(b.code);
    indexModules(b.code);
    const name = FN === 'extract' ? 'extractDocument' : FN === 'detect' ? 'looksLikeDisclosure' : 'checkDocument';
    const call = (n: number) =>
      tab.evaluate(
        ([fn, k]) => {
          const f = (globalThis as unknown as { __dcCore: Record<string, (d: Document) => unknown> }).__dcCore[fn as string];
          for (let i = 0; i < (k as number); i++) f(document);
        },
        [name, n],
      );
    if (!COLD) await call(1);
    const cdp = await tab.context().newCDPSession(tab);
    await cdp.send('Profiler.enable');
    await cdp.send('Profiler.setSamplingInterval', { interval: SAMPLING_INTERVAL_US });
    await cdp.send('Profiler.start');
    await call(RUNS);
    const { profile } = await cdp.send('Profiler.stop');
    return profile as unknown as Profile;
  } finally {
    await browser.close();
    server.close();
  }
}

async function main() {
  const page = benchPages([CASE])[0];
  if (!page) throw new Error(`unknown case ${CASE}`);
  const profile = ENV === 'chromium' ? await chromiumProfile(page.html) : await node(page.html);
  writeFileSync(OUT, JSON.stringify(profile));
  console.log(`${ENV} ${CASE} ${FN} ×${RUNS} → ${OUT}`);
  report(profile);
}

main().catch((e) => {
  console.error(e);
  process.exitCode = 1;
});
