// The database snapshot the fuzz and authorization tests compare after every request: it must
// see every write of a row (added, changed, removed) and leave out only the failure records a
// refused request may write. Two implementations (rows turned into JSON texts by SQLite and
// hashed by the test, rows hashed by the database on PostgreSQL), so both dialects.
import { sql } from 'kysely';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { auditLog } from '../../src/server/accounts/audit';
import { changedTables, snapshotDb } from '../helpers/db-snapshot';
import { DIALECTS } from '../helpers/dialects';
import type { TestDb } from '../helpers/dialects';

for (const dialect of DIALECTS) {
  describe(`${dialect.name}: the database snapshot`, () => {
    let testDb: TestDb;
    let enabled = false;
    beforeAll(async () => {
      enabled = await dialect.available();
      if (enabled) testDb = await dialect.fresh();
    });
    afterAll(async () => {
      if (enabled) await testDb.dispose();
    });

    it('sees a row added, changed and removed, and nothing when nothing was written', async () => {
      if (!enabled) return;
      const { kysely } = testDb.db;
      const s0 = await snapshotDb(testDb.db);
      expect(changedTables(s0, await snapshotDb(testDb.db))).toEqual([]);
      expect(s0.kite_meta?.rows).toBeGreaterThanOrEqual(0);

      await kysely.insertInto('kite_meta').values({ key: 'snapshot-test', value: 'a' }).execute();
      const s1 = await snapshotDb(testDb.db);
      expect(changedTables(s0, s1)).toEqual(['kite_meta']);
      expect(s1.kite_meta!.rows).toBe(s0.kite_meta!.rows + 1);

      await kysely
        .updateTable('kite_meta')
        .set({ value: 'b' })
        .where('key', '=', 'snapshot-test')
        .execute();
      const s2 = await snapshotDb(testDb.db);
      expect(changedTables(s1, s2)).toEqual(['kite_meta']);
      expect(s2.kite_meta!.rows).toBe(s1.kite_meta!.rows);

      await kysely.deleteFrom('kite_meta').where('key', '=', 'snapshot-test').execute();
      expect(changedTables(s0, await snapshotDb(testDb.db))).toEqual([]);
    });

    it('sees a row replaced by another, the count unchanged', async () => {
      if (!enabled) return;
      const { kysely } = testDb.db;
      await kysely.insertInto('kite_meta').values({ key: 'snapshot-a', value: 'x' }).execute();
      const s0 = await snapshotDb(testDb.db);
      await kysely.deleteFrom('kite_meta').where('key', '=', 'snapshot-a').execute();
      await kysely.insertInto('kite_meta').values({ key: 'snapshot-b', value: 'x' }).execute();
      const s1 = await snapshotDb(testDb.db);
      expect(changedTables(s0, s1)).toEqual(['kite_meta']);
      expect(s1.kite_meta!.rows).toBe(s0.kite_meta!.rows);
      await kysely.deleteFrom('kite_meta').where('key', '=', 'snapshot-b').execute();
    });

    it('sees values swapped between two rows', async () => {
      if (!enabled) return;
      const { kysely } = testDb.db;
      await kysely
        .insertInto('kite_meta')
        .values([
          { key: 'snapshot-a', value: '1', updated_at: '2027-01-01' },
          { key: 'snapshot-b', value: '2', updated_at: '2027-01-02' },
        ])
        .execute();
      const s0 = await snapshotDb(testDb.db);
      await kysely
        .updateTable('kite_meta')
        .set({ value: '2' })
        .where('key', '=', 'snapshot-a')
        .execute();
      await kysely
        .updateTable('kite_meta')
        .set({ value: '1' })
        .where('key', '=', 'snapshot-b')
        .execute();
      expect(changedTables(s0, await snapshotDb(testDb.db))).toEqual(['kite_meta']);
      await kysely
        .deleteFrom('kite_meta')
        .where('key', 'in', ['snapshot-a', 'snapshot-b'])
        .execute();
    });

    it('sees NULL become an empty text and back', async () => {
      if (!enabled) return;
      const { kysely } = testDb.db;
      await kysely
        .insertInto('kite_hub_upstream')
        .values({ hub_id: 'snapshot-h', acked: 0 })
        .execute();
      const s0 = await snapshotDb(testDb.db);
      const setError = (lastError: string | null) =>
        kysely.updateTable('kite_hub_upstream').set({ last_error: lastError }).execute();
      await setError('');
      expect(changedTables(s0, await snapshotDb(testDb.db))).toEqual(['kite_hub_upstream']);
      await setError(null);
      expect(changedTables(s0, await snapshotDb(testDb.db))).toEqual([]);
      await kysely.deleteFrom('kite_hub_upstream').execute();
    });

    it('leaves out rate-limit counters and failed audit rows, but not an audit row that succeeded', async () => {
      if (!enabled) return;
      const { kysely } = testDb.db;
      const audit = auditLog(testDb.db);
      const s0 = await snapshotDb(testDb.db);
      await kysely
        .insertInto('kite_rate_limit')
        .values({ bucket: 'snap', hits: 1, reset_at: 1 })
        .execute();
      await audit.record({ event: 'signin', outcome: 'fail' }, Date.UTC(2027, 0, 1));
      expect(changedTables(s0, await snapshotDb(testDb.db))).toEqual([]);
      await audit.record({ event: 'signin', outcome: 'ok' }, Date.UTC(2027, 0, 1));
      expect(changedTables(s0, await snapshotDb(testDb.db))).toEqual(['kite_audit']);
    });
  });
}

