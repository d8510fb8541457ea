import type { Kysely } from 'kysely';
import { sql } from 'kysely';
import type { MigrationDialect } from '../migration-dialect';

/**
 * Background jobs shared by every app process on this database (server/jobs/runner.ts): one row
 * per job. A process runs a job only while it holds the job's lease (`lease_owner` until
 * `lease_until`), won by one atomic statement; a crashed holder's lease simply runs out.
 * `last_error` is a short message without personal data.
 */
export async function up(db: Kysely<unknown>, d: MigrationDialect): Promise<void> {
  await db.schema
    .createTable('kite_job')
    .addColumn('name', 'varchar(60)', (c) => c.primaryKey())
    .addColumn('lease_owner', 'varchar(60)')
    .addColumn('lease_until', d.timestamp)
    .addColumn('next_run_at', d.timestamp, (c) => c.notNull())
    .addColumn('last_started_at', d.timestamp)
    .addColumn('last_finished_at', d.timestamp)
    .addColumn('last_outcome', 'varchar(10)', (c) => c.check(sql`last_outcome in ('ok', 'fail')`))
    .addColumn('last_error', 'varchar(300)')
    .execute();
}

export async function down(db: Kysely<unknown>): Promise<void> {
  await db.schema.dropTable('kite_job').execute();
}
