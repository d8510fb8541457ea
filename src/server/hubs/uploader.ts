// A school hub's upload to its national server (issue #18, docs/deploy.md "A school hub"): one
// chunk at a time (SCALE-10), read from the hub's own log after the sequence number the server
// last acknowledged, in that order, gzipped, at most 500 events (SCALE-04), with the learners
// erased for good on the hub since the last erasure the server acknowledged. The hub records an
// acknowledgement only once the server answered it, so a lost answer re-sends that one chunk,
// which the server takes again without storing anything twice. Failures back off with full
// jitter; a 429 waits its Retry-After at least (SCALE-11). Before anything, the database's
// instance is checked (instance.ts, SCALE-06): a copy uploads as a new instance. Deleting
// acknowledged events on the hub is a separate, optional purge (purge.ts, KITE_HUB_KEEP_DAYS).
//
// The school's roster travels in the same loop (records.ts, src/server/records/): the server's
// changes are asked for at the start of each round (after an idle wait or a failure), and the
// hub's own are sent before every chunk of events, so a child added here is on the server before
// their first event is.
//
// Clock, randomness, sleeping and fetch are injected: tests drive it against a real server app.

import { promisify } from 'node:util';
import { gzip } from 'node:zlib';
import type { Db } from '../../db/connect';
import { hubBacklog, hubErasuresAfter, hubEventsAfter } from '../../db/hub-events';
import { toDbTime } from '../../db/time';
import type { HubUpstream } from '../config/config';
import { safeErrorMessage } from '../jobs/safe-error';
import { backoffMs, DEFAULT_BACKOFF, parseRetryAfter, retryAfterMs } from './backoff';
import type { BackoffPolicy } from './backoff';
import { HIGH_WATER_HEADER } from './ingest';
import { ensureInstance } from './instance';
import type { InstanceCheck } from './instance';
import {
  HubAckSchema,
  MAX_CHUNK,
  MAX_ERASURES,
  RecordsAckSchema,
  RecordsPageSchema,
} from './protocol';
import { localChanges, takePage } from './records';
import { takeClamped } from '../records/apply';
import { setRecordNode } from '../records/records';

const gzipAsync = promisify(gzip);

export interface UploaderLog {
  info(fields: Record<string, unknown>, message: string): void;
  warn(fields: Record<string, unknown>, message: string): void;
}

export interface UploaderOptions {
  /** The hub's own database (SQLite). */
  readonly db: Db;
  readonly upstream: HubUpstream;
  readonly fetch?: typeof fetch;
  readonly now?: () => number;
  /** Uniform in [0, 1): the jitter. */
  readonly random?: () => number;
  /** Waits `ms`, or less when `signal` aborts. */
  readonly sleep?: (ms: number, signal: AbortSignal) => Promise<void>;
  readonly log?: UploaderLog;
  /** Events per chunk (at most 500, the default). */
  readonly chunkSize?: number;
  /** The wait between looks when everything is uploaded (default 30 s). */
  readonly idleMs?: number;
  readonly backoff?: BackoffPolicy;
  /** How long one upload may take before it counts as failed (default 60 s). */
  readonly requestTimeoutMs?: number;
}

/** What the uploader has done since it was made (for logs, tests and the drill). */
export interface UploaderStats {
  /** Posts of a chunk, answered or not (every try counts). */
  chunksSent: number;
  /** Chunks the server acknowledged. */
  chunksAcked: number;
  /**
   * Chunks sent again after a try that got no answer (the link cut, a timeout), when the
   * server may or may not have stored them: each distinct chunk counted once, however many
   * tries it then took. A chunk refused with an answer (429) and sent again is not counted:
   * the server said it stored nothing.
   */
  chunksResent: number;
  eventsStored: number;
  /** Events the server already had when a chunk arrived (a re-sent chunk's). */
  eventsKnown: number;
  eventsDropped: number;
  /** Tries that failed (network, timeout, an error answer), 429s included. */
  failures: number;
  /** 429 answers. */
  busy: number;
  /** Shared records (classes, children, assignments) the server sent that changed the hub's. */
  recordsPulled: number;
  /** Shared records the hub sent (its own changes). */
  recordsPushed: number;
}

/** Where the hub's upload stands, as recorded in its database. */
export interface UploadStatus {
  /** This database's instance id (SCALE-06). */
  readonly instance: string | null;
  readonly acked: number;
  readonly backlog: number | null;
  readonly lastSyncAt: number | null;
  readonly lastError: string | null;
}

/** The server turned the chunk away for now (429). */
class Busy extends Error {
  constructor(readonly retryAfterS: number) {
    super(`the server is busy (429, Retry-After ${retryAfterS} s)`);
  }
}

