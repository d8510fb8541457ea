// Finding the primary and riding out a failover (SCALE-15, docs/deploy.md), on the real
// PostgreSQL of the test suite. CI has one cluster, so two databases of it stand in for two
// nodes: a node is "not the primary" here because its database is read-only
// (`default_transaction_read_only`), which answers writes with 25006 as a standby does, and
// which the write pool's check (`transaction_read_only`) refuses as it refuses a standby. What
// this cannot show is the other half of that check, `pg_is_in_recovery()`, on a real standby,
// nor a promotion: `npm run drill:failover` does, with two clusters and streaming replication.
//
// "Promotion" here is making the other database writable. The pool's idle connections are cut
// with pg_terminate_backend (57P01, as a stopping server sends); an unhandled pool 'error'
// event would end this test process, which vitest reports as a failure.
import { randomBytes } from 'node:crypto';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { FastifyInstance } from 'fastify';
import { sql } from 'kysely';
import pg from 'pg';
import type { Activity, Catalogue } from '../../src/engine';
import { openDb, openPostgresNodes } from '../../src/db/connect';
import type { Db } from '../../src/db/connect';
import { migrateToLatest } from '../../src/db/migrate';
import { isFailoverError } from '../../src/db/failover-errors';
import { DatabaseUnavailableError } from '../../src/db/retry';
import { TEST_ARGON2 } from '../../src/server/accounts/passwords';
import { createApp } from '../../src/server/app';
import { outbox } from '../helpers/account-client';
import { setUpClass } from '../helpers/class-fixture';
import type { SignedChild } from '../helpers/class-fixture';
import { shippedContent } from '../helpers/content';
import { DIALECTS, PG_ADMIN_URL } from '../helpers/dialects';
import { playThrough } from '../helpers/play-events';

const postgres = DIALECTS.find((d) => d.name === 'postgres')!;
// Unreachable PostgreSQL: skipped with the helper's warning, or a failure with KITE_TEST_PG=required.
const pgUp = await postgres.available();

const RETRY_MS = 4_000;

