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
}

/** What the thread reports after each checkpoint, or when one fails. */
export type CheckpointMessage =
  | { readonly kind: 'checkpoint'; readonly logPages: number; readonly copiedPages: number }
  | { readonly kind: 'error'; readonly message: string };

const { file, intervalMs, minPages } = workerData as CheckpointWorkerData;
const db = new SQLite(file, { fileMustExist: true });
// A busy database is tried again at the next tick, never waited for.
db.pragma('busy_timeout = 0');
const pageSize = db.pragma('page_size', { simple: true }) as number;
const port = parentPort;

const timer = setInterval(() => {
  const size = statSync(`${file}-wal`, { throwIfNoEntry: false })?.size ?? 0;
  if (size < minPages * pageSize) return;
  try {
    const [row] = db.pragma('wal_checkpoint(PASSIVE)') as {
      busy: number;
      log: number;
      checkpointed: number;
    }[];
    port?.postMessage({
      kind: 'checkpoint',
      logPages: row?.log ?? 0,
      copiedPages: row?.checkpointed ?? 0,
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
