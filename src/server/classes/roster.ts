// Schools, classes and the children of a class, as a teacher manages them (docs/classes.md).
// Every function that names a class takes the teacher and answers `not_found` for a class that
// is not theirs, so ids of other teachers' classes cannot be probed (SEC-07).

import { randomUUID } from 'node:crypto';
import type { Selectable } from 'kysely';
import type { KiteClassTable, KiteLearnerTable, KiteSchoolTable } from '../../db/schema';
import { fromDbTime, toDbTime } from '../../db/time';
import type { Band } from '../../engine';
import { HttpError, excerpt } from '../http/errors';
import { randomToken } from '../accounts/tokens';
import type { ClassesContext } from './context';
import { newClassCode, newPicturePassword, pickAvatar } from './codes';
import { cleanNickname } from './nickname';
import { stampRecord } from '../records/records';

export interface School {
  readonly id: string;
  readonly name: string;
  readonly agreement: {
    readonly agreedBy: string;
    readonly agreedAt: string;
    readonly noticeVersion: string;
  } | null;
}

export interface ClassSummary {
  readonly id: string;
  readonly schoolId: string;
  readonly name: string;
  readonly band: Band;
  readonly lang: string;
  readonly code: string;
  readonly children: number;
}

export interface ClassChild {
  readonly id: string;
  readonly nickname: string;
  readonly avatar: string;
  readonly pictures: string[];
  readonly devices: number;
}

/** The most children one request may add, and one class may hold. */
export const MAX_NEW_CHILDREN = 40;
export const MAX_CLASS_SIZE = 80;

export function schoolOf(row: Selectable<KiteSchoolTable>): School {
  return {
    id: row.id,
    name: row.name,
    agreement:
      row.agreed_by && row.agreed_at && row.agreement_notice
        ? {
            agreedBy: row.agreed_by,
            agreedAt: new Date(fromDbTime(row.agreed_at)).toISOString(),
            noticeVersion: row.agreement_notice,
          }
        : null,
  };
}

export const picturesOf = (row: Pick<Selectable<KiteLearnerTable>, 'pictures'>): string[] =>
  row.pictures ? row.pictures.split(' ') : [];

const notFound = () => new HttpError(404, 'not_found', 'No such class of yours');

/** The schools teachers may choose from (names only: a school holds nothing personal). */
export async function listSchools(ctx: ClassesContext): Promise<School[]> {
  const rows = await ctx.db.kysely.selectFrom('kite_school').selectAll().orderBy('name').execute();
  return rows.map(schoolOf);
}

export async function createSchool(
  ctx: ClassesContext,
  teacherId: string,
  name: string,
): Promise<School> {
  const row = {
    id: randomToken(),
    name,
    created_by: teacherId,
    created_at: toDbTime(ctx.now()),
    agreed_by: null,
    agreed_at: null,
    agreement_notice: null,
    agreement_recorded_by: null,
    // Placed in a district by a coordinator later (docs/national.md).
    district_id: null,
  };
  await ctx.db.kysely.insertInto('kite_school').values(row).execute();
  return schoolOf(row);
}

/** Records who agreed, for the school, to use Kite for education only, and under which notice. */
export async function recordAgreement(
  ctx: ClassesContext,
  teacherId: string,
  schoolId: string,
  agreedBy: string,
  noticeVersion: string,
): Promise<School> {
  const r = await ctx.db.kysely
    .updateTable('kite_school')
    .set({
      agreed_by: agreedBy,
      agreed_at: toDbTime(ctx.now()),
      agreement_notice: noticeVersion,
      agreement_recorded_by: teacherId,
    })
    .where('id', '=', schoolId)
    .executeTakeFirst();
  if (Number(r.numUpdatedRows) === 0) throw new HttpError(404, 'not_found', 'No such school');
  await ctx.audit.record(
    { event: 'school.agreement', outcome: 'ok', actorId: teacherId, subjectId: schoolId },
    ctx.now(),
  );
  const row = await ctx.db.kysely
    .selectFrom('kite_school')
    .selectAll()
    .where('id', '=', schoolId)
    .executeTakeFirstOrThrow();
  return schoolOf(row);
}

/** The class if `teacherId` owns it; otherwise `404 not_found`. */
export async function ownClass(
  ctx: ClassesContext,
  teacherId: string,
  classId: string,
): Promise<Selectable<KiteClassTable>> {
  const row = await ctx.db.kysely
    .selectFrom('kite_class')
    .selectAll()
    .where('id', '=', classId)
    .where('teacher_id', '=', teacherId)
    .executeTakeFirst();
  if (!row) throw notFound();
  return row;
}

