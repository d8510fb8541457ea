// Families (ADULT-4, PRIV-10, PRIV-15, PRIV-17; docs/classes.md): a parent makes child profiles
// with recorded consent, or links to a class child (the child confirms, the teacher approves),
// and sees summaries only, never answers.

import { randomUUID } from 'node:crypto';
import { toDbTime } from '../../db/time';
import { learnerReport } from '../../engine';
import type { Band, LearnerReport } from '../../engine';
import { HttpError } from '../http/errors';
import { randomToken } from '../accounts/tokens';
import type { ClassesContext } from './context';
import { issueDeviceCredential, learnerOf, lookUpClass } from './child-auth';
import type { ChildLearner } from './child-auth';
import { eventsOf } from './sync';
import { cleanNickname } from './nickname';

export interface NewFamilyChild {
  readonly nickname: string;
  readonly avatar: string;
  readonly band: Band;
  readonly lang: string;
  /** The version of the notice the parent read before agreeing. */
  readonly noticeVersion: string;
}

/**
 * A child profile made by a parent, with their consent recorded (who, when, which notice), and
 * a device credential for the device the parent is on (it becomes the child's device).
 */
export async function createFamilyChild(
  ctx: ClassesContext,
  parentId: string,
  c: NewFamilyChild,
): Promise<{ child: ChildLearner; token: string }> {
  const nickname = cleanNickname(c.nickname);
  if (!ctx.pictures.includes(c.avatar)) {
    throw new HttpError(400, 'validation_failed', 'Choose one of the pictures');
  }
  const now = toDbTime(ctx.now());
  const row = {
    id: randomUUID(),
    class_id: null,
    parent_id: parentId,
    nickname,
    avatar: c.avatar,
    band: c.band,
    lang: c.lang,
    pictures: null,
    epoch: 1,
    consent_by: parentId,
    consent_at: now,
    consent_notice: c.noticeVersion,
    created_at: now,
    last_active_at: now,
  };
  await ctx.db.kysely.insertInto('kite_learner').values(row).execute();
  await ctx.audit.record(
    {
      event: 'family.consent',
      outcome: 'ok',
      actorId: parentId,
      subjectId: row.id,
      detail: { notice: c.noticeVersion, method: 'account' },
    },
    ctx.now(),
  );
  const token = await issueDeviceCredential(ctx, row.id);
  return { child: learnerOf(row), token };
}

export interface FamilyChild {
  readonly id: string;
  readonly nickname: string;
  readonly avatar: string;
  readonly band: Band;
  /** `own`: the parent made the profile; `linked`: a class child linked to them. */
  readonly kind: 'own' | 'linked';
  readonly report: LearnerReport | null;
}

/** A parent's children (made or linked, active links only) with their summaries. */
export async function familyChildren(
  ctx: ClassesContext,
  parentId: string,
): Promise<FamilyChild[]> {
  const own = await ctx.db.kysely
    .selectFrom('kite_learner')
    .select(['id', 'nickname', 'avatar', 'band'])
    .where('parent_id', '=', parentId)
    .orderBy('created_at')
    .execute();
  const linked = await ctx.db.kysely
    .selectFrom('kite_family_link as f')
    .innerJoin('kite_learner as l', 'l.id', 'f.learner_id')
    .select(['l.id', 'l.nickname', 'l.avatar', 'l.band'])
    .where('f.parent_id', '=', parentId)
    .where('f.child_confirmed_at', 'is not', null)
    .where('f.teacher_approved_at', 'is not', null)
    .orderBy('f.created_at')
    .execute();
  const all = [
    ...own.map((r) => ({ ...r, kind: 'own' as const })),
    ...linked.map((r) => ({ ...r, kind: 'linked' as const })),
  ];
  const events = await eventsOf(
    ctx,
    all.map((r) => r.id),
  );
  return all.map((r) => ({
    id: r.id,
    nickname: r.nickname,
    avatar: r.avatar,
    band: r.band as Band,
    kind: r.kind,
    report: ctx.catalogue
      ? learnerReport(events.get(r.id) ?? [], ctx.catalogue, r.band as Band)
      : null,
  }));
}

