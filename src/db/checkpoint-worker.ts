// The SQLite checkpointer's thread (see checkpointer.ts): its own connection to the database
// file, copying the write-ahead log back into the database whenever the log has grown, so the
// request thread never does it. A PASSIVE checkpoint neither waits for nor blocks the writer.
import { statSync } from 'node:fs';
import { parentPort, workerData } from 'node:worker_threads';
import SQLite from 'better-sqlite3';

export interface CheckpointWorkerData {
  readonly file: string;
  /** How often to look at the log's size, in ms. */
  readonly intervalMs: number;
  /** Log size, in pages, from which a checkpoint runs. */
  readonly minPages: number;
  /** Log length, in pages, from which the log is to start over (see checkpointer.ts). */
  readonly restartPages: number;
}

/** The row of `pragma wal_checkpoint`: the log's length and how much of it is copied, in pages. */
interface CheckpointRow {
  readonly busy: number;
  readonly log: number;
  readonly checkpointed: number;
}

/** What the thread reports after each checkpoint, or when one fails. */
export type CheckpointMessage =
  | {
      readonly kind: 'checkpoint';
      readonly logPages: number;
      readonly copiedPages: number;
      /** The log is long and the writer committed during the last pass: finish it. */
      readonly finish: boolean;
    }
  | { readonly kind: 'error'; readonly message: string };

const { file, intervalMs, minPages, restartPages } = workerData as CheckpointWorkerData;
const db = new SQLite(file, { fileMustExist: true });
// A busy database is tried again at the next tick, never waited for.
db.pragma('busy_timeout = 0');
const pageSize = db.pragma('page_size', { simple: true }) as number;
const port = parentPort;

/** Checkpoints in a row, at most, when the log is to start over. */
const PASSES = 4;

const checkpoint = () => (db.pragma('wal_checkpoint(PASSIVE)') as CheckpointRow[])[0];

const timer = setInterval(() => {
  const size = statSync(`${file}-wal`, { throwIfNoEntry: false })?.size ?? 0;
  if (size < minPages * pageSize) return;
  try {
    let row = checkpoint();
    // A log long enough to start over: what was committed while this checkpoint copied is
    // copied at once, and again, each pass shorter than the one before, so the request thread
    // is left only the last few commits' pages to copy (checkpointer.ts), or nothing: when
    // nothing came during a pass, the log is all copied and the next write starts it over.
    let behind = true;
    for (let pass = 1; row && row.log >= restartPages && behind && pass < PASSES; pass++) {
      const next = checkpoint();
      behind = !!next && (next.log > row.log || next.checkpointed < next.log);
      row = next;
    }
    port?.postMessage({
      kind: 'checkpoint',
      logPages: row?.log ?? 0,
      copiedPages: row?.checkpointed ?? 0,
      finish: !!row && row.log >= restartPages && behind,
    } satisfies CheckpointMessage);
  } catch (e) {
    port?.postMessage({ kind: 'error', message: (e as Error).message } satisfies CheckpointMessage);
  }
}, intervalMs);

port?.on('message', (message) => {
  if (message !== 'stop') return;
  clearInterval(timer);
  db.close();
  port.close();
});
