import { toDbTime } from '../../db/time';
import { HttpError, excerpt } from '../http/errors';
import { randomToken } from '../accounts/tokens';
import type { ClassesContext } from './context';
import { ownClass } from './roster';
import { assignmentKey, stampRecord } from '../records/records';

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
  // Shared with the school's hub or national server (records/records.ts): one record per class
  // and activity.
  if (existing) {
    await ctx.db.kysely.transaction().execute(async (trx) => {
      await trx.updateTable('kite_assignment').set({ due }).where('id', '=', existing.id).execute();
      await stampRecord(
        trx,
        ctx.now(),
        'assignment',
        assignmentKey(classId, activity),
        cls.school_id,
        {
          due,
          deleted: false,
        },
      );
    });
    return { id: existing.id, activity, due };
  }
  const row = {
    id: randomToken(),
    class_id: classId,
    activity,
    due,
    created_at: toDbTime(ctx.now()),
  };
  await ctx.db.kysely.transaction().execute(async (trx) => {
    await trx.insertInto('kite_assignment').values(row).execute();
    await stampRecord(
      trx,
      ctx.now(),
      'assignment',
      assignmentKey(classId, activity),
      cls.school_id,
      {
        due,
        deleted: false,
      },
    );
  });
  return { id: row.id, activity, due };
}

export async function unassign(
  ctx: ClassesContext,
  teacherId: string,
  classId: string,
  assignmentId: string,
): Promise<void> {
  const cls = await ownClass(ctx, teacherId, classId);
  await ctx.db.kysely.transaction().execute(async (trx) => {
    const row = await trx
      .deleteFrom('kite_assignment')
      .where('id', '=', assignmentId)
      .where('class_id', '=', classId)
      .returning('activity')
      .executeTakeFirst();
    if (!row) throw new HttpError(404, 'not_found', 'No such assignment');
    await stampRecord(
      trx,
      ctx.now(),
      'assignment',
      assignmentKey(classId, row.activity),
      cls.school_id,
      { deleted: true },
    );
  });
}
