import { toDbTime } from '../../db/time';
import { HttpError, excerpt } from '../http/errors';
import { randomToken } from '../accounts/tokens';
import type { ClassesContext } from './context';
import { ownClass } from './roster';

export interface Assignment {
  readonly id: string;
  readonly activity: string;
  /** A day (YYYY-MM-DD) the teacher planned; children never see it. */
  readonly due: string | null;
}

export async function classAssignments(
  ctx: ClassesContext,
  classId: string,
): Promise<Assignment[]> {
  return ctx.db.kysely
    .selectFrom('kite_assignment')
    .select(['id', 'activity', 'due'])
    .where('class_id', '=', classId)
    .orderBy('created_at')
    .execute();
}

/** Assigns an activity of the content to a class (once; assigning it again changes its date). */
export async function assign(
  ctx: ClassesContext,
  teacherId: string,
  classId: string,
  activity: string,
  due: string | null,
): Promise<Assignment> {
  const cls = await ownClass(ctx, teacherId, classId);
  const a = ctx.catalogue?.activities.get(activity as never);
  if (ctx.catalogue && !a) {
    throw new HttpError(404, 'unknown_activity', `No activity "${excerpt(activity)}"`);
  }
  if (a && a.band !== cls.band) {
    throw new HttpError(
      400,
      'validation_failed',
      `This activity is for ages ${a.band}, not ${cls.band}`,
    );
  }
  const existing = await ctx.db.kysely
    .selectFrom('kite_assignment')
    .select('id')
    .where('class_id', '=', classId)
    .where('activity', '=', activity)
    .executeTakeFirst();
  if (existing) {
    await ctx.db.kysely
      .updateTable('kite_assignment')
      .set({ due })
      .where('id', '=', existing.id)
      .execute();
    return { id: existing.id, activity, due };
  }
  const row = {
    id: randomToken(),
    class_id: classId,
    activity,
    due,
    created_at: toDbTime(ctx.now()),
  };
  await ctx.db.kysely.insertInto('kite_assignment').values(row).execute();
  return { id: row.id, activity, due };
}

export async function unassign(
  ctx: ClassesContext,
  teacherId: string,
  classId: string,
  assignmentId: string,
): Promise<void> {
  await ownClass(ctx, teacherId, classId);
  const r = await ctx.db.kysely
    .deleteFrom('kite_assignment')
    .where('id', '=', assignmentId)
    .where('class_id', '=', classId)
    .executeTakeFirst();
  if (Number(r.numDeletedRows) === 0) throw new HttpError(404, 'not_found', 'No such assignment');
}
