// A hub's chunk on the national server (issue #18, SCALE-01/04/05/06/07): in one transaction,
// the hub's row locked, the learners it names checked against its school, new events stored
// with the hub's id (an event id stored already is skipped, as for a device) and the high-water
// mark of the hub's instance advanced with them. The same chunk sent again stores nothing and
// answers the same mark. Each instance of a hub's database (a copy on a second machine, an old
// backup restored) has its own stream of sequence numbers and its own mark (SCALE-06).

import type { Transaction } from 'kysely';
import type { Database } from '../../db/schema';
import { appendLearnersEvents, lockLearners, tombstoned } from '../../db/hub-events';
import type { LearnerEventRow } from '../../db/hub-events';
import { toDbTime } from '../../db/time';
import { isMeasureEvent } from '../../engine';
import { removeLearner } from '../classes/erase';
import { eventRow } from '../classes/sync';
import { HttpError } from '../http/errors';
import type { HubsContext } from './context';
import { INITIAL_INSTANCE } from './protocol';
import type { HubAck, HubChunk } from './protocol';
import type { HubIdentity } from './provisioning';

type Trx = Transaction<Database>;

/** The header of a 409 `cursor_gap` that says where the server stands. */
export const HIGH_WATER_HEADER = 'kite-high-water';

/** A chunk naming learners outside the hub's school: refused whole, and logged (SCALE-07). */
export class OutOfScope extends HttpError {
  constructor(readonly events: number) {
    super(
      403,
      'learner_out_of_scope',
      `${events} ${events === 1 ? 'event is' : 'events are'} of learners outside this hub's school; nothing was stored`,
    );
  }
}

/** The largest device sequence number kite_learner_event.seq holds. */
const MAX_SEQ = 2_147_483_647;

/** A chunk's own order: sequence numbers rising, all within (after, through]. */
function checkOrder(chunk: HubChunk): void {
  if (chunk.through < chunk.after)
    throw new HttpError(400, 'validation_failed', 'through must not be less than after');
  let last = chunk.after;
  for (const e of chunk.events) {
    // The column is a 32-bit integer (the event schema allows any safe integer).
    if (e.event.seq > MAX_SEQ)
      throw new HttpError(400, 'validation_failed', `An event's seq must be at most ${MAX_SEQ}`);
    if (e.n <= last || e.n > chunk.through)
      throw new HttpError(
        400,
        'validation_failed',
        'Event sequence numbers must rise, after `after` and up to `through`',
      );
    last = e.n;
  }
}

/** What a chunk did: the answer, and whether it was the first of a new instance of the hub. */
export interface Ingested {
  readonly ack: HubAck;
  readonly instance: string;
  /** The first chunk of an instance the server had not seen, of a hub that had uploaded. */
  readonly newInstance: boolean;
}

/**
 * Takes one chunk of `hub`. A chunk that starts beyond its instance's high-water mark (the hub
 * thinks the server has events it does not: a server restored from a backup) is refused with
 * 409 `cursor_gap` and the mark in a header, and the hub starts again from there. A chunk that
 * starts at or before the mark (sent again after a lost answer, or overlapping) is stored all
 * the same, every known event skipped by its id, and the mark becomes the larger of the two:
 * the answer is the same however often it is sent. The first chunk of an instance the server
 * has not seen starts that instance's stream at 0.
 */
