/**
 * What one benchmark round times on a parsed page — shared by the Node runner (bench/run.ts) and the
 * in-page harness (bench/browser-harness.ts), so both environments measure exactly the same things.
 * Standard DOM only (bundled into the page by esbuild).
 */
import { cellAmounts, floorAllCells, floorFirstRows, floorWalkDom, FIRST_ROWS, jsWalk } from './floor';

export interface CoreApi {
  extractDocument?: ((root: Document) => unknown) | null;
  checkDocument?: ((root: Document) => unknown) | null;
  looksLikeDisclosure?: ((root: Document) => unknown) | null;
}

export function firstLine(e: unknown): string {
  return (e instanceof Error ? e.message : String(e)).split('\n')[0].slice(0, 160);
}

function summarize(run: unknown): string {
  const r = run as { disclosure?: { tables?: Record<string, unknown> }; findings?: unknown[] };
  const keys = Object.keys(r?.disclosure?.tables ?? {});
  return `${keys.length} tables recognised${keys.length ? ` (${keys.join(' ')})` : ''}, ${r?.findings?.length ?? 0} findings`;
}

/**
 * The timed functions (floors, reference walk, and whichever core parts exist) plus a one-line summary.
 * The summary's checkDocument call is the first one on this page, timed as `coldMs`: what a reader
 * actually waits for (unoptimised code, empty caches), beside the warmed-up medians.
 */
export function benchFunctions(
  document: Document,
  core: CoreApi,
): { fns: Record<string, () => unknown>; summary: string; coldMs: number } {
  const fns: Record<string, () => unknown> = {
    floor: () => floorAllCells(document),
    firstRows: () => floorFirstRows(document, FIRST_ROWS),
    walk: () => jsWalk(document),
    amounts: () => cellAmounts(document),
    domFloor: () => floorWalkDom(document),
  };
  let summary = 'checkDocument not available yet';
  let coldMs = Number.NaN;
  const { extractDocument: extract, checkDocument: check, looksLikeDisclosure: detect } = core;
  if (extract) fns.extract = () => extract(document);
  if (check) {
    try {
      const t0 = performance.now();
      const first = check(document);
      coldMs = performance.now() - t0;
      summary = summarize(first);
      fns.core = () => check(document);
    } catch (e) {
      summary = `checkDocument threw: ${firstLine(e)}`;
    }
  }
  if (detect) {
    fns.detect = () => detect(document);
    try {
      summary += `; looksLikeDisclosure → ${String(detect(document))}`;
    } catch (e) {
      summary += `; looksLikeDisclosure threw: ${firstLine(e)}`;
    }
  }
  return { fns, summary, coldMs };
}
