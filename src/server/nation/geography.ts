// The places of a release, read once when it is built: regions → districts → schools as they
// are then (archived ones included: they keep counting, docs/national.md), with their names
// kept in the release. Two pseudo areas complete them: schools not placed in a district yet,
// and parents' children, who belong to no school (one pseudo-school, so the 3-school rule keeps
// them hidden below national level). Areas with no school are left out: their cells could only
// be zeros everyone can work out from the list of places, and each would force a neighbour
// into complementary suppression.

import type { Db } from '../../db/connect';
import {
  FAMILIES_DISTRICT,
  NATIONAL_AREA,
  UNASSIGNED_DISTRICT,
  UNASSIGNED_REGION,
} from '../../engine';
import type { Geography, ReleaseArea } from '../../engine';

/** The pseudo-school of parents' children (school ids are never published). */
export const FAMILIES_SCHOOL = 'pseudo:families';

/** English names of the pseudo areas; a reader's language names them (`translateAreas`). */
const NAMES = {
  [UNASSIGNED_REGION]: 'Not placed yet',
  [UNASSIGNED_DISTRICT]: 'Not placed yet',
  [FAMILIES_DISTRICT]: 'Families (no school)',
} as const;

/** The places of one release. */
export interface ReleasePlaces {
  readonly geography: Geography;
  /** The areas as named now: the nation, regions, districts (what the release stores). */
  readonly areas: readonly ReleaseArea[];
  /** The release's school of a learner: their class's school, or the families' pseudo-school. */
  schoolOf(schoolId: string | null): string | undefined;
  /**
   * A school the national-only tables' cells are put on (one cell a column: a national-only
   * table adds every school up to the nation alone, so which school does not matter).
   */
  readonly nationalSchool: string;
  /** The schools of the places (never the pseudo-school), sorted by id (code unit order). */
  readonly schools: readonly string[];
  /** Whether the families' pseudo-school is in (learners of no school are counted). */
  readonly families: boolean;
}

/** `schoolOf` over `schools` and, when `families`, the families' pseudo-school. */
export function schoolLookup(
  schools: Iterable<string>,
  families: boolean,
): (schoolId: string | null) => string | undefined {
  const known = new Set(schools);
  return (schoolId) =>
    schoolId === null
      ? families
        ? FAMILIES_SCHOOL
        : undefined
      : known.has(schoolId)
        ? schoolId
        : undefined;
}

const byName = <T extends { name: string; id: string }>(a: T, b: T) =>
  a.name.localeCompare(b.name) || (a.id < b.id ? -1 : 1);

/** Reads the places now; `nationName` names the national area (the country pack's name). */
export async function releasePlaces(db: Db, nationName: string): Promise<ReleasePlaces> {
  const [regions, districts, schools, family] = await Promise.all([
    db.kysely.selectFrom('kite_region').select(['id', 'name']).execute(),
    db.kysely.selectFrom('kite_district').select(['id', 'region_id', 'name']).execute(),
    db.kysely.selectFrom('kite_school').select(['id', 'district_id']).execute(),
    db.kysely
      .selectFrom('kite_learner')
      .select('id')
      .where('class_id', 'is', null)
      .limit(1)
      .executeTakeFirst(),
  ]);
  const schoolsIn = new Map<string, string[]>();
  for (const s of schools) {
    const district = s.district_id ?? UNASSIGNED_DISTRICT;
    const list = schoolsIn.get(district);
    if (list) list.push(s.id);
    else schoolsIn.set(district, [s.id]);
  }
  const areas: ReleaseArea[] = [
    { id: NATIONAL_AREA, level: 'national', name: nationName, parent: null },
  ];
  const geography: { id: string; districts: { id: string; schools: string[] }[] }[] = [];
  const districtAreas: ReleaseArea[] = [];
  for (const r of [...regions].sort(byName)) {
    const ds = districts
      .filter((d) => d.region_id === r.id && schoolsIn.has(d.id))
      .sort(byName)
      .map((d) => ({ id: d.id, name: d.name, schools: schoolsIn.get(d.id)! }));
    if (ds.length === 0) continue;
    areas.push({ id: r.id, level: 'region', name: r.name, parent: NATIONAL_AREA });
    for (const d of ds)
      districtAreas.push({ id: d.id, level: 'district', name: d.name, parent: r.id });
    geography.push({ id: r.id, districts: ds.map((d) => ({ id: d.id, schools: d.schools })) });
  }
  const pseudo: { id: string; schools: string[] }[] = [];
  const unplaced = schoolsIn.get(UNASSIGNED_DISTRICT);
  if (unplaced) pseudo.push({ id: UNASSIGNED_DISTRICT, schools: unplaced });
  // With no place at all, the national-only tables still need a school to add up from.
  if (family !== undefined || (geography.length === 0 && pseudo.length === 0))
    pseudo.push({ id: FAMILIES_DISTRICT, schools: [FAMILIES_SCHOOL] });
  if (pseudo.length > 0) {
    areas.push({
      id: UNASSIGNED_REGION,
      level: 'region',
      name: NAMES[UNASSIGNED_REGION],
      parent: NATIONAL_AREA,
    });
    for (const d of pseudo)
      districtAreas.push({
        id: d.id,
        level: 'district',
        name: NAMES[d.id as keyof typeof NAMES],
        parent: UNASSIGNED_REGION,
      });
    geography.push({ id: UNASSIGNED_REGION, districts: pseudo });
  }
  const placed = geography
    .flatMap((r) => r.districts.flatMap((d) => d.schools))
    .filter((id) => id !== FAMILIES_SCHOOL)
    .sort((a, b) => (a < b ? -1 : a > b ? 1 : 0));
  const families = pseudo.some((d) => d.id === FAMILIES_DISTRICT);
  return {
    geography: { regions: geography },
    areas: [...areas, ...districtAreas],
    schoolOf: schoolLookup(placed, families),
    nationalSchool: geography[0]!.districts[0]!.schools[0]!,
    schools: placed,
    families,
  };
}
