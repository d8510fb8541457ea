import type { Kysely } from 'kysely';
import type { MigrationDialect } from '../migration-dialect';

/**
 * Adult accounts (issue #12): users, their sessions, recovery codes, one-time tokens (email
 * verification, password reset, invitations, the first admin's setup link) and the security
 * audit log. Secrets are never stored: passwords as Argon2id hashes, session tokens, one-time
 * tokens and recovery codes as SHA-256 hashes. `docs/privacy/data-inventory.yaml` names the
 * purpose, retention and readers of every column (a test holds it to the schema).
 */
export async function up(db: Kysely<unknown>, d: MigrationDialect): Promise<void> {
  await db.schema
    .createTable('kite_user')
    .addColumn('id', 'varchar(32)', (c) => c.primaryKey())
    .addColumn('email', 'varchar(254)', (c) => c.notNull().unique())
    .addColumn('display_name', 'varchar(80)', (c) => c.notNull())
    .addColumn('role', 'varchar(20)', (c) => c.notNull())
    .addColumn('status', 'varchar(20)', (c) => c.notNull())
    .addColumn('password_hash', 'text', (c) => c.notNull())
    .addColumn('mfa_secret', 'varchar(64)')
    .addColumn('mfa_pending_secret', 'varchar(64)')
    .addColumn('mfa_enabled_at', d.timestamp)
    .addColumn('mfa_last_step', d.bigint)
    .addColumn('created_at', d.timestamp, (c) => c.notNull())
    .addColumn('updated_at', d.timestamp, (c) => c.notNull())
    .addColumn('last_active_at', d.timestamp, (c) => c.notNull())
    .addColumn('invited_by', 'varchar(32)')
    .execute();
  await db.schema
    .createIndex('kite_user_role')
    .on('kite_user')
    .columns(['role', 'status'])
    .execute();

  await db.schema
    .createTable('kite_session')
    .addColumn('id', 'varchar(32)', (c) => c.primaryKey())
    .addColumn('token_hash', 'varchar(64)', (c) => c.notNull().unique())
    .addColumn('user_id', 'varchar(32)', (c) =>
      c.notNull().references('kite_user.id').onDelete('cascade'),
    )
    .addColumn('stage', 'varchar(10)', (c) => c.notNull())
    .addColumn('device', 'varchar(60)', (c) => c.notNull())
    .addColumn('created_at', d.timestamp, (c) => c.notNull())
    .addColumn('last_seen_at', d.timestamp, (c) => c.notNull())
    .addColumn('expires_at', d.timestamp, (c) => c.notNull())
    .execute();
  await db.schema.createIndex('kite_session_user').on('kite_session').column('user_id').execute();
  await db.schema
    .createIndex('kite_session_expires')
    .on('kite_session')
    .column('expires_at')
    .execute();

  await db.schema
    .createTable('kite_recovery_code')
    .addColumn('user_id', 'varchar(32)', (c) =>
      c.notNull().references('kite_user.id').onDelete('cascade'),
    )
    .addColumn('code_hash', 'varchar(64)', (c) => c.notNull())
    .addColumn('used_at', d.timestamp)
    .addPrimaryKeyConstraint('kite_recovery_code_pk', ['user_id', 'code_hash'])
    .execute();

  await db.schema
    .createTable('kite_token')
    .addColumn('token_hash', 'varchar(64)', (c) => c.primaryKey())
    .addColumn('kind', 'varchar(20)', (c) => c.notNull())
    .addColumn('user_id', 'varchar(32)', (c) => c.references('kite_user.id').onDelete('cascade'))
    .addColumn('email', 'varchar(254)')
    .addColumn('role', 'varchar(20)')
    .addColumn('created_by', 'varchar(32)', (c) =>
      c.references('kite_user.id').onDelete('set null'),
    )
    .addColumn('created_at', d.timestamp, (c) => c.notNull())
    .addColumn('expires_at', d.timestamp, (c) => c.notNull())
    .addColumn('used_at', d.timestamp)
    .execute();
  await db.schema.createIndex('kite_token_user').on('kite_token').column('user_id').execute();

  await db.schema
    .createTable('kite_audit')
    .addColumn('id', 'varchar(32)', (c) => c.primaryKey())
    .addColumn('at', d.timestamp, (c) => c.notNull())
    .addColumn('event', 'varchar(60)', (c) => c.notNull())
    .addColumn('outcome', 'varchar(10)', (c) => c.notNull())
    .addColumn('actor_id', 'varchar(32)')
    .addColumn('subject_id', 'varchar(32)')
    .addColumn('detail', d.json)
    .execute();
  await db.schema.createIndex('kite_audit_at').on('kite_audit').column('at').execute();
}

export async function down(db: Kysely<unknown>): Promise<void> {
  for (const t of ['kite_audit', 'kite_token', 'kite_recovery_code', 'kite_session', 'kite_user']) {
    await db.schema.dropTable(t).execute();
  }
}
