import type { Timestamp } from '../../db/schema';

/** A stored timestamp (ISO text on SQLite, a Date on PostgreSQL) as epoch milliseconds. */
export function ms(t: Timestamp): number {
  return t instanceof Date ? t.getTime() : Date.parse(t);
}

/** Epoch milliseconds as the value written to a timestamp column (ISO, UTC). */
export function iso(t: number): string {
  return new Date(t).toISOString();
}
