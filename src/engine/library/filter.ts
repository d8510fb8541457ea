import type { TopicId } from '../ids';
import type { Catalogue } from '../types/catalogue';

/** Deployment choices that shape what the catalogue offers (NATION-1). */
export interface DeploymentContent {
  /** Topics switched off for this deployment, e.g. where a ministry covers them elsewhere. */
  readonly disabledTopics: readonly TopicId[];
}

function keep<K, V>(map: ReadonlyMap<K, V>, ok: (v: V) => boolean): ReadonlyMap<K, V> {
  return new Map([...map].filter(([, v]) => ok(v)));
}

/**
 * The catalogue without the disabled topics: their activities, guides, challenges and skills
 * disappear everywhere (library, recommendations, reports). Returns the same catalogue when
 * nothing is disabled.
 *
 * @example
 * const offered = withoutTopics(catalogue, { disabledTopics: [asId<TopicId>('images')] });
 */
export function withoutTopics(catalogue: Catalogue, config: DeploymentContent): Catalogue {
  if (config.disabledTopics.length === 0) return catalogue;
  const off = new Set<string>(config.disabledTopics);
  const on = (v: { topic: TopicId }) => !off.has(v.topic);
  return Object.freeze({
    ...catalogue,
    topics: keep(catalogue.topics, (t) => !off.has(t.id)),
    skills: keep(catalogue.skills, on),
    activities: keep(catalogue.activities, on),
    guides: keep(catalogue.guides, on),
    challenges: keep(catalogue.challenges, on),
  });
}