// SQLite stores a value of any kind in any column (it types values, not columns): the digest must
// see a change of a real number and of a blob, and a blob become text.
describe('sqlite: the database snapshot, values of every kind', () => {
  let testDb: TestDb;
  beforeAll(async () => {
    testDb = await DIALECTS.find((d) => d.name === 'sqlite')!.fresh();
  });
  afterAll(async () => {
    await testDb.dispose();
  });

  /** Sets kite_meta's `value` for `key` (a text column, which keeps a blob as a blob). */
  const setMeta = (value: unknown) =>
    sql`update kite_meta set value = ${value} where key = 'snapshot-kind'`.execute(
      testDb.db.kysely,
    );

  it('sees a real change in its last digit, and 1 become 1.5', async () => {
    const { kysely } = testDb.db;
    // An integer column with a real in it: SQLite keeps what it cannot make an integer.
    await kysely
      .insertInto('kite_feedback')
      .values({
        id: 'snapshot-f',
        activity: 'a',
        activity_version: 0.1 + 0.2,
        band: 'b',
        lang: 'en',
        answer: 'ok',
        day: '2027-01-01',
      })
      .execute();
    const s0 = await snapshotDb(testDb.db);
    await kysely.updateTable('kite_feedback').set({ activity_version: 0.3 }).execute();
    const s1 = await snapshotDb(testDb.db);
    expect(changedTables(s0, s1)).toEqual(['kite_feedback']);
    await kysely.updateTable('kite_feedback').set({ activity_version: 1 }).execute();
    const s2 = await snapshotDb(testDb.db);
    expect(changedTables(s1, s2)).toEqual(['kite_feedback']);
    await kysely.updateTable('kite_feedback').set({ activity_version: 1.5 }).execute();
    expect(changedTables(s2, await snapshotDb(testDb.db))).toEqual(['kite_feedback']);
    await kysely.deleteFrom('kite_feedback').execute();
  });

  it('sees the integer 1 become a blob that is the JSONB of 1', async () => {
    const { kysely } = testDb.db;
    await kysely
      .insertInto('kite_hub_upstream')
      .values({ hub_id: 'snapshot-h', acked: 1 })
      .execute();
    const s0 = await snapshotDb(testDb.db);
    // SQLite's JSON functions read x'1331' as JSONB, and print it as 1.
    await sql`update kite_hub_upstream set acked = ${Buffer.from([0x13, 0x31])}`.execute(kysely);
    expect(changedTables(s0, await snapshotDb(testDb.db))).toEqual(['kite_hub_upstream']);
    await kysely.deleteFrom('kite_hub_upstream').execute();
  });

  it('sees a blob change in one byte, and a blob become the text of its bytes', async () => {
    const { kysely } = testDb.db;
    await kysely.insertInto('kite_meta').values({ key: 'snapshot-kind', value: '' }).execute();
    await setMeta(Buffer.from([0, 1, 2]));
    const s0 = await snapshotDb(testDb.db);
    expect(s0.kite_meta!.rows).toBeGreaterThan(0);
    await setMeta(Buffer.from([0, 1, 3]));
    const s1 = await snapshotDb(testDb.db);
    expect(changedTables(s0, s1)).toEqual(['kite_meta']);
    await setMeta('000103');
    expect(changedTables(s1, await snapshotDb(testDb.db))).toEqual(['kite_meta']);
    await setMeta(Buffer.from([0, 1, 2]));
    expect(changedTables(s0, await snapshotDb(testDb.db))).toEqual([]);
    await kysely.deleteFrom('kite_meta').where('key', '=', 'snapshot-kind').execute();
  });

  it('sees a column that another connection added, and the values written to it', async () => {
    const s0 = await snapshotDb(testDb.db);
    await testDb.db.kysely
      .insertInto('kite_meta')
      .values({ key: 'snapshot-col', value: 'v' })
      .execute();
    const s1 = await snapshotDb(testDb.db);
    const other = await testDb.connectAgain();
    try {
      await sql`alter table kite_meta add column snapshot_extra text`.execute(other.kysely);
      // The new column holds NULL on every row, so a digest of the old columns alone…
      const s2 = await snapshotDb(testDb.db);
      expect(s2.kite_meta!.rows).toBe(s1.kite_meta!.rows);
      await sql`update kite_meta set snapshot_extra = 'x' where key = 'snapshot-col'`.execute(
        other.kysely,
      );
      // …would miss this write.
      expect(changedTables(s2, await snapshotDb(testDb.db))).toEqual(['kite_meta']);
      await sql`alter table kite_meta drop column snapshot_extra`.execute(other.kysely);
      await other.kysely.deleteFrom('kite_meta').where('key', '=', 'snapshot-col').execute();
    } finally {
      await other.close();
    }
    expect(changedTables(s0, await snapshotDb(testDb.db))).toEqual([]);
  });
});