/** An answer that is not an acknowledgement. */
class Refused extends Error {}

/** One short line for a failure: fetch's own says only "fetch failed", its cause says why. */
function failureLine(e: unknown): string {
  const cause = (e as { cause?: { code?: unknown; message?: unknown } } | null)?.cause;
  const why = cause ? ` (${String(cause.code ?? cause.message ?? '')})` : '';
  return `${safeErrorMessage(e)}${why}`.slice(0, 200);
}

/** The error code of an answer, or `unknown` (not JSON: a proxy's page). */
function errorCode(text: string): string {
  let code = 'unknown';
  try {
    code = String((JSON.parse(text) as { error?: { code?: string } }).error?.code ?? code);
  } catch {
    // not JSON: a proxy's page
  }
  return code.slice(0, 40);
}

const defaultSleep = (ms: number, signal: AbortSignal) =>
  new Promise<void>((resolve) => {
    if (signal.aborted) return resolve();
    const t = setTimeout(done, ms);
    function done() {
      clearTimeout(t);
      signal.removeEventListener('abort', done);
      resolve();
    }
    signal.addEventListener('abort', done, { once: true });
  });

export class HubUploader {
  readonly stats: UploaderStats = {
    chunksSent: 0,
    chunksAcked: 0,
    chunksResent: 0,
    eventsStored: 0,
    eventsKnown: 0,
    eventsDropped: 0,
    failures: 0,
    busy: 0,
    recordsPulled: 0,
    recordsPushed: 0,
  };
  private readonly fetch: typeof fetch;
  private readonly now: () => number;
  private readonly random: () => number;
  private readonly sleep: (ms: number, signal: AbortSignal) => Promise<void>;
  private readonly chunkSize: number;
  private readonly stopping = new AbortController();
  private loop: Promise<void> | undefined;
  private running: Promise<'sent' | 'idle'> | undefined;
  /** First sequence numbers of chunks whose last try got no answer. */
  private readonly unanswered = new Set<number>();
  /** First sequence numbers of the chunks counted as re-sent. */
  private readonly resent = new Set<number>();
  private idleWaiters: (() => void)[] = [];
  private prepared: Promise<InstanceCheck> | undefined;
  /** The server's changes are asked for at the start of a round and after a failure. */
  private pullDue = true;

  constructor(private readonly o: UploaderOptions) {
    this.fetch = o.fetch ?? fetch;
    this.now = o.now ?? Date.now;
    this.random = o.random ?? Math.random;
    this.sleep = o.sleep ?? defaultSleep;
    this.chunkSize = Math.min(MAX_CHUNK, Math.max(1, o.chunkSize ?? MAX_CHUNK));
  }

  /**
   * Checks the database's instance (instance.ts) and logs a new one; call before the hub serves
   * devices. {@link start} and {@link syncOnce} do it first if it was not done.
   */
  prepare(): Promise<InstanceCheck> {
    this.prepared ??= ensureInstance(this.o.db, this.o.upstream.hubId).then(async (r) => {
      // The hub's writes of shared records are stamped with its id (records/records.ts).
      await this.o.db.kysely
        .transaction()
        .execute((trx) => setRecordNode(trx, this.o.upstream.hubId));
      if (r.outcome === 'copy')
        this.o.log?.warn(
          { hub: this.o.upstream.hubId, instance: r.instance },
          'this hub database is a copy or a restored backup: it uploads as a new instance, from its first event',
        );
      else if (r.outcome === 'made')
        this.o.log?.info({ hub: this.o.upstream.hubId, instance: r.instance }, 'hub instance made');
      return r;
    });
    return this.prepared;
  }

  /** Starts uploading in the background until {@link stop}. */
  start(): void {
    this.loop ??= this.run();
  }

  /** Stops after the chunk in flight (if any) is answered or fails. */
  async stop(): Promise<void> {
    this.stopping.abort();
    await this.loop;
  }

  /** Resolves the next time the uploader finds nothing left to send. */
  whenIdle(): Promise<void> {
    return new Promise((resolve) => this.idleWaiters.push(resolve));
  }

  /** The recorded state of the upload. */
  async status(): Promise<UploadStatus> {
    const row = await this.stateRow();
    return {
      instance: row.instance_id,
      acked: Number(row.acked),
      backlog: row.backlog === null ? null : Number(row.backlog),
      lastSyncAt: row.last_sync_at === null ? null : new Date(row.last_sync_at).getTime(),
      lastError: row.last_error,
    };
  }

  /**
   * One step: the next chunk posted and its answer recorded (`sent`), or nothing left to send
   * (`idle`). Throws when the chunk was not acknowledged. Never two at once: a call while one
   * runs shares it.
   */
  syncOnce(): Promise<'sent' | 'idle'> {
    this.running ??= this.step().finally(() => (this.running = undefined));
    return this.running;
  }

