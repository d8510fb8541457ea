// Erasing learners for good (docs/classes.md, "Erasure survives sync"): every path that ends a
// child's record — a teacher, a parent, the retention purge, or the deletion of the adult
// account the child belongs to — goes through removeLearner, so each leaves a tombstone and no
// device or hub can bring the child back.

import type { Transaction } from 'kysely';
import type { Database } from '../../db/schema';
import { toDbTime } from '../../db/time';
import { schoolOfChild, stampErased } from '../records/records';

type Trx = Transaction<Database>;

/**
 * Inside a transaction: a learner's rows go (events, links with them), a tombstone stays, and
 * their device credentials are revoked, kept only to tell each device why. A child of a class
 * is erased on the school's hub or national server too: their shared record's tombstone is
 * stamped (records/records.ts).
 */
export async function removeLearner(trx: Trx, learnerId: string, now: number): Promise<void> {
  const school = await schoolOfChild(trx, learnerId);
  // The child's row before the records' clock (the order of locks, records/records.ts).
  await removeLearnerRows(trx, learnerId, now);
  await stampErased(trx, now, learnerId, school);
}

/** {@link removeLearner} without stamping: for an erasure that came from the other side. */
export async function removeLearnerRows(trx: Trx, learnerId: string, now: number): Promise<void> {
  await trx.deleteFrom('kite_learner').where('id', '=', learnerId).execute();
  await trx
    .insertInto('kite_learner_tombstone')
    .values({ learner_id: learnerId, erased_at: toDbTime(now) })
    .onConflict((oc) => oc.column('learner_id').doNothing())
    .execute();
  await trx
    .updateTable('kite_device_credential')
    .set({ revoked_at: toDbTime(now) })
    .where('learner_id', '=', learnerId)
    .where('revoked_at', 'is', null)
    .execute();
}

/**
 * Inside a transaction, before an adult's account is deleted: the children that belong to it —
 * those of the teacher's classes and those a parent made — are erased for good like any other
 * erasure. (The database would drop their rows with the account, on delete cascade, but leave
 * no tombstone, and their devices would be told "signed out" rather than "erased".) Children a
 * parent only follows through a family link stay; the link goes with the account.
 */
export async function removeLearnersOf(trx: Trx, userId: string, now: number): Promise<number> {
  const owned = await trx
    .selectFrom('kite_learner')
    .leftJoin('kite_class', 'kite_class.id', 'kite_learner.class_id')
    .select('kite_learner.id')
    .where((eb) =>
      eb.or([eb('kite_class.teacher_id', '=', userId), eb('kite_learner.parent_id', '=', userId)]),
    )
    .execute();
  for (const { id } of owned) await removeLearner(trx, id, now);
  return owned.length;
}
