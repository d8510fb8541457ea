import type { TopicId } from '../ids';
import type { Activity } from '../types/activity';
import type { Catalogue } from '../types/catalogue';
import { LEVELS } from '../types/text';
import type { Band, Level } from '../types/text';
import { expected } from './elo';
import type { LearnerModel } from './model';

/** Item difficulty (logit) by level, used when content gives none. */
export const LEVEL_DIFFICULTY: Readonly<Record<Level, number>> = Object.freeze({
  identify: -1,
  comprehend: 0,
  evaluate: 1,
});

/** The level a learner new to a topic starts at, by band (PATH-1). */
export const START_LEVEL: Readonly<Record<Band, Level>> = Object.freeze({
  '5-7': 'identify',
  '8-10': 'identify',
  '11-13': 'comprehend',
  '14-16': 'comprehend',
});

/** Options of progression. */
export interface ProgressionOptions {
  /** Mastery (probability of a right answer at the level) that suggests the next level. */
  readonly threshold: number;
  /** Graded answers needed in a topic before its mastery counts. */
  readonly minEvidence: number;
  readonly startLevel: Readonly<Record<Band, Level>>;
}

/** Defaults: 80 % after at least 3 graded answers. */
export const PROGRESSION_DEFAULTS: ProgressionOptions = Object.freeze({
  threshold: 0.8,
  minEvidence: 3,
  startLevel: START_LEVEL,
});

/** Difficulty of an item: the scene's, else the activity's, else by level. */
export function itemDifficulty(activity: Activity, sceneId?: string): number {
  const scene =
    sceneId !== undefined && Object.hasOwn(activity.scenes, sceneId)
      ? activity.scenes[sceneId]
      : undefined;
  return scene?.difficulty ?? activity.difficulty ?? LEVEL_DIFFICULTY[activity.level];
}

/** Mastery of a topic at a level: the mean expected score over its practised skills. */
export interface Mastery {
  readonly value: number;
  /** Graded answers behind the estimate. */
  readonly evidence: number;
}

/** The learner's mastery of `topic` at `level`. */
export function topicMastery(
  catalogue: Catalogue,
  model: LearnerModel,
  topic: TopicId,
  level: Level,
): Mastery {
  const skills = catalogue.topics.get(topic)?.skills ?? [];
  let sum = 0;
  let count = 0;
  let evidence = 0;
  for (const skill of skills) {
    const est = model.skills[skill.id];
    if (est === undefined || est.n === 0) continue;
    sum += expected(est.theta, LEVEL_DIFFICULTY[level]);
    count++;
    evidence += est.n;
  }
  return Object.freeze({ value: count === 0 ? 0 : sum / count, evidence });
}

/** Whether the learner has mastered `topic` at `level`. */
export function isMastered(
  m: Mastery,
  options: ProgressionOptions = PROGRESSION_DEFAULTS,
): boolean {
  return m.evidence >= options.minEvidence && m.value >= options.threshold;
}

/**
 * How far a learner is toward mastering a level, from 0 to 1 (1 = mastered): the share of the
 * evidence needed times the share of the mastery threshold reached. It moves with every graded
 * answer, so a child sees a star filling before it lights up.
 */
export function masteryProgress(
  m: Mastery,
  options: ProgressionOptions = PROGRESSION_DEFAULTS,
): number {
  if (isMastered(m, options)) return 1;
  const evidence = Math.min(1, m.evidence / options.minEvidence);
  const value = Math.min(1, m.value / options.threshold);
  return Math.min(0.95, evidence * value);
}

/**
 * The level to suggest in a topic: the band's start level, moved up one level each time the
 * level below is mastered. It only orders suggestions; every activity stays open.
 */
export function suggestedLevel(
  catalogue: Catalogue,
  model: LearnerModel,
  topic: TopicId,
  options: ProgressionOptions = PROGRESSION_DEFAULTS,
): Level {
  let i = LEVELS.indexOf(options.startLevel[model.band]);
  while (
    i < LEVELS.length - 1 &&
    isMastered(topicMastery(catalogue, model, topic, LEVELS[i] as Level), options)
  )
    i++;
  return LEVELS[i] as Level;
}
