/**
 * A check worker (issue 22): receives bytes already read by the main thread, decodes, parses and
 * checks them, and posts the result back. One document at a time per worker.
 */
import { parentPort } from 'node:worker_threads';
import { checkBytes, type ReadMeta } from './main';

export interface CheckTask {
  id: number;
  source: string;
  bytes: Uint8Array;
  meta: ReadMeta;
}

parentPort!.on('message', async (task: CheckTask) => {
  const item = await checkBytes(task.source, task.bytes, task.meta);
  parentPort!.postMessage({ id: task.id, item });
});
