/**
 * The batch scheduler (issue 22): reads inputs on the main thread (I/O, `concurrency` at a time),
 * checks them in the worker pool (CPU, `jobs` at a time) and hands each result on as it is
 * ready — in input order (a bounded re-order window, so memory stays flat) or, unordered, as
 * soon as it finishes.
 */
import { createHash } from 'node:crypto';
import type { BudgetProfile } from '../lib/checks/B-N16';
import type { DismissalFile } from '../lib/report/dismiss';
import type { SummaryRow } from '../lib/report/summary';
import type { Input } from './inputs';
import { CheckPool } from './pool';
import { checkBytes, readInput, type CheckOptions } from './main';
import { finishItem, type Done, type RenderSpec } from './render';

export interface BatchOptions extends CheckOptions {
  /** Worker threads; 0 checks in this thread. */
  jobs: number;
  /** Inputs read at once (network latency overlaps with checking). */
  concurrency: number;
  ordered: boolean;
  /** Hash each input's bytes (sha256, hex) and attach it to the result (resume). */
  hash?: boolean;
  /** Called with an input's content hash before it is checked: a stored result to use instead (resume), or null. */
  reuse?: (input: Input, hash: string) => Promise<BatchItem | null>;
  /** How each report is rendered (in the worker that checked it). */
  render: RenderSpec;
  /** The reviewer's dismissals (--ignore), applied before the row is taken. */
  ignore: DismissalFile | null;
}

/** A result as the batch hands it on: rendered with its row (and content hash when asked), or a stored row when reused. */
export type BatchItem =
  | Done
  | { source: string; error?: undefined; skipped?: undefined; hash: string; reused: SummaryRow; reusedFile: string; profile: BudgetProfile | null };

/**
 * Runs every input through read → check and calls `emit` once per input (in input order unless
 * `ordered` is false). `emit` is awaited, so a slow writer slows the batch instead of buffering.
 */
export async function runBatch(
  inputs: Iterable<Input> | AsyncIterable<Input>,
  opts: BatchOptions,
  emit: (item: BatchItem, index: number) => Promise<void> | void,
): Promise<void> {
  // Started on first use: a batch whose inputs all fail to read never starts a worker.
  let pool: CheckPool | null = null;
  const inFlight = Math.max(opts.concurrency, opts.jobs, 1);
  // Results waiting for an earlier input (ordered mode). The window bounds how far ahead we read.
  const window = inFlight * 4;
  const waiting = new Map<number, BatchItem>();
  let nextEmit = 0;
  let next = 0;
  const waiters: (() => void)[] = [];
  const wakeAll = () => waiters.splice(0).forEach((w) => w());
  let emitting: Promise<void> = Promise.resolve();

  const deliver = (index: number, item: BatchItem) => {
    if (!opts.ordered) {
      emitting = emitting.then(() => emit(item, index));
      return emitting;
    }
    waiting.set(index, item);
    const flush = async () => {
      while (waiting.has(nextEmit)) {
        const it = waiting.get(nextEmit)!;
        waiting.delete(nextEmit);
        await emit(it, nextEmit);
        nextEmit++;
        wakeAll();
      }
    };
    emitting = emitting.then(flush);
    return emitting;
  };

  const one = async (input: Input): Promise<BatchItem> => {
    const got = await readInput(input, opts);
    if (!got.ok) return finishItem(got.item, opts.render, null);
    const hash = opts.hash ? createHash('sha256').update(got.bytes).digest('hex') : undefined;
    const reused = opts.reuse && hash ? await opts.reuse(input, hash) : null;
    if (reused) return reused;
    const meta = { contentType: got.contentType, finalUrl: got.finalUrl, filePath: got.filePath, insights: opts.insights };
    if (opts.jobs > 0) pool ??= new CheckPool(opts.jobs, { render: opts.render, ignore: opts.ignore });
    return pool ? pool.check(got.source, got.bytes, meta, hash) : finishItem(await checkBytes(got.source, got.bytes, meta), opts.render, opts.ignore, hash);
  };

  const iterator = Symbol.asyncIterator in inputs ? inputs[Symbol.asyncIterator]() : (inputs as Iterable<Input>)[Symbol.iterator]();
  let exhausted = false;
  const runner = async () => {
    while (!exhausted) {
      if (opts.ordered && next >= nextEmit + window) {
        await new Promise<void>((r) => waiters.push(r));
        continue;
      }
      const i = next++;
      const step = await iterator.next();
      if (step.done) {
        exhausted = true;
        next--;
        wakeAll();
        break;
      }
      const item = await one(step.value);
      await deliver(i, item);
    }
  };
  try {
    await Promise.all(Array.from({ length: inFlight }, runner));
    await emitting;
  } finally {
    await (pool as CheckPool | null)?.close();
  }
}
