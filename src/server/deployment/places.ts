// Regions → districts → schools (NATION-1, docs/national.md). Regions and districts are place
// names a coordinator or admin writes; a school (made by a teacher) belongs to one district or
// to none ("unassigned"). Places in use are archived, never deleted, so counts stay whole.

import type { Transaction } from 'kysely';
import type { Database } from '../../db/schema';
import { toDbTime } from '../../db/time';
import { randomToken } from '../accounts/tokens';
import { HttpError, notFound } from '../http/errors';
import type { DeploymentContext } from './context';
import { recordChange } from './trail';

/** A district as coordinators see it: its name and how many schools it has. */
export interface DistrictView {
  readonly id: string;
  readonly regionId: string;
  readonly name: string;
  readonly archived: boolean;
  readonly schools: number;
}

export interface RegionView {
  readonly id: string;
  readonly name: string;
  readonly archived: boolean;
  readonly districts: DistrictView[];
}

/**
 * A school as coordinators see it: its name, its district and how many classes it has; never a
 * class's name, teacher or children (PRIV-20).
 */
export interface SchoolView {
  readonly id: string;
  readonly name: string;
  readonly districtId: string | null;
  readonly classes: number;
}

const byName = <T extends { name: string }>(a: T, b: T) => a.name.localeCompare(b.name);

/** Every region with its districts (archived ones too, marked), by name. */
export async function listRegions(ctx: DeploymentContext): Promise<RegionView[]> {
  const [regions, districts, counts] = await Promise.all([
    ctx.db.kysely.selectFrom('kite_region').select(['id', 'name', 'archived_at']).execute(),
    ctx.db.kysely
      .selectFrom('kite_district')
      .select(['id', 'region_id', 'name', 'archived_at'])
      .execute(),
    ctx.db.kysely
      .selectFrom('kite_school')
      .select((eb) => ['district_id', eb.fn.countAll<number | string>().as('n')])
      .where('district_id', 'is not', null)
      .groupBy('district_id')
      .execute(),
  ]);
  const schools = new Map(counts.map((c) => [c.district_id, Number(c.n)]));
  return regions
    .map((r) => ({
      id: r.id,
      name: r.name,
      archived: r.archived_at !== null,
      districts: districts
        .filter((d) => d.region_id === r.id)
        .map((d) => ({
          id: d.id,
          regionId: d.region_id,
          name: d.name,
          archived: d.archived_at !== null,
          schools: schools.get(d.id) ?? 0,
        }))
        .sort(byName),
    }))
    .sort(byName);
}

/** Every school with its district and its number of classes, by name. */
export async function listSchools(ctx: DeploymentContext): Promise<SchoolView[]> {
  const rows = await ctx.db.kysely
    .selectFrom('kite_school as s')
    .leftJoin('kite_class as c', 'c.school_id', 's.id')
    .select((eb) => [
      's.id',
      's.name',
      's.district_id',
      eb.fn.count<number | string>('c.id').as('n'),
    ])
    .groupBy(['s.id', 's.name', 's.district_id'])
    .execute();
  return rows
    .map((r) => ({ id: r.id, name: r.name, districtId: r.district_id, classes: Number(r.n) }))
    .sort(byName);
}

/** Names compare without case and outer spaces: "North" and " north" are the same place. */
const key = (name: string) => name.trim().toLocaleLowerCase();

async function refuseTaken(
  names: readonly { id: string; name: string }[],
  name: string,
  except: string | null,
  where: string,
) {
  if (names.some((n) => n.id !== except && key(n.name) === key(name)))
    throw new HttpError(409, 'name_taken', `${where} already has a place of that name`);
}

async function region(tx: Transaction<Database>, id: string) {
  const r = await tx
    .selectFrom('kite_region')
    .select(['id', 'name', 'archived_at'])
    .where('id', '=', id)
    .executeTakeFirst();
  if (!r) throw notFound('No such region');
  return r;
}

async function district(tx: Transaction<Database>, id: string) {
  const d = await tx
    .selectFrom('kite_district as d')
    .innerJoin('kite_region as r', 'r.id', 'd.region_id')
    .select([
      'd.id',
      'd.name',
      'd.region_id',
      'd.archived_at',
      'r.archived_at as region_archived_at',
    ])
    .where('d.id', '=', id)
    .executeTakeFirst();
  if (!d) throw notFound('No such district');
  return d;
}

/** Adds a region; its name is unique among the deployment's regions. */
export async function createRegion(
  ctx: DeploymentContext,
  actorId: string,
  name: string,
): Promise<string> {
  const now = ctx.now();
  return ctx.db.kysely.transaction().execute(async (tx) => {
    const names = await tx.selectFrom('kite_region').select(['id', 'name']).execute();
    await refuseTaken(names, name, null, 'The deployment');
    const id = randomToken();
    await tx
      .insertInto('kite_region')
      .values({ id, name, created_at: toDbTime(now), archived_at: null })
      .execute();
    await recordChange(tx, {
      at: now,
      actorId,
      action: 'region.created',
      objectId: id,
      detail: { name: { from: null, to: name } },
    });
    return id;
  });
}

/** A change to a region or a district: a new name, archived or restored. */
export interface PlacePatch {
  readonly name?: string | undefined;
  readonly archived?: boolean | undefined;
}

type Tx = Transaction<Database>;

