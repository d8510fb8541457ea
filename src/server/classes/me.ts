import type { ClassesContext } from './context';
import { learnerOf } from './child-auth';
import type { ChildLearner } from './child-auth';
import { erasedForGood } from './sync';

/** What a signed-in child sees of themselves: who can see their progress, their assignments. */
export interface ChildMe {
  readonly learner: ChildLearner;
  /** Every adult who can see this child's progress (PRIV-09), by display name. */
  readonly watchers: {
    readonly role: 'teacher' | 'parent';
    readonly displayName: string;
  }[];
  /** The class's assignments, without the teacher's dates (no pressure on children). */
  readonly assignments: { readonly id: string; readonly activity: string }[];
  /** Parents asking to see this child's progress, waiting for the child's yes. */
  readonly links: { readonly id: string; readonly parent: string }[];
}

export async function childMe(ctx: ClassesContext, learnerId: string): Promise<ChildMe> {
  const k = ctx.db.kysely;
  const row = await k
    .selectFrom('kite_learner')
    .selectAll()
    .where('id', '=', learnerId)
    .executeTakeFirst();
  if (!row) throw erasedForGood();
  const watchers: { role: 'teacher' | 'parent'; displayName: string }[] = [];
  if (row.class_id) {
    const teacher = await k
      .selectFrom('kite_class as c')
      .innerJoin('kite_user as u', 'u.id', 'c.teacher_id')
      .select('u.display_name')
      .where('c.id', '=', row.class_id)
      .executeTakeFirst();
    if (teacher) watchers.push({ role: 'teacher', displayName: teacher.display_name });
  }
  if (row.parent_id) {
    const parent = await k
      .selectFrom('kite_user')
      .select('display_name')
      .where('id', '=', row.parent_id)
      .executeTakeFirst();
    if (parent) watchers.push({ role: 'parent', displayName: parent.display_name });
  }
  const links = await k
    .selectFrom('kite_family_link as f')
    .innerJoin('kite_user as u', 'u.id', 'f.parent_id')
    .select(['f.id', 'u.display_name', 'f.child_confirmed_at', 'f.teacher_approved_at'])
    .where('f.learner_id', '=', learnerId)
    .orderBy('f.created_at')
    .execute();
  for (const l of links) {
    if (l.child_confirmed_at !== null && l.teacher_approved_at !== null) {
      watchers.push({ role: 'parent', displayName: l.display_name });
    }
  }
  const assignments = row.class_id
    ? await k
        .selectFrom('kite_assignment')
        .select(['id', 'activity'])
        .where('class_id', '=', row.class_id)
        .orderBy('created_at')
        .execute()
    : [];
  return {
    learner: learnerOf(row),
    watchers,
    assignments,
    links: links
      .filter((l) => l.child_confirmed_at === null)
      .map((l) => ({ id: l.id, parent: l.display_name })),
  };
}
