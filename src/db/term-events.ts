// What the national release builder reads (docs/national.md "Releases"): learners a page at a
// time, in id order, and the events of one page's learners up to a term's end, ordered by learner,
// so a build holds one page of events at a time whatever the size of the log.

import type { Kysely } from 'kysely';
import { run } from './raw-sql';
import type { Runner } from './raw-sql';
import type { DialectName } from './connect';
import type { Database } from './schema';

/** A learner as the builder counts them: band, and the school of their class (none: a family's). */
export interface TermLearnerRow {
  readonly id: string;
  readonly band: string;
  readonly school_id: string | null;
}

/**
 * Which learners a reader takes: those of schools with ids from `first` to `last` (compared code
 * unit by code unit), and (`families`) those of no school.
 */
export interface SchoolRange {
  readonly first: string;
  readonly last: string;
  readonly families: boolean;
}

// Learners erased for good have no row (their events went with it); the tombstone is checked
// as well, so nothing of theirs is counted even if a row came back.
const learnersSql = (dialect: DialectName, range: SchoolRange | undefined) => {
  const p = (n: number) => (dialect === 'postgres' ? `$${n}` : '?');
  // School ids compared code unit by code unit, as the caller split them (PostgreSQL's default
  // collation may order them otherwise).
  const id = dialect === 'postgres' ? 'c.school_id collate "C"' : 'c.school_id';
  const schools = range
    ? ` and (${id} >= ${p(3)} and ${id} <= ${p(4)}${range.families ? ' or l.class_id is null' : ''})`
    : '';
  return (
    'select l.id, l.band, c.school_id from kite_learner l ' +
    'left join kite_class c on c.id = l.class_id ' +
    `where l.id > ${p(1)}${schools} ` +
    'and not exists (select 1 from kite_learner_tombstone t where t.learner_id = l.id) ' +
    `order by l.id limit ${p(2)}`
  );
};

/**
 * The next `limit` learners after `after` (`''` for the first page), in id order, of the
 * schools of `range` (every learner without one).
 */
export async function termLearners(
  db: Runner,
  dialect: DialectName,
  after: string,
  limit: number,
  range?: SchoolRange,
): Promise<TermLearnerRow[]> {
  // SQLite binds `?` in the order they appear; PostgreSQL by number.
  const parameters: unknown[] = !range
    ? [after, limit]
    : dialect === 'postgres'
      ? [after, limit, range.first, range.last]
      : [after, range.first, range.last, limit];
  const { rows } = await run<TermLearnerRow>(db, learnersSql(dialect, range), parameters);
  return rows;
}

/** One learner's events before the term's end, as one JSON array text of the stored events. */
export interface TermEventsRow {
  readonly learner_id: string;
  readonly events: string;
}

// One page of learners' events on the (learner_id, n) index, each learner's joined into one JSON
// array by the database: one row per learner rather than per event. Reading a row per event
// cost more than all the rest of a build (bench:dashboard): the driver's row objects and
// strings, then one JSON.parse each. The order within a learner's array is not defined (the
// fold orders events itself).
const EVENTS_PG =
  "select learner_id, '[' || string_agg(event::text, ',') || ']' as events " +
  'from kite_learner_event where learner_id = any($1::text[]) and at < $2 group by learner_id';
const eventsSqlite = (n: number) =>
  "select learner_id, '[' || group_concat(event, ',') || ']' as events " +
  `from kite_learner_event where learner_id in (${Array.from({ length: n }, () => '?').join(', ')}) ` +
  'and at < ? group by learner_id';

/** The events of `learners` before `end` (ms), one row a learner (none for one without). */
export async function termEvents(
  db: Runner,
  dialect: DialectName,
  learners: readonly string[],
  end: number,
): Promise<TermEventsRow[]> {
  if (learners.length === 0) return [];
  const { rows } =
    dialect === 'postgres'
      ? await run<TermEventsRow>(db, EVENTS_PG, [learners, end])
      : await run<TermEventsRow>(db, eventsSqlite(learners.length), [...learners, end]);
  return rows;
}

/** The term's feedback answers, counted per answer (days `from` to `to`, both included). */
export async function termFeedback(
  db: Kysely<Database>,
  from: string,
  to: string,
): Promise<{ answer: string; n: number }[]> {
  const rows = await db
    .selectFrom('kite_feedback')
    .select((eb) => ['answer', eb.fn.countAll<number | string>().as('n')])
    .where('day', '>=', from)
    .where('day', '<=', to)
    .groupBy('answer')
    .execute();
  return rows.map((r) => ({ answer: r.answer, n: Number(r.n) }));
}
