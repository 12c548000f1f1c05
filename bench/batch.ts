/**
 * Batch row of `npm run bench` (issue 22): the command line over a folder, in child processes.
 *   1. documents per second with 1 worker and with all workers, same inputs, same run
 *      (N copies of a real disclosure page, --format ndjson to a file);
 *   2. peak memory (maxRSS of the whole process, workers included) for 2,000 documents streamed
 *      vs 200 (a mix: one real disclosure page in ten, the rest a short news page).
 * Standalone: npx tsx bench/batch.ts [--docs=N]  (N for the throughput part, default 60)
 */
import { execFileSync } from 'node:child_process';
import { copyFileSync, mkdirSync, mkdtempSync, rmSync } from 'node:fs';
import { availableParallelism, loadavg, tmpdir } from 'node:os';
import path from 'node:path';
import { fileURLToPath, pathToFileURL } from 'node:url';

const ROOT = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..');
const DISCLOSURE = path.join(ROOT, 'tests/fixtures/batch/shanghai/putuo-clean.html');
const NEWS = path.join(ROOT, 'tests/fixtures/batch/news-article.html');
const TSX = pathToFileURL(path.join(ROOT, 'node_modules/tsx/dist/loader.mjs')).href;
const CHILD = path.join(ROOT, 'bench/batch-child.ts');

export interface BatchBench {
  cores: number;
  docs: number;
  oneWorker: Run & { perSecond: number };
  allWorkers: Run & { jobs: number; perSecond: number };
  speedup: number;
  /** Cores kept busy (all threads' CPU / wall) with 1 worker and with all: V8's GC and compiler threads make one worker use more than one core. */
  coresBusy: [number, number];
  memory: { docs: number; peakMb: number }[];
  flatWithin: number;
  load: number;
}

function folder(dir: string, n: number, disclosureEvery: number): string {
  mkdirSync(dir, { recursive: true });
  for (let i = 0; i < n; i++) copyFileSync(i % disclosureEvery === 0 ? DISCLOSURE : NEWS, path.join(dir, `p${String(i).padStart(5, '0')}.html`));
  return dir;
}

interface Run {
  seconds: number;
  peakMb: number;
  /** CPU seconds of the whole process (all threads) and the main thread's busy seconds. */
  cpuSeconds: number;
  mainBusySeconds: number;
  /** CPU seconds of the main thread alone (Linux), null where it cannot be read. */
  mainCpuSeconds: number | null;
}

/** Runs the CLI in a fresh process; returns its wall time, peak RSS, CPU and main-thread busy time. */
function run(args: string[]): Run {
  const out = execFileSync(process.execPath, ['--import', TSX, CHILD, ...args], { cwd: ROOT, encoding: 'utf8', maxBuffer: 1 << 20 });
  const m = JSON.parse(out.trim().split('\n').pop()!) as { seconds: number; maxRssKb: number; code: number; cpuSeconds: number; mainBusySeconds: number; mainCpuSeconds: number | null };
  if (m.code !== 0) throw new Error(`exit ${m.code}`);
  return { seconds: m.seconds, peakMb: m.maxRssKb / 1024, cpuSeconds: m.cpuSeconds, mainBusySeconds: m.mainBusySeconds, mainCpuSeconds: m.mainCpuSeconds };
}


export function batchBench(docs = 60): BatchBench {
  const tmp = mkdtempSync(path.join(tmpdir(), 'dc-bench-batch-'));
  const cores = availableParallelism();
  const load = loadavg()[0];
  try {
    const same = folder(path.join(tmp, 'same'), docs, 1);
    const out = path.join(tmp, 'out.ndjson');
    const base = ['--format', 'ndjson', '-q', '--out', out];
    const one = run([...base, '--jobs', '1', same]);
    const all = run([...base, '--jobs', String(cores), same]);
    const memory = [200, 2000].map((n) => {
      const dir = folder(path.join(tmp, `mix${n}`), n, 10);
      return { docs: n, peakMb: run([...base, '--jobs', String(cores), dir]).peakMb };
    });
    return {
      cores,
      docs,
      oneWorker: { ...one, perSecond: docs / one.seconds },
      allWorkers: { ...all, jobs: cores, perSecond: docs / all.seconds },
      speedup: one.seconds / all.seconds,
      coresBusy: [one.cpuSeconds / one.seconds, all.cpuSeconds / all.seconds],
      memory,
      flatWithin: memory[1].peakMb / memory[0].peakMb - 1,
      load,
    };
  } finally {
    rmSync(tmp, { recursive: true, force: true });
  }
}

const ms = (s: number) => (s * 1000).toFixed(0);

export function batchTable(b: BatchBench): string {
  return [
    `Batch (CLI, child processes; ${b.cores} cores, load average ${b.load.toFixed(1)} at start — the machine is shared):`,
    `  ${b.docs} × putuo-clean.html  1 worker: ${b.oneWorker.perSecond.toFixed(2)} docs/s (${b.oneWorker.seconds.toFixed(1)} s)` +
      `  ·  ${b.allWorkers.jobs} workers: ${b.allWorkers.perSecond.toFixed(2)} docs/s (${b.allWorkers.seconds.toFixed(1)} s)  ·  ×${b.speedup.toFixed(2)} (target ≥ 1.7 on two cores)`,
    `  per document: CPU ${ms(b.oneWorker.cpuSeconds / b.docs)} / ${ms(b.allWorkers.cpuSeconds / b.docs)} ms (1 / ${b.allWorkers.jobs} workers, all threads)` +
      `  ·  main thread busy ${ms(b.oneWorker.mainBusySeconds / b.docs)} / ${ms(b.allWorkers.mainBusySeconds / b.docs)} ms` +
      (b.allWorkers.mainCpuSeconds === null ? '' : `, its CPU ${ms(b.oneWorker.mainCpuSeconds! / b.docs)} / ${ms(b.allWorkers.mainCpuSeconds / b.docs)} ms`),
    `  cores kept busy: ${b.coresBusy[0].toFixed(2)} with 1 worker (its thread + V8's GC and compiler threads) · ${b.coresBusy[1].toFixed(2)} with ${b.allWorkers.jobs}` +
      `  →  ceiling on ${b.cores} cores ×${(b.cores / b.coresBusy[0]).toFixed(2)}, less the CPU per document that sharing the cores adds`,
    `  peak RSS streamed (ndjson, 1 in 10 a disclosure): ${b.memory.map((m) => `${m.docs} docs ${m.peakMb.toFixed(0)} MB`).join(' · ')}  ·  ${(b.flatWithin * 100).toFixed(0)}% (target within 20%)`,
  ].join('\n');
}

if (process.argv[1] && fileURLToPath(import.meta.url) === path.resolve(process.argv[1])) {
  const docs = Number(process.argv.find((a) => a.startsWith('--docs='))?.split('=')[1] ?? 60);
  console.log(batchTable(batchBench(docs)));
}
