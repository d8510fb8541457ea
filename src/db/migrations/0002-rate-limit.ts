import type { Kysely } from 'kysely';
import type { MigrationDialect } from '../migration-dialect';

/**
 * Rate-limit counters shared by every app process on this database (see rate-limit.ts): one row
 * per bucket (a limit's name and a client), counting hits until `reset_at` (epoch ms).
 */
export async function up(db: Kysely<unknown>, d: MigrationDialect): Promise<void> {
  await db.schema
    .createTable('kite_rate_limit')
    .addColumn('bucket', 'varchar(200)', (c) => c.primaryKey())
    .addColumn('hits', 'integer', (c) => c.notNull())
    .addColumn('reset_at', d.bigint, (c) => c.notNull())
    .execute();
  await db.schema
    .createIndex('kite_rate_limit_reset_at')
    .on('kite_rate_limit')
    .column('reset_at')
    .execute();
}

export async function down(db: Kysely<unknown>): Promise<void> {
  await db.schema.dropTable('kite_rate_limit').execute();
}
