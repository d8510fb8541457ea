// Group sync on PostgreSQL (src/db/pg-sync-groups.ts, migration 0016-pg-sync-groups): syncs that
// wait together go as one call of kite_sync_many, and each is answered as kite_sync would answer
// it alone — two devices of one child in one group, an erased device, a learner who is gone, a
// batch sent twice; a sync that fails undoes only itself; two groups that share learners do not
// deadlock. The device credentials' checks that wait together go as one statement too. The HTTP journeys (classes, measurement, two apps, the crash and failover tests) go
// through the same path; bench:ingest checks it under load (stored equals acknowledged).
import { randomUUID } from 'node:crypto';
import { sql } from 'kysely';
import type { CompiledQuery } from 'kysely';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Db } from '../../src/db/connect';
import { credentialByHash } from '../../src/db/device-credentials';
import { pgSyncMany } from '../../src/db/learner-events';
import type { EventRow, PgSyncCall, PgSyncResult } from '../../src/db/learner-events';
import { statementName } from '../../src/db/named-statements';
import { pgSyncGroups } from '../../src/db/pg-sync-groups';
import type { Runner } from '../../src/db/raw-sql';
import { toDbTime } from '../../src/db/time';
import { PG_ADMIN_URL, freshPostgres, isPostgresReachable } from '../helpers/dialects';
import type { TestDb } from '../helpers/dialects';

const enabled = await isPostgresReachable();
if (!enabled && process.env.KITE_TEST_PG === 'required')
  throw new Error(`KITE_TEST_PG=required but PostgreSQL does not answer at ${PG_ADMIN_URL}`);

const received = toDbTime(Date.UTC(2026, 10, 2, 9));
let seq = 0;

/** A progress event's row, as sync.ts makes it (the JSON is what the device sent). */
function event(learner: string, device: string, fields: Record<string, unknown> = {}): EventRow {
  const id = randomUUID();
  const at = Date.UTC(2026, 10, 2, 9) + ++seq;
  const json = { id, learner, device, seq, activity: 'a-new-friend', at, ...fields };
  return { id, device, seq, activity: 'a-new-friend', at, event: JSON.stringify(json) };
}

const call = (
  learnerId: string,
  device: string,
  rows: EventRow[],
  since = 0,
  epoch = 1,
): PgSyncCall => ({
  learnerId,
  epoch,
  receivedAt: received,
  rows,
  device,
  since,
  limit: 501,
});

/** The ids of a pull whose JSON came back, and how many came without (the asker's own). */
const pulled = (r: PgSyncResult) => ({
  others: r.pulled.filter((p) => p.event !== null).map((p) => (p.event as { id: string }).id),
  own: r.pulled.filter((p) => p.event === null).length,
});

/** The app's runner, noting the name of each sync statement it sends. */
function watched(db: Db): { runner: Runner; sent: string[] } {
  const sent: string[] = [];
  return {
    sent,
    runner: {
      executeQuery: <R>(q: CompiledQuery<R>) => {
        const name = statementName(q.sql);
        if (name) sent.push(name);
        return db.kysely.executeQuery(q);
      },
    },
  };
}

