import type { Kysely } from 'kysely';
import type { MigrationDialect } from '../migration-dialect';

/**
 * National releases (issue #17, NATION-2, docs/national.md "Releases"): one row per term,
 * built once after the term ended and never recomputed (STAT-06), with the places as they were
 * named when it was built, and one row per published table. A release holds aggregates only:
 * areas (nation, regions, districts), counts rounded and suppressed, percents and gains; never a
 * school, class or child id (PRIV-20). Tables are JSON text on both dialects: they are read
 * whole and served as they were stored.
 */
export async function up(db: Kysely<unknown>, d: MigrationDialect): Promise<void> {
  await db.schema
    .createTable('kite_nation_release')
    .addColumn('term', 'varchar(32)', (c) => c.primaryKey())
    .addColumn('term_from', 'varchar(10)', (c) => c.notNull())
    .addColumn('term_to', 'varchar(10)', (c) => c.notNull())
    .addColumn('built_at', d.timestamp, (c) => c.notNull())
    .addColumn('built_by', 'varchar(32)', (c) => c.references('kite_user.id').onDelete('set null'))
    // JSON text: the areas (ReleaseArea[]: id, level, name, parent) as named at build time.
    .addColumn('areas', 'text', (c) => c.notNull())
    .execute();

  await db.schema
    .createTable('kite_nation_release_table')
    .addColumn('term', 'varchar(32)', (c) =>
      c.notNull().references('kite_nation_release.term').onDelete('cascade'),
    )
    .addColumn('table_id', 'varchar(160)', (c) => c.notNull())
    .addColumn('position', 'integer', (c) => c.notNull())
    // JSON text: the PublishedTable (id, kind, columns, cells).
    .addColumn('body', 'text', (c) => c.notNull())
    .addPrimaryKeyConstraint('kite_nation_release_table_pk', ['term', 'table_id'])
    .execute();
}

export async function down(db: Kysely<unknown>): Promise<void> {
  await db.schema.dropTable('kite_nation_release_table').execute();
  await db.schema.dropTable('kite_nation_release').execute();
}
