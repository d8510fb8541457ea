import type { ActivityId, AttemptId, SkillId } from '../ids';
import type { Band } from '../types/text';
import { answerScore, ELO_DEFAULTS, expected } from './elo';
import type { EloParams, SkillEstimate } from './elo';

/** A skill's estimate plus what explains recommendations. */
export interface SkillState extends SkillEstimate {
  /** Whether the last graded answer for this skill was right. */
  readonly lastCorrect: boolean;
  /** The activity of that last answer. */
  readonly lastActivity: ActivityId;
}

/** What the learner model knows about one activity. */
export interface ActivityProgress {
  readonly attempts: number;
  readonly answers: number;
  readonly correct: number;
  /** Reached an end at least once. */
  readonly finished: boolean;
  /** Reached an ending marked correct at least once. */
  readonly finishedCorrect: boolean;
  readonly lastAttempt: AttemptId;
}

/** The learner model (PATH-3): skill estimates and activity progress. Frozen. */
export interface LearnerModel {
  readonly band: Band;
  readonly skills: Readonly<Partial<Record<SkillId, SkillState>>>;
  readonly activities: Readonly<Partial<Record<ActivityId, ActivityProgress>>>;
}

/** One answer, reduced to what the model needs. */
export interface ModelAnswer {
  readonly activity: ActivityId;
  readonly attempt: AttemptId;
  readonly skills: readonly SkillId[];
  readonly difficulty: number;
  readonly correct: boolean;
  readonly hinted: boolean;
  /** Counts for the skill estimates (first try on a graded scene, not a "what if" replay). */
  readonly graded: boolean;
  readonly ended: boolean;
}

/** A new learner in `band`. */
export function newLearner(band: Band): LearnerModel {
  return Object.freeze({ band, skills: Object.freeze({}), activities: Object.freeze({}) });
}

function nextActivity(prev: ActivityProgress | undefined, a: ModelAnswer): ActivityProgress {
  const newAttempt = prev === undefined || prev.lastAttempt !== a.attempt;
  return Object.freeze({
    attempts: (prev?.attempts ?? 0) + (newAttempt ? 1 : 0),
    answers: (prev?.answers ?? 0) + 1,
    correct: (prev?.correct ?? 0) + (a.correct ? 1 : 0),
    finished: (prev?.finished ?? false) || a.ended,
    finishedCorrect: (prev?.finishedCorrect ?? false) || (a.ended && a.correct),
    lastAttempt: a.attempt,
  });
}

type Skills = Partial<Record<SkillId, SkillState>>;
type Activities = Partial<Record<ActivityId, ActivityProgress>>;

/** Writes one answer into `skills` and `activities` (replacing entries, never editing them). */
function applyAnswer(
  skills: Skills,
  activities: Activities,
  a: ModelAnswer,
  params: EloParams,
): void {
  activities[a.activity] = nextActivity(activities[a.activity], a);
  if (!a.graded || a.skills.length === 0) return;
  // One item, several skills: predict from their mean ability, move each by its own K.
  let sum = 0;
  for (const s of a.skills) sum += skills[s]?.theta ?? 0;
  const p = expected(sum / a.skills.length, a.difficulty);
  const score = answerScore(a.correct, a.hinted, params);
  for (const s of a.skills) {
    const prev = skills[s] ?? { theta: 0, n: 0 };
    const k = params.alpha / (1 + params.beta * prev.n);
    skills[s] = Object.freeze({
      theta: prev.theta + k * (score - p),
      n: prev.n + 1,
      lastCorrect: a.correct,
      lastActivity: a.activity,
    });
  }
}

/**
 * Applies one answer: activity progress always; skill estimates when `graded`.
 * Pure; returns a new frozen model.
 */
export function updateLearner(
  model: LearnerModel,
  a: ModelAnswer,
  params: EloParams = ELO_DEFAULTS,
): LearnerModel {
  const graded = a.graded && a.skills.length > 0;
  const skills: Skills = graded ? { ...model.skills } : (model.skills as Skills);
  const activities: Activities = { ...model.activities };
  applyAnswer(skills, activities, a, params);
  return Object.freeze({
    band: model.band,
    skills: graded ? Object.freeze(skills) : model.skills,
    activities: Object.freeze(activities),
  });
}

/**
 * Applies many answers in order, the same as folding {@link updateLearner} over them but
 * without copying the model for each one (for summaries of long logs); after the answers of
 * `start`, when given.
 */
export function learnerFrom(
  band: Band,
  answers: Iterable<ModelAnswer>,
  params: EloParams = ELO_DEFAULTS,
  start?: Pick<LearnerModel, 'skills' | 'activities'>,
): LearnerModel {
  // From `start` when given (a fold of earlier answers, progress/fold.ts), as if they came first.
  const skills: Skills = { ...start?.skills };
  const activities: Activities = { ...start?.activities };
  for (const a of answers) applyAnswer(skills, activities, a, params);
  return Object.freeze({
    band,
    skills: Object.freeze(skills),
    activities: Object.freeze(activities),
  });
}
