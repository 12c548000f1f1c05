/**
 * Injected into the benchmark page in Chromium (bundled by esbuild as an IIFE). The core itself is
 * injected separately (window.__dcCore) so the floor can be measured even when the core is missing.
 */
import { countCells, floorAllCells, floorFirstRows, FIRST_ROWS, jsWalk } from './floor';
import { measure, type MeasureOptions, type Measured } from './measure';

interface CoreApi {
  extractDocument?: (root: Document) => unknown;
  checkDocument?: (root: Document) => unknown;
  looksLikeDisclosure?: (root: Document) => unknown;
}

export interface PageRun {
  cells: number;
  measured: Measured;
  summary: string;
}

function summarize(run: unknown): string {
  const r = run as { disclosure?: { tables?: Record<string, unknown> }; findings?: unknown[] };
  const keys = Object.keys(r?.disclosure?.tables ?? {});
  return `${keys.length} tables recognised${keys.length ? ` (${keys.join(' ')})` : ''}, ${r?.findings?.length ?? 0} findings`;
}

function run(opts: MeasureOptions & { nonDisclosure: boolean }): PageRun {
  const core = ((globalThis as unknown as { __dcCore?: CoreApi }).__dcCore ?? {}) as CoreApi;
  const fns: Record<string, () => unknown> = {
    floor: () => floorAllCells(document),
    firstRows: () => floorFirstRows(document, FIRST_ROWS),
    walk: () => jsWalk(document),
  };
  let summary = 'checkDocument not available yet';
  if (core.extractDocument) {
    const extract = core.extractDocument;
    fns.extract = () => extract(document);
  }
  if (core.checkDocument) {
    const check = core.checkDocument;
    try {
      summary = summarize(check(document));
      fns.core = () => check(document);
    } catch (e) {
      summary = `checkDocument threw: ${e instanceof Error ? e.message : String(e)}`;
    }
  }
  if (core.looksLikeDisclosure) {
    const detect = core.looksLikeDisclosure;
    fns.detect = () => detect(document);
    try {
      summary += `; looksLikeDisclosure → ${String(detect(document))}`;
    } catch (e) {
      summary += `; looksLikeDisclosure threw: ${e instanceof Error ? e.message : String(e)}`;
    }
  }
  return { cells: countCells(document), measured: measure(fns, opts), summary };
}

(globalThis as unknown as { __dcBench: unknown }).__dcBench = { run };
