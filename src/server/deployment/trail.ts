import type { Transaction } from 'kysely';
import type { Db } from '../../db/connect';
import type { Database } from '../../db/schema';
import { fromDbTime, toDbTime } from '../../db/time';
import { randomToken } from '../accounts/tokens';

/** What a change did. Names are stable: the trail is read by people and filtered on. */
export type ChangeAction =
  | 'settings.changed'
  | 'region.created'
  | 'region.renamed'
  | 'region.archived'
  | 'region.restored'
  | 'district.created'
  | 'district.renamed'
  | 'district.archived'
  | 'district.restored'
  | 'school.assigned';

/** A value before and after, for each field a change touched (values, never people). */
export type ChangeDetail = Readonly<
  Record<string, { readonly from: unknown; readonly to: unknown }>
>;

/** One entry of the trail. */
export interface Change {
  readonly at: number;
  readonly actorId: string;
  readonly action: ChangeAction;
  readonly objectId?: string | null;
  readonly settingsVersion?: number | null;
  readonly detail: ChangeDetail;
}

/** Writes one entry, in the transaction of the change it describes. */
export async function recordChange(tx: Transaction<Database>, change: Change): Promise<void> {
  await tx
    .insertInto('kite_deployment_change')
    .values({
      id: randomToken(),
      at: toDbTime(change.at),
      actor_id: change.actorId,
      action: change.action,
      object_id: change.objectId ?? null,
      settings_version: change.settingsVersion ?? null,
      detail: JSON.stringify(change.detail),
    })
    .execute();
}

/** An entry as coordinators and admins read it. */
export interface ChangeView {
  readonly at: string;
  /** The name of who made it; null once their account is deleted. */
  readonly by: string | null;
  readonly action: ChangeAction;
  readonly objectId: string | null;
  readonly settingsVersion: number | null;
  readonly detail: ChangeDetail;
}

/** The latest `limit` entries, newest first. */
export async function listChanges(db: Db, limit = 100): Promise<ChangeView[]> {
  const rows = await db.kysely
    .selectFrom('kite_deployment_change as c')
    .leftJoin('kite_user as u', 'u.id', 'c.actor_id')
    .select([
      'c.id',
      'c.at',
      'c.action',
      'c.object_id',
      'c.settings_version',
      'c.detail',
      'u.display_name',
    ])
    .orderBy('c.at', 'desc')
    .orderBy('c.id')
    .limit(limit)
    .execute();
  return rows.map((r) => ({
    at: new Date(fromDbTime(r.at)).toISOString(),
    by: r.display_name ?? null,
    action: r.action as ChangeAction,
    objectId: r.object_id,
    settingsVersion: r.settings_version === null ? null : Number(r.settings_version),
    detail: JSON.parse(r.detail) as ChangeDetail,
  }));
}

/** The fields whose values differ between `before` and `after`, as a detail. */
export function diff(
  before: Readonly<Record<string, unknown>>,
  after: Readonly<Record<string, unknown>>,
): ChangeDetail {
  const out: Record<string, { from: unknown; to: unknown }> = {};
  for (const key of new Set([...Object.keys(before), ...Object.keys(after)])) {
    const from = before[key] ?? null;
    const to = after[key] ?? null;
    if (JSON.stringify(from) !== JSON.stringify(to)) out[key] = { from, to };
  }
  return out;
}
