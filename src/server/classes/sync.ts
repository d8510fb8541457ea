// Sync of a child's progress events (PATH-4, docs/classes.md): idempotent by event id, both
// ways, and erasure that no device can undo (epochs and tombstones).

import type { Transaction } from 'kysely';
import type { Database } from '../../db/schema';
import { appendEvents, eventsAfter, lockLearnerEpoch, storedIds } from '../../db/learner-events';
import type { EventRow, PulledRow } from '../../db/learner-events';
import type { GroupWork } from '../../db/group-commit';
import type { Runner } from '../../db/raw-sql';
import { toDbTime } from '../../db/time';
import { isMeasureEvent, measuresOfLog } from '../../engine';
import type { MeasureEvent, ProgressEvent, ProgressFold } from '../../engine';
import { HttpError } from '../http/errors';
import type { ClassesContext } from './context';
import { removeLearner } from './erase';
import { schoolOfChild, stampRecord } from '../records/records';

/** An event as its row of the event log (a device's sync and a hub's upload store it alike). */
export function eventRow(e: ProgressEvent | MeasureEvent): EventRow {
  return {
    id: e.id,
    device: e.device,
    seq: e.seq,
    // A measurement event has no activity: the column says which topic's check it is.
    activity: isMeasureEvent(e) ? `measure.${e.topic}` : e.activity,
    at: e.at,
    event: JSON.stringify(e),
  };
}

/** Most events per request each way. */
export const MAX_BATCH = 100;
export const MAX_PULL = 500;

export interface SyncRequest {
  readonly device: string;
  readonly epoch: number;
  /** The cursor of the last answer, or null the first time. */
  readonly since: string | null;
  /** Progress events and measurement events (NATION-3), in one log. */
  readonly events: (ProgressEvent | MeasureEvent)[];
}

export type SyncAnswer =
  | {
      readonly epoch: number;
      readonly acked: string[];
      /** Events as the devices sent them (JSON of the engine's ProgressEvent). */
      readonly events: Record<string, unknown>[];
      readonly cursor: string | null;
      readonly more: boolean;
    }
  | { readonly erased: { readonly epoch: number } };

type Trx = Transaction<Database>;

/**
 * Runs `work` in a transaction: on SQLite in the group of the syncs that arrive together, which
 * share one commit (src/db/group-commit.ts). `raw` runs the fixed statements of the event log.
 */
const write = <T>(ctx: ClassesContext, work: GroupWork<T>): Promise<T> =>
  ctx.db.groupCommit
    ? ctx.db.groupCommit.run(work)
    : ctx.db.kysely.transaction().execute((trx: Trx) => work(trx, trx));

/** The learner's row, held until the transaction ends (PostgreSQL), and their epoch. */
async function lockLearner(ctx: ClassesContext, db: Runner, learnerId: string): Promise<number> {
  const epoch = await lockLearnerEpoch(db, ctx.db.dialect, learnerId);
  if (epoch === undefined) throw erasedForGood();
  return epoch;
}

export const erasedForGood = () =>
  new HttpError(410, 'learner_erased', 'This learner was erased; this device forgets them');

/** An event as stored: the JSON of the engine's event (jsonb comes back parsed). */
export function parseStored(
  value: string | Record<string, unknown>,
): ProgressEvent | MeasureEvent | ProgressFold {
  return (typeof value === 'string' ? JSON.parse(value) : value) as unknown as
    ProgressEvent | MeasureEvent | ProgressFold;
}

/**
 * One sync exchange for `learnerId`. Every event must be this learner's. Within one
 * transaction, holding the learner's row: a device behind the learner's epoch is told it was
 * erased (and nothing is stored); otherwise new events are stored (known ids are skipped),
 * every event of the batch that is now stored is acknowledged, and the learner's events from
 * other devices after `since` are sent back, oldest first.
 */
export async function sync(
  ctx: ClassesContext,
  learnerId: string,
  req: SyncRequest,
): Promise<SyncAnswer> {
  if (req.events.length > MAX_BATCH) {
    // The route's schema refuses such a batch first, with this same answer.
    throw new HttpError(400, 'batch_too_large', `Send at most ${MAX_BATCH} events at once`);
  }
  for (const e of req.events) {
    if (e.learner !== learnerId) {
      throw new HttpError(400, 'wrong_learner', 'Every event must be of the signed-in learner');
    }
  }
  const since = req.since === null ? 0 : Number(req.since);
  const received = toDbTime(ctx.now());
  // Measurement switched off: a device's measurement events are acknowledged, so they leave
  // its queue, and never stored.
  const kept = ctx.measurement ? req.events : req.events.filter((e) => !isMeasureEvent(e));
  const dropped = ctx.measurement
    ? []
    : req.events.filter(isMeasureEvent).map((e) => e.id as string);
  const rows: EventRow[] = kept.map(eventRow);
  const ids = kept.map((e) => e.id as string);
  if (ctx.syncGroups) {
    // One round trip: kite_sync holds the learner's row while it runs (learner-events.ts), and
    // syncs that wait together share a call (pg-sync-groups.ts). Idempotent by event id, so sent
    // again while the primary fails over: a batch whose commit was lost with the old primary is
    // stored now, one whose answer was lost is acknowledged.
    const r = await ctx.syncGroups.sync({
      learnerId,
      epoch: req.epoch,
      receivedAt: received,
      rows,
      device: req.device,
      since,
      limit: MAX_PULL + 1,
    });
    if (r.epoch === undefined) throw erasedForGood();
    const mismatch = epochProblem(req.epoch, r.epoch);
    if (mismatch) return mismatch;
    return answer(
      r.epoch,
      [...ids.filter((id) => r.acked.has(id)), ...dropped],
      r.pulled,
      req.since,
    );
  }
  return write(ctx, async (_trx, raw) => {
    const epoch = await lockLearner(ctx, raw, learnerId);
    const mismatch = epochProblem(req.epoch, epoch);
    if (mismatch) return mismatch;
    const dialect = ctx.db.dialect;
    const inserted = await appendEvents(raw, dialect, learnerId, received, rows);
    // Usually every event is new and the insert says so; a batch sent again (or an id known
    // already) is acknowledged by what is stored.
    const stored =
      inserted.length === ids.length ? ids : await storedIds(raw, dialect, learnerId, ids);
    const acked = [...stored, ...dropped];
    const scanned = await eventsAfter(raw, dialect, learnerId, since, req.device, MAX_PULL + 1);
    return answer(epoch, acked, scanned, req.since);
  });
}

