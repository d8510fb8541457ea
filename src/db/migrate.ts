import { Migrator } from 'kysely';
import type { Kysely, Migration, MigrationProvider, MigrationResultSet } from 'kysely';
import type { Db } from './connect';
import { migrationDialect } from './migration-dialect';
import type { MigrationDialect } from './migration-dialect';
import * as m0001 from './migrations/0001-init';
import * as m0002 from './migrations/0002-rate-limit';
import * as m0003 from './migrations/0003-accounts';
import * as m0004 from './migrations/0004-jobs';
import * as m0005 from './migrations/0005-classes';
import * as m0006 from './migrations/0006-feedback';
import * as m0007 from './migrations/0007-industry';
import * as m0008 from './migrations/0008-deployment-settings';
import * as m0009 from './migrations/0009-industry-publication';
import * as m0010 from './migrations/0010-pg-sync';
import * as m0011 from './migrations/0011-nation-releases';
import * as m0012 from './migrations/0012-event-partitions';
import * as m0013 from './migrations/0013-hub-sync';
import * as m0014 from './migrations/0014-hub-instances';
import * as m0015 from './migrations/0015-records';
import * as m0016 from './migrations/0016-pg-sync-groups';

interface MigrationModule {
  up(db: Kysely<unknown>, d: MigrationDialect): Promise<void>;
  down?(db: Kysely<unknown>, d: MigrationDialect): Promise<void>;
}

/** Every migration, in order. Add new ones at the end; never edit one that has shipped. */
const MIGRATIONS: Readonly<Record<string, MigrationModule>> = {
  '0001-init': m0001,
  '0002-rate-limit': m0002,
  '0003-accounts': m0003,
  '0004-jobs': m0004,
  '0005-classes': m0005,
  '0006-feedback': m0006,
  '0007-industry': m0007,
  '0008-deployment-settings': m0008,
  '0009-industry-publication': m0009,
  '0010-pg-sync': m0010,
  '0011-nation-releases': m0011,
  '0012-event-partitions': m0012,
  '0013-hub-sync': m0013,
  '0014-hub-instances': m0014,
  '0015-records': m0015,
  '0016-pg-sync-groups': m0016,
};

class StaticProvider implements MigrationProvider {
  constructor(private readonly d: MigrationDialect) {}
  async getMigrations(): Promise<Record<string, Migration>> {
    return Object.fromEntries(
      Object.entries(MIGRATIONS).map(([name, m]) => [
        name,
        {
          up: (db: Kysely<unknown>) => m.up(db, this.d),
          down: m.down ? (db: Kysely<unknown>) => m.down!(db, this.d) : undefined,
        },
      ]),
    );
  }
}

/** A migration that failed; its message names it. */
export class MigrationError extends Error {
  override readonly name = 'MigrationError';
}

const migrator = (db: Db) =>
  new Migrator({
    db: db.kysely,
    provider: new StaticProvider(migrationDialect(db.dialect)),
    migrationTableName: 'kite_migration',
    migrationLockTableName: 'kite_migration_lock',
  });

/** Brings the database to the latest schema. Returns the names of the migrations it applied. */
export async function migrateToLatest(db: Db): Promise<string[]> {
  return applied(await migrator(db).migrateToLatest());
}

/**
 * Brings the database to the schema of migration `name` (tests of a migration over a database
 * that holds data from before it). Returns the names of the migrations it applied.
 */
export async function migrateUpTo(db: Db, name: keyof typeof MIGRATIONS): Promise<string[]> {
  return applied(await migrator(db).migrateTo(name));
}

function applied({ error, results = [] }: MigrationResultSet): string[] {
  if (error) {
    const failed = results.find((r) => r.status === 'Error')?.migrationName ?? 'unknown';
    throw new MigrationError(`Migration ${failed} failed: ${(error as Error).message}`);
  }
  return results.filter((r) => r.status === 'Success').map((r) => r.migrationName);
}
