import type { Kysely } from 'kysely';
import type { MigrationDialect } from '../migration-dialect';

/**
 * Deployment settings and the places of a deployment (issue #17, NATION-1; docs/national.md):
 * the settings coordinators and admins set over the environment's defaults (one row, versioned),
 * the trail of every change to them and to the places, regions and their districts (place
 * names, never people), and the district a school belongs to (none for schools made before, or
 * not yet placed: "unassigned"). `docs/privacy/data-inventory.yaml` names each column.
 */
export async function up(db: Kysely<unknown>, d: MigrationDialect): Promise<void> {
  await db.schema
    .createTable('kite_deployment_settings')
    .addColumn('id', 'varchar(16)', (c) => c.primaryKey())
    .addColumn('version', 'integer', (c) => c.notNull())
    // JSON text of the settings set here (each absent one falls back to the environment).
    .addColumn('settings', 'text', (c) => c.notNull())
    .addColumn('updated_at', d.timestamp, (c) => c.notNull())
    .execute();

  await db.schema
    .createTable('kite_deployment_change')
    .addColumn('id', 'varchar(32)', (c) => c.primaryKey())
    .addColumn('at', d.timestamp, (c) => c.notNull())
    .addColumn('actor_id', 'varchar(32)', (c) => c.references('kite_user.id').onDelete('set null'))
    .addColumn('action', 'varchar(40)', (c) => c.notNull())
    .addColumn('object_id', 'varchar(32)')
    .addColumn('settings_version', 'integer')
    // JSON text: what changed, as values ({ "field": { "from": …, "to": … } }).
    .addColumn('detail', 'text', (c) => c.notNull())
    .execute();
  await db.schema
    .createIndex('kite_deployment_change_at')
    .on('kite_deployment_change')
    .column('at')
    .execute();

  await db.schema
    .createTable('kite_region')
    .addColumn('id', 'varchar(32)', (c) => c.primaryKey())
    .addColumn('name', 'varchar(120)', (c) => c.notNull())
    .addColumn('created_at', d.timestamp, (c) => c.notNull())
    .addColumn('archived_at', d.timestamp)
    .execute();

  await db.schema
    .createTable('kite_district')
    .addColumn('id', 'varchar(32)', (c) => c.primaryKey())
    .addColumn('region_id', 'varchar(32)', (c) => c.notNull().references('kite_region.id'))
    .addColumn('name', 'varchar(120)', (c) => c.notNull())
    .addColumn('created_at', d.timestamp, (c) => c.notNull())
    .addColumn('archived_at', d.timestamp)
    .execute();
  await db.schema
    .createIndex('kite_district_region')
    .on('kite_district')
    .column('region_id')
    .execute();

  // Nullable: schools made before this migration, or not placed yet, are "unassigned".
  await db.schema
    .alterTable('kite_school')
    .addColumn('district_id', 'varchar(32)', (c) => c.references('kite_district.id'))
    .execute();
  await db.schema
    .createIndex('kite_school_district')
    .on('kite_school')
    .column('district_id')
    .execute();
}