/** A device behind the learner's epoch is told it was erased; one ahead of it is refused. */
function epochProblem(given: number, epoch: number): SyncAnswer | null {
  if (given < epoch) return { erased: { epoch } };
  if (given > epoch)
    throw new HttpError(400, 'validation_failed', `The learner's epoch is ${epoch}`);
  return null;
}

/** The answer from what was acknowledged and the (at most MAX_PULL + 1) events pulled. */
function answer(
  epoch: number,
  acked: string[],
  scanned: readonly PulledRow[],
  since: string | null,
): SyncAnswer {
  const more = scanned.length > MAX_PULL;
  const page = more ? scanned.slice(0, MAX_PULL) : scanned;
  const last = page[page.length - 1];
  const events: Record<string, unknown>[] = [];
  for (const r of page) {
    if (r.event !== null) events.push(parseStored(r.event) as unknown as Record<string, unknown>);
  }
  return { epoch, acked, events, cursor: last ? String(last.n) : since, more };
}

/**
 * Erases a learner's progress everywhere: every event row goes and the epoch moves on, so any
 * device still holding events from before is told to drop them and none can send them again.
 */
export async function eraseProgress(ctx: ClassesContext, learnerId: string): Promise<number> {
  return write(ctx, async (trx) => {
    const epoch = await lockLearner(ctx, trx, learnerId);
    await trx.deleteFrom('kite_learner_event').where('learner_id', '=', learnerId).execute();
    await trx
      .updateTable('kite_learner')
      .set({ epoch: epoch + 1 })
      .where('id', '=', learnerId)
      .execute();
    // A class's child: the new epoch reaches the school's hub or national server, which erases
    // the progress it holds too (records/records.ts).
    const school = await schoolOfChild(trx, learnerId);
    if (school !== undefined)
      await stampRecord(trx, ctx.now(), 'learner', learnerId, school, { epoch: epoch + 1 });
    return epoch + 1;
  });
}

/**
 * Erases a learner for good: their rows go (events, links and assignments' progress with them)
 * and a tombstone stays, so a device or hub that still holds them is told `learner_erased`.
 */
export async function eraseLearner(ctx: ClassesContext, learnerId: string): Promise<void> {
  await ctx.db.kysely.transaction().execute(async (trx) => {
    await lockLearner(ctx, trx, learnerId);
    await removeLearner(trx, learnerId, ctx.now());
  });
}

/**
 * Every stored progress event of some learners, and the folds of events that retention dropped
 * (docs/classes.md "Retention"), for reports (canonical order is the engine's job). Measurement
 * events are left out: no report of progress reads them.
 */
export async function eventsOf(
  ctx: ClassesContext,
  learnerIds: string[],
): Promise<Map<string, (ProgressEvent | ProgressFold)[]>> {
  const out = new Map<string, (ProgressEvent | ProgressFold)[]>(learnerIds.map((id) => [id, []]));
  for (const [learner, e] of await storedOf(ctx, learnerIds))
    if (!isMeasureEvent(e)) out.get(learner)?.push(e);
  return out;
}

/**
 * Every stored measurement event of some learners (NATION-3), oldest first, with those kept in
 * the folds of dropped events.
 */
export async function measureEventsOf(
  ctx: ClassesContext,
  learnerIds: string[],
): Promise<Map<string, MeasureEvent[]>> {
  const logs = new Map<string, StoredEvent[]>(learnerIds.map((id) => [id, []]));
  for (const [learner, e] of await storedOf(ctx, learnerIds)) logs.get(learner)?.push(e);
  return new Map([...logs].map(([id, log]) => [id, measuresOfLog(log)]));
}

type StoredEvent = ProgressEvent | MeasureEvent | ProgressFold;

async function storedOf(
  ctx: ClassesContext,
  learnerIds: string[],
): Promise<[string, StoredEvent][]> {
  if (learnerIds.length === 0) return [];
  // Reports read a replica where there is one (DATABASE_READ_URL): a moment's lag is fine.
  const rows = await ctx.db.read
    .selectFrom('kite_learner_event')
    .select(['learner_id', 'event'])
    .where('learner_id', 'in', learnerIds)
    .orderBy('n')
    .execute();
  return rows.map((r) => [r.learner_id, parseStored(r.event)]);
}
