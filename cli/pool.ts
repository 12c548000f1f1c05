/**
 * Worker pool over node:worker_threads (issue 22): `size` workers, each checking one document at
 * a time with a bounded heap (`resourceLimits`). A worker that dies (out of memory, a crash) fails
 * only the document it held; it is replaced and the batch goes on.
 */
import { Worker } from 'node:worker_threads';
import type { DismissalFile } from '../lib/report/dismiss';
import type { CheckTask } from './worker';
import type { ReadMeta } from './main';
import { finishItem, type Done, type RenderSpec } from './render';
import { workerBundle } from './worker-bundle';

/** What every worker is started with: how to render, and the dismissals to apply. */
export interface WorkerInit {
  render: RenderSpec;
  ignore: DismissalFile | null;
}

/** Heap per worker: far above a real disclosure page (tens of MB), far below the machine. */
export const WORKER_HEAP_MB = 1024;

interface Pending {
  task: CheckTask;
  resolve: (done: Done) => void;
}

interface Slot {
  worker: Worker;
  current: Pending | null;
}

/** The fallback boot: tsx registered in the worker (slow to start; used when no bundle can be built). */
const TSX_BOOT = new URL('./worker-boot.mjs', import.meta.url);

export class CheckPool {
  private slots: Slot[] = [];
  private queue: Pending[] = [];
  private nextId = 0;
  private closed = false;
  private boot: URL = TSX_BOOT;
  /** Workers start once the bundled worker code is ready; documents queue until then. */
  private readonly ready: Promise<void>;

  constructor(
    readonly size: number,
    private init: WorkerInit,
    private heapMb = WORKER_HEAP_MB,
  ) {
    this.ready = workerBundle().then((url) => {
      if (url) this.boot = url;
      if (this.closed) return;
      for (let i = 0; i < size; i++) this.slots.push(this.spawn());
      this.pump();
    });
  }

  private spawn(): Slot {
    const worker = new Worker(this.boot, { workerData: this.init, resourceLimits: { maxOldGenerationSizeMb: this.heapMb } });
    const slot: Slot = { worker, current: null };
    worker.on('message', (msg: { id: number; done: Done }) => {
      const p = slot.current;
      if (!p || p.task.id !== msg.id) return;
      slot.current = null;
      p.resolve(msg.done);
      this.pump();
    });
    const died = (why: string) => {
      const p = slot.current;
      slot.current = null;
      const i = this.slots.indexOf(slot);
      if (i >= 0 && !this.closed) this.slots[i] = this.spawn();
      if (p) p.resolve(finishItem({ source: p.task.source, error: why }, this.init.render, null, p.task.hash));
      this.pump();
    };
    worker.on('error', (err: Error & { code?: string }) => {
      died(
        err.code === 'ERR_WORKER_OUT_OF_MEMORY'
          ? `ran out of memory while checking (limit ${this.heapMb} MB) · 校验时内存不足`
          : `internal error while checking · 校验程序内部错误: ${err.message}`,
      );
    });
    worker.on('exit', (code) => {
      if (!this.closed && this.slots.includes(slot)) died(`checker stopped (exit ${code}) · 校验进程意外退出`);
    });
    // Idle workers must not keep the process alive.
    worker.unref();
    return slot;
  }

  private pump(): void {
    for (const slot of this.slots) {
      if (this.queue.length === 0) return;
      if (slot.current) continue;
      const p = this.queue.shift()!;
      slot.current = p;
      slot.worker.ref();
      // The bytes are moved, not copied, when they own their buffer.
      const b = p.task.bytes;
      const transfer = b.byteOffset === 0 && b.byteLength === b.buffer.byteLength && b.buffer instanceof ArrayBuffer ? [b.buffer] : [];
      slot.worker.postMessage(p.task, transfer);
    }
    for (const slot of this.slots) if (!slot.current) slot.worker.unref();
  }

  check(source: string, bytes: Uint8Array, meta: ReadMeta, hash?: string): Promise<Done> {
    if (this.closed) return Promise.resolve(finishItem({ source, error: 'pool closed' }, this.init.render, null, hash));
    return new Promise((resolve) => {
      this.queue.push({ task: { id: this.nextId++, source, bytes, meta, hash }, resolve });
      this.pump();
    });
  }

  async close(): Promise<void> {
    this.closed = true;
    await this.ready;
    await Promise.all(this.slots.map((s) => s.worker.terminate()));
    this.slots = [];
  }
}
