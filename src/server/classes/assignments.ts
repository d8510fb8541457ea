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
  // Shared with the school's hub or national server (records/records.ts): one record per class
  // and activity. The stamp comes first: it takes the records' clock, which orders this write
  // with every other write of shared records (and with a hub's records arriving).
  return ctx.db.kysely.transaction().execute(async (trx) => {
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
    const existing = await trx
      .selectFrom('kite_assignment')
      .select('id')
      .where('class_id', '=', classId)
      .where('activity', '=', activity)
      .executeTakeFirst();
    if (existing) {
      await trx.updateTable('kite_assignment').set({ due }).where('id', '=', existing.id).execute();
      return { id: existing.id, activity, due };
    }
    const row = {
      id: randomToken(),
      class_id: classId,
      activity,
      due,
      created_at: toDbTime(ctx.now()),
    };
    await trx.insertInto('kite_assignment').values(row).execute();
    return { id: row.id, activity, due };
  });
}

export async function unassign(
  ctx: ClassesContext,
  teacherId: string,
  classId: string,
  assignmentId: string,
): Promise<void> {
  const cls = await ownClass(ctx, teacherId, classId);
  const row = await ctx.db.kysely
    .selectFrom('kite_assignment')
    .select(['id', 'activity'])
    .where('id', '=', assignmentId)
    .where('class_id', '=', classId)
    .executeTakeFirst();
  if (!row) throw new HttpError(404, 'not_found', 'No such assignment');
  await ctx.db.kysely.transaction().execute(async (trx) => {
    await stampRecord(
      trx,
      ctx.now(),
      'assignment',
      assignmentKey(classId, row.activity),
      cls.school_id,
      { deleted: true },
    );
    await trx.deleteFrom('kite_assignment').where('id', '=', row.id).execute();
  });
}
