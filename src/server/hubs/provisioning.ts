// School hubs on the national server (issue #18): provisioned by an operator (`kite hub add`),
// which fixes the hub's id and prints its credential once; only the credential's SHA-256 is
// kept, as for devices and sessions. A revoked hub's row stays, so its id is never reused.

import { randomToken, tokenHash } from '../accounts/tokens';
import { toDbTime } from '../../db/time';
import type { Db } from '../../db/connect';
import { HttpError } from '../http/errors';

/** A hub as its credential names it. */
export interface HubIdentity {
  readonly id: string;
  readonly schoolId: string;
}

/** A hub as `kite hub list` shows it. */
export interface HubSummary extends HubIdentity {
  /** The mark of the instance that uploaded last. */
  readonly highWater: number;
  readonly backlog: number | null;
  readonly lastSyncAt: string | null;
  readonly revoked: boolean;
  /** Instances of its database that uploaded (SCALE-06): more than one, it was copied. */
  readonly instances: number;
  /** Events its uploads stored, over every instance (events erased since included). */
  readonly stored: number;
}

/** One upload stream of a hub, as `kite hub status` shows it. */
export interface HubInstanceSummary {
  readonly instance: string;
  readonly highWater: number;
  readonly backlog: number | null;
  readonly stored: number;
  readonly firstSeenAt: string;
  readonly lastSyncAt: string | null;
}

/** Why provisioning refused. */
export class HubRefused extends Error {
  override readonly name = 'HubRefused';
}

/**
 * Provisions a hub for a school: a new fixed id and a credential, returned once (only its
 * hash is stored).
 */
export async function addHub(
  db: Db,
  schoolId: string,
  now: number,
): Promise<{ id: string; token: string }> {
  const school = await db.kysely
    .selectFrom('kite_school')
    .select('id')
    .where('id', '=', schoolId)
    .executeTakeFirst();
  if (!school) throw new HubRefused(`no school has the id ${schoolId}`);
  const id = `hub-${randomToken(12)}`;
  const token = randomToken(32);
  await db.kysely
    .insertInto('kite_hub')
    .values({
      id,
      school_id: schoolId,
      token_hash: tokenHash(token),
      high_water: 0,
      backlog: null,
      last_sync_at: null,
      created_at: toDbTime(now),
      revoked_at: null,
    })
    .execute();
  return { id, token };
}

/** Every hub, oldest first. */
export async function listHubs(db: Db): Promise<HubSummary[]> {
  const rows = await db.kysely
    .selectFrom('kite_hub')
    .select(['id', 'school_id', 'high_water', 'backlog', 'last_sync_at', 'revoked_at'])
    .orderBy('created_at')
    .orderBy('id')
    .execute();
  const streams = await db.kysely
    .selectFrom('kite_hub_instance')
    .select((eb) => [
      'hub_id',
      eb.fn.countAll().as('instances'),
      eb.fn.sum<number | string>('stored').as('stored'),
    ])
    .groupBy('hub_id')
    .execute();
  const byHub = new Map(streams.map((s) => [s.hub_id, s]));
  return rows.map((r) => ({
    id: r.id,
    schoolId: r.school_id,
    highWater: Number(r.high_water),
    backlog: r.backlog === null ? null : Number(r.backlog),
    lastSyncAt: iso(r.last_sync_at),
    revoked: r.revoked_at !== null,
    instances: Number(byHub.get(r.id)?.instances ?? 0),
    stored: Number(byHub.get(r.id)?.stored ?? 0),
  }));
}

const iso = (t: string | Date | null): string | null =>
  t === null ? null : new Date(t).toISOString();

/**
 * One hub's upload streams, oldest first, and how many events stored on this server now carry
 * its id (a count over the whole event log: a moment on a large database). Undefined for an
 * unknown hub.
 */
export async function hubStatus(
  db: Db,
  id: string,
): Promise<{ instances: HubInstanceSummary[]; eventsNow: number } | undefined> {
  const hub = await db.kysely
    .selectFrom('kite_hub')
    .select('id')
    .where('id', '=', id)
    .executeTakeFirst();
  if (!hub) return undefined;
  const rows = await db.kysely
    .selectFrom('kite_hub_instance')
    .selectAll()
    .where('hub_id', '=', id)
    .orderBy('first_seen_at')
    .orderBy('instance_id')
    .execute();
  const count = await db.kysely
    .selectFrom('kite_learner_event')
    .select((eb) => eb.fn.countAll().as('c'))
    .where('hub_id', '=', id)
    .executeTakeFirstOrThrow();
  return {
    instances: rows.map((r) => ({
      instance: r.instance_id,
      highWater: Number(r.high_water),
      backlog: r.backlog === null ? null : Number(r.backlog),
      stored: Number(r.stored),
      firstSeenAt: iso(r.first_seen_at)!,
      lastSyncAt: iso(r.last_sync_at),
    })),
    eventsNow: Number(count.c),
  };
}

/** Revokes a hub's credential; false when no such hub exists or it is revoked already. */
export async function revokeHub(db: Db, id: string, now: number): Promise<boolean> {
  const r = await db.kysely
    .updateTable('kite_hub')
    .set({ revoked_at: toDbTime(now) })
    .where('id', '=', id)
    .where('revoked_at', 'is', null)
    .executeTakeFirst();
  return Number(r.numUpdatedRows) === 1;
}

/** A hub as its credential names it, with its last successful upload (for the queue). */
export interface HubCaller extends HubIdentity {
  /** In ms; null when it never uploaded. */
  readonly lastSyncAt: number | null;
}

/** The hub a credential speaks for; 401 for an unknown or revoked one. */
export async function hubOfToken(db: Db, token: string): Promise<HubCaller> {
  const row = await db.kysely
    .selectFrom('kite_hub')
    .select(['id', 'school_id', 'revoked_at', 'last_sync_at'])
    .where('token_hash', '=', tokenHash(token))
    .executeTakeFirst();
  if (!row || row.revoked_at !== null)
    throw new HttpError(401, 'unauthenticated', 'This hub credential is not valid');
  return {
    id: row.id,
    schoolId: row.school_id,
    lastSyncAt: row.last_sync_at === null ? null : new Date(row.last_sync_at).getTime(),
  };
}
