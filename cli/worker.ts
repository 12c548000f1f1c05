/**
 * A check worker (issue 22): receives bytes already read by the main thread, decodes, parses and
 * checks them, renders the report for its output and posts back only the text and the summary
 * row. One document at a time per worker.
 */
import { parentPort, workerData } from 'node:worker_threads';
import { checkBytes, type ReadMeta } from './main';
import { finishItem } from './render';
import type { WorkerInit } from './pool';

export interface CheckTask {
  id: number;
  source: string;
  bytes: Uint8Array;
  meta: ReadMeta;
  hash?: string;
}

const init = workerData as WorkerInit;

parentPort!.on('message', async (task: CheckTask) => {
  const done = finishItem(await checkBytes(task.source, task.bytes, task.meta), init.render, init.ignore, task.hash);
  parentPort!.postMessage({ id: task.id, done });
});