describe.skipIf(!pgUp)('the write pool finds the primary among several nodes', () => {
  const suffix = randomBytes(5).toString('hex');
  const names = { a: `kite_test_${suffix}_a`, b: `kite_test_${suffix}_b` };
  const urlOf = (name: string) => {
    const u = new URL(PG_ADMIN_URL);
    u.pathname = `/${name}`;
    return u.toString();
  };
  let admin: pg.Client;
  let db: Db;
  let app: FastifyInstance;
  let catalogue: Catalogue;
  let children: SignedChild[];
  const primaries: (string | undefined)[] = [];
  const clock = { now: Date.UTC(2026, 11, 5, 9) };
  const seq = { next: 1 };

  const adminSql = (text: string) => admin.query(text);
  const readOnly = (name: string, on: boolean) =>
    adminSql(
      on
        ? `alter database "${name}" set default_transaction_read_only = on`
        : `alter database "${name}" reset default_transaction_read_only`,
    );
  /** Cuts every connection to a database, as a server that stops does (57P01). */
  const cutConnections = (name: string) =>
    adminSql(
      `select pg_terminate_backend(pid) from pg_stat_activity where datname = '${name}' and pid <> pg_backend_pid()`,
    );
  const storedIn = async (name: string, ids: string[]) => {
    const c = new pg.Client({ connectionString: urlOf(name) });
    await c.connect();
    try {
      const { rows } = await c.query<{ n: string }>(
        'select count(*) as n from kite_learner_event where id = any($1::text[])',
        [ids],
      );
      return Number(rows[0]!.n);
    } finally {
      await c.end();
    }
  };

  const activity = (): Activity =>
    [...catalogue.activities.values()].find((a) => a.band === '8-10' && !a.sensitive)!;
  const batch = (child: SignedChild) =>
    playThrough(activity(), { learner: child.id, device: 'tablet-1', seq, at: clock.now });
  const sync = (child: SignedChild, events: ReturnType<typeof batch>) =>
    app.inject({
      method: 'POST',
      url: '/api/child/sync',
      headers: { authorization: `Bearer ${child.token}` },
      payload: { device: 'tablet-1', epoch: 1, since: null, events },
    });

  beforeAll(async () => {
    catalogue = (await shippedContent()).catalogue;
    admin = new pg.Client({ connectionString: PG_ADMIN_URL });
    await admin.connect();
    // Node A: a migrated database with a class whose children are signed in.
    const first = await openDb({ databaseUrl: urlOf(names.a), createDatabase: true });
    await migrateToLatest(first);
    const mail = outbox();
    const deps = {
      now: () => clock.now,
      catalogue,
      accounts: { argon2: TEST_ARGON2, mailer: mail.mailer, now: () => clock.now },
    };
    const setup = await createApp({ db: first, ...deps });
    children = (await setUpClass(setup, mail, clock, 3, '8-10')).children;
    await setup.close();
    await first.close();
    // Node B: a copy of A (as a standby holds its primary's data), read-only (as a standby is).
    await adminSql(`create database "${names.b}" template "${names.a}"`);
    await readOnly(names.b, true);
    db = await openPostgresNodes(
      [
        { label: 'B', url: urlOf(names.b) },
        { label: 'A', url: urlOf(names.a) },
      ],
      { createDatabase: false, retryMs: RETRY_MS, onPrimary: (l) => primaries.push(l) },
    );
    app = await createApp({ db, ...deps });
  }, 120_000);

  afterAll(async () => {
    await app?.close();
    await db?.close();
    for (const name of Object.values(names)) {
      await adminSql(`drop database if exists "${name}" with (force)`).catch(() => {});
    }
    await admin?.end();
  });

  it('writes go to the first node that is writable, passing over a read-only one', async () => {
    const events = batch(children[0]!);
    const res = await sync(children[0]!, events);
    expect(res.statusCode).toBe(200);
    const ids = events.map((e) => e.id as string);
    expect((res.json() as { acked: string[] }).acked.sort()).toEqual([...ids].sort());
    expect(await storedIn(names.a, ids)).toBe(ids.length);
    expect(await storedIn(names.b, ids)).toBe(0);
    expect(primaries).toEqual(['A']);
  });

  it('with no node writable: a write not sent twice answers 503 at once, the sync 503 after its retry window, and the process lives', async () => {
    await readOnly(names.a, true);
    await cutConnections(names.a);
    // Sign-in step one reads the throttle first; it is not retried.
    const lookUp = await app.inject({
      method: 'POST',
      url: '/api/child/class',
      payload: { code: 'ABCD-EFGH' },
    });
    expect(lookUp.statusCode).toBe(503);
    expect(lookUp.headers['retry-after']).toBe('5');
    expect(lookUp.json()).toEqual({
      error: {
        code: 'database_unavailable',
        message: 'The database is not available just now; try again soon',
      },
    });
    const events = batch(children[1]!);
    const started = Date.now();
    const res = await sync(children[1]!, events);
    expect(res.statusCode).toBe(503);
    expect(res.json()).toMatchObject({ error: { code: 'database_unavailable' } });
    expect(res.headers['retry-after']).toBeDefined();
    // It was retried for the window, not refused at once.
    expect(Date.now() - started).toBeGreaterThanOrEqual(RETRY_MS - 100);
    await expect(db.retrying(() => sql`select 1`.execute(db.kysely))).rejects.toBeInstanceOf(
      DatabaseUnavailableError,
    );
    expect(primaries.at(-1)).toBeUndefined();
  }, 30_000);

  it('a sync sent while no node is writable is stored once, on the node promoted meanwhile', async () => {
    const events = batch(children[2]!);
    const ids = events.map((e) => e.id as string);
    // B is "promoted" a moment after the sync is sent: it is retried until then.
    const promoted = new Promise<void>((resolve) =>
      setTimeout(() => void readOnly(names.b, false).then(() => resolve()), 700),
    );
    const res = await sync(children[2]!, events);
    await promoted;
    expect(res.statusCode).toBe(200);
    expect((res.json() as { acked: string[] }).acked.sort()).toEqual([...ids].sort());
    expect(await storedIn(names.b, ids)).toBe(ids.length);
    expect(await storedIn(names.a, ids)).toBe(0);
    expect(primaries.at(-1)).toBe('B');
    // Sent again (its answer lost, say): acknowledged, and still stored once.
    const again = await sync(children[2]!, events);
    expect(again.statusCode).toBe(200);
    expect((again.json() as { acked: string[] }).acked).toHaveLength(ids.length);
    expect(await storedIn(names.b, ids)).toBe(ids.length);
  });

  it('a statement cut on the primary by admin_shutdown (57P01) is sent again and succeeds', async () => {
    const cut = new Promise<void>((resolve) =>
      setTimeout(() => void cutConnections(names.b).then(() => resolve()), 300),
    );
    let attempts = 0;
    const rows = await db.retrying(async () => {
      attempts++;
      const r = await sql<{ ok: number }>`select 1 as ok from pg_sleep(1)`.execute(db.kysely);
      return r.rows;
    });
    await cut;
    expect(rows).toEqual([{ ok: 1 }]);
    expect(attempts).toBe(2);
  });

  it('a connection ended by the server while checked out between two queries does not end the process', async () => {
    // Without a listener on the connection itself its 'error' is unhandled: this process ends.
    const work = db.kysely.transaction().execute(async (trx) => {
      await sql`select 1`.execute(trx);
      await cutConnections(names.b);
      await new Promise((r) => setTimeout(r, 300));
      await sql`select 1`.execute(trx);
    });
    await expect(work).rejects.toSatisfy(isFailoverError);
    const r = await db.retrying(() => sql<{ ok: number }>`select 1 as ok`.execute(db.kysely));
    expect(r.rows).toEqual([{ ok: 1 }]);
  });
});
