import { sql } from 'kysely';
import type { Kysely } from 'kysely';
import type { MigrationDialect } from '../migration-dialect';

/**
 * PostgreSQL: a child's sync exchange as one function call (issue #13, bench:ingest), one round
 * trip instead of six (BEGIN, the learner's lock, the insert, the acknowledged ids, the pull,
 * COMMIT). Its statements run in order in one transaction and, the function being VOLATILE,
 * each reads the database as it is when it starts: the insert and the pull come after the lock,
 * so they see everything a sync of the same learner committed before it (a single statement
 * would read from before its wait for the lock and could skip those events). SQLite keeps its
 * transaction (src/server/classes/sync.ts); nothing here changes a table.
 */
export async function up(db: Kysely<unknown>, d: MigrationDialect): Promise<void> {
  if (d.name !== 'postgres') return;
  await sql`
create or replace function kite_sync(
  p_learner text, p_epoch integer, p_received timestamptz, p_batch jsonb, p_ids text[],
  p_device text, p_since bigint, p_limit integer
) returns table (o_epoch integer, o_acked jsonb, o_pulled jsonb)
language plpgsql volatile as $fn$
declare
  v_epoch integer;
  v_inserted integer;
begin
  -- Held until the call ends, so one learner's syncs and erasures take turns.
  select l.epoch into v_epoch from kite_learner l where l.id = p_learner for update;
  if not found then
    return query select null::integer, '[]'::jsonb, '[]'::jsonb;
    return;
  end if;
  -- A device at another epoch stores and pulls nothing; the server says why.
  if v_epoch <> p_epoch then
    return query select v_epoch, '[]'::jsonb, '[]'::jsonb;
    return;
  end if;
  with ins as (
    insert into kite_learner_event
      (id, learner_id, device, seq, activity, at, event, received_at)
    -- A measurement event has no activity: the column says which topic's check it is.
    select e->>'id', p_learner, e->>'device', (e->>'seq')::integer,
      coalesce(e->>'activity', 'measure.' || (e->>'topic')), (e->>'at')::bigint, e, p_received
    from jsonb_array_elements(p_batch) as e
    on conflict (id) do nothing
    returning 1
  )
  select count(*) into v_inserted from ins;
  return query select
    v_epoch,
    -- Usually every event is new; a batch sent again is acknowledged by what is stored.
    case when v_inserted = coalesce(cardinality(p_ids), 0) then to_jsonb(coalesce(p_ids, '{}'))
    else (select coalesce(jsonb_agg(k.id), '[]'::jsonb) from kite_learner_event k
          where k.id = any(p_ids) and k.learner_id = p_learner) end,
    (select coalesce(jsonb_agg(jsonb_build_array(p.n, p.event) order by p.n), '[]'::jsonb)
     from (select k.n, case when k.device <> p_device then k.event end as event
           from kite_learner_event k
           where k.learner_id = p_learner and k.n > p_since
           order by k.n limit p_limit) p);
end
$fn$`.execute(db);
}

export async function down(db: Kysely<unknown>, d: MigrationDialect): Promise<void> {
  if (d.name !== 'postgres') return;
  await sql`drop function if exists kite_sync(text, integer, timestamptz, jsonb, text[], text, bigint, integer)`.execute(
    db,
  );
}
