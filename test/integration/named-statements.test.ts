// The sync's statements kept prepared under a name on each PostgreSQL connection
// (src/db/named-statements.ts), and sent unnamed with KITE_PG_PREPARED=off (behind a pooler that
// cannot carry them, docs/deploy.md). Checked through the app's own write pool, on one connection
// held for the check, so the statements and the look at pg_prepared_statements share it.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { sql } from 'kysely';
import { openDb } from '../../src/db/connect';
import type { Db } from '../../src/db/connect';
import { credentialByHash, pgCredentialsByHash } from '../../src/db/device-credentials';
import { pgSync, pgSyncMany } from '../../src/db/learner-events';
import { namedStatement, statementName } from '../../src/db/named-statements';
import { freshPostgres, isPostgresReachable } from '../helpers/dialects';
import type { TestDb } from '../helpers/dialects';

const pgUp = await isPostgresReachable();

/** The statement names prepared on one connection after it ran each statement twice. */
async function preparedAfter(db: Db): Promise<string[]> {
  return db.kysely.connection().execute(async (c) => {
    for (let i = 0; i < 2; i++) {
      expect(await credentialByHash(c, 'postgres', 'no-such-hash')).toBeUndefined();
      expect(await pgCredentialsByHash(c, ['no-such-hash', 'nor-this'])).toEqual([
        undefined,
        undefined,
      ]);
      const nobody = {
        learnerId: 'no-such-learner',
        epoch: 1,
        receivedAt: new Date(0).toISOString(),
        rows: [],
        device: 'd',
        since: 0,
        limit: 10,
      };
      // No such learner: the call finds no row to hold, and says so.
      expect((await pgSync(c, nobody)).epoch).toBeUndefined();
      const group = await pgSyncMany(c, [nobody, nobody]);
      expect(group.map((r) => r.epoch)).toEqual([undefined, undefined]);
    }
    const { rows } = await sql<{
      name: string;
    }>`select name from pg_prepared_statements order by name`.execute(c);
    return rows.map((r) => r.name);
  });
}

describe.skipIf(!pgUp)('PostgreSQL: the sync statements kept prepared', () => {
  let t: TestDb;
  const url = () => t.env.DATABASE_URL!;
  beforeAll(async () => {
    t = await freshPostgres();
  });
  afterAll(async () => {
    await t?.dispose();
  });

  it('prepares the credential checks and the sync calls once per connection, under their names', async () => {
    const db = await openDb({ databaseUrl: url(), createDatabase: false });
    try {
      expect(await preparedAfter(db)).toEqual([
        'kite_device_credential',
        'kite_device_credentials',
        'kite_sync',
        'kite_sync_many',
      ]);
    } finally {
      await db.close();
    }
  });

  it('prepares nothing with named statements off (KITE_PG_PREPARED=off)', async () => {
    const db = await openDb({ databaseUrl: url(), createDatabase: false, namedStatements: false });
    try {
      expect(await preparedAfter(db)).toEqual([]);
    } finally {
      await db.close();
    }
  });
});

describe('named statements: one name a statement', () => {
  it('gives the text back and knows its name', () => {
    const text = namedStatement('test_probe_one', 'select 1 as probe_one');
    expect(text).toBe('select 1 as probe_one');
    expect(statementName(text)).toBe('test_probe_one');
    expect(statementName('select 1')).toBeUndefined();
  });

  it('refuses a second name for a text, or one name for two texts', () => {
    namedStatement('test_probe_two', 'select 2 as probe_two');
    expect(() => namedStatement('test_probe_other', 'select 2 as probe_two')).toThrow(
      /already named test_probe_two/,
    );
    expect(() => namedStatement('test_probe_two', 'select 3 as probe_three')).toThrow(
      /two statements are named test_probe_two/,
    );
  });
});
