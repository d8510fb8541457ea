// SQLite in WAL mode appends every write to a log and, by default, the connection that commits
// copies the log back into the database file once it passes 1,000 pages (a checkpoint). That
// copy runs inside whichever request happened to commit then, on the one thread that answers
// every request: measured on the ingest bench, about a quarter of a sync's CPU. Here a worker
// thread with its own connection checkpoints instead, and the request thread's own automatic
// checkpoint is kept only as a safety net far above the worker's threshold, and put back to
// SQLite's default if the worker stops.
import { existsSync, statSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { Worker } from 'node:worker_threads';
import type SQLite from 'better-sqlite3';
import type { CheckpointMessage, CheckpointWorkerData } from './checkpoint-worker';

/** SQLite's own default for `wal_autocheckpoint`, in pages. */
const SQLITE_DEFAULT_AUTOCHECKPOINT = 1000;

export interface CheckpointerOptions {
  /** How often the worker looks at the log's size, in ms (default 100). */
  readonly intervalMs?: number;
  /** Log size, in pages, from which the worker checkpoints (default 1,000, SQLite's own). */
  readonly minPages?: number;
  /**
   * Log length, in pages, from which the worker copies in passes and the request thread copies
   * what they left, so the log starts over (default 4,000; see {@link startCheckpointer}).
   */
  readonly restartPages?: number;
  /** The request thread's automatic checkpoint while the worker runs (default 10,000 pages). */
  readonly safetyNetPages?: number;
}

/** A running checkpointer and what it has done. */
export interface Checkpointer {
  /** Checkpoints the worker has run. */
  readonly checkpoints: number;
  /** Times the worker found the log shorter than at its checkpoint before: it had started over. */
  readonly restarts: number;
  /** The log's length, in pages, at the worker's last checkpoint. */
  readonly logPages: number;
  /** The last failure the worker reported, if any (the next tick tries again). */
  readonly lastError: string | undefined;
  /** Whether checkpoints are this checkpointer's (until it stops or its thread fails). */
  readonly running: boolean;
  /** Whether the thread has started (once the log first reached half its threshold). */
  readonly threadStarted: boolean;
  /** Stops the worker and gives the request thread its automatic checkpoints back. */
  stop(): Promise<void>;
}

/** The worker's entry file: compiled beside this module, else the shim that loads the source. */
export function checkpointWorkerEntry(base: string = import.meta.url): string {
  for (const name of ['./checkpoint-worker.js', './checkpoint-worker-source.mjs']) {
    const file = fileURLToPath(new URL(name, base));
    if (existsSync(file)) return file;
  }
  throw new Error(`The checkpoint worker is missing beside ${fileURLToPath(base)}`);
}

/**
 * Starts checkpointing `file` (open in WAL mode on `database`). The thread itself starts only
 * once the log reaches half the worker's threshold, looked at from a timer of this thread: a
 * database that never gets that busy (a quiet school, a command, a test) never pays for a thread
 * and its connection, and until then nothing could be checkpointed anyway.
 */
export function startCheckpointer(
  database: SQLite.Database,
  file: string,
  {
    intervalMs = 100,
    minPages = 1000,
    restartPages = 4000,
    safetyNetPages = 10_000,
  }: CheckpointerOptions = {},
): Checkpointer {
  const workerData: CheckpointWorkerData = { file, intervalMs, minPages, restartPages };
  database.pragma(`wal_autocheckpoint = ${safetyNetPages}`);
  const pageSize = database.pragma('page_size', { simple: true }) as number;
  const startBytes = (minPages / 2) * pageSize;
  let checkpoints = 0;
  let lastError: string | undefined;
  let running = true;
  let worker: Worker | undefined;
  let exited: Promise<void> = Promise.resolve();
  const giveBack = () => {
    if (!running) return;
    running = false;
    if (database.open) database.pragma(`wal_autocheckpoint = ${SQLITE_DEFAULT_AUTOCHECKPOINT}`);
  };
  // The log starts over only when a write begins with all of it copied back. Under steady
  // writes a checkpoint always ends a little behind (this thread committed while it copied), so
  // the log would grow to the safety net and this thread would checkpoint there, in the middle
  // of a request: measured, one commit a second taking 10–31 ms instead of under 3. So once the
  // log is long (`restartPages`) the worker copies again at once what came while it copied,
  // pass after pass (checkpoint-worker.ts); when the last pass still saw commits come, this
  // thread copies the rest, between two requests, where nothing can commit in between: its next
  // write starts the log over.
  let restarts = 0;
  let logPages = 0;
  const finishForRestart = () => {
    if (!running || !database.open || database.inTransaction) return;
    try {
      database.pragma('wal_checkpoint(PASSIVE)');
    } catch (e) {
      lastError = (e as Error).message;
    }
  };
  const startThread = () => {
    const thread = new Worker(checkpointWorkerEntry(), { workerData });
    // The worker never keeps the process alive on its own.
    thread.unref();
    thread.on('message', (m: CheckpointMessage) => {
      if (m.kind === 'error') {
        lastError = m.message;
        return;
      }
      checkpoints++;
      if (m.logPages < logPages) restarts++;
      logPages = m.logPages;
      if (m.finish) finishForRestart();
    });
    thread.on('error', (e) => {
      lastError = e.message;
      giveBack();
    });
    exited = new Promise<void>((resolve) => {
      thread.once('exit', () => {
        giveBack();
        resolve();
      });
    });
    worker = thread;
  };
  const watch = setInterval(() => {
    const size = statSync(`${file}-wal`, { throwIfNoEntry: false })?.size ?? 0;
    if (size < startBytes) return;
    clearInterval(watch);
    try {
      startThread();
    } catch (e) {
      lastError = (e as Error).message;
      giveBack();
    }
  }, intervalMs);
  watch.unref();
  return {
    get checkpoints() {
      return checkpoints;
    },
    get restarts() {
      return restarts;
    },
    get logPages() {
      return logPages;
    },
    get lastError() {
      return lastError;
    },
    get running() {
      return running;
    },
    get threadStarted() {
      return worker !== undefined;
    },
    async stop() {
      clearInterval(watch);
      if (!worker) {
        giveBack();
        return;
      }
      // Waiting on an unreferenced thread would let the process end mid-await (exit code 0,
      // whatever the caller meant to do next): hold the event loop until the thread is gone.
      worker.ref();
      if (running) worker.postMessage('stop');
      await exited;
    },
  };
}
