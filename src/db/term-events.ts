// What the national release builder reads (docs/national.md "Releases"): learners a page at a
// time, in id order, and the events of one page's learners up to a term's end, ordered by learner,
// so a build holds one page of events at a time whatever the size of the log.

import { CompiledQuery } from 'kysely';
import type { Kysely } from 'kysely';
import type { DialectName } from './connect';
import type { Database } from './schema';

type Runner = Pick<Kysely<Database>, 'executeQuery'>;

const run = <R>(db: Runner, text: string, parameters: unknown[]) =>
  db.executeQuery<R>(CompiledQuery.raw(text, parameters));

/** A learner as the builder counts them: band, and the school of their class (none: a family's). */
export interface TermLearnerRow {
  readonly id: string;
  readonly band: string;
  readonly school_id: string | null;
}

// Learners erased for good have no row (their events went with it); the tombstone is checked
// as well, so nothing of theirs is counted even if a row came back.
const LEARNERS = {
  sqlite:
    'select l.id, l.band, c.school_id from kite_learner l ' +
    'left join kite_class c on c.id = l.class_id ' +
    'where l.id > ? and not exists (select 1 from kite_learner_tombstone t where t.learner_id = l.id) ' +
    'order by l.id limit ?',
  postgres:
    'select l.id, l.band, c.school_id from kite_learner l ' +
    'left join kite_class c on c.id = l.class_id ' +
    'where l.id > $1 and not exists (select 1 from kite_learner_tombstone t where t.learner_id = l.id) ' +
    'order by l.id limit $2',
} as const;

/** The next `limit` learners after `after` (`''` for the first page), in id order. */
export async function termLearners(
  db: Runner,
  dialect: DialectName,
  after: string,
  limit: number,
): Promise<TermLearnerRow[]> {
  const { rows } = await run<TermLearnerRow>(db, LEARNERS[dialect], [after, limit]);
  return rows;
}

/**
 * A stored event as the builder reads it: the columns, and only the fields of the event's JSON
 * the release needs, as a JSON array (text): a measurement event's `[kind, band, use, version,
 * item, answer]`, a progress event's `[attempt, scene, answer type, correct, hinted, whatIf,
 * ended, safety]`. Parsing whole events cost more than everything else of a build.
 */
export interface TermEventRow {
  readonly learner_id: string;
  readonly id: string;
  readonly device: string;
  readonly seq: number;
  readonly activity: string;
  /** A bigint: PostgreSQL's driver reads it back as a string. */
  readonly at: number | string;
  readonly x: string;
}

// The range of one page's learner ids, on the (learner_id, n) index: the learners' events in one
// sweep, already in learner order.
const EVENTS = {
  sqlite:
    'select learner_id, id, device, seq, activity, at, ' +
    "case when activity like 'measure.%' " +
    "then json_extract(event, '$.kind', '$.band', '$.use', '$.version', '$.item', '$.answer') " +
    "else json_extract(event, '$.attempt', '$.scene', '$.answer.type', '$.correct', '$.hinted', '$.whatIf', '$.ended', '$.safety') " +
    'end as x from kite_learner_event ' +
    'where learner_id >= ? and learner_id <= ? and at < ? order by learner_id, n',
  postgres:
    'select learner_id, id, device, seq, activity, at, ' +
    "case when activity like 'measure.%' " +
    "then jsonb_build_array(event->'kind', event->'band', event->'use', event->'version', event->'item', event->'answer') " +
    "else jsonb_build_array(event->'attempt', event->'scene', event->'answer'->'type', event->'correct', event->'hinted', event->'whatIf', event->'ended', event->'safety') " +
    'end::text as x from kite_learner_event ' +
    'where learner_id >= $1 and learner_id <= $2 and at < $3 order by learner_id, n',
} as const;

/** Every event of learners with ids from `first` to `last` before `end` (ms), by learner. */
export async function termEvents(
  db: Runner,
  dialect: DialectName,
  first: string,
  last: string,
  end: number,
): Promise<TermEventRow[]> {
  const { rows } = await run<TermEventRow>(db, EVENTS[dialect], [first, last, end]);
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