describe.skipIf(!enabled)('postgres: syncs that wait together share one call', () => {
  let t: TestDb;
  let db: Db;
  let learners: string[];
  const retrying = <T>(work: () => Promise<T>) => db.retrying(work);

  beforeAll(async () => {
    t = await freshPostgres();
    db = t.db;
    learners = Array.from({ length: 8 }, (_, k) => `learner-${k}`);
    const at = toDbTime(Date.now());
    for (const [k, id] of learners.entries()) {
      await db.kysely
        .insertInto('kite_learner')
        .values({
          id,
          class_id: null,
          parent_id: null,
          nickname: `Kim ${k}`,
          avatar: 'owl',
          band: '8-10',
          lang: 'en',
          pictures: null,
          // learner-7 was erased once: its devices at epoch 1 are behind.
          epoch: id === 'learner-7' ? 2 : 1,
          consent_by: null,
          consent_at: null,
          consent_notice: null,
          created_at: at,
          last_active_at: at,
        })
        .execute();
    }
  });
  afterAll(async () => {
    await t?.dispose();
  });

  const stored = async (learner: string) =>
    Number(
      (
        await sql<{ n: string }>`select count(*) as n from kite_learner_event
          where learner_id = ${learner}`.execute(db.kysely)
      ).rows[0]!.n,
    );

  it('answers each sync of a group as kite_sync answers it alone, in order', async () => {
    const [one, two] = learners;
    const tablet = [event(one!, 'tablet'), event(one!, 'tablet')];
    const phone = [event(one!, 'phone')];
    const twice = [event(two!, 'tablet'), event(two!, 'tablet'), event(two!, 'tablet')];
    const behind = [event('learner-7', 'tablet')];
    const gone = [event('no-such-learner', 'tablet')];
    const answers = await pgSyncMany(db.kysely, [
      call(one!, 'tablet', tablet),
      call(two!, 'tablet', twice),
      // The same child's phone, later in the group: it sees the tablet's events just stored.
      call(one!, 'phone', phone),
      call('learner-7', 'tablet', behind),
      call('no-such-learner', 'tablet', gone),
      // The same batch again (an answer lost on the way): acknowledged, stored once.
      call(two!, 'tablet', twice),
    ]);
    expect(answers).toHaveLength(6);
    const [a, b, c, d, e, f] = answers as [PgSyncResult, ...PgSyncResult[]];
    expect(a.epoch).toBe(1);
    expect([...a.acked].sort()).toEqual(tablet.map((r) => r.id).sort());
    expect(pulled(a)).toEqual({ others: [], own: 2 });
    expect([...b!.acked].sort()).toEqual(twice.map((r) => r.id).sort());
    expect([...c!.acked]).toEqual([phone[0]!.id]);
    expect(pulled(c!)).toEqual({ others: tablet.map((r) => r.id), own: 1 });
    // Behind the learner's epoch: nothing stored, nothing pulled, the epoch said.
    expect(d).toEqual({ epoch: 2, acked: new Set(), pulled: [] });
    expect(e!.epoch).toBeUndefined();
    expect([...f!.acked].sort()).toEqual(twice.map((r) => r.id).sort());
    expect(await stored(one!)).toBe(3);
    expect(await stored(two!)).toBe(3);
    expect(await stored('learner-7')).toBe(0);
  });

  it('sends a sync alone when nothing waits, and those that wait as one call', async () => {
    const w = watched(db);
    const groups = pgSyncGroups(w.runner, { retrying, maxInFlight: 1, maxGroup: 32 });
    const alone = await groups.sync(call(learners[2]!, 'tablet', [event(learners[2]!, 'tablet')]));
    expect(alone.acked.size).toBe(1);
    expect(w.sent).toEqual(['kite_sync']);
    // The call's slot is free once its promise has settled, a moment after its answer.
    await new Promise((r) => setImmediate(r));
    // Twenty at once: the first goes alone, the other nineteen wait for it and then go together.
    const calls = Array.from({ length: 20 }, (_, k) => {
      const learner = learners[k % 6]!;
      return call(learner, `device-${k}`, [event(learner, `device-${k}`)]);
    });
    const results = await Promise.all(calls.map((c) => groups.sync(c)));
    results.forEach((r, k) => expect([...r.acked]).toEqual([calls[k]!.rows[0]!.id]));
    expect(w.sent).toEqual(['kite_sync', 'kite_sync', 'kite_sync_many']);
  });

  it('splits a group no bigger than maxGroup', async () => {
    const w = watched(db);
    const groups = pgSyncGroups(w.runner, { retrying, maxInFlight: 1, maxGroup: 4 });
    const calls = Array.from({ length: 9 }, (_, k) => call(learners[3]!, `d${k}`, []));
    await Promise.all(calls.map((c) => groups.sync(c)));
    // 1 alone, then 4 and 4 together.
    expect(w.sent).toEqual(['kite_sync', 'kite_sync_many', 'kite_sync_many']);
  });

  it('undoes only the sync that fails: the others of its group are stored', async () => {
    const w = watched(db);
    const groups = pgSyncGroups(w.runner, { retrying, maxInFlight: 1 });
    const learner = learners[6]!;
    const first = call(learner, 'tablet', [event(learner, 'tablet')]);
    const good = [0, 1, 2].map((k) => call(learner, `phone-${k}`, [event(learner, `phone-${k}`)]));
    // `at` that is not a number: the insert's cast fails, and with it the group's transaction.
    const bad = call(learner, 'broken', [event(learner, 'broken', { at: 'soon' })]);
    const outcomes = await Promise.allSettled(
      [first, good[0]!, bad, good[1]!, good[2]!].map((c) => groups.sync(c)),
    );
    expect(outcomes.map((o) => o.status)).toEqual([
      'fulfilled',
      'fulfilled',
      'rejected',
      'fulfilled',
      'fulfilled',
    ]);
    expect(String((outcomes[2] as PromiseRejectedResult).reason)).toMatch(/bigint/);
    // The group failed as a whole, then each of its four ran alone.
    expect(w.sent).toEqual([
      'kite_sync',
      'kite_sync_many',
      'kite_sync',
      'kite_sync',
      'kite_sync',
      'kite_sync',
    ]);
    expect(await stored(learner)).toBe(4);
  });

  it('two groups that share learners wait for each other instead of deadlocking', async () => {
    const other = await t.connectAgain();
    try {
      const shared = learners.slice(0, 6);
      const round = async (k: number) => {
        const forward = shared.map((l) => call(l, `x${k}`, [event(l, `x${k}`)]));
        const backward = [...shared].reverse().map((l) => call(l, `y${k}`, [event(l, `y${k}`)]));
        // Each group locks its learners before it stores anything, in order of id.
        const [a, b] = await Promise.all([
          pgSyncMany(db.kysely, forward),
          pgSyncMany(other.kysely, backward),
        ]);
        for (const r of [...a, ...b]) expect(r.acked.size).toBe(1);
      };
      const before = await Promise.all(shared.map(stored));
      await Promise.all(Array.from({ length: 10 }, (_, k) => round(k)));
      const after = await Promise.all(shared.map(stored));
      after.forEach((n, k) => expect(n - before[k]!).toBe(20));
    } finally {
      await other.close();
    }
  });
  it('checks the credentials that wait together in one statement, each as alone', async () => {
    const at = toDbTime(Date.now());
    const credential = (hash: string, learner: string, revoked: boolean) => ({
      token_hash: hash,
      learner_id: learner,
      created_at: at,
      last_used_at: at,
      revoked_at: revoked ? at : null,
    });
    await db.kysely
      .insertInto('kite_device_credential')
      .values([
        credential('hash-a', learners[0]!, false),
        credential('hash-b', learners[1]!, true),
        credential('hash-c', learners[5]!, false),
      ])
      .execute();
    // learner-5 was erased for good: the check finds their tombstone.
    await db.kysely
      .insertInto('kite_learner_tombstone')
      .values({ learner_id: learners[5]!, erased_at: at })
      .execute();
    const w = watched(db);
    const groups = pgSyncGroups(w.runner, { retrying, maxInFlight: 1 });
    const hashes = ['hash-a', 'hash-a', 'hash-b', 'no-such-hash', 'hash-c', 'hash-b'];
    const found = await Promise.all(hashes.map((h) => groups.credential(h)));
    const alone = await Promise.all(hashes.map((h) => credentialByHash(db.kysely, 'postgres', h)));
    expect(found).toEqual(alone);
    expect(found.map((r) => r?.learner_id)).toEqual([
      learners[0],
      learners[0],
      learners[1],
      undefined,
      learners[5],
      learners[1],
    ]);
    expect(found[2]!.revoked_at).not.toBeNull();
    expect(found[4]!.erased_at).not.toBeNull();
    expect(w.sent).toEqual(['kite_device_credential', 'kite_device_credentials']);
  });
});