  private async run(): Promise<void> {
    const signal = this.stopping.signal;
    let failures = 0;
    let progressed = false;
    while (!signal.aborted) {
      let wait: number;
      try {
        const r = await this.syncOnce();
        failures = 0;
        if (r === 'sent') {
          progressed = true;
          continue;
        }
        if (progressed) {
          progressed = false;
          const s = await this.status();
          this.o.log?.info(
            { acked: s.acked, backlog: 0, chunks: this.stats.chunksAcked },
            'hub upload caught up',
          );
        }
        for (const w of this.idleWaiters.splice(0)) w();
        wait = this.o.idleMs ?? 30_000;
      } catch (e) {
        if (signal.aborted) break;
        this.pullDue = true;
        failures++;
        this.stats.failures++;
        const line = e instanceof Busy ? e.message : failureLine(e);
        wait =
          e instanceof Busy
            ? retryAfterMs(e.retryAfterS, this.random)
            : backoffMs(this.o.backoff ?? DEFAULT_BACKOFF, failures, this.random);
        if (e instanceof Busy) this.stats.busy++;
        await this.recordError(line).catch(() => {});
        if (failures === 1 || failures % 10 === 0)
          this.o.log?.warn({ error: line, failures, retryInMs: wait }, 'hub upload failed');
      }
      await this.sleep(wait, signal);
    }
  }

  /** The hub's upstream row, made by {@link prepare}. */
  private async stateRow() {
    await this.prepare();
    return this.o.db.kysely
      .selectFrom('kite_hub_upstream')
      .selectAll()
      .where('hub_id', '=', this.o.upstream.hubId)
      .executeTakeFirstOrThrow();
  }

  private async record(values: {
    acked?: number;
    backlog?: number;
    last_sync_at?: string;
    last_error: string | null;
    erasures_acked_at?: string;
  }): Promise<void> {
    await this.o.db.kysely
      .updateTable('kite_hub_upstream')
      .set(values)
      .where('hub_id', '=', this.o.upstream.hubId)
      .execute();
  }

  private recordError(line: string): Promise<void> {
    return this.record({ last_error: line.slice(0, 200) });
  }

  /** A request to the server with the hub's credential; 429 and any answer but 200 throw. */
  private async call(
    method: 'GET' | 'POST',
    path: string,
    body?: Awaited<ReturnType<typeof gzipAsync>>,
  ): Promise<string> {
    const res = await this.fetch(`${this.o.upstream.url}${path}`, {
      method,
      headers: {
        authorization: `Bearer ${this.o.upstream.token}`,
        ...(body ? { 'content-type': 'application/json', 'content-encoding': 'gzip' } : {}),
      },
      ...(body ? { body } : {}),
      signal: AbortSignal.any([
        this.stopping.signal,
        AbortSignal.timeout(this.o.requestTimeoutMs ?? 60_000),
      ]),
    });
    const text = await res.text();
    if (res.status === 429) throw new Busy(parseRetryAfter(res.headers.get('retry-after'), 5));
    if (res.status !== 200)
      throw new Refused(`the server answered ${res.status} ${errorCode(text)}`);
    return text;
  }

  /**
   * The shared records (src/server/records/): the server's changes for the hub's school, page
   * by page, each page merged in one transaction with its end recorded (SCALE-09: readings more
   * than a day ahead clamped and logged).
   */
  private async pullRecords(): Promise<void> {
    for (;;) {
      const state = await this.stateRow();
      const after = Number(state.records_pulled);
      const page = RecordsPageSchema.parse(
        JSON.parse(await this.call('GET', `/api/hubs/records?after=${after}`)),
      );
      const applied = await takePage(this.o.db, this.o.upstream.hubId, page, this.now());
      this.stats.recordsPulled += applied.changed;
      if (applied.clamped > 0)
        this.o.log?.warn(
          { fields: applied.clamped },
          'records from the national server clamped: their clock readings were more than a day ahead of this hub',
        );
      if (!page.more) return;
    }
  }

