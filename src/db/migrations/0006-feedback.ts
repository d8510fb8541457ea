import type { Kysely } from 'kysely';
import type { MigrationDialect } from '../migration-dialect';

/**
 * Children's feedback on activities (issue #14, COURSE-2): one row per answer, anonymous. It
 * holds the activity and its version, the band and language, the answer, the day (a date, no
 * time) and the random id the device made for that one answer, so a replay is stored once.
 * Nothing names a child, a device, a class or an address: `docs/privacy/data-inventory.yaml`.
 */
export async function up(db: Kysely<unknown>, _d: MigrationDialect): Promise<void> {
  await db.schema
    .createTable('kite_feedback')
    .addColumn('id', 'varchar(40)', (c) => c.primaryKey())
    .addColumn('activity', 'varchar(128)', (c) => c.notNull())
    .addColumn('activity_version', 'integer', (c) => c.notNull())
    .addColumn('band', 'varchar(8)', (c) => c.notNull())
    .addColumn('lang', 'varchar(16)', (c) => c.notNull())
    .addColumn('answer', 'varchar(20)', (c) => c.notNull())
    // `YYYY-MM-DD` text on both dialects: text order is date order, and no time slips in.
    .addColumn('day', 'varchar(10)', (c) => c.notNull())
    .execute();
  await db.schema
    .createIndex('kite_feedback_activity')
    .on('kite_feedback')
    .columns(['activity', 'answer'])
    .execute();
  await db.schema.createIndex('kite_feedback_day').on('kite_feedback').column('day').execute();
}
