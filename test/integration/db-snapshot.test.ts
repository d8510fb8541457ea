// The database snapshot the fuzz and authorization tests compare after every request: it must
// see every write of a row (added, changed, removed) and leave out only the failure records a
// refused request may write. Two implementations (rows read into the test on SQLite, hashed by
// the database on PostgreSQL), so both dialects.
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
