import type { Kysely } from 'kysely';
import type { MigrationDialect } from '../migration-dialect';

/**
 * Classes and families (issue #13, docs/classes.md): schools with their agreement for
 * educational use, classes, the children the server knows (nickname only), their devices'
 * credentials, their progress events, erased learners' tombstones, assignments and parents'
 * links. `docs/privacy/data-inventory.yaml` names the purpose, retention and readers of every
 * column.
 */
export async function up(db: Kysely<unknown>, d: MigrationDialect): Promise<void> {
  // The audit log names learners too (their ids are UUIDs, 36 characters). SQLite does not
  // enforce a varchar's length, and cannot alter a column's type.
  if (d.name === 'postgres') {
    await db.schema
      .alterTable('kite_audit')
      .alterColumn('subject_id', (c) => c.setDataType('varchar(40)'))
      .execute();
  }
  await db.schema
    .createTable('kite_school')
    .addColumn('id', 'varchar(32)', (c) => c.primaryKey())
    .addColumn('name', 'varchar(120)', (c) => c.notNull())
    .addColumn('created_by', 'varchar(32)', (c) =>
      c.references('kite_user.id').onDelete('set null'),
    )
    .addColumn('created_at', d.timestamp, (c) => c.notNull())
    .addColumn('agreed_by', 'varchar(120)')
    .addColumn('agreed_at', d.timestamp)
    .addColumn('agreement_notice', 'varchar(40)')
    .addColumn('agreement_recorded_by', 'varchar(32)', (c) =>
      c.references('kite_user.id').onDelete('set null'),
    )
    .execute();

  await db.schema
    .createTable('kite_class')
    .addColumn('id', 'varchar(32)', (c) => c.primaryKey())
    .addColumn('school_id', 'varchar(32)', (c) =>
      c.notNull().references('kite_school.id').onDelete('restrict'),
    )
    .addColumn('teacher_id', 'varchar(32)', (c) =>
      c.notNull().references('kite_user.id').onDelete('cascade'),
    )
    .addColumn('name', 'varchar(80)', (c) => c.notNull())
    .addColumn('band', 'varchar(8)', (c) => c.notNull())
    .addColumn('lang', 'varchar(16)', (c) => c.notNull())
    .addColumn('code', 'varchar(8)', (c) => c.notNull().unique())
    .addColumn('created_at', d.timestamp, (c) => c.notNull())
    .execute();
  await db.schema.createIndex('kite_class_teacher').on('kite_class').column('teacher_id').execute();

  await db.schema
    .createTable('kite_learner')
    .addColumn('id', 'varchar(40)', (c) => c.primaryKey())
    .addColumn('class_id', 'varchar(32)', (c) => c.references('kite_class.id').onDelete('cascade'))
    .addColumn('parent_id', 'varchar(32)', (c) => c.references('kite_user.id').onDelete('cascade'))
    .addColumn('nickname', 'varchar(40)', (c) => c.notNull())
    .addColumn('avatar', 'varchar(40)', (c) => c.notNull())
    .addColumn('band', 'varchar(8)', (c) => c.notNull())
    .addColumn('lang', 'varchar(16)', (c) => c.notNull())
    .addColumn('pictures', 'varchar(130)')
    .addColumn('epoch', 'integer', (c) => c.notNull())
    .addColumn('consent_by', 'varchar(32)')
    .addColumn('consent_at', d.timestamp)
    .addColumn('consent_notice', 'varchar(40)')
    .addColumn('created_at', d.timestamp, (c) => c.notNull())
    .addColumn('last_active_at', d.timestamp, (c) => c.notNull())
    .execute();
  await db.schema.createIndex('kite_learner_class').on('kite_learner').column('class_id').execute();
  await db.schema
    .createIndex('kite_learner_parent')
    .on('kite_learner')
    .column('parent_id')
    .execute();

  await db.schema
    .createTable('kite_device_credential')
    .addColumn('token_hash', 'varchar(64)', (c) => c.primaryKey())
    // No foreign key: a credential outlives a learner erased for good, so that the device is
    // told `learner_erased` (and forgets them) rather than just "not signed in".
    .addColumn('learner_id', 'varchar(40)', (c) => c.notNull())
    .addColumn('created_at', d.timestamp, (c) => c.notNull())
    .addColumn('last_used_at', d.timestamp, (c) => c.notNull())
    .addColumn('revoked_at', d.timestamp)
    .execute();
  await db.schema
    .createIndex('kite_device_credential_learner')
    .on('kite_device_credential')
    .column('learner_id')
    .execute();

  // `n` orders a learner's events by arrival, for the pull side of sync. Ingest holds the
  // learner's row while it inserts, so one learner's numbers are committed in order.
  let events = db.schema.createTable('kite_learner_event');
  events =
    d.name === 'postgres'
      ? events.addColumn('n', 'bigserial', (c) => c.primaryKey())
      : events.addColumn('n', 'integer', (c) => c.primaryKey().autoIncrement());
  await events
    .addColumn('id', 'varchar(40)', (c) => c.notNull().unique())
    .addColumn('learner_id', 'varchar(40)', (c) =>
      c.notNull().references('kite_learner.id').onDelete('cascade'),
    )
    .addColumn('device', 'varchar(40)', (c) => c.notNull())
    .addColumn('seq', 'integer', (c) => c.notNull())
    .addColumn('activity', 'varchar(128)', (c) => c.notNull())
    .addColumn('at', d.bigint, (c) => c.notNull())
    .addColumn('event', d.json, (c) => c.notNull())
    .addColumn('received_at', d.timestamp, (c) => c.notNull())
    .execute();
  await db.schema
    .createIndex('kite_learner_event_learner')
    .on('kite_learner_event')
    .columns(['learner_id', 'n'])
    .execute();

  await db.schema
    .createTable('kite_learner_tombstone')
    .addColumn('learner_id', 'varchar(40)', (c) => c.primaryKey())
    .addColumn('erased_at', d.timestamp, (c) => c.notNull())
    .execute();

  await db.schema
    .createTable('kite_assignment')
    .addColumn('id', 'varchar(32)', (c) => c.primaryKey())
    .addColumn('class_id', 'varchar(32)', (c) =>
      c.notNull().references('kite_class.id').onDelete('cascade'),
    )
    .addColumn('activity', 'varchar(128)', (c) => c.notNull())
    .addColumn('due', 'varchar(10)')
    .addColumn('created_at', d.timestamp, (c) => c.notNull())
    .addUniqueConstraint('kite_assignment_once', ['class_id', 'activity'])
    .execute();

  await db.schema
    .createTable('kite_family_link')
    .addColumn('id', 'varchar(32)', (c) => c.primaryKey())
    .addColumn('parent_id', 'varchar(32)', (c) =>
      c.notNull().references('kite_user.id').onDelete('cascade'),
    )
    .addColumn('learner_id', 'varchar(40)', (c) =>
      c.notNull().references('kite_learner.id').onDelete('cascade'),
    )
    .addColumn('child_confirmed_at', d.timestamp)
    .addColumn('teacher_approved_at', d.timestamp)
    .addColumn('consent_notice', 'varchar(40)', (c) => c.notNull())
    .addColumn('created_at', d.timestamp, (c) => c.notNull())
    .addUniqueConstraint('kite_family_link_once', ['parent_id', 'learner_id'])
    .execute();
  await db.schema
    .createIndex('kite_family_link_learner')
    .on('kite_family_link')
    .column('learner_id')
    .execute();
}

export async function down(db: Kysely<unknown>): Promise<void> {
  for (const t of [
    'kite_family_link',
    'kite_assignment',
    'kite_learner_tombstone',
    'kite_learner_event',
    'kite_device_credential',
    'kite_learner',
    'kite_class',
    'kite_school',
  ]) {
    await db.schema.dropTable(t).execute();
  }
}
