// PDF rendering off the event loop: a fixed pool of worker threads (piscina), each with its own
// HarfBuzz and fonts, behind a bounded queue. A render takes tens of milliseconds of CPU; on
// the main thread a burst of PDF requests would hold every other request (health checks, the
// child app's API) behind it. The cache stays in the main thread (PrintService); the pool only
// turns document models into bytes.

import { existsSync } from 'node:fs';
import { availableParallelism } from 'node:os';
import { fileURLToPath } from 'node:url';
import Piscina from 'piscina';
import type { PdfDocumentModel, RenderOptions } from './model';
import { createPdfRenderer } from './renderer';
import type { PdfRenderer } from './renderer';
import type { RenderTask } from './render-worker';

export interface PdfPoolOptions {
  /** Worker threads; 0 renders on the main thread instead (for comparison in benches). */
  readonly size: number;
  /** Documents that may wait for a free worker; one more is refused with {@link PdfBusyError}. */
  readonly maxQueue: number;
}

/** A render refused because every worker is busy and the queue is full. */
export class PdfBusyError extends Error {
  override readonly name = 'PdfBusyError';
  constructor(
    /** A fair guess at when the queue will have room again, in whole seconds (1–60). */
    readonly retryAfterSeconds: number,
  ) {
    super('Every PDF worker is busy and the queue is full');
  }
}

export interface PdfRenderPool extends PdfRenderer {
  /** Worker threads (0: rendering on the main thread). */
  readonly size: number;
  /** Documents waiting for a worker now. */
  readonly queued: number;
  /** Worker threads running now (0 once closed). */
  readonly threads: number;
  /** Stops the workers; renders still queued are rejected. */
  close(): Promise<void>;
}

/** One thread per core but one, so the main thread keeps a core; at least one. */
export function defaultPoolSize(): number {
  return Math.max(1, availableParallelism() - 1);
}

/**
 * The worker's entry file, found relative to this module so it works wherever the code lives:
 * `render-worker.js` beside the compiled module (a build must emit it there), else, when running
 * from the TypeScript sources, the small JavaScript shim that loads `render-worker.ts`.
 */
export function workerEntry(base: string = import.meta.url): string {
  for (const name of ['./render-worker.js', './render-worker-source.mjs']) {
    const file = fileURLToPath(new URL(name, base));
    if (existsSync(file)) return file;
  }
  throw new Error(`The PDF worker (render-worker.js) is missing beside ${fileURLToPath(base)}`);
}

/** Render time assumed before the pool has measured any. */
const FIRST_GUESS_MS = 50;

/** A renderer backed by a pool of worker threads, or by the main thread when `size` is 0. */
export async function createPdfRenderPool({
  size,
  maxQueue,
}: PdfPoolOptions): Promise<PdfRenderPool> {
  if (size === 0) {
    const renderer = await createPdfRenderer();
    return { size: 0, queued: 0, threads: 0, render: renderer.render, close: async () => {} };
  }
  const pool = new Piscina<RenderTask, ArrayBuffer>({
    filename: workerEntry(),
    minThreads: size,
    maxThreads: size,
    maxQueue,
    // Rendering fills a core; a worker never runs two documents at once.
    concurrentTasksPerWorker: 1,
    // Workers run at a lower CPU priority than the main thread (Linux: per thread), so when the
    // cores are busy the event loop still answers at once and PDFs take the time left.
    niceIncrement: 10,
  });
  const retryAfter = () => {
    const mean = pool.histogram.runTime.mean;
    const ms = Number.isFinite(mean) && mean > 0 ? mean : FIRST_GUESS_MS;
    const seconds = Math.ceil(((pool.queueSize + 1) * ms) / size / 1000);
    return Math.min(60, Math.max(1, seconds));
  };
  let closed = false;
  return {
    size,
    get queued() {
      return pool.queueSize;
    },
    get threads() {
      return pool.threads.length;
    },
    async render(model: PdfDocumentModel, options?: RenderOptions): Promise<Buffer> {
      // Piscina would start new workers for a task posted after close; a closed pool stays shut.
      if (closed) throw new Error('The PDF worker pool is closed');
      // Refuse before posting, so a full queue never costs a structured clone of the model.
      if (pool.queueSize >= maxQueue && pool.idleThreads === 0) {
        throw new PdfBusyError(retryAfter());
      }
      try {
        const task: RenderTask = options ? { model, options } : { model };
        return Buffer.from(await pool.run(task));
      } catch (e) {
        if (e instanceof Error && e.message === 'Task queue is at limit') {
          throw new PdfBusyError(retryAfter());
        }
        throw e;
      }
    },
    close: () => {
      closed = true;
      return pool.close();
    },
  };
}
