// A worker thread of the release builder (fold-workers.ts): folds the learners of its schools
// on its own connection to the database and hands back what it folded (`FoldPart`: per-school
// cells, and one exact part of each national-only table).

import { parentPort, workerData } from 'node:worker_threads';
import { openDb } from '../../db/connect';
import { termPlan, termTables } from '../../engine';
import { foldLearners } from './fold-learners';
import { schoolLookup } from './geography';
import type { FoldTask } from './fold-workers';

const task = workerData as FoldTask;
const db = await openDb(task.reopen);
try {
  const plan = termPlan(task.catalogue, task.window, task.options);
  const fold = termTables(plan, '');
  const tally = await foldLearners(
    db,
    plan,
    schoolLookup(task.schools, task.range.families),
    fold,
    task.range,
  );
  parentPort!.postMessage({ part: fold.part(), tally });
} finally {
  await db.close();
}