function summaryOf(row: Selectable<KiteClassTable>, children: number): ClassSummary {
  return {
    id: row.id,
    schoolId: row.school_id,
    name: row.name,
    band: row.band as Band,
    lang: row.lang,
    code: row.code,
    children,
  };
}

/** The teacher's classes with their numbers of children (one class when `classId` is given). */
export async function listClasses(
  ctx: ClassesContext,
  teacherId: string,
  classId?: string,
): Promise<ClassSummary[]> {
  let q = ctx.db.kysely
    .selectFrom('kite_class as c')
    .leftJoin('kite_learner as l', 'l.class_id', 'c.id')
    .selectAll('c')
    .select((eb) => eb.fn.count<number | string>('l.id').as('children'))
    .where('c.teacher_id', '=', teacherId);
  if (classId !== undefined) q = q.where('c.id', '=', classId);
  const rows = await q
    .groupBy([
      'c.id',
      'c.school_id',
      'c.teacher_id',
      'c.name',
      'c.band',
      'c.lang',
      'c.code',
      'c.created_at',
    ])
    .orderBy('c.created_at')
    .execute();
  return rows.map((r) => summaryOf(r, Number(r.children)));
}

/** One class of the teacher, summed up; `404 not_found` when it is not theirs (SEC-07). */
export async function ownClassSummary(
  ctx: ClassesContext,
  teacherId: string,
  classId: string,
): Promise<ClassSummary> {
  const [summary] = await listClasses(ctx, teacherId, classId);
  if (!summary) throw notFound();
  return summary;
}

export interface NewClass {
  readonly schoolId: string;
  readonly name: string;
  readonly band: Band;
  readonly lang: string;
}

/** A new class; the school must have recorded its agreement first (PRIV-16). */
export async function createClass(
  ctx: ClassesContext,
  teacherId: string,
  c: NewClass,
): Promise<ClassSummary> {
  const school = await ctx.db.kysely
    .selectFrom('kite_school')
    .selectAll()
    .where('id', '=', c.schoolId)
    .executeTakeFirst();
  if (!school) throw new HttpError(404, 'not_found', 'No such school');
  if (!schoolOf(school).agreement) {
    throw new HttpError(
      409,
      'agreement_required',
      "Record the school's agreement for educational use first",
    );
  }
  // A clash of codes is rare (190 million codes); try again with a new one.
  for (let attempt = 0; ; attempt++) {
    const row = {
      id: randomToken(),
      school_id: c.schoolId,
      teacher_id: teacherId,
      name: c.name,
      band: c.band,
      lang: c.lang,
      code: newClassCode(ctx.random),
      created_at: toDbTime(ctx.now()),
    };
    const taken = await ctx.db.kysely
      .selectFrom('kite_class')
      .select('id')
      .where('code', '=', row.code)
      .executeTakeFirst();
    if (taken && attempt < 5) continue;
    // Shared with the school's hub or national server (records/records.ts); the stamp first
    // (the records' clock before the class's row, the order of locks there).
    await ctx.db.kysely.transaction().execute(async (trx) => {
      await stampRecord(trx, ctx.now(), 'class', row.id, row.school_id, {
        teacher: row.teacher_id,
        name: row.name,
        band: row.band,
        lang: row.lang,
        code: row.code,
        deleted: false,
      });
      await trx.insertInto('kite_class').values(row).execute();
    });
    return summaryOf(row, 0);
  }
}

/** The children of a class (or the one child `learnerId` of it), with their devices counted. */
export async function classChildren(
  ctx: ClassesContext,
  classId: string,
  learnerId?: string,
): Promise<ClassChild[]> {
  let q = ctx.db.kysely
    .selectFrom('kite_learner as l')
    .leftJoin('kite_device_credential as d', (j) =>
      j.onRef('d.learner_id', '=', 'l.id').on('d.revoked_at', 'is', null),
    )
    .select(['l.id', 'l.nickname', 'l.avatar', 'l.pictures', 'l.created_at'])
    .select((eb) => eb.fn.count<number | string>('d.token_hash').as('devices'))
    .where('l.class_id', '=', classId);
  if (learnerId !== undefined) q = q.where('l.id', '=', learnerId);
  const rows = await q
    .groupBy(['l.id', 'l.nickname', 'l.avatar', 'l.pictures', 'l.created_at'])
    .orderBy('l.created_at')
    .orderBy('l.nickname')
    .execute();
  return rows.map((r) => ({
    id: r.id,
    nickname: r.nickname,
    avatar: r.avatar,
    pictures: picturesOf(r),
    devices: Number(r.devices),
  }));
}

