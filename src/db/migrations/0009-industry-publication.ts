import type { Kysely } from 'kysely';
import type { MigrationDialect } from '../migration-dialect';

/**
 * Naming a company in public (issue #16, IND-19, docs/industry.md "Publication"): the
 * coordinator proposes to publish an accepted assessment; the company sees exactly what would be
 * published (`content`, frozen when proposed) and has 15 days to read it, object or consent;
 * only then may it be published on the public register. Withdrawing takes it off the register.
 */
export async function up(db: Kysely<unknown>, d: MigrationDialect): Promise<void> {
  await db.schema
    .createTable('kite_industry_publication')
    .addColumn('id', 'varchar(32)', (c) => c.primaryKey())
    .addColumn('assessment_id', 'varchar(32)', (c) =>
      c.notNull().references('kite_industry_assessment.id').onDelete('cascade'),
    )
    // proposed | published | withdrawn
    .addColumn('state', 'varchar(12)', (c) => c.notNull())
    // JSON text of what the register shows (PublicationContent), frozen at the proposal.
    .addColumn('content', 'text', (c) => c.notNull())
    .addColumn('proposed_by', 'varchar(32)')
    .addColumn('proposed_at', d.timestamp, (c) => c.notNull())
    .addColumn('window_ends_at', d.timestamp, (c) => c.notNull())
    .addColumn('notified_at', d.timestamp)
    .addColumn('consented_at', d.timestamp)
    .addColumn('objection', 'text')
    .addColumn('objected_at', d.timestamp)
    .addColumn('published_by', 'varchar(32)')
    .addColumn('published_at', d.timestamp)
    .addColumn('withdrawn_by', 'varchar(32)')
    .addColumn('withdrawn_at', d.timestamp)
    .execute();
  await db.schema
    .createIndex('kite_industry_publication_assessment')
    .on('kite_industry_publication')
    .column('assessment_id')
    .execute();
  await db.schema
    .createIndex('kite_industry_publication_state')
    .on('kite_industry_publication')
    .columns(['state', 'published_at'])
    .execute();
}

export async function down(db: Kysely<unknown>): Promise<void> {
  await db.schema.dropTable('kite_industry_publication').execute();
}
