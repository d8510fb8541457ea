// Records a school hub and the national server share (issue #18, SCALE-07/08/09; docs/deploy.md
// "Rosters and assignments between a hub and the server"): a school's classes, the children of
// its classes and their assignments. Every write of one of them, on either side, stamps the
// fields it wrote with this node's hybrid logical clock, in the write's transaction
// (stampRecord); a peer's records are merged field by field, the later write winning
// (applyRecords, with the pure merge of src/engine/sync/), and the merged record is written into
// the real rows (apply.ts). Each change takes a change number, so a peer can ask for "what
// changed after N" (changes.ts). This file: the records' clock, their fields, and the stamps of
// the writes made here.
//
// Two rules on top of the merge: a child erased for good stays erased (their tombstone wins over
// any edit, and their fields' values are forgotten, as the erasure forgets the rest of them);
// a class's teacher account is not copied: a teacher the receiving side does not know is a
// disabled placeholder account that cannot sign in (see docs/deploy.md, "The teacher").

import type { Transaction } from 'kysely';
import type { Database } from '../../db/schema';
import { tickHlc } from '../../engine';
import type { FieldValue, Hlc, Stamped } from '../../engine';
import { HttpError } from '../http/errors';

export type Trx = Transaction<Database>;

export type RecordKind = 'class' | 'learner' | 'assignment';

/** The fields each kind of record shares (`deleted`: the tombstone). */
export const RECORD_FIELDS = {
  class: ['teacher', 'name', 'band', 'lang', 'code', 'deleted'],
  learner: ['class_id', 'nickname', 'avatar', 'band', 'lang', 'pictures', 'epoch', 'deleted'],
  assignment: ['due', 'deleted'],
} as const satisfies Record<RecordKind, readonly string[]>;

/** Applied in this order, so a class is there before its children and assignments. */
export const KIND_ORDER: readonly RecordKind[] = ['class', 'learner', 'assignment'];

/** The node id of the national server's clock (a hub's is its hub id). */
export const SERVER_NODE = 'server';

/** An assignment is one per class and activity: its record id says which. */
export const assignmentKey = (classId: string, activity: string): string =>
  `${classId} ${activity}`;

export function splitAssignmentKey(id: string): { classId: string; activity: string } {
  const space = id.indexOf(' ');
  return { classId: id.slice(0, space), activity: id.slice(space + 1) };
}

/** A record as it travels between a hub and the server. */
export interface SharedRecord {
  readonly kind: RecordKind;
  readonly id: string;
  readonly school: string;
  readonly fields: Readonly<Record<string, Stamped>>;
}

/** A hub's records naming another school: refused whole, and logged (SCALE-07). */
export class RecordsOutOfScope extends HttpError {
  constructor(readonly records: number) {
    super(
      403,
      'record_out_of_scope',
      `${records} ${records === 1 ? 'record is' : 'records are'} outside this hub's school; nothing was changed`,
    );
  }
}

export interface Clock {
  hlc: Hlc;
  seq: number;
}

/**
 * This node's clock, its row locked for the rest of the transaction: writes of shared records
 * take turns, so change numbers are committed in the order they are given.
 */
export async function lockClock(trx: Trx): Promise<Clock> {
  const row = await trx
    .updateTable('kite_record_clock')
    .set((eb) => ({ seq: eb.ref('seq') }))
    .where('id', '=', 'local')
    .returning(['node', 'wall', 'counter', 'seq'])
    .executeTakeFirstOrThrow();
  return {
    hlc: { wall: Number(row.wall), counter: Number(row.counter), node: row.node },
    seq: Number(row.seq),
  };
}

export async function saveClock(trx: Trx, c: Clock): Promise<void> {
  await trx
    .updateTable('kite_record_clock')
    .set({ wall: c.hlc.wall, counter: c.hlc.counter, seq: c.seq })
    .where('id', '=', 'local')
    .execute();
}

/** Names this database's node (a hub's id; `server` by default). */
export async function setRecordNode(trx: Trx, node: string): Promise<void> {
  await trx.updateTable('kite_record_clock').set({ node }).where('id', '=', 'local').execute();
}

export async function loadFields(
  trx: Trx,
  kind: RecordKind,
  id: string,
): Promise<Map<string, Stamped>> {
  const rows = await trx
    .selectFrom('kite_record_field')
    .selectAll()
    .where('kind', '=', kind)
    .where('record_id', '=', id)
    .execute();
  return new Map(
    rows.map((r) => [
      r.field,
      {
        value: JSON.parse(r.value) as FieldValue,
        at: { wall: Number(r.wall), counter: Number(r.counter), node: r.node },
      },
    ]),
  );
}