/**
 * Adds children by nickname only. Each nickname passes the engine's personal-data filter and
 * is unique in the class (case-insensitive); nothing is added unless every one passes.
 */
export async function addChildren(
  ctx: ClassesContext,
  teacherId: string,
  classId: string,
  nicknames: string[],
): Promise<ClassChild[]> {
  const cls = await ownClass(ctx, teacherId, classId);
  const existing = await classChildren(ctx, classId);
  const seen = new Set(existing.map((c) => c.nickname.toLocaleLowerCase()));
  const clean: string[] = [];
  for (const typed of nicknames) {
    const nickname = cleanNickname(typed);
    const key = nickname.toLocaleLowerCase();
    if (seen.has(key)) {
      throw new HttpError(
        409,
        'nickname_taken',
        `"${excerpt(nickname, 24)}" is already in this class`,
      );
    }
    seen.add(key);
    clean.push(nickname);
  }
  if (existing.length + clean.length > MAX_CLASS_SIZE) {
    throw new HttpError(409, 'class_full', `A class holds at most ${MAX_CLASS_SIZE} children`);
  }
  const now = toDbTime(ctx.now());
  const rows = clean.map((nickname) => ({
    id: randomUUID(),
    class_id: classId,
    parent_id: null,
    nickname,
    avatar: pickAvatar(ctx.pictures, ctx.random),
    band: cls.band,
    lang: cls.lang,
    pictures: newPicturePassword(ctx.pictures, ctx.random).join(' '),
    epoch: 1,
    consent_by: null,
    consent_at: null,
    consent_notice: null,
    created_at: now,
    last_active_at: now,
  }));
  if (rows.length > 0)
    await ctx.db.kysely.transaction().execute(async (trx) => {
      await trx.insertInto('kite_learner').values(rows).execute();
      for (const r of rows)
        await stampRecord(trx, ctx.now(), 'learner', r.id, cls.school_id, {
          class_id: r.class_id,
          nickname: r.nickname,
          avatar: r.avatar,
          band: r.band,
          lang: r.lang,
          pictures: r.pictures,
          deleted: false,
        });
    });
  return rows.map((r) => ({
    id: r.id,
    nickname: r.nickname,
    avatar: r.avatar,
    pictures: picturesOf(r),
    devices: 0,
  }));
}

/** The class child `learnerId` of a class the teacher owns, or `404`. */
export async function ownChild(
  ctx: ClassesContext,
  teacherId: string,
  classId: string,
  learnerId: string,
) {
  await ownClass(ctx, teacherId, classId);
  const row = await ctx.db.kysely
    .selectFrom('kite_learner')
    .selectAll()
    .where('id', '=', learnerId)
    .where('class_id', '=', classId)
    .executeTakeFirst();
  if (!row) throw new HttpError(404, 'not_found', 'No such child in this class');
  return row;
}

/** New pictures for a child who forgot theirs; their signed-in devices stay signed in. */
export async function renewPictures(
  ctx: ClassesContext,
  teacherId: string,
  classId: string,
  learnerId: string,
): Promise<ClassChild> {
  await ownChild(ctx, teacherId, classId, learnerId);
  const cls = await ownClass(ctx, teacherId, classId);
  const pictures = newPicturePassword(ctx.pictures, ctx.random).join(' ');
  await ctx.db.kysely.transaction().execute(async (trx) => {
    await trx.updateTable('kite_learner').set({ pictures }).where('id', '=', learnerId).execute();
    await stampRecord(trx, ctx.now(), 'learner', learnerId, cls.school_id, { pictures });
  });
  const [child] = await classChildren(ctx, classId, learnerId);
  return child!;
}

/** Signs every device of a child out (a lost phone, a shared tablet). */
export async function revokeDevices(
  ctx: ClassesContext,
  teacherId: string,
  classId: string,
  learnerId: string,
): Promise<number> {
  await ownChild(ctx, teacherId, classId, learnerId);
  const r = await ctx.db.kysely
    .updateTable('kite_device_credential')
    .set({ revoked_at: toDbTime(ctx.now()) })
    .where('learner_id', '=', learnerId)
    .where('revoked_at', 'is', null)
    .executeTakeFirst();
  return Number(r.numUpdatedRows);
}
