/**
 * Times in columns of type `MigrationDialect.timestamp`: written as ISO 8601 text in UTC with
 * milliseconds (`2026-01-31T09:00:00.000Z`), which SQLite stores and compares as text (one fixed
 * format, so text order is time order) and PostgreSQL reads into `timestamptz`. Read back, they
 * are text on SQLite and `Date`s on PostgreSQL; {@link fromDbTime} takes either.
 */
export function toDbTime(ms: number): string {
  return new Date(ms).toISOString();
}

/** Epoch milliseconds of a time read from the database. */
export function fromDbTime(value: string | Date): number {
  return value instanceof Date ? value.getTime() : Date.parse(value);
}
