import type { EventId, LearnerId } from '../ids';
import { ELO_DEFAULTS } from '../learner/elo';
import type { EloParams } from '../learner/elo';
import type { MeasureEvent } from '../measurement/events';
import type { Catalogue } from '../types/catalogue';
import type { Band } from '../types/text';
import type { ProgressEvent } from './event';
import {
  FOLD_DEVICE,
  PROGRESS_FOLD,
  isProgressFold,
  measuresOfLog,
  sceneKey,
  splitLog,
} from './fold';
import type { ProgressFold } from './fold';
import { firstGradedTries } from './report';
import { foldedSummary } from './summary';

/**
 * Folds a learner's log before `at` into one {@link ProgressFold} (from the log's own latest
 * fold on): the summary, the model, each graded scene's first try and the measurement events of
 * every event before `at`. A view of the fold followed by the events from `at` on is the view
 * of the whole log. Events from `at` on are left out of it, whatever the order given.
 */
export function foldProgress(
  log: readonly (ProgressEvent | MeasureEvent | ProgressFold)[],
  at: number,
  catalogue: Catalogue,
  band: Band,
  who: { readonly id: EventId; readonly learner: LearnerId },
  params: EloParams = ELO_DEFAULTS,
): ProgressFold {
  // An earlier fold up to the same time is part of it too.
  const before = log.filter((e) => e.at < at || (isProgressFold(e) && e.at <= at));
  const progress = before.filter(
    (e): e is ProgressEvent | ProgressFold => !('kind' in e) || isProgressFold(e),
  );
  const summary = foldedSummary(progress, catalogue, band, params);
  const { fold, events } = splitLog(progress);
  const firsts: Record<string, boolean> = { ...fold?.firsts };
  for (const e of firstGradedTries(events)) {
    const key = sceneKey(e.activity, e.scene);
    if (!(key in firsts)) firsts[key] = !e.correct;
  }
  // Only an activity's last attempt can go on after the fold (a new play-through is a new one).
  const open = new Set<string>();
  for (const p of Object.values(summary.learner.activities)) if (p) open.add(p.lastAttempt);
  const tries = [...summary.tries].filter((k) => open.has(k.slice(0, k.indexOf('|')))).sort();
  return {
    kind: PROGRESS_FOLD,
    id: who.id,
    learner: who.learner,
    device: FOLD_DEVICE,
    seq: 0,
    at,
    answers: summary.answers,
    correct: summary.correct,
    safety: { ...summary.safety },
    lastAt: summary.lastAt,
    skills: summary.learner.skills,
    activities: summary.learner.activities,
    tries,
    firsts,
    measures: measuresOfLog(before).sort((a, b) => a.at - b.at || (a.id < b.id ? -1 : 1)),
  };
}
