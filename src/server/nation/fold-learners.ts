// Learners' events folded into a term's tables, one page of learners at a time (in id order;
// each learner's events up to the term's end read as one JSON array): memory holds a page or two
// of events, whatever the size of the log, and nothing of a learner outlives their contribution.

import { setImmediate } from 'node:timers/promises';
import type { Db } from '../../db/connect';
import { termEvents, termLearners } from '../../db/term-events';
import type { SchoolRange, TermEventsRow, TermLearnerRow } from '../../db/term-events';
import { BANDS, learnerTerm } from '../../engine';
import type {
  Band,
  MeasureEvent,
  ProgressEvent,
  ProgressFold,
  TermPlan,
  TermTables,
} from '../../engine';

/** Learners per page. */
export const LEARNER_PAGE = 500;

/** A stored event; a fold stands for events that retention dropped (docs/classes.md). */
type StoredEvent = ProgressEvent | MeasureEvent | ProgressFold;

/** A learner's events from their row; a row that is not a JSON array counts as none. */
function parseEvents(row: TermEventsRow): StoredEvent[] {
  try {
    const events = JSON.parse(row.events) as unknown;
    return Array.isArray(events) ? (events as StoredEvent[]) : [];
  } catch {
    return [];
  }
}

const isBand = (b: string): b is Band => (BANDS as readonly string[]).includes(b);

/** What the fold went through, for the builder's log line. */
export interface FoldTally {
  learners: number;
  events: number;
}

/** The release's school of a learner (their class's school, or the families' pseudo-school). */
export type SchoolOf = (schoolId: string | null) => string | undefined;

interface Page {
  readonly learners: readonly TermLearnerRow[];
  readonly rows: readonly TermEventsRow[];
}

/** The page of learners after `after` and their events before `end`. */
async function readPage(
  db: Db,
  after: string,
  end: number,
  range: SchoolRange | undefined,
): Promise<Page> {
  const learners = await termLearners(db.kysely, db.dialect, after, LEARNER_PAGE, range);
  const ids = learners.map((l) => l.id);
  return { learners, rows: await termEvents(db.kysely, db.dialect, ids, end) };
}

/**
 * Adds the contribution of every learner (of the schools of `range`, when given) to `fold`, in
 * learner id order; resolves to how many learners and events it read. The next page is asked
 * for before this one is folded: on PostgreSQL the database reads it meanwhile.
 */
export async function foldLearners(
  db: Db,
  plan: TermPlan,
  schoolOf: SchoolOf,
  fold: TermTables,
  range?: SchoolRange,
): Promise<FoldTally> {
  const tally: FoldTally = { learners: 0, events: 0 };
  const end = plan.window.end;
  let page = await readPage(db, '', end, range);
  while (page.learners.length > 0) {
    const next = readPage(db, page.learners[page.learners.length - 1]!.id, end, range);
    // Never left unhandled while this page is folded; awaited (and thrown) below.
    next.catch(() => {});
    const byLearner = new Map<string, StoredEvent[]>();
    for (const row of page.rows) {
      const events = parseEvents(row);
      tally.events += events.length;
      byLearner.set(row.learner_id, events);
    }
    for (const l of page.learners) {
      const school = schoolOf(l.school_id);
      const events = byLearner.get(l.id);
      if (school === undefined || events === undefined || !isBand(l.band)) continue;
      tally.learners++;
      fold.addLearner(school, l.band, learnerTerm(plan, l.band, events));
    }
    page = await next;
    // Other work of this thread gets its turn between pages.
    await setImmediate();
  }
  return tally;
}
