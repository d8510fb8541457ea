import { sql } from 'kysely';
import type { Kysely } from 'kysely';
import type { MigrationDialect } from '../migration-dialect';

/**
 * PostgreSQL: the syncs that wait together as one call (issue #13, bench:ingest;
 * src/db/pg-sync-groups.ts). `kite_sync_many` takes a JSON array of calls, each
 * `{l: learner, e: epoch, r: received at, b: events, i: their ids, d: device, s: since,
 * n: limit}`, and answers one row per call, `o_i` its place in the array, with what `kite_sync`
 * (migration 0012) answers for it alone: it calls `kite_sync` for each in turn, in one
 * transaction. Every learner of the group is locked first, in order of id (as a hub's upload
 * locks its learners, hub-events.ts), so two groups that share learners wait for each other
 * instead of deadlocking. A call's statements still come after its learner's lock, so it sees
 * everything an earlier sync of that learner committed. Nothing here changes a table.
 */
export async function up(db: Kysely<unknown>, d: MigrationDialect): Promise<void> {
  if (d.name !== 'postgres') return;
  await sql`
create or replace function kite_sync_many(p_calls jsonb)
returns table (o_i integer, o_epoch integer, o_acked jsonb, o_pulled jsonb)
language plpgsql volatile as $fn$
declare
  v_call jsonb;
  v_i integer := 0;
begin
  perform 1 from kite_learner l
    where l.id in (select c->>'l' from jsonb_array_elements(p_calls) as c)
    order by l.id for update;
  for v_call in select c from jsonb_array_elements(p_calls) as c loop
    return query select v_i, s.o_epoch, s.o_acked, s.o_pulled
      from kite_sync(
        v_call->>'l', (v_call->>'e')::integer, (v_call->>'r')::timestamptz, v_call->'b',
        array(select jsonb_array_elements_text(v_call->'i')), v_call->>'d',
        (v_call->>'s')::bigint, (v_call->>'n')::integer) as s;
    v_i := v_i + 1;
  end loop;
end
$fn$`.execute(db);
}

export async function down(db: Kysely<unknown>, d: MigrationDialect): Promise<void> {
  if (d.name !== 'postgres') return;
  await sql`drop function if exists kite_sync_many(jsonb)`.execute(db);
}
