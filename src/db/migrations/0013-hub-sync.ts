import type { Kysely } from 'kysely';
import type { MigrationDialect } from '../migration-dialect';

/**
 * School hubs uploading to the national server (issue #18, docs/deploy.md "A school hub"). On
 * the national server, `kite_hub`: one row per hub provisioned with `kite hub add`, its school,
 * the hash of its credential and its cursor (the highest hub sequence number the server has
 * stored, advanced in the same transaction as the rows). On a hub, `kite_hub_upstream`: what
 * the upstream server acknowledged so far, so that uploads resume there after a restart. Each
 * database has both tables; a server's second one stays empty, as does a hub's first.
 */
export async function up(db: Kysely<unknown>, d: MigrationDialect): Promise<void> {
  await db.schema
    .createTable('kite_hub')
    .addColumn('id', 'varchar(40)', (c) => c.primaryKey())
    .addColumn('school_id', 'varchar(32)', (c) =>
      c.notNull().references('kite_school.id').onDelete('restrict'),
    )
    .addColumn('token_hash', 'varchar(64)', (c) => c.notNull().unique())
    // The hub's own sequence (its kite_learner_event.n) up to which every event is stored here.
    .addColumn('high_water', d.bigint, (c) => c.notNull())
    // Events the hub said it still had to send after its last chunk.
    .addColumn('backlog', d.bigint)
    .addColumn('last_sync_at', d.timestamp)
    .addColumn('created_at', d.timestamp, (c) => c.notNull())
    .addColumn('revoked_at', d.timestamp)
    .execute();
  await db.schema.createIndex('kite_hub_school').on('kite_hub').column('school_id').execute();

  await db.schema
    .createTable('kite_hub_upstream')
    .addColumn('hub_id', 'varchar(40)', (c) => c.primaryKey())
    // The last of this hub's sequence numbers the upstream server acknowledged storing.
    .addColumn('acked', d.bigint, (c) => c.notNull())
    .addColumn('backlog', d.bigint)
    .addColumn('last_sync_at', d.timestamp)
    .addColumn('last_error', 'varchar(200)')
    .execute();
}

export async function down(db: Kysely<unknown>): Promise<void> {
  await db.schema.dropTable('kite_hub_upstream').execute();
  await db.schema.dropTable('kite_hub').execute();
}
