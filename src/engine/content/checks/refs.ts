import { bandIndex } from '../../types/text';
import type { Catalogue } from '../../types/catalogue';
import type { ActivityCheck } from './context';

type Index = Pick<Catalogue, 'topics' | 'skills' | 'challenges'>;

/**
 * `unknown-ref`: an activity's topic, skills and challenges exist.
 * `sensitive-band`: a sensitive activity's `minBand` is not above its own band.
 */
export function checkActivityRefs({ activity, file, sink }: ActivityCheck, index: Index): void {
  if (!index.topics.has(activity.topic))
    sink.add(
      'unknown-ref',
      file,
      'topic',
      `topic "${activity.topic}" does not exist in topics.json`,
    );
  activity.skills.forEach((s, i) => {
    if (!index.skills.has(s))
      sink.add(
        'unknown-ref',
        file,
        `skills[${i}]`,
        `skill "${s}" is not declared under any topic in topics.json`,
      );
  });
  (activity.challenges ?? []).forEach((c, i) => {
    if (!index.challenges.has(c))
      sink.add('unknown-ref', file, `challenges[${i}]`, `challenge "${c}" does not exist`);
  });
  const s = activity.sensitive;
  if (s !== undefined && bandIndex(s.minBand) > bandIndex(activity.band)) {
    sink.add(
      'sensitive-band',
      file,
      'sensitive.minBand',
      `minimum band ${s.minBand} is above the activity's band ${activity.band}`,
    );
  }
}
