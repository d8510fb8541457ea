// Every learner's events folded into a term's tables, one page of learners at a time (in id
// order, their events read in one sweep up to the term's end): memory holds one page of events,
// whatever the size of the log, and nothing of a learner outlives their contribution.

import { setImmediate } from 'node:timers/promises';
import type { Db } from '../../db/connect';
import { termEvents, termLearners } from '../../db/term-events';
import type { TermEventRow, TermLearnerRow } from '../../db/term-events';
import { BANDS, learnerTerm } from '../../engine';
import type { Band, MeasureEvent, ProgressEvent, TermPlan, TermTables } from '../../engine';
import type { ReleasePlaces } from './geography';

/** Learners per page. */
export const LEARNER_PAGE = 500;

type StoredEvent = ProgressEvent | MeasureEvent;

const MEASURE = 'measure.';

/**
 * An event rebuilt from its row (`TermEventRow`): the fields the release reads, the rest left
 * out (a progress event's answer keeps its type only; nothing reads more of it here).
 */
export function decodeEvent(row: TermEventRow): StoredEvent | undefined {
  let x: unknown;
  try {
    x = JSON.parse(row.x);
  } catch {
    return undefined;
  }
  if (!Array.isArray(x)) return undefined;
  const at = Number(row.at);
  const seq = Number(row.seq);
  if (row.activity.startsWith(MEASURE))
    return {
      id: row.id,
      learner: row.learner_id,
      device: row.device,
      seq,
      at,
      kind: x[0],
      topic: row.activity.slice(MEASURE.length),
      band: x[1],
      use: x[2],
      version: x[3],
      item: x[4],
      answer: x[5],
    } as unknown as MeasureEvent;
  return {
    id: row.id,
    learner: row.learner_id,
    device: row.device,
    seq,
    at,
    activity: row.activity,
    attempt: x[0],
    scene: x[1],
    answer: { type: x[2] },
    // SQLite's json_extract gives JSON booleans as 1 and 0.
    correct: x[3] === true || x[3] === 1,
    hinted: x[4] === true || x[4] === 1,
    whatIf: x[5] === true || x[5] === 1,
    ended: x[6] === true || x[6] === 1,
    safety: x[7],
  } as unknown as ProgressEvent;
}

const isBand = (b: string): b is Band => (BANDS as readonly string[]).includes(b);

/** What the fold went through, for the builder's log line. */
export interface FoldTally {
  learners: number;
  events: number;
}

interface Page {
  readonly learners: readonly TermLearnerRow[];
  readonly rows: readonly TermEventRow[];
}

/** The page of learners after `after` and their events before `end`. */
async function readPage(db: Db, after: string, end: number): Promise<Page> {
  const learners = await termLearners(db.kysely, db.dialect, after, LEARNER_PAGE);
  if (learners.length === 0) return { learners, rows: [] };
  const first = learners[0]!.id;
  const last = learners[learners.length - 1]!.id;
  return { learners, rows: await termEvents(db.kysely, db.dialect, first, last, end) };
}

/**
 * Adds every learner's contribution to `fold`; resolves to how many learners and events it
 * read. The next page is asked for before this one is folded: on PostgreSQL the database reads
 * it meanwhile (SQLite reads in this thread either way).
 */
export async function foldLearners(
  db: Db,
  plan: TermPlan,
  places: ReleasePlaces,
  fold: TermTables,
): Promise<FoldTally> {
  const tally: FoldTally = { learners: 0, events: 0 };
  const end = plan.window.end;
  let page = await readPage(db, '', end);
  while (page.learners.length > 0) {
    const next = readPage(db, page.learners[page.learners.length - 1]!.id, end);
    // Never left unhandled while this page is folded; awaited (and thrown) below.
    next.catch(() => {});
    tally.events += page.rows.length;
    const byLearner = new Map<string, StoredEvent[]>();
    for (const row of page.rows) {
      const e = decodeEvent(row);
      if (e === undefined) continue;
      const list = byLearner.get(row.learner_id);
      if (list) list.push(e);
      else byLearner.set(row.learner_id, [e]);
    }
    for (const l of page.learners) {
      const school = places.schoolOf(l.school_id);
      const events = byLearner.get(l.id);
      if (school === undefined || events === undefined || !isBand(l.band)) continue;
      tally.learners++;
      fold.addLearner(school, l.band, learnerTerm(plan, l.band, events));
    }
    page = await next;
    // Other requests of this process get their turn between pages.
    await setImmediate();
  }
  return tally;
}