/** A region or a district as a change to it sees it. */
interface Place {
  readonly kind: 'region' | 'district';
  readonly id: string;
  readonly name: string;
  readonly archived: boolean;
  /** The names its new name must not take (its region's districts, or every region). */
  readonly siblings: () => Promise<{ id: string; name: string }[]>;
  /** Where a name must be unique, in words ("The region"). */
  readonly scope: string;
  /** Refuses restoring it (a district of an archived region). */
  readonly refuseRestore?: (() => void) | undefined;
}

/** Renames, archives or restores a place, each step with its entry in the trail. */
async function patchPlace(
  tx: Tx,
  place: Place,
  patch: PlacePatch,
  now: number,
  actorId: string,
): Promise<void> {
  // Both tables have the same `name` and `archived_at` columns.
  const table = place.kind === 'region' ? 'kite_region' : ('kite_district' as 'kite_region');
  if (patch.name !== undefined && patch.name !== place.name) {
    await refuseTaken(await place.siblings(), patch.name, place.id, place.scope);
    await tx.updateTable(table).set({ name: patch.name }).where('id', '=', place.id).execute();
    await recordChange(tx, {
      at: now,
      actorId,
      action: `${place.kind}.renamed`,
      objectId: place.id,
      detail: { name: { from: place.name, to: patch.name } },
    });
  }
  if (patch.archived !== undefined && patch.archived !== place.archived) {
    if (!patch.archived) place.refuseRestore?.();
    await tx
      .updateTable(table)
      .set({ archived_at: patch.archived ? toDbTime(now) : null })
      .where('id', '=', place.id)
      .execute();
    await recordChange(tx, {
      at: now,
      actorId,
      action: `${place.kind}.${patch.archived ? 'archived' : 'restored'}`,
      objectId: place.id,
      detail: { archived: { from: !patch.archived, to: patch.archived } },
    });
  }
}

/** Renames, archives or restores a region; its districts and their schools keep their links. */
export async function updateRegion(
  ctx: DeploymentContext,
  actorId: string,
  id: string,
  patch: PlacePatch,
): Promise<void> {
  await ctx.db.kysely.transaction().execute(async (tx) => {
    const r = await region(tx, id);
    const place: Place = {
      kind: 'region',
      id,
      name: r.name,
      archived: r.archived_at !== null,
      siblings: () => tx.selectFrom('kite_region').select(['id', 'name']).execute(),
      scope: 'The deployment',
    };
    await patchPlace(tx, place, patch, ctx.now(), actorId);
  });
}

/** Adds a district to a region that is not archived; its name is unique within the region. */
export async function createDistrict(
  ctx: DeploymentContext,
  actorId: string,
  regionId: string,
  name: string,
): Promise<string> {
  const now = ctx.now();
  return ctx.db.kysely.transaction().execute(async (tx) => {
    const r = await region(tx, regionId);
    if (r.archived_at !== null)
      throw new HttpError(409, 'archived', 'The region is archived; restore it first');
    const names = await tx
      .selectFrom('kite_district')
      .select(['id', 'name'])
      .where('region_id', '=', regionId)
      .execute();
    await refuseTaken(names, name, null, 'The region');
    const id = randomToken();
    await tx
      .insertInto('kite_district')
      .values({ id, region_id: regionId, name, created_at: toDbTime(now), archived_at: null })
      .execute();
    await recordChange(tx, {
      at: now,
      actorId,
      action: 'district.created',
      objectId: id,
      detail: { region: { from: null, to: regionId }, name: { from: null, to: name } },
    });
    return id;
  });
}

/** Renames, archives or restores a district; its schools keep their link. */
export async function updateDistrict(
  ctx: DeploymentContext,
  actorId: string,
  id: string,
  patch: PlacePatch,
): Promise<void> {
  await ctx.db.kysely.transaction().execute(async (tx) => {
    const d = await district(tx, id);
    const place: Place = {
      kind: 'district',
      id,
      name: d.name,
      archived: d.archived_at !== null,
      siblings: () =>
        tx
          .selectFrom('kite_district')
          .select(['id', 'name'])
          .where('region_id', '=', d.region_id)
          .execute(),
      scope: 'The region',
      refuseRestore: () => {
        if (d.region_archived_at !== null)
          throw new HttpError(409, 'archived', 'The region is archived; restore it first');
      },
    };
    await patchPlace(tx, place, patch, ctx.now(), actorId);
  });
}

/**
 * Puts a school in a district (null: unassigned). A school is never put in an archived district,
 * or one of an archived region; it may be taken out of one.
 */
export async function assignSchool(
  ctx: DeploymentContext,
  actorId: string,
  schoolId: string,
  districtId: string | null,
): Promise<void> {
  const now = ctx.now();
  await ctx.db.kysely.transaction().execute(async (tx) => {
    const school = await tx
      .selectFrom('kite_school')
      .select(['id', 'district_id'])
      .where('id', '=', schoolId)
      .executeTakeFirst();
    if (!school) throw notFound('No such school');
    if (districtId !== null) {
      const d = await district(tx, districtId);
      if (d.archived_at !== null || d.region_archived_at !== null)
        throw new HttpError(409, 'archived', 'The district or its region is archived');
    }
    if (school.district_id === districtId) return;
    await tx
      .updateTable('kite_school')
      .set({ district_id: districtId })
      .where('id', '=', schoolId)
      .execute();
    await recordChange(tx, {
      at: now,
      actorId,
      action: 'school.assigned',
      objectId: schoolId,
      detail: { district: { from: school.district_id, to: districtId } },
    });
  });
}
