import { sql } from 'kysely';
import type { Kysely } from 'kysely';
import type { MigrationDialect } from '../migration-dialect';
import { DEFAULT_PARTITION, FIRST_MONTH, ensureMonths } from '../event-partitions';

/**
 * PostgreSQL: the learners' event log partitioned by month of `at` (issue #18, SCALE-01 and
 * SCALE-13; docs/classes.md "Events on PostgreSQL"). The table is made again as a partitioned one
 * and every row copied, in the migration's one transaction: a month's partition for each month
 * from the first event's (not before 2020) to three months after this one, and a default
 * partition for any other `at`. A unique key must hold the partition key, so events are told
 * apart by (id, at): a device fixes both when it makes the event and sends them unchanged however
 * often it resends. `n` keeps its sequence and still orders a learner's events by arrival (the
 * primary key is (n, at)); `kite_sync` skips events by (id, at). SQLite keeps its table.
 */
export async function up(db: Kysely<unknown>, d: MigrationDialect): Promise<void> {
  if (d.name !== 'postgres') return;
  const now = Date.now();
  await sql`alter table kite_learner_event rename to kite_learner_event_unpartitioned`.execute(db);
  await sql`alter sequence kite_learner_event_n_seq owned by none`.execute(db);
  await sql`
create table kite_learner_event (
  n bigint not null default nextval('kite_learner_event_n_seq'),
  id varchar(40) not null,
  learner_id varchar(40) not null,
  device varchar(40) not null,
  seq integer not null,
  activity varchar(128) not null,
  at bigint not null,
  event jsonb not null,
  received_at timestamptz not null
) partition by range (at)`.execute(db);
  await sql
    .raw(`create table ${DEFAULT_PARTITION} partition of kite_learner_event default`)
    .execute(db);
  const { rows } = await sql<{ first: string | null }>`
select min(at) as first from kite_learner_event_unpartitioned where at >= ${FIRST_MONTH}
`.execute(db);
  const first = rows[0]?.first;
  await ensureMonths(db, now, first === null || first === undefined ? now : Number(first));
  await sql`
insert into kite_learner_event (n, id, learner_id, device, seq, activity, at, event, received_at)
select n, id, learner_id, device, seq, activity, at, event, received_at
from kite_learner_event_unpartitioned`.execute(db);
  await sql`drop table kite_learner_event_unpartitioned`.execute(db);
  await sql`alter sequence kite_learner_event_n_seq owned by kite_learner_event.n`.execute(db);
  await sql`alter table kite_learner_event add constraint kite_learner_event_pkey primary key (n, at)`.execute(
    db,
  );
  await sql`alter table kite_learner_event add constraint kite_learner_event_id_at unique (id, at)`.execute(
    db,
  );
  await sql`alter table kite_learner_event add constraint kite_learner_event_learner_id_fkey
foreign key (learner_id) references kite_learner (id) on delete cascade`.execute(db);
  await sql`create index kite_learner_event_learner on kite_learner_event (learner_id, n)`.execute(
    db,
  );
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
    -- The dedupe key (SCALE-01): the device fixes an event's id and time when it makes it.
    on conflict (id, at) do nothing
    returning 1
  )
  select count(*) into v_inserted from ins;
  return query select
    v_epoch,
    -- Usually every event is new; a batch sent again is acknowledged by what is stored: each
    -- (id, at) of the batch is stored now, and the learner's own events are acknowledged.
    case when v_inserted = coalesce(cardinality(p_ids), 0) then to_jsonb(coalesce(p_ids, '{}'))
    else (select coalesce(jsonb_agg(k.id), '[]'::jsonb) from kite_learner_event k
          join jsonb_array_elements(p_batch) as e
            on k.id = e->>'id' and k.at = (e->>'at')::bigint
          where k.learner_id = p_learner) end,
    (select coalesce(jsonb_agg(jsonb_build_array(p.n, p.event) order by p.n), '[]'::jsonb)
     from (select k.n, case when k.device <> p_device then k.event end as event
           from kite_learner_event k
           where k.learner_id = p_learner and k.n > p_since
           order by k.n limit p_limit) p);
end
$fn$`.execute(db);
}
