import type { DeviceId, EventId, LearnerId } from '../ids';
import type { LearnerModel } from '../learner/model';
import { isMeasureEvent } from '../measurement/events';
import type { MeasureEvent } from '../measurement/events';
import type { Safety } from '../types/text';
import type { ProgressEvent } from './event';

/**
 * A learner's events before a time, folded (issue #18, docs/classes.md "Retention"): what every
 * view of progress needs from them, so that the events themselves may go (a dropped month of
 * the event log) while the teacher's report, the parents' summary and the child's stars on any
 * device stay the same. Stored and synced like an event; the fold with the latest `at` stands
 * for every event before its `at`, and views read the events from `at` on after it.
 */
export interface ProgressFold {
  readonly kind: 'progress-fold';
  readonly id: EventId;
  readonly learner: LearnerId;
  /** The server's name for itself as a device: never a child's device. */
  readonly device: DeviceId;
  readonly seq: number;
  /** Every event of the learner with an earlier time is folded in (device time, ms). */
  readonly at: number;
  /** Answers folded, of which correct, and their safety labels (as `summarize` counts). */
  readonly answers: number;
  readonly correct: number;
  readonly safety: Readonly<Record<Safety, number>>;
  /** The latest answer's time, or null. */
  readonly lastAt: number | null;
  /** The learner model after the folded answers. */
  readonly skills: LearnerModel['skills'];
  readonly activities: LearnerModel['activities'];
  /**
   * `attempt|scene` of the scenes answered in each activity's last attempt: an attempt that goes
   * on after `at` grades only first tries, as without the fold.
   */
  readonly tries: readonly string[];
  /** Each graded scene's first try, `activity/scene` → missed (the report's most missed). */
  readonly firsts: Readonly<Record<string, boolean>>;
  /** The measurement events before `at`, as they were: a check pairs with one terms later. */
  readonly measures: readonly MeasureEvent[];
}

export const PROGRESS_FOLD = 'progress-fold';

/** What the server stores as a fold's device. */
export const FOLD_DEVICE = 'kite-server' as DeviceId;

/** A learner's progress log as views read it: events, and the folds of events gone. */
export type ProgressLog = readonly (ProgressEvent | ProgressFold)[];

export function isProgressFold(e: object): e is ProgressFold {
  return (e as { kind?: unknown }).kind === PROGRESS_FOLD;
}

/** The key of a scene in `firsts` (an activity id and a scene id hold no `/`). */
export const sceneKey = (activity: string, scene: string): string => `${activity}/${scene}`;

/**
 * The fold that stands for a log's start (the latest; on a tie the greatest id) and the
 * progress events after it: the events before its time are in it, whether or not they are
 * still stored.
 */
export function splitLog(log: ProgressLog): {
  readonly fold: ProgressFold | undefined;
  readonly events: ProgressEvent[];
} {
  let fold: ProgressFold | undefined;
  for (const e of log) {
    if (!isProgressFold(e)) continue;
    if (!fold || e.at > fold.at || (e.at === fold.at && e.id > fold.id)) fold = e;
  }
  const events: ProgressEvent[] = [];
  for (const e of log) {
    if (isProgressFold(e) || isMeasureEvent(e)) continue;
    if (fold === undefined || e.at >= fold.at) events.push(e);
  }
  return { fold, events };
}

/**
 * The measurement events of a log whose folds keep some: each fold's, then the log's own, once
 * each by id.
 */
export function measuresOfLog(
  log: readonly (ProgressEvent | MeasureEvent | ProgressFold)[],
): MeasureEvent[] {
  const seen = new Set<string>();
  const out: MeasureEvent[] = [];
  const add = (m: MeasureEvent) => {
    if (seen.has(m.id)) return;
    seen.add(m.id);
    out.push(m);
  };
  for (const e of log) if (isProgressFold(e)) e.measures.forEach(add);
  for (const e of log) if (isMeasureEvent(e)) add(e);
  return out;
}
