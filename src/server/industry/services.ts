import { toDbTime } from '../../db/time';
import type { ServiceFeature } from '../../engine';
import { randomToken } from '../accounts/tokens';
import { HttpError } from '../http/errors';
import type { IndustryContext } from './context';

export { CHILD_SHARES, SERVICE_TYPES } from '../../engine';
export type { ChildShare, ServiceType } from '../../engine';
import type { ChildShare, ServiceType } from '../../engine';

/** A company's service as the API shows it. */
export interface Service {
  readonly id: string;
  readonly name: string;
  readonly type: ServiceType;
  readonly features: ServiceFeature[];
  readonly childShare: ChildShare;
}

export interface ServiceInput {
  readonly name: string;
  readonly type: ServiceType;
  readonly features: readonly ServiceFeature[];
  readonly childShare: ChildShare;
}

interface ServiceRow {
  id: string;
  name: string;
  type: string;
  features: string;
  child_share: string;
}

export const serviceOf = (r: ServiceRow): Service => ({
  id: r.id,
  name: r.name,
  type: r.type as ServiceType,
  features: JSON.parse(r.features) as ServiceFeature[],
  childShare: r.child_share as ChildShare,
});

const COLUMNS = ['id', 'name', 'type', 'features', 'child_share'] as const;

export async function listServices(ctx: IndustryContext, owner: string): Promise<Service[]> {
  const rows = await ctx.db.kysely
    .selectFrom('kite_industry_service')
    .select(COLUMNS)
    .where('owner_id', '=', owner)
    .orderBy('created_at')
    .execute();
  return rows.map(serviceOf);
}

/** The company's own service; another company's is not found (it is not theirs to know of). */
export async function ownService(
  ctx: IndustryContext,
  owner: string,
  id: string,
): Promise<Service> {
  const row = await ctx.db.kysely
    .selectFrom('kite_industry_service')
    .select(COLUMNS)
    .where('id', '=', id)
    .where('owner_id', '=', owner)
    .executeTakeFirst();
  if (!row) throw new HttpError(404, 'not_found', 'No such service');
  return serviceOf(row);
}

const uniqueFeatures = (f: readonly ServiceFeature[]) => JSON.stringify([...new Set(f)]);

export async function createService(
  ctx: IndustryContext,
  owner: string,
  input: ServiceInput,
): Promise<Service> {
  const at = toDbTime(ctx.now());
  const row = {
    id: randomToken(),
    owner_id: owner,
    name: input.name,
    type: input.type,
    features: uniqueFeatures(input.features),
    child_share: input.childShare,
    created_at: at,
    updated_at: at,
  };
  await ctx.db.kysely.insertInto('kite_industry_service').values(row).execute();
  return serviceOf(row);
}

/**
 * Changes a service's profile. Assessments already made keep the profile they were made with
 * (their questions do not change under them); the next assessment takes the new one.
 */
export async function updateService(
  ctx: IndustryContext,
  owner: string,
  id: string,
  input: Partial<ServiceInput>,
): Promise<Service> {
  await ownService(ctx, owner, id);
  await ctx.db.kysely
    .updateTable('kite_industry_service')
    .set({
      ...(input.name === undefined ? {} : { name: input.name }),
      ...(input.type === undefined ? {} : { type: input.type }),
      ...(input.features === undefined ? {} : { features: uniqueFeatures(input.features) }),
      ...(input.childShare === undefined ? {} : { child_share: input.childShare }),
      updated_at: toDbTime(ctx.now()),
    })
    .where('id', '=', id)
    .where('owner_id', '=', owner)
    .execute();
  return ownService(ctx, owner, id);
}
