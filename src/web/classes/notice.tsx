import { ct } from './strings';
import type { ClassesKey } from './strings';

/**
 * A notice read before agreeing (the school's agreement, PRIV-16; a parent's consent, PRIV-15):
 * its points from content, and the version that is sent with the agreement (PRIV-17).
 */
export function Notice(props: { id: string; title: ClassesKey; points: readonly ClassesKey[] }) {
  return (
    <section class="notice-text" aria-labelledby={props.id}>
      <h3 id={props.id}>{ct(props.title)}</h3>
      <ul>
        {props.points.map((p) => (
          <li key={p}>{ct(p)}</li>
        ))}
      </ul>
    </section>
  );
}

export const SCHOOL_NOTICE: readonly ClassesKey[] = [
  'schoolNotice.1',
  'schoolNotice.2',
  'schoolNotice.3',
  'schoolNotice.4',
  'schoolNotice.5',
];

export const FAMILY_NOTICE: readonly ClassesKey[] = [
  'familyNotice.1',
  'familyNotice.2',
  'familyNotice.3',
  'familyNotice.4',
  'familyNotice.5',
];