  /**
   * The hub's own changes of shared records, before its events: a child added on the hub is on
   * the server before their first event is. No request when there is none.
   */
  private async pushRecords(): Promise<void> {
    for (;;) {
      const state = await this.stateRow();
      const changes = await localChanges(this.o.db, Number(state.records_pushed));
      if (changes.records.length === 0) return;
      const json = JSON.stringify({ hub: this.o.upstream.hubId, records: changes.records });
      const ack = RecordsAckSchema.parse(
        JSON.parse(
          await this.call('POST', '/api/hubs/records', await gzipAsync(Buffer.from(json))),
        ),
      );
      // Readings of this hub's clock the server clamped (SCALE-09): taken back as clamped.
      await this.o.db.kysely.transaction().execute(async (trx) => {
        await takeClamped(trx, ack.kept);
        await trx
          .updateTable('kite_hub_upstream')
          .set({ records_pushed: changes.through, last_error: null })
          .where('hub_id', '=', this.o.upstream.hubId)
          .execute();
      });
      if (ack.clamped > 0)
        this.o.log?.warn(
          { fields: ack.clamped },
          "this hub's clock is more than a day ahead of the national server's: its readings were clamped",
        );
      this.stats.recordsPushed += changes.records.length;
      if (!changes.more) return;
    }
  }

  private async step(): Promise<'sent' | 'idle'> {
    const { instance } = await this.prepare();
    const db = this.o.db.kysely;
    if (this.pullDue) {
      await this.pullRecords();
      this.pullDue = false;
    }
    await this.pushRecords();
    const state = await this.stateRow();
    const acked = Number(state.acked);
    const events = await hubEventsAfter(db, acked, this.chunkSize);
    // Learners erased for good here since the last erasure the server acknowledged.
    const mark = state.erasures_acked_at;
    const erasures = await hubErasuresAfter(
      db,
      mark === null || typeof mark === 'string' ? mark : toDbTime(mark.getTime()),
      MAX_ERASURES,
    );
    if (events.length === 0 && erasures.length === 0) {
      if (state.backlog === null || Number(state.backlog) !== 0)
        await this.record({ backlog: 0, last_error: null });
      // The next round asks the server for its changes again.
      this.pullDue = true;
      return 'idle';
    }
    const through = events.length > 0 ? events[events.length - 1]!.n : acked;
    const backlog = events.length > 0 ? await hubBacklog(db, through) : 0;
    // The stored events are JSON text already: the body is written around them, not re-encoded.
    const items = events.map((e) => `{"n":${e.n},"epoch":${e.epoch},"event":${e.event}}`);
    const json =
      `{"hub":${JSON.stringify(this.o.upstream.hubId)},"instance":${JSON.stringify(instance)},` +
      `"after":${acked},"through":${through},` +
      `"backlog":${backlog},"events":[${items.join(',')}]` +
      (erasures.length > 0
        ? `,"erasures":${JSON.stringify(erasures.map((e) => e.learnerId))}}`
        : '}');
    const body = await gzipAsync(Buffer.from(json));
    this.stats.chunksSent++;
    // A chunk of erasures alone is known by the mark it starts after.
    const from = events[0]?.n ?? acked;
    if (this.unanswered.has(from) && !this.resent.has(from)) {
      this.resent.add(from);
      this.stats.chunksResent++;
    }
    this.unanswered.add(from);
    const res = await this.fetch(`${this.o.upstream.url}/api/hubs/upload`, {
      method: 'POST',
      headers: {
        authorization: `Bearer ${this.o.upstream.token}`,
        'content-type': 'application/json',
        'content-encoding': 'gzip',
      },
      body,
      signal: AbortSignal.any([
        this.stopping.signal,
        AbortSignal.timeout(this.o.requestTimeoutMs ?? 60_000),
      ]),
    });
    const text = await res.text();
    this.unanswered.delete(from);
    if (res.status === 429) throw new Busy(parseRetryAfter(res.headers.get('retry-after'), 5));
    if (res.status === 409) {
      // The server has less than this hub thought (restored from a backup): start again from
      // its mark; everything after it is still here, since the hub deletes nothing.
      const mark = Number(res.headers.get(HIGH_WATER_HEADER));
      if (!Number.isSafeInteger(mark) || mark < 0)
        throw new Refused(`409 without a high-water mark`);
      await this.record({ acked: Math.min(mark, acked), last_error: null });
      return 'sent';
    }
    if (res.status !== 200)
      throw new Refused(`the server answered ${res.status} ${errorCode(text)}`);
    const ack = HubAckSchema.parse(JSON.parse(text));
    if (ack.highWater < through)
      throw new Refused(`the server acknowledged up to ${ack.highWater}, not ${through}`);
    await this.record({
      acked: through,
      backlog,
      last_sync_at: toDbTime(this.now()),
      last_error: null,
      ...(erasures.length > 0
        ? { erasures_acked_at: erasures[erasures.length - 1]!.erasedAt }
        : {}),
    });
    this.stats.chunksAcked++;
    this.stats.eventsStored += ack.stored;
    this.stats.eventsKnown += ack.known;
    this.stats.eventsDropped += ack.dropped;
    return 'sent';
  }
}
