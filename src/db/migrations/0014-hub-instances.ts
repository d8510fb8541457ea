import { sql } from 'kysely';
import type { Kysely } from 'kysely';
import type { MigrationDialect } from '../migration-dialect';

/**
 * School hubs, the smaller parts (issue #18, docs/deploy.md "A school hub"):
 *
 * - `kite_learner_event.hub_id`: on the national server, the hub that uploaded an event (null for
 *   an event a device synced itself). On PostgreSQL the column is added to the partitioned
 *   parent, so every month's partition has it.
 * - `kite_hub_instance` (national server): one upload stream per copy of a hub's database
 *   (SCALE-06). A hub database copied to a second machine, or restored from an old backup, makes
 *   a new instance id before it uploads, and its sequence numbers get their own high-water mark
 *   here. A hub's uploads from before this migration continue as the instance `initial`.
 * - `kite_hub_upstream.instance_id` and `fingerprint` (hub): this database's instance id and
 *   where it was made (the file's device and inode); `purged_through`: the hub sequence number up
 *   to which acknowledged events were purged (KITE_HUB_KEEP_DAYS); `erasures_acked_at`: the time
 *   of the latest of the hub's erasures (its tombstones) the server acknowledged.
 */
export async function up(db: Kysely<unknown>, d: MigrationDialect): Promise<void> {
  await db.schema.alterTable('kite_learner_event').addColumn('hub_id', 'varchar(40)').execute();

  await db.schema
    .createTable('kite_hub_instance')
    .addColumn('hub_id', 'varchar(40)', (c) =>
      c.notNull().references('kite_hub.id').onDelete('cascade'),
    )
    .addColumn('instance_id', 'varchar(40)', (c) => c.notNull())
    // The instance's own sequence up to which every event of it is stored here.
    .addColumn('high_water', d.bigint, (c) => c.notNull())
    .addColumn('backlog', d.bigint)
    // Events of this instance's uploads stored here (not counting those the server had).
    .addColumn('stored', d.bigint, (c) => c.notNull().defaultTo(0))
    .addColumn('first_seen_at', d.timestamp, (c) => c.notNull())
    .addColumn('last_sync_at', d.timestamp)
    .addPrimaryKeyConstraint('kite_hub_instance_pkey', ['hub_id', 'instance_id'])
    .execute();
  // A hub that uploaded before keeps its stream: its hub software sends `initial` until it
  // makes an instance id of its own (a copy found, or never made one).
  await sql`
insert into kite_hub_instance (hub_id, instance_id, high_water, backlog, stored, first_seen_at, last_sync_at)
select id, 'initial', high_water, backlog, 0, created_at, last_sync_at from kite_hub
where high_water > 0 or last_sync_at is not null`.execute(db);

  await db.schema.alterTable('kite_hub_upstream').addColumn('instance_id', 'varchar(40)').execute();
  await db.schema
    .alterTable('kite_hub_upstream')
    .addColumn('fingerprint', 'varchar(100)')
    .execute();
  await db.schema
    .alterTable('kite_hub_upstream')
    .addColumn('purged_through', d.bigint, (c) => c.notNull().defaultTo(0))
    .execute();
  await db.schema
    .alterTable('kite_hub_upstream')
    .addColumn('erasures_acked_at', d.timestamp)
    .execute();
  await sql`update kite_hub_upstream set instance_id = 'initial'`.execute(db);
}

export async function down(db: Kysely<unknown>): Promise<void> {
  await db.schema.alterTable('kite_hub_upstream').dropColumn('erasures_acked_at').execute();
  await db.schema.alterTable('kite_hub_upstream').dropColumn('purged_through').execute();
  await db.schema.alterTable('kite_hub_upstream').dropColumn('fingerprint').execute();
  await db.schema.alterTable('kite_hub_upstream').dropColumn('instance_id').execute();
  await db.schema.dropTable('kite_hub_instance').execute();
  await db.schema.alterTable('kite_learner_event').dropColumn('hub_id').execute();
}
