// The learners' fold of a release spread over worker threads, each over its own schools (ids in
// consecutive ranges) on its own connection: a build of ten million events takes the cores there
// are instead of one, and the main thread keeps answering requests meanwhile. Each school's
// learners are folded by one worker in id order, as one thread would, and each worker hands back
// one exact part of every national-only table (not a cell per school: `foldTables`), so the cells
// are the same for any number of workers. SQLite in memory (tests) folds in this thread.

import { existsSync } from 'node:fs';
import { availableParallelism } from 'node:os';
import { fileURLToPath } from 'node:url';
import { Worker } from 'node:worker_threads';
import type { Db, DbOptions } from '../../db/connect';
import type { SchoolRange } from '../../db/term-events';
import { foldTables } from '../../engine';
import type {
  Catalogue,
  FoldPart,
  TableInput,
  TermPlan,
  TermPlanOptions,
  TermTables,
  TermWindow,
} from '../../engine';
import { foldLearners } from './fold-learners';
import type { FoldTally } from './fold-learners';
import type { ReleasePlaces } from './geography';

/** What one worker folds. */
export interface FoldTask {
  readonly reopen: DbOptions;
  readonly catalogue: Catalogue;
  readonly window: TermWindow;
  readonly options: TermPlanOptions;
  /** Its schools, and the range of their ids its queries take. */
  readonly schools: readonly string[];
  readonly range: SchoolRange;
}

/** Workers by default: one a core, at most 4 (each holds a page of events and a connection). */
export function defaultFoldWorkers(): number {
  return Math.min(4, availableParallelism());
}

/**
 * The worker's entry file beside this module: `fold-worker.js` in a build, else (running from
 * the TypeScript sources) the shim that loads `fold-worker.ts` (as the PDF pool does).
 */
export function foldWorkerEntry(base: string = import.meta.url): string {
  for (const name of ['./fold-worker.js', './fold-worker-source.mjs']) {
    const file = fileURLToPath(new URL(name, base));
    if (existsSync(file)) return file;
  }
  throw new Error(
    `The release builder's worker (fold-worker.js) is missing beside ${fileURLToPath(base)}`,
  );
}

/** `schools` (sorted) cut into at most `n` ranges of consecutive ids; families go with the first. */
export function schoolRanges(
  schools: readonly string[],
  families: boolean,
  n: number,
): { range: SchoolRange; schools: readonly string[] }[] {
  if (schools.length === 0) return [{ range: { first: '', last: '', families }, schools: [] }];
  const parts = Math.max(1, Math.min(n, schools.length));
  const size = Math.ceil(schools.length / parts);
  const out: { range: SchoolRange; schools: readonly string[] }[] = [];
  for (let i = 0; i < schools.length; i += size) {
    const part = schools.slice(i, i + size);
    out.push({
      range: { first: part[0]!, last: part[part.length - 1]!, families: families && i === 0 },
      schools: part,
    });
  }
  return out;
}

function runWorker(task: FoldTask): Promise<{ part: FoldPart; tally: FoldTally }> {
  return new Promise((resolve, reject) => {
    const worker = new Worker(foldWorkerEntry(), {
      workerData: task,
      // A larger young generation: the fold makes many short-lived objects (parsed events), and
      // collecting them took a quarter of a build with the default.
      resourceLimits: { maxYoungGenerationSizeMb: 192 },
    });
    let result: { part: FoldPart; tally: FoldTally } | undefined;
    worker.once('message', (m: { part: FoldPart; tally: FoldTally }) => (result = m));
    worker.once('error', reject);
    worker.once('exit', (code) => {
      if (result) resolve(result);
      else reject(new Error(`a release builder's worker stopped (exit code ${code})`));
    });
  });
}

/**
 * Every learner folded into the tables of `plan`, with `fold` (this thread's: the feedback) put
 * in, over `workers` threads when the database can be opened again.
 */
export async function foldTerm(
  db: Db,
  catalogue: Catalogue,
  plan: TermPlan,
  options: TermPlanOptions,
  places: ReleasePlaces,
  fold: TermTables,
  workers: number,
): Promise<{ tables: TableInput[]; tally: FoldTally }> {
  if (workers <= 1 || db.reopen === undefined) {
    const tally = await foldLearners(db, plan, places.schoolOf, fold);
    return { tables: fold.tables(), tally };
  }
  const reopen = db.reopen;
  const done = await Promise.all(
    schoolRanges(places.schools, places.families, workers).map((part) =>
      runWorker({ reopen, catalogue, window: plan.window, options, ...part }),
    ),
  );
  return {
    tables: foldTables(places.nationalSchool, [fold.part(), ...done.map((d) => d.part)]),
    tally: done.reduce(
      (t, d) => ({ learners: t.learners + d.tally.learners, events: t.events + d.tally.events }),
      { learners: 0, events: 0 },
    ),
  };
}
