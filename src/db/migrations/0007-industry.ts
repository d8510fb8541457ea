import type { Kysely } from 'kysely';
import type { MigrationDialect } from '../migration-dialect';

/**
 * Industry self-assessment and the dialogue between companies and the coordinator (issue #16,
 * docs/industry.md): a company's services, its assessments of them against a framework version,
 * the answers, the evidence documents (their bytes live in `<dataDir>/evidence/`, never here),
 * threaded comments, deadlines with their reminders, extensions and the action plan.
 * `docs/privacy/data-inventory.yaml` names the purpose, retention and readers of every column.
 */
export async function up(db: Kysely<unknown>, d: MigrationDialect): Promise<void> {
  await db.schema
    .createTable('kite_industry_service')
    .addColumn('id', 'varchar(32)', (c) => c.primaryKey())
    .addColumn('owner_id', 'varchar(32)', (c) =>
      c.notNull().references('kite_user.id').onDelete('cascade'),
    )
    .addColumn('name', 'varchar(120)', (c) => c.notNull())
    .addColumn('type', 'varchar(20)', (c) => c.notNull())
    // JSON text of the service's features (SERVICE_FEATURES), on both dialects.
    .addColumn('features', 'text', (c) => c.notNull())
    .addColumn('child_share', 'varchar(8)', (c) => c.notNull())
    .addColumn('created_at', d.timestamp, (c) => c.notNull())
    .addColumn('updated_at', d.timestamp, (c) => c.notNull())
    .execute();
  await db.schema
    .createIndex('kite_industry_service_owner')
    .on('kite_industry_service')
    .column('owner_id')
    .execute();

  await db.schema
    .createTable('kite_industry_assessment')
    .addColumn('id', 'varchar(32)', (c) => c.primaryKey())
    .addColumn('service_id', 'varchar(32)', (c) =>
      c.notNull().references('kite_industry_service.id').onDelete('cascade'),
    )
    .addColumn('owner_id', 'varchar(32)', (c) =>
      c.notNull().references('kite_user.id').onDelete('cascade'),
    )
    .addColumn('framework', 'varchar(80)', (c) => c.notNull())
    .addColumn('profile', 'text', (c) => c.notNull())
    .addColumn('state', 'varchar(32)', (c) => c.notNull())
    .addColumn('previous_id', 'varchar(32)', (c) =>
      c.references('kite_industry_assessment.id').onDelete('set null'),
    )
    .addColumn('reviewer_id', 'varchar(32)', (c) =>
      c.references('kite_user.id').onDelete('set null'),
    )
    .addColumn('submitted_at', d.timestamp)
    .addColumn('accepted_at', d.timestamp)
    .addColumn('feedback_letter', 'text')
    .addColumn('created_at', d.timestamp, (c) => c.notNull())
    .addColumn('updated_at', d.timestamp, (c) => c.notNull())
    .execute();
  await db.schema
    .createIndex('kite_industry_assessment_owner')
    .on('kite_industry_assessment')
    .column('owner_id')
    .execute();
  await db.schema
    .createIndex('kite_industry_assessment_state')
    .on('kite_industry_assessment')
    .column('state')
    .execute();

  await db.schema
    .createTable('kite_industry_answer')
    .addColumn('assessment_id', 'varchar(32)', (c) =>
      c.notNull().references('kite_industry_assessment.id').onDelete('cascade'),
    )
    .addColumn('question', 'varchar(64)', (c) => c.notNull())
    // 0–4, or null for not applicable (then na_reason says why).
    .addColumn('level', 'integer')
    .addColumn('na_reason', 'text')
    .addColumn('narrative', 'text')
    .addColumn('confidentiality', 'varchar(16)', (c) => c.notNull().defaultTo('confidential'))
    .addColumn('author_id', 'varchar(32)', (c) => c.references('kite_user.id').onDelete('set null'))
    .addColumn('updated_at', d.timestamp, (c) => c.notNull())
    .addPrimaryKeyConstraint('kite_industry_answer_pk', ['assessment_id', 'question'])
    .execute();

  await db.schema
    .createTable('kite_industry_evidence')
    .addColumn('id', 'varchar(32)', (c) => c.primaryKey())
    .addColumn('assessment_id', 'varchar(32)', (c) =>
      c.notNull().references('kite_industry_assessment.id').onDelete('cascade'),
    )
    .addColumn('question', 'varchar(64)', (c) => c.notNull())
    .addColumn('file_name', 'varchar(200)', (c) => c.notNull())
    .addColumn('media_type', 'varchar(120)', (c) => c.notNull())
    .addColumn('bytes', 'integer', (c) => c.notNull())
    .addColumn('sha256', 'varchar(64)', (c) => c.notNull())
    .addColumn('uploaded_by', 'varchar(32)', (c) =>
      c.references('kite_user.id').onDelete('set null'),
    )
    .addColumn('uploaded_at', d.timestamp, (c) => c.notNull())
    .addColumn('expires_at', d.timestamp, (c) => c.notNull())
    .execute();
  await db.schema
    .createIndex('kite_industry_evidence_assessment')
    .on('kite_industry_evidence')
    .column('assessment_id')
    .execute();

  await db.schema
    .createTable('kite_industry_comment')
    .addColumn('id', 'varchar(32)', (c) => c.primaryKey())
    .addColumn('assessment_id', 'varchar(32)', (c) =>
      c.notNull().references('kite_industry_assessment.id').onDelete('cascade'),
    )
    .addColumn('question', 'varchar(64)', (c) => c.notNull())
    .addColumn('parent_id', 'varchar(32)', (c) =>
      c.references('kite_industry_comment.id').onDelete('cascade'),
    )
    .addColumn('author_id', 'varchar(32)', (c) => c.references('kite_user.id').onDelete('set null'))
    .addColumn('visibility', 'varchar(10)', (c) => c.notNull())
    .addColumn('body', 'text', (c) => c.notNull())
    .addColumn('resolved_at', d.timestamp)
    .addColumn('created_at', d.timestamp, (c) => c.notNull())
    .execute();
  await db.schema
    .createIndex('kite_industry_comment_assessment')
    .on('kite_industry_comment')
    .column('assessment_id')
    .execute();

  await db.schema
    .createTable('kite_industry_deadline')
    .addColumn('id', 'varchar(32)', (c) => c.primaryKey())
    .addColumn('assessment_id', 'varchar(32)', (c) =>
      c.notNull().references('kite_industry_assessment.id').onDelete('cascade'),
    )
    .addColumn('kind', 'varchar(16)', (c) => c.notNull())
    .addColumn('question', 'varchar(64)')
    .addColumn('due_at', d.timestamp, (c) => c.notNull())
    .addColumn('reminded_14_at', d.timestamp)
    .addColumn('reminded_3_at', d.timestamp)
    // When the reminders job found it past due (and mailed once); null while not overdue.
    .addColumn('overdue_at', d.timestamp)
    .addColumn('met_at', d.timestamp)
    .addColumn('created_at', d.timestamp, (c) => c.notNull())
    .execute();
  await db.schema
    .createIndex('kite_industry_deadline_open')
    .on('kite_industry_deadline')
    .columns(['met_at', 'due_at'])
    .execute();

  await db.schema
    .createTable('kite_industry_extension')
    .addColumn('id', 'varchar(32)', (c) => c.primaryKey())
    .addColumn('deadline_id', 'varchar(32)', (c) =>
      c.notNull().references('kite_industry_deadline.id').onDelete('cascade'),
    )
    .addColumn('requested_by', 'varchar(32)', (c) =>
      c.references('kite_user.id').onDelete('set null'),
    )
    .addColumn('reason', 'text', (c) => c.notNull())
    .addColumn('old_due', d.timestamp, (c) => c.notNull())
    .addColumn('new_due', d.timestamp, (c) => c.notNull())
    .addColumn('decision', 'varchar(10)', (c) => c.notNull())
    .addColumn('decided_by', 'varchar(32)', (c) =>
      c.references('kite_user.id').onDelete('set null'),
    )
    .addColumn('decided_at', d.timestamp)
    .addColumn('created_at', d.timestamp, (c) => c.notNull())
    .execute();

  await db.schema
    .createTable('kite_industry_action')
    .addColumn('assessment_id', 'varchar(32)', (c) =>
      c.notNull().references('kite_industry_assessment.id').onDelete('cascade'),
    )
    .addColumn('question', 'varchar(64)', (c) => c.notNull())
    .addColumn('owner', 'varchar(80)', (c) => c.notNull())
    .addColumn('due', 'varchar(10)', (c) => c.notNull())
    .addColumn('status', 'varchar(12)', (c) => c.notNull())
    .addColumn('updated_at', d.timestamp, (c) => c.notNull())
    .addPrimaryKeyConstraint('kite_industry_action_pk', ['assessment_id', 'question'])
    .execute();
}

export async function down(db: Kysely<unknown>): Promise<void> {
  for (const t of [
    'kite_industry_action',
    'kite_industry_extension',
    'kite_industry_deadline',
    'kite_industry_comment',
    'kite_industry_evidence',
    'kite_industry_answer',
    'kite_industry_assessment',
    'kite_industry_service',
  ]) {
    await db.schema.dropTable(t).execute();
  }
}
