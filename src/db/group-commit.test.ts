import { sql } from 'kysely';
import { afterEach, describe, expect, it } from 'vitest';
import { openDb } from './connect';
import type { Db } from './connect';
import { groupCommit } from './group-commit';
import { run } from './raw-sql';
import type { Runner } from './raw-sql';

describe('group commit (SQLite)', () => {
  let db: Db;
  afterEach(async () => {
    await db.close();
  });

  const open = async () => {
    db = await openDb({ sqliteFile: ':memory:' });
    await sql`create table t (id integer primary key, v text not null)`.execute(db.kysely);
    return groupCommit(db.kysely);
  };
  const rows = async () =>
    (await sql<{ v: string }>`select v from t order by id`.execute(db.kysely)).rows.map((r) => r.v);

  it('runs the work that arrives in one turn in one transaction, and answers each its own value', async () => {
    const group = await open();
    const seen = new Set<unknown>();
    const answers = await Promise.all(
      ['a', 'b', 'c'].map((v) =>
        group.run(async (trx) => {
          seen.add(trx);
          await sql`insert into t (v) values (${v})`.execute(trx);
          return v.toUpperCase();
        }),
      ),
    );
    expect(answers).toEqual(['A', 'B', 'C']);
    expect(seen.size).toBe(1);
    expect(await rows()).toEqual(['a', 'b', 'c']);
  });

  it('undoes only the work that failed, and tells that caller its error', async () => {
    const group = await open();
    const results = await Promise.allSettled([
      group.run(async (trx) => sql`insert into t (v) values ('kept 1')`.execute(trx)),
      group.run(async (trx) => {
        await sql`insert into t (v) values ('undone')`.execute(trx);
        throw new Error('refused');
      }),
      group.run(async (trx) => sql`insert into t (v) values ('kept 2')`.execute(trx)),
    ]);
    expect(results.map((r) => r.status)).toEqual(['fulfilled', 'rejected', 'fulfilled']);
    expect((results[1] as PromiseRejectedResult).reason).toEqual(new Error('refused'));
    expect(await rows()).toEqual(['kept 1', 'kept 2']);
  });

  it('keeps going: work queued while a group commits forms the next group', async () => {
    const group = await open();
    const trxs: unknown[] = [];
    const first = group.run(async (trx) => {
      trxs.push(trx);
      await sql`insert into t (v) values ('first')`.execute(trx);
    });
    // Queued after the first group has started (its transaction is open by the next macrotask).
    await new Promise((r) => setImmediate(r));
    const second = group.run(async (trx) => {
      trxs.push(trx);
      await sql`insert into t (v) values ('second')`.execute(trx);
    });
    await Promise.all([first, second]);
    expect(trxs).toHaveLength(2);
    expect(trxs[0]).not.toBe(trxs[1]);
    expect(await rows()).toEqual(['first', 'second']);
  });

  it('bounds a group at maxGroup', async () => {
    db = await openDb({ sqliteFile: ':memory:' });
    const group = groupCommit(db.kysely, { maxGroup: 2 });
    const trxs = new Set<unknown>();
    await Promise.all(Array.from({ length: 5 }, () => group.run(async (trx) => trxs.add(trx))));
    expect(trxs.size).toBe(3);
  });

  // The database's own group commit runs fixed SQL straight on the connection (sqlite-direct.ts).
  it("runs a work's fixed SQL in the group's transaction, undone with its savepoint", async () => {
    db = await openDb({ sqliteFile: ':memory:' });
    await sql`create table t (id integer primary key, v text not null)`.execute(db.kysely);
    const group = db.groupCommit!;
    const insert = (raw: Runner, v: string) => run(raw, 'insert into t (v) values (?)', [v]);
    const results = await Promise.allSettled([
      group.run(async (trx, raw) => {
        expect(raw).not.toBe(trx);
        await insert(raw, 'kept 1');
        // Kysely's queries and the direct runner's share the one transaction.
        const seen = await sql<{ v: string }>`select v from t`.execute(trx);
        expect(seen.rows).toEqual([{ v: 'kept 1' }]);
        return (await run<{ v: string }>(raw, 'select v from t')).rows.map((r) => r.v);
      }),
      group.run(async (_trx, raw) => {
        await insert(raw, 'undone');
        throw new Error('refused');
      }),
      group.run(async (trx, raw) => {
        await sql`insert into t (v) values ('kept 2')`.execute(trx);
        const found = await run<{ n: number }>(raw, 'select count(*) as n from t');
        // kept 1, and kept 2 written through Kysely: 'undone' was rolled back.
        return found.rows[0]!.n;
      }),
    ]);
    expect(results).toEqual([
      { status: 'fulfilled', value: ['kept 1'] },
      { status: 'rejected', reason: new Error('refused') },
      { status: 'fulfilled', value: 2 },
    ]);
    expect(await rows()).toEqual(['kept 1', 'kept 2']);
    // A statement's error reaches the work as it would through Kysely, and the group goes on.
    await expect(
      group.run((_trx, raw) => run(raw, 'insert into t (v) values (null)')),
    ).rejects.toThrow(/NOT NULL/);
    expect(
      await group.run(
        async (_trx, raw) =>
          (await run(raw, 'delete from t where v = ?', ['kept 1'])).numAffectedRows,
      ),
    ).toBe(1n);
  });
});
