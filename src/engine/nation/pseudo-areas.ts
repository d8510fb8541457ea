// The areas a release adds to a deployment's places: schools not placed in a district yet, and
// the children parents made, who belong to no school. A release stores them by these fixed ids
// with English names; a reader's language names them at layout time (`translateAreas`).

import type { NationTranslate } from './labels';
import type { ReleaseArea } from './layout';

/** The pseudo region of schools without a district and of families. */
export const UNASSIGNED_REGION = 'unassigned';
/** Its district of the schools not placed in a district yet. */
export const UNASSIGNED_DISTRICT = 'unassigned-schools';
/** Its district of parents' children (no school): one pseudo-school, so never shown alone. */
export const FAMILIES_DISTRICT = 'families';

/** The `nation.table.*` key naming each pseudo area. */
export const PSEUDO_AREA_KEYS: Readonly<Record<string, string>> = Object.freeze({
  [UNASSIGNED_REGION]: 'nation.table.unassigned',
  [UNASSIGNED_DISTRICT]: 'nation.table.unassigned',
  [FAMILIES_DISTRICT]: 'nation.table.families',
});

/** The areas with the pseudo ones named in the reader's language; places keep their own names. */
export function translateAreas(
  areas: readonly ReleaseArea[],
  t: NationTranslate,
): readonly ReleaseArea[] {
  return areas.map((a) =>
    Object.hasOwn(PSEUDO_AREA_KEYS, a.id) ? { ...a, name: t(PSEUDO_AREA_KEYS[a.id]!) } : a,
  );
}
