// Worker threads that parse, validate and serialise pushed batches (prepareRequest.ts), so that
// the main thread only reads bodies and talks to the engine: with several producers, their
// batches' JSON work runs on every core, beside the engine's writes, instead of one after the
// other on the thread that also waits for the engine. One request at a time per worker, the
// others queue in arrival order. A worker that dies (a bug, out of memory) fails the request it
// held — nothing of it was written — and is replaced.
import os from 'node:os';
import { fileURLToPath } from 'node:url';
import { Worker } from 'node:worker_threads';
import type { PrepareRequest, PreparedRequest } from './prepareRequest.js';

/** Raised when a worker stopped while it held the request. */
export class ValidationWorkerError extends Error {}

// The workers run the TypeScript sources as the server does (tsx), whatever loaded this module
// (tsx, or Vitest's own transform).
const BOOT = "const { workerData } = require('node:worker_threads'); require('tsx/cjs/api').require(workerData.file, workerData.file);";
const DEFAULT_FILE = fileURLToPath(new URL('./validationWorker.ts', import.meta.url));

/** Workers by default: one per core, at most four (a batch's preparation takes tens of milliseconds). */
export const defaultValidationWorkers = () => Math.max(1, Math.min(4, os.availableParallelism()));

interface Job {
  id: number;
  request: PrepareRequest;
  resolve: (r: PreparedRequest) => void;
  reject: (e: unknown) => void;
}

interface Slot {
  worker: Worker;
  job: Job | null;
}

export class ValidationPool {
  private slots: Slot[] = [];
  private queue: Job[] = [];
  private nextId = 1;
  private closed = false;

  constructor(readonly size = defaultValidationWorkers(), private readonly file = DEFAULT_FILE) {
    if (!Number.isInteger(size) || size < 1) throw new Error(`invalid number of validation workers ${size}`);
  }

  run(request: PrepareRequest): Promise<PreparedRequest> {
    if (this.closed) return Promise.reject(new ValidationWorkerError('the validation workers are stopped'));
    return new Promise<PreparedRequest>((resolve, reject) => {
      this.queue.push({ id: this.nextId++, request, resolve, reject });
      this.dispatch();
    });
  }

  async close(): Promise<void> {
    this.closed = true;
    for (const job of this.queue.splice(0)) job.reject(new ValidationWorkerError('the validation workers are stopped'));
    await Promise.all(this.slots.splice(0).map((s) => s.worker.terminate()));
  }

  private dispatch(): void {
    while (this.queue.length > 0) {
      let slot = this.slots.find((s) => s.job === null);
      if (!slot && this.slots.length < this.size) slot = this.start();
      if (!slot) return;
      const job = this.queue.shift()!;
      slot.job = job;
      // a worker holding a request keeps the process alive until it answers
      slot.worker.ref();
      slot.worker.postMessage({ id: job.id, request: job.request });
    }
  }

  private start(): Slot {
    const worker = new Worker(BOOT, { eval: true, workerData: { file: this.file } });
    const slot: Slot = { worker, job: null };
    this.slots.push(slot);
    worker.on('message', (m: { id: number; result?: PreparedRequest; error?: string }) => {
      const job = slot.job;
      if (!job || job.id !== m.id) return;
      slot.job = null;
      worker.unref();
      if (m.error !== undefined) job.reject(new Error(m.error));
      else job.resolve(m.result!);
      this.dispatch();
    });
    const lost = (why: string) => {
      if (!this.slots.includes(slot)) return;
      this.slots.splice(this.slots.indexOf(slot), 1);
      slot.job?.reject(new ValidationWorkerError(`a validation worker stopped (${why})`));
      slot.job = null;
      if (!this.closed) this.dispatch();
    };
    worker.on('error', (e: Error) => lost(e.message));
    worker.on('exit', (code) => lost(`exit code ${code}`));
    // an idle worker does not keep the process alive (unref after the listeners, which ref it)
    worker.unref();
    return slot;
  }
}
