import type { Catalogue } from '../../../engine';

/** Ids of content the catalogue has but the deployment does not offer (its topic is off). */
export interface WithheldIds {
  readonly activities: ReadonlySet<string>;
  readonly challenges: ReadonlySet<string>;
  readonly guides: ReadonlySet<string>;
}

const without = (all: ReadonlyMap<string, unknown>, kept: ReadonlyMap<string, unknown>) =>
  new Set([...all.keys()].filter((id) => !kept.has(id)));

/**
 * What `offered` (the catalogue after `withoutTopics`) lacks of `all`: a request for one of
 * these gets `404 not_offered` rather than "no such id", so a deep link says why.
 */
export function withheldIds(all?: Catalogue, offered?: Catalogue): WithheldIds {
  if (!all || !offered || all === offered) {
    return { activities: new Set(), challenges: new Set(), guides: new Set() };
  }
  return {
    activities: without(all.activities, offered.activities),
    challenges: without(all.challenges, offered.challenges),
    guides: without(all.guides, offered.guides),
  };
}