export async function ingestChunk(
  ctx: HubsContext,
  hub: HubIdentity,
  chunk: HubChunk,
): Promise<Ingested> {
  if (chunk.hub !== hub.id)
    throw new HttpError(403, 'forbidden', 'This credential is not the credential of that hub');
  checkOrder(chunk);
  const erasures = [...new Set(chunk.erasures ?? [])];
  const learnerIds = [
    ...new Set([...chunk.events.map((e) => e.event.learner as string), ...erasures]),
  ].sort();
  const received = toDbTime(ctx.now());
  const dialect = ctx.db.dialect;
  return ctx.db.kysely.transaction().execute(async (trx: Trx) => {
    let hubRow = trx
      .selectFrom('kite_hub')
      .select(['high_water', 'revoked_at'])
      .where('id', '=', hub.id);
    // One hub's chunks take turns (the hub sends one at a time; a retry may overtake).
    if (dialect === 'postgres') hubRow = hubRow.forUpdate();
    const row = await hubRow.executeTakeFirst();
    if (!row || row.revoked_at !== null)
      throw new HttpError(401, 'unauthenticated', 'This hub credential is not valid');
    const instance = chunk.instance ?? INITIAL_INSTANCE;
    const stream = await trx
      .selectFrom('kite_hub_instance')
      .select(['high_water'])
      .where('hub_id', '=', hub.id)
      .where('instance_id', '=', instance)
      .executeTakeFirst();
    const highWater = stream ? Number(stream.high_water) : 0;
    // A new instance of a hub that uploaded before: a copy or a restored backup of its database.
    const others = stream
      ? undefined
      : await trx
          .selectFrom('kite_hub_instance')
          .select((eb) => eb.fn.countAll().as('c'))
          .where('hub_id', '=', hub.id)
          .executeTakeFirst();
    if (chunk.after > highWater)
      throw new HttpError(
        409,
        'cursor_gap',
        `The server has this hub's events up to ${highWater}; send from there`,
        { [HIGH_WATER_HEADER]: String(highWater) },
      );

    const known = await lockLearners(trx, dialect, learnerIds);
    const byId = new Map(known.map((l) => [l.id, l]));
    const missing = learnerIds.filter((id) => !byId.has(id));
    const erased = await tombstoned(trx, dialect, missing);
    // An erasure of a learner the server never had erases nothing: it is no reason to refuse.
    const named = new Set(chunk.events.map((e) => e.event.learner as string));
    const outside = new Set([
      ...known.filter((l) => l.schoolId !== hub.schoolId).map((l) => l.id),
      ...missing.filter((id) => !erased.has(id) && named.has(id)),
    ]);
    if (outside.size > 0)
      throw new OutOfScope(
        chunk.events.filter((e) => outside.has(e.event.learner)).length +
          erasures.filter((id) => outside.has(id)).length,
      );

    // Erased for good on the hub (a teacher's erasure, or its retention purge): erased here too,
    // as a teacher's erasure here would (the events go with the row; a tombstone stays). Learners
    // erased here already are in `erased` already.
    for (const id of erasures) {
      if (!byId.has(id)) continue;
      await removeLearner(trx, id, ctx.now());
      byId.delete(id);
      erased.add(id);
    }

    const rows: LearnerEventRow[] = [];
    let dropped = 0;
    const active = new Set<string>();
    for (const { epoch, event: e } of chunk.events) {
      const learner = byId.get(e.learner);
      // Erased for good, or progress erased after the hub recorded it: never brought back.
      // Measurement switched off: acknowledged, not kept (as for a device).
      if (!learner || epoch < learner.epoch || (!ctx.measurement && isMeasureEvent(e))) {
        dropped++;
        continue;
      }
      active.add(learner.id);
      rows.push({ learnerId: learner.id, ...eventRow(e) });
    }
    const stored = await appendLearnersEvents(trx, dialect, received, rows, hub.id);
    if (stored > 0) {
      // Children who play only at a hub stay active for the retention purge (PRIV-18).
      await trx
        .updateTable('kite_learner')
        .set({ last_active_at: received })
        .where('id', 'in', [...active])
        .where('last_active_at', '<', received)
        .execute();
    }
    const advanced = Math.max(highWater, chunk.through);
    // The mark moves in the same transaction as the rows (SCALE-05).
    if (stream)
      await trx
        .updateTable('kite_hub_instance')
        .set((eb) => ({
          high_water: advanced,
          backlog: chunk.backlog,
          last_sync_at: received,
          stored: eb('stored', '+', stored),
        }))
        .where('hub_id', '=', hub.id)
        .where('instance_id', '=', instance)
        .execute();
    else
      await trx
        .insertInto('kite_hub_instance')
        .values({
          hub_id: hub.id,
          instance_id: instance,
          high_water: advanced,
          backlog: chunk.backlog,
          stored,
          first_seen_at: received,
          last_sync_at: received,
        })
        .execute();
    // The hub's row: its latest upload (which the queue reads, SCALE-11) and that instance's.
    await trx
      .updateTable('kite_hub')
      .set({ high_water: advanced, backlog: chunk.backlog, last_sync_at: received })
      .where('id', '=', hub.id)
      .execute();
    return {
      ack: {
        highWater: advanced,
        stored,
        known: rows.length - stored,
        dropped,
        erased: [...erased].sort(),
      },
      instance,
      newInstance: Number(others?.c ?? 0) > 0,
    };
  });
}
