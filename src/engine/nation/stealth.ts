// The stealth evidence of a release (MEAS-06): what a child's play itself says about a topic,
// without a check. It is the learner model's mastery estimate, so its rules are the model's:
// - events are taken in their canonical order (time, device, sequence, id), duplicates dropped;
// - only an attempt's first answer on a graded scene, outside "what if" replays, counts
//   (`summarize`), a hinted right answer for half (`ELO_DEFAULTS.hintCredit`);
// - each counted answer moves its skills' Elo estimates by K = α / (1 + β·n) (`ELO_DEFAULTS`),
//   against the scene's difficulty, else the activity's, else its level's (`LEVEL_DIFFICULTY`);
// - a topic's evidence is the mean over its practised skills of the probability of a right
//   answer at the band's start level (`START_LEVEL`, `topicMastery`);
// - it counts once it rests on `PROGRESSION_DEFAULTS.minEvidence` graded answers.
// A change of any of these changes what the `evidence` tables correlate, so it must raise
// STEALTH_RULES_VERSION: `stealth.test.ts` pins the version to the estimates of a fixture.

import type { TopicId } from '../ids';
import { PROGRESSION_DEFAULTS, START_LEVEL, topicMastery } from '../learner/mastery';
import type { Mastery } from '../learner/mastery';
import { summarize } from '../progress/summary';
import type { ProgressLog } from '../progress/fold';
import type { Catalogue } from '../types/catalogue';
import type { Band } from '../types/text';

/**
 * The version of the rules above, recorded with every `evidence` table of a release. Raise it
 * with any change of the rules (and add the new estimates to `stealth.test.ts`, never edit the
 * old ones), so releases made under different rules are never compared unawares.
 */
export const STEALTH_RULES_VERSION = 1;

/**
 * The stealth evidence of each of `topics` for a learner in `band`, folded over `progress` (in
 * any order, as the learner model takes it): topics with enough evidence only.
 */
export function stealthEvidence(
  catalogue: Catalogue,
  band: Band,
  progress: ProgressLog,
  topics: Iterable<TopicId>,
): Map<TopicId, Mastery> {
  const out = new Map<TopicId, Mastery>();
  const model = summarize(progress, catalogue, band).learner;
  for (const topic of topics) {
    const m = topicMastery(catalogue, model, topic, START_LEVEL[band]);
    if (m.evidence >= PROGRESSION_DEFAULTS.minEvidence) out.set(topic, m);
  }
  return out;
}
