import { topicOffered } from '../../engine';
import type {
  Activity,
  ActivityId,
  Band,
  Catalogue,
  Skill,
  SkillId,
  Topic,
  TopicId,
} from '../../engine';
import type { HomeIndex } from './types';

/** A band bundle (`/content/<lang>/bands/<band>.json`). */
export interface BandBundle {
  readonly version: string;
  readonly lang: string;
  readonly band: Band;
  readonly topics: readonly Topic[];
  readonly activities: readonly Activity[];
}

/**
 * The engine's catalogue view of one band's bundle: what the learner model and recommendations
 * need (topics, skills, activities) on the device.
 */
export function catalogueFromBundle(
  bundle: BandBundle,
  disabledTopics: readonly string[] = [],
): Catalogue {
  const topics = bundle.topics.filter((t) => topicOffered(t.id, disabledTopics));
  const skills = new Map<SkillId, Skill & { topic: TopicId }>();
  for (const t of topics) for (const s of t.skills) skills.set(s.id, { ...s, topic: t.id });
  return {
    topics: new Map(topics.map((t) => [t.id, t])),
    skills,
    packs: new Map(),
    activities: new Map(
      bundle.activities
        .filter((a) => topicOffered(a.topic, disabledTopics))
        .map((a) => [a.id as ActivityId, a]),
    ),
    guides: new Map(),
    challenges: new Map(),
    countries: new Map(),
    texts: new Map(),
    locales: new Map(),
    sources: new Map(),
  };
}

/**
 * The engine's catalogue view of home's index of a band (`/content/<lang>/home/<band>.json`).
 * Its activities carry only what home's engine calls read — `recommend`, `summarize` (the
 * learner model's `itemDifficulty`), `topicMastery` and `canPlay`: id, topic, band, level,
 * skills, difficulties, `sensitive.minBand` — so they stand in for full activities there; never
 * hand this catalogue to a player (the Play page reads the activity file or the band's bundle).
 */
export function catalogueFromHome(
  index: HomeIndex,
  disabledTopics: readonly string[] = [],
): Catalogue {
  return catalogueFromBundle(index as unknown as BandBundle, disabledTopics);
}