export async function writeField(
  trx: Trx,
  kind: RecordKind,
  id: string,
  field: string,
  s: Stamped,
): Promise<void> {
  const values = {
    value: JSON.stringify(s.value),
    wall: s.at.wall,
    counter: s.at.counter,
    node: s.at.node,
  };
  await trx
    .insertInto('kite_record_field')
    .values({ kind, record_id: id, field, ...values })
    .onConflict((oc) => oc.columns(['kind', 'record_id', 'field']).doUpdateSet(values))
    .execute();
}

export async function touchRecord(
  trx: Trx,
  kind: RecordKind,
  id: string,
  school: string,
  seq: number,
): Promise<void> {
  await trx
    .insertInto('kite_record')
    .values({ kind, record_id: id, school_id: school, seq })
    .onConflict((oc) => oc.columns(['kind', 'record_id']).doUpdateSet({ seq }))
    .execute();
}

/** Forgets every field of a record but its tombstone (an erased child's nickname…). */
export async function keepOnlyTombstone(trx: Trx, kind: RecordKind, id: string): Promise<void> {
  await trx
    .deleteFrom('kite_record_field')
    .where('kind', '=', kind)
    .where('record_id', '=', id)
    .where('field', '!=', 'deleted')
    .execute();
}

/**
 * Inside the transaction of a write made here: the fields it wrote, stamped with one new reading
 * of this node's clock, and the record's change number moved on.
 */
export async function stampRecord(
  trx: Trx,
  now: number,
  kind: RecordKind,
  id: string,
  school: string,
  values: Readonly<Record<string, FieldValue>>,
): Promise<void> {
  const clock = await lockClock(trx);
  const at = tickHlc(clock.hlc, now);
  const seq = clock.seq + 1;
  for (const [field, value] of Object.entries(values))
    await writeField(trx, kind, id, field, { value, at });
  await touchRecord(trx, kind, id, school, seq);
  await saveClock(trx, { hlc: at, seq });
}

/** The school of a class's child, before an erasure (undefined: a parent's own child). */
export async function schoolOfChild(trx: Trx, learnerId: string): Promise<string | undefined> {
  const row = await trx
    .selectFrom('kite_learner as l')
    .innerJoin('kite_class as c', 'c.id', 'l.class_id')
    .select('c.school_id')
    .where('l.id', '=', learnerId)
    .executeTakeFirst();
  return row?.school_id;
}

/** The school of a shared record here, by its own record row; undefined when it has none. */
export async function recordSchool(
  trx: Trx,
  kind: RecordKind,
  id: string,
): Promise<string | undefined> {
  const row = await trx
    .selectFrom('kite_record')
    .select('school_id')
    .where('kind', '=', kind)
    .where('record_id', '=', id)
    .executeTakeFirst();
  return row?.school_id;
}

/**
 * Inside the transaction of an erasure for good made here (classes/erase.ts), after the child's
 * rows went: their tombstone stamped and their other fields forgotten. `school`: their class's
 * school, read before; a child of no class (a parent's) with no record is no shared record.
 */
export async function stampErased(
  trx: Trx,
  now: number,
  learnerId: string,
  school: string | undefined,
): Promise<void> {
  const of = (await recordSchool(trx, 'learner', learnerId)) ?? school;
  if (of === undefined) return;
  await stampRecord(trx, now, 'learner', learnerId, of, { deleted: true });
  await keepOnlyTombstone(trx, 'learner', learnerId);
}

/**
 * Inside the transaction that deletes a teacher's account (accounts/data-rights.ts), before the
 * account's classes go with it: each class's tombstone stamped and its other fields (the
 * teacher's id among them) forgotten, so the classes go on the other side too.
 */
export async function stampClassesDeleted(trx: Trx, now: number, teacherId: string): Promise<void> {
  const classes = await trx
    .selectFrom('kite_class')
    .select(['id', 'school_id'])
    .where('teacher_id', '=', teacherId)
    .execute();
  for (const c of classes) {
    await stampRecord(trx, now, 'class', c.id, c.school_id, { deleted: true });
    await keepOnlyTombstone(trx, 'class', c.id);
  }
}
