/**
 * Injected into the benchmark page in Chromium (bundled by esbuild as an IIFE). The core itself is
 * injected separately (window.__dcCore) so the floor can be measured even when the core is missing.
 */
import { countCells } from './floor';
import { benchFunctions, type CoreApi } from './cases';
import { measure, type MeasureOptions, type Measured } from './measure';

export interface PageRun {
  cells: number;
  measured: Measured;
  summary: string;
  coldMs: number;
}

function run(opts: MeasureOptions & { nonDisclosure: boolean }): PageRun {
  const core = ((globalThis as unknown as { __dcCore?: CoreApi }).__dcCore ?? {}) as CoreApi;
  const { fns, summary, coldMs } = benchFunctions(document, core);
  return { cells: countCells(document), measured: measure(fns, opts), summary, coldMs };
}

(globalThis as unknown as { __dcBench: unknown }).__dcBench = { run };
