import type { ActivityId } from '../ids';
import { itemDifficulty } from '../learner/mastery';
import { learnerFrom } from '../learner/model';
import type { LearnerModel, ModelAnswer } from '../learner/model';
import { ELO_DEFAULTS } from '../learner/elo';
import type { EloParams } from '../learner/elo';
import type { Catalogue } from '../types/catalogue';
import { isGraded } from '../types/interaction';
import type { Band, Safety } from '../types/text';
import type { ProgressEvent } from './event';
import { splitLog } from './fold';
import type { ProgressLog } from './fold';
import { canonicalEvents } from './order';

/** Progress derived from the event log (PATH-4); the same on the device and the server. */
export interface ProgressSummary {
  readonly learner: LearnerModel;
  /** Distinct events folded (each is one answer). */
  readonly answers: number;
  readonly correct: number;
  readonly safety: Readonly<Record<Safety, number>>;
  /** Time of the latest event, or null when there are none. */
  readonly lastAt: number | null;
}

/** A summary and the first tries it saw, for making a fold (fold-make.ts). */
export interface FoldedSummary extends ProgressSummary {
  /** `attempt|scene` of every scene answered (the fold's and the events'). */
  readonly tries: ReadonlySet<string>;
}

/**
 * Folds events into a summary in canonical order (time, device, sequence, id) after removing
 * duplicate ids, so resends and any arrival order give the same summary. The Elo update
 * depends on order, which is why the fold sorts first. A log that holds a fold of older events
 * (progress/fold.ts) starts from it, and its events before the fold's time are left out (they
 * are in it): the summary is the one the whole log gave.
 *
 * Only an attempt's first answer on a graded scene, outside "what if" replays, moves the skill
 * estimates; every answer counts toward activity progress.
 */
export function summarize(
  log: ProgressLog,
  catalogue: Catalogue,
  band: Band,
  params: EloParams = ELO_DEFAULTS,
): ProgressSummary {
  const { tries: _tries, ...summary } = foldedSummary(log, catalogue, band, params);
  return Object.freeze(summary);
}

/** {@link summarize}, with the first tries it saw. */
export function foldedSummary(
  log: ProgressLog,
  catalogue: Catalogue,
  band: Band,
  params: EloParams = ELO_DEFAULTS,
): FoldedSummary {
  const { fold, events } = splitLog(log);
  const ordered = canonicalEvents(events);
  const firstTries = new Set<string>(fold?.tries ?? []);
  const safety: Record<Safety, number> = { safe: 0, risky: 0, unsafe: 0, ...fold?.safety };
  let correct = fold?.correct ?? 0;
  const answers: ModelAnswer[] = ordered.map((e) => {
    const key = `${e.attempt}|${e.scene}`;
    const first = !firstTries.has(key);
    firstTries.add(key);
    if (e.correct) correct++;
    safety[e.safety]++;
    const activity = catalogue.activities.get(e.activity as ActivityId);
    return {
      activity: e.activity,
      attempt: e.attempt,
      skills: activity?.skills ?? [],
      difficulty: activity ? itemDifficulty(activity, e.scene) : 0,
      correct: e.correct,
      hinted: e.hinted,
      graded: first && !e.whatIf && isGraded(e.answer.type),
      ended: e.ended,
    };
  });
  const learner = learnerFrom(band, answers, params, fold);
  return {
    learner,
    answers: (fold?.answers ?? 0) + ordered.length,
    correct,
    safety: Object.freeze(safety),
    lastAt:
      ordered.length === 0
        ? (fold?.lastAt ?? null)
        : (ordered[ordered.length - 1] as ProgressEvent).at,
    tries: firstTries,
  };
}
