import type { ActivityId, SceneId, TopicId } from '../ids';
import { masteryProgress, topicMastery } from '../learner/mastery';
import type { LearnerModel } from '../learner/model';
import type { Catalogue } from '../types/catalogue';
import { isGraded } from '../types/interaction';
import { LEVELS } from '../types/text';
import type { Band } from '../types/text';
import type { ProgressEvent } from './event';
import { sceneKey, splitLog } from './fold';
import type { ProgressLog } from './fold';
import { canonicalEvents } from './order';
import { summarize } from './summary';

/**
 * How full each of a topic's three stars is (0 to 1), one per level: a mastered level's star is
 * full; the first star not yet lit fills with every graded answer (masteryProgress); the stars
 * after it stay empty. The child's sky map and the teacher's report both show these.
 */
export function starFills(catalogue: Catalogue, model: LearnerModel, topic: string): number[] {
  let open = true;
  return LEVELS.map((level) => {
    const fill = masteryProgress(topicMastery(catalogue, model, topic as TopicId, level));
    if (fill >= 1) return 1;
    if (!open) return 0;
    open = false;
    return fill;
  });
}

/** One topic of a learner's report. */
export interface TopicReport {
  readonly topic: TopicId;
  /** The three stars, as on the child's sky map. */
  readonly stars: number[];
  /** Levels mastered (full stars). */
  readonly mastered: number;
  /** Activities of the band in this topic the learner finished, and how many there are. */
  readonly finished: number;
  readonly activities: number;
}

/** What a teacher or parent sees of one learner: numbers and stars, never answers. */
export interface LearnerReport {
  readonly answers: number;
  readonly correct: number;
  readonly finished: number;
  readonly lastAt: number | null;
  readonly topics: TopicReport[];
}

/**
 * A learner's report from their events, with the same fold as the device (`summarize`), so a
 * report and the child's sky map cannot disagree on the same events.
 */
export function learnerReport(
  events: ProgressLog,
  catalogue: Catalogue,
  band: Band,
): LearnerReport {
  const summary = summarize(events, catalogue, band);
  const model = summary.learner;
  let finishedAll = 0;
  for (const p of Object.values(model.activities)) if (p?.finished) finishedAll++;
  const topics = [...catalogue.topics.keys()].map((topic): TopicReport => {
    const stars = starFills(catalogue, model, topic);
    let activities = 0;
    let finished = 0;
    for (const a of catalogue.activities.values()) {
      if (a.topic !== topic || a.band !== band) continue;
      activities++;
      if (model.activities[a.id]?.finished) finished++;
    }
    return {
      topic,
      stars,
      mastered: stars.filter((s) => s >= 1).length,
      finished,
      activities,
    };
  });
  return {
    answers: summary.answers,
    correct: summary.correct,
    finished: finishedAll,
    lastAt: summary.lastAt,
    topics,
  };
}

/**
 * Each graded scene's first try in canonical order (outside "what if" replays): what the most
 * missed questions count, and what a fold keeps of its events (fold-make.ts).
 */
export function firstGradedTries(events: readonly ProgressEvent[]): ProgressEvent[] {
  const seen = new Set<string>();
  const out: ProgressEvent[] = [];
  for (const e of canonicalEvents(events)) {
    if (e.whatIf || !isGraded(e.answer.type)) continue;
    const key = sceneKey(e.activity, e.scene);
    if (seen.has(key)) continue;
    seen.add(key);
    out.push(e);
  }
  return out;
}

/** A question many learners got wrong at their first try. */
export interface MissedQuestion {
  readonly activity: ActivityId;
  readonly scene: SceneId;
  /** Learners whose first graded try was wrong, and learners who tried it. */
  readonly missed: number;
  readonly tried: number;
}

/**
 * The questions most missed across learners: per learner and scene, only the first graded try
 * (not a "what if" replay) counts. Most missed first, then by share missed, then by id.
 */
export function mostMissed(eventsByLearner: Iterable<ProgressLog>, limit = 10): MissedQuestion[] {
  const counts = new Map<
    string,
    { activity: ActivityId; scene: SceneId; missed: number; tried: number }
  >();
  const count = (activity: ActivityId, scene: SceneId, missed: boolean) => {
    const key = sceneKey(activity, scene);
    const c = counts.get(key) ?? { activity, scene, missed: 0, tried: 0 };
    c.tried++;
    if (missed) c.missed++;
    counts.set(key, c);
  };
  for (const log of eventsByLearner) {
    const { fold, events } = splitLog(log);
    // The first tries of a fold's events came before every event after it.
    const seen = new Set<string>(Object.keys(fold?.firsts ?? {}));
    for (const [key, missed] of Object.entries(fold?.firsts ?? {})) {
      const [activity, scene] = key.split('/') as [ActivityId, SceneId];
      count(activity, scene, missed);
    }
    for (const e of firstGradedTries(events)) {
      const key = sceneKey(e.activity, e.scene);
      if (seen.has(key)) continue;
      seen.add(key);
      count(e.activity, e.scene, !e.correct);
    }
  }
  return [...counts.values()]
    .filter((c) => c.missed > 0)
    .sort(
      (a, b) =>
        b.missed - a.missed ||
        b.missed / b.tried - a.missed / a.tried ||
        `${a.activity}/${a.scene}`.localeCompare(`${b.activity}/${b.scene}`),
    )
    .slice(0, limit);
}