/** A parent asks to follow a class child (class code + nickname): pending until both agree. */
export async function requestLink(
  ctx: ClassesContext,
  parentId: string,
  input: { code: string; nickname: string; noticeVersion: string },
  client: string,
) {
  const { children } = await lookUpClass(ctx, input.code, client);
  const wanted = input.nickname.trim().toLocaleLowerCase();
  const child = children.find((c) => c.nickname.toLocaleLowerCase() === wanted);
  if (!child) throw new HttpError(404, 'not_found', 'No child with this nickname in that class');
  const existing = await ctx.db.kysely
    .selectFrom('kite_family_link')
    .select('id')
    .where('parent_id', '=', parentId)
    .where('learner_id', '=', child.id)
    .executeTakeFirst();
  if (existing) return { id: existing.id };
  const id = randomToken();
  await ctx.db.kysely
    .insertInto('kite_family_link')
    .values({
      id,
      parent_id: parentId,
      learner_id: child.id,
      child_confirmed_at: null,
      teacher_approved_at: null,
      consent_notice: input.noticeVersion,
      created_at: toDbTime(ctx.now()),
    })
    .execute();
  await ctx.audit.record(
    {
      event: 'family.link',
      outcome: 'ok',
      actorId: parentId,
      subjectId: child.id,
      detail: { step: 'requested' },
    },
    ctx.now(),
  );
  return { id };
}

/** The child confirms, on their own device, that this parent may see their progress. */
export async function confirmLink(ctx: ClassesContext, learnerId: string, linkId: string) {
  const r = await ctx.db.kysely
    .updateTable('kite_family_link')
    .set({ child_confirmed_at: toDbTime(ctx.now()) })
    .where('id', '=', linkId)
    .where('learner_id', '=', learnerId)
    .executeTakeFirst();
  if (Number(r.numUpdatedRows) === 0) throw new HttpError(404, 'not_found', 'No such request');
}

/** The class's teacher approves a parent's link to a child of the class. */
export async function approveLink(
  ctx: ClassesContext,
  teacherId: string,
  classId: string,
  linkId: string,
) {
  const link = await ctx.db.kysely
    .selectFrom('kite_family_link as f')
    .innerJoin('kite_learner as l', 'l.id', 'f.learner_id')
    .innerJoin('kite_class as c', 'c.id', 'l.class_id')
    .select(['f.id'])
    .where('f.id', '=', linkId)
    .where('c.id', '=', classId)
    .where('c.teacher_id', '=', teacherId)
    .executeTakeFirst();
  if (!link) throw new HttpError(404, 'not_found', 'No such request in your class');
  await ctx.db.kysely
    .updateTable('kite_family_link')
    .set({ teacher_approved_at: toDbTime(ctx.now()) })
    .where('id', '=', linkId)
    .execute();
  await ctx.audit.record(
    {
      event: 'family.link',
      outcome: 'ok',
      actorId: teacherId,
      subjectId: linkId,
      detail: { step: 'approved' },
    },
    ctx.now(),
  );
}

/** The links of a class's children, for its teacher. */
export async function classLinks(ctx: ClassesContext, classId: string) {
  const rows = await ctx.db.kysely
    .selectFrom('kite_family_link as f')
    .innerJoin('kite_learner as l', 'l.id', 'f.learner_id')
    .innerJoin('kite_user as u', 'u.id', 'f.parent_id')
    .select([
      'f.id',
      'f.learner_id',
      'u.display_name',
      'f.child_confirmed_at',
      'f.teacher_approved_at',
    ])
    .where('l.class_id', '=', classId)
    .orderBy('f.created_at')
    .execute();
  return rows.map((r) => ({
    id: r.id,
    learnerId: r.learner_id,
    parent: r.display_name,
    childConfirmed: r.child_confirmed_at !== null,
    approved: r.teacher_approved_at !== null,
  }));
}

/** A parent stops following a child: unlinks a class child, or erases a child they made. */
export async function leaveChild(ctx: ClassesContext, parentId: string, learnerId: string) {
  const unlinked = await ctx.db.kysely
    .deleteFrom('kite_family_link')
    .where('parent_id', '=', parentId)
    .where('learner_id', '=', learnerId)
    .executeTakeFirst();
  if (Number(unlinked.numDeletedRows) > 0) return 'unlinked' as const;
  const own = await ctx.db.kysely
    .selectFrom('kite_learner')
    .select('id')
    .where('id', '=', learnerId)
    .where('parent_id', '=', parentId)
    .executeTakeFirst();
  if (!own) throw new HttpError(404, 'not_found', 'No such child of yours');
  return 'own' as const;
}
