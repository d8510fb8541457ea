import type { ColumnDataType } from 'kysely';
import type { DialectName } from './connect';

/**
 * The few column types that differ between SQLite and PostgreSQL. Migrations take one of these
 * instead of branching on the dialect themselves, so each migration is written once.
 */
export interface MigrationDialect {
  readonly name: DialectName;
  /** A timestamp column: `timestamptz` on PostgreSQL, ISO text on SQLite. */
  readonly timestamp: ColumnDataType;
  /** A 64-bit integer. */
  readonly bigint: ColumnDataType;
  /** A JSON document: `jsonb` on PostgreSQL, text on SQLite. */
  readonly json: ColumnDataType;
}

export function migrationDialect(name: DialectName): MigrationDialect {
  return name === 'postgres'
    ? { name, timestamp: 'timestamptz', bigint: 'bigint', json: 'jsonb' }
    : { name, timestamp: 'text', bigint: 'integer', json: 'text' };
}
