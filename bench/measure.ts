/**
 * Timing harness shared by the Node and the in-Chromium runs (standard APIs only: performance.now,
 * performance.mark/measure). Floor and candidate runs are interleaved so both see the same machine load.
 */

export interface Series {
  /** Milliseconds per run (warm-up runs excluded). */
  samples: number[];
  /** Set when the function threw: measurement stopped. */
  error?: string;
}

export type Measured = Record<string, Series>;

export interface MeasureOptions {
  runs: number;
  warmup: number;
  /** Stop adding runs once this much time was spent (at least `minRuns` are kept). */
  budgetMs: number;
  minRuns: number;
  /**
   * A sample shorter than this is repeated (calibrated in the first warm-up round) and reported
   * per call, so coarse timers (Chromium clamps performance.now) still give usable figures.
   */
  minSampleMs?: number;
}

let sink = 0;

/** Time each named function once per round, interleaved, for `runs` rounds (after `warmup` rounds). */
export function measure(fns: Record<string, () => unknown>, opts: MeasureOptions): Measured {
  const out: Measured = {};
  const names = Object.keys(fns);
  for (const n of names) out[n] = { samples: [] };
  const reps: Record<string, number> = {};
  for (const n of names) reps[n] = 1;
  const start = performance.now();
  const rounds = Math.max(1, opts.warmup) + opts.runs;
  const warmup = rounds - opts.runs;
  for (let i = 0; i < rounds; i++) {
    for (const n of names) {
      const s = out[n];
      if (s.error) continue;
      const mark = `dc-bench:${n}:${i}`;
      const k = reps[n];
      const t0 = performance.now();
      try {
        performance.mark?.(`${mark}:start`);
        for (let j = 0; j < k; j++) {
          const r = fns[n]();
          sink ^= typeof r === 'number' ? r : r ? 1 : 0;
        }
        performance.mark?.(`${mark}:end`);
      } catch (e) {
        s.error = e instanceof Error ? `${e.name}: ${e.message}` : String(e);
        continue;
      }
      const dt = (performance.now() - t0) / k;
      if (i === 0 && opts.minSampleMs && dt < opts.minSampleMs) {
        reps[n] = Math.min(1000, Math.ceil(opts.minSampleMs / Math.max(dt, 0.005)));
      }
      if (i >= warmup) s.samples.push(dt);
      try {
        performance.measure?.(mark, `${mark}:start`, `${mark}:end`);
      } catch {
        // marks are informational (visible in a DevTools trace); timing above is what we report
      }
    }
    const kept = i + 1 - warmup;
    if (kept >= opts.minRuns && performance.now() - start > opts.budgetMs) break;
  }
  performance.clearMarks?.();
  performance.clearMeasures?.();
  return out;
}

/** Keeps the optimiser from discarding results. */
export function benchSink(): number {
  return sink;
}

export function median(xs: number[]): number {
  if (xs.length === 0) return Number.NaN;
  const s = [...xs].sort((a, b) => a - b);
  const m = s.length >> 1;
  return s.length % 2 ? s[m] : (s[m - 1] + s[m]) / 2;
}

/** Spread as [min, max]. */
export function spread(xs: number[]): [number, number] {
  if (xs.length === 0) return [Number.NaN, Number.NaN];
  return [Math.min(...xs), Math.max(...xs)];
}
