import type { ActivityId } from '../ids';
import type { Activity } from '../types/activity';
import type { Catalogue } from '../types/catalogue';
import { levelIndex } from '../types/text';
import { expected } from './elo';
import { LEVEL_DIFFICULTY, PROGRESSION_DEFAULTS, suggestedLevel } from './mastery';
import type { ProgressionOptions } from './mastery';
import type { LearnerModel } from './model';
import type { Reason } from './reasons';
import { canPlay } from '../safety/access';

/** One ranked suggestion with its reasons, strongest first. */
export interface Recommendation {
  readonly activity: ActivityId;
  readonly score: number;
  readonly reasons: readonly Reason[];
}

/** Options of {@link recommend}. */
export interface RecommendOptions extends ProgressionOptions {
  /** An adult-started play-together session (see `PlayContext`); false until accounts exist. */
  readonly adultSession: boolean;
  /** The language the activities are shown in (see `PlayContext.lang`); absent: English. */
  readonly lang?: string;
}

const DEFAULTS: RecommendOptions = { ...PROGRESSION_DEFAULTS, adultSession: false };

function levelReason(
  catalogue: Catalogue,
  model: LearnerModel,
  a: Activity,
  options: RecommendOptions,
): Reason | null {
  const suggested = suggestedLevel(catalogue, model, a.topic, options);
  const diff = levelIndex(a.level) - levelIndex(suggested);
  if (diff > 0) return null;
  if (diff < 0) return { code: 'review', topic: a.topic, level: a.level, weight: 0.5 };
  const moved = levelIndex(suggested) > levelIndex(options.startLevel[model.band]);
  return { code: moved ? 'next-level' : 'your-level', topic: a.topic, level: a.level, weight: 3 };
}

function skillReasons(model: LearnerModel, a: Activity): Reason[] {
  const out: Reason[] = [];
  for (const skill of a.skills) {
    const est = model.skills[skill];
    if (est === undefined || est.n === 0) continue;
    const weakness = 1 - expected(est.theta, LEVEL_DIFFICULTY[a.level]);
    if (!est.lastCorrect) out.push({ code: 'hard-last-time', skill, weight: 2 * weakness + 0.5 });
    else if (weakness > 0.4) out.push({ code: 'practise-skill', skill, weight: weakness });
  }
  return out;
}

function progressReason(model: LearnerModel, a: Activity): Reason {
  const p = model.activities[a.id];
  if (p === undefined) return { code: 'new', weight: 1 };
  if (p.finishedCorrect) return { code: 'done', weight: -3 };
  return { code: 'unfinished', weight: 1.5 };
}

/**
 * Ranks the activities open to the learner's band (PATH-3): the suggested level of each topic
 * first, then skills that were hard, then new or unfinished ones. Every activity is returned;
 * nothing is locked. Activities the learner may not play ({@link canPlay}: sensitive ones below
 * 14–16 outside an adult session, or in a language their translation is not reviewed in) are
 * left out.
 */
export function recommend(
  catalogue: Catalogue,
  model: LearnerModel,
  options: Partial<RecommendOptions> = {},
): readonly Recommendation[] {
  const opts: RecommendOptions = { ...DEFAULTS, ...options };
  const out: Recommendation[] = [];
  for (const a of catalogue.activities.values()) {
    if (a.band !== model.band) continue;
    const ctx = { band: model.band, adultSession: opts.adultSession, lang: opts.lang };
    if (!canPlay(a, ctx)) continue;
    const level = levelReason(catalogue, model, a, opts);
    const reasons = [
      ...(level ? [level] : []),
      ...skillReasons(model, a),
      progressReason(model, a),
    ].sort((x, y) => y.weight - x.weight);
    const score = reasons.reduce((s, r) => s + r.weight, 0);
    out.push(
      Object.freeze({
        activity: a.id,
        score,
        reasons: Object.freeze(reasons.map((r) => Object.freeze(r))),
      }),
    );
  }
  out.sort(
    (x, y) => y.score - x.score || (x.activity < y.activity ? -1 : x.activity > y.activity ? 1 : 0),
  );
  return Object.freeze(out);
}
