// A peer's shared records merged here (records.ts says what they are): each field takes the
// later write, a child erased for good stays erased, and the merged record is written into the
// real rows (kite_class, kite_learner, kite_assignment), with a disabled placeholder account for
// a class's teacher this side does not know.

import type { DialectName } from '../../db/connect';
import { lockLearners } from '../../db/hub-events';
import { toDbTime } from '../../db/time';
import { compareHlc, mergeRecords, receiveHlc, recordValue } from '../../engine';
import type { FieldValue, Hlc, LwwRecord, Stamped } from '../../engine';
import { randomToken } from '../accounts/tokens';
import { newClassCode } from '../classes/codes';
import { removeLearner, removeLearnerRows } from '../classes/erase';
import {
  KIND_ORDER,
  RecordsOutOfScope,
  keepOnlyTombstone,
  loadFields,
  lockClock,
  recordSchool,
  saveClock,
  splitAssignmentKey,
  stampRecord,
  touchRecord,
  writeField,
} from './records';
import type { RecordKind, SharedRecord, Trx } from './records';

/** What applying a peer's records did. */
export interface Applied {
  /** Records that changed here. */
  readonly changed: number;
  /** Field readings more than a day ahead of this machine's clock, clamped (SCALE-09). */
  readonly clamped: number;
  /** Each clamped reading and the reading kept in its place here. */
  readonly kept: ClampedField[];
}

/** A field's reading as sent (`from`), more than a day ahead, and as kept (`to`). */
export interface ClampedField {
  readonly kind: RecordKind;
  readonly id: string;
  readonly field: string;
  readonly from: Hlc;
  readonly to: Hlc;
}

/** The school a record belongs to here, by its own row or its class's; undefined if none. */
async function schoolHere(trx: Trx, r: SharedRecord): Promise<string | null | undefined> {
  const recorded = await recordSchool(trx, r.kind, r.id);
  if (recorded !== undefined) return recorded;
  if (r.kind === 'class') return classSchool(trx, r.id);
  if (r.kind === 'learner') {
    const row = await trx
      .selectFrom('kite_learner as l')
      .leftJoin('kite_class as c', 'c.id', 'l.class_id')
      .select('c.school_id')
      .where('l.id', '=', r.id)
      .executeTakeFirst();
    // A parent's own child (no class) is no school's.
    return row ? row.school_id : undefined;
  }
  return classSchool(trx, splitAssignmentKey(r.id).classId);
}

async function classSchool(trx: Trx, classId: string): Promise<string | undefined> {
  const row = await trx
    .selectFrom('kite_class')
    .select('school_id')
    .where('id', '=', classId)
    .executeTakeFirst();
  if (row) return row.school_id;
  return recordSchool(trx, 'class', classId);
}

/** Whether a hub of `school` may send this record: it, and any class it names, are its school's. */
async function inScope(trx: Trx, r: SharedRecord, school: string): Promise<boolean> {
  if (r.school !== school) return false;
  const here = await schoolHere(trx, r);
  if (here !== undefined && here !== school) return false;
  const classId = r.fields.class_id?.value;
  if (r.kind === 'learner' && typeof classId === 'string') {
    const s = await classSchool(trx, classId);
    if (s !== undefined && s !== school) return false;
  }
  return true;
}

const sameStamp = (a: Stamped, b: Stamped) =>
  compareHlc(a.at, b.at) === 0 && JSON.stringify(a.value) === JSON.stringify(b.value);

/**
 * The order of locks, the same on every path so two writers never wait on each other (PostgreSQL):
 * a child's row before the clock (a teacher's erasure, a hub's chunk, applying records), the
 * clock before a class's or an assignment's row (a teacher's write stamps first).
 *
 * Inside a transaction: a peer's records merged into this database's, field by field (the later
 * write wins), and each record that changed written into its rows and given a change number.
 * `scope`: on the national server, the school of the hub that sent them; a record outside it
 * refuses them all (403 `record_out_of_scope`, nothing changed). A reading more than a day ahead
 * of `now` is clamped to a day ahead (SCALE-09) and counted in `clamped`. Applying the same
 * records again changes nothing.
 */
export async function applyRecords(
  trx: Trx,
  dialect: DialectName,
  records: readonly SharedRecord[],
  now: number,
  scope?: string,
): Promise<Applied> {
  const learners = [...new Set(records.filter((r) => r.kind === 'learner').map((r) => r.id))];
  await lockLearners(trx, dialect, learners.sort());
  if (scope !== undefined) {
    let outside = 0;
    for (const r of records) if (!(await inScope(trx, r, scope))) outside++;
    if (outside > 0) throw new RecordsOutOfScope(outside);
  }
  const ordered = [...records].sort(
    (a, b) => KIND_ORDER.indexOf(a.kind) - KIND_ORDER.indexOf(b.kind),
  );
  let changed = 0;
  const kept: ClampedField[] = [];
  for (const r of ordered) {
    const clock = await lockClock(trx);
    const stored = await loadFields(trx, r.kind, r.id);
    const incoming: Record<string, Stamped> = {};
    for (const [name, f] of Object.entries(r.fields)) {
      const got = receiveHlc(clock.hlc, f.at, now);
      clock.hlc = got.clock;
      if (got.clamped) {
        // Sent again: the same write, clamped to a later limit now; keep the one kept before.
        const mine = stored.get(name);
        if (
          mine &&
          mine.at.node === f.at.node &&
          JSON.stringify(mine.value) === JSON.stringify(f.value)
        ) {
          kept.push({ kind: r.kind, id: r.id, field: name, from: f.at, to: mine.at });
          continue;
        }
        kept.push({ kind: r.kind, id: r.id, field: name, from: f.at, to: got.remote });
      }
      incoming[name] = { value: f.value, at: got.remote };
    }
    const merged = withLargerEpoch(
      mergeRecords({ fields: Object.fromEntries(stored) }, { fields: incoming }),
      stored.get('epoch'),
      incoming.epoch,
    );
    const erased =
      r.kind === 'learner' &&
      (merged.fields.deleted?.value === true || (await isTombstoned(trx, r.id)));
    const changes = Object.entries(merged.fields).filter(([name, s]) => {
      if (erased && name !== 'deleted') return false;
      const before = stored.get(name);
      return !before || !sameStamp(before, s);
    });
    if (changes.length > 0) {
      for (const [name, s] of changes) await writeField(trx, r.kind, r.id, name, s);
      clock.seq++;
      const school = (await schoolHere(trx, r)) ?? r.school;
      await touchRecord(trx, r.kind, r.id, school, clock.seq);
      changed++;
      // The clock moves past what it saw; readings that changed nothing were seen before (the
      // stored ones are at least as late), so the same records again leave it as it is.
      await saveClock(trx, clock);
    }
    if (erased) {
      // Erased here before their record said so (an erasure from before migration 0015): the
      // tombstone is stamped now, so that it reaches the other side too.
      if (merged.fields.deleted?.value !== true)
        await stampRecord(trx, now, 'learner', r.id, r.school, { deleted: true });
      await keepOnlyTombstone(trx, 'learner', r.id);
      await eraseLearnerRow(trx, r.id, now);
    } else if (changes.length > 0) {
      await materialize(trx, r.kind, r.id, r.school, merged, now);
    }
  }
  return { changed, clamped: kept.length, kept };
}

/**
 * A child's epoch only rises (each erasure of their progress raises it by one, on whichever
 * side): the larger of two epochs wins, whichever write is later; the same epoch, the later
 * write. Max, like last-writer-wins, merges in any order, and again, to the same result.
 */
function withLargerEpoch(
  merged: LwwRecord,
  a: Stamped | undefined,
  b: Stamped | undefined,
): LwwRecord {
  if (!a || !b || typeof a.value !== 'number' || typeof b.value !== 'number') return merged;
  if (a.value === b.value) return merged;
  return { fields: { ...merged.fields, epoch: a.value > b.value ? a : b } };
}

async function isTombstoned(trx: Trx, learnerId: string): Promise<boolean> {
  const row = await trx
    .selectFrom('kite_learner_tombstone')
    .select('learner_id')
    .where('learner_id', '=', learnerId)
    .executeTakeFirst();
  return row !== undefined;
}

/**
 * A child erased for good elsewhere: erased here as an erasure here would (classes/erase.ts),
 * without stamping again (the tombstone came with the record).
 */
async function eraseLearnerRow(trx: Trx, learnerId: string, now: number): Promise<void> {
  if (await hasRow(trx, 'kite_learner', learnerId)) await removeLearnerRows(trx, learnerId, now);
}

/** Whether `table` has the row of id `id`. */
async function hasRow(
  trx: Trx,
  table: 'kite_class' | 'kite_learner' | 'kite_user',
  id: string,
): Promise<boolean> {
  const row = await trx.selectFrom(table).select('id').where('id', '=', id).executeTakeFirst();
  return row !== undefined;
}

const str = (v: FieldValue | undefined): string | undefined =>
  typeof v === 'string' ? v : undefined;

/** The merged record written into its real rows. */
async function materialize(
  trx: Trx,
  kind: RecordKind,
  id: string,
  school: string,
  merged: LwwRecord,
  now: number,
): Promise<void> {
  const v = recordValue(merged);
  if (kind === 'class') {
    if (v === null) return deleteClass(trx, id, now);
    const teacher = str(v.teacher);
    const name = str(v.name);
    const band = str(v.band);
    const lang = str(v.lang);
    const code = str(v.code);
    if (!teacher || !name || !band || !lang || !code) return;
    await ensureTeacher(trx, teacher, now);
    const exists = await trx
      .selectFrom('kite_class')
      .select('school_id')
      .where('id', '=', id)
      .executeTakeFirst();
    const fields = {
      teacher_id: teacher,
      name,
      band,
      lang,
      code: await freeCode(trx, id, code, now),
    };
    if (exists) await trx.updateTable('kite_class').set(fields).where('id', '=', id).execute();
    else
      await trx
        .insertInto('kite_class')
        .values({ id, school_id: school, created_at: toDbTime(now), ...fields })
        .execute();
    // Children and assignments that arrived before their class.
    const waiting = await trx
      .selectFrom('kite_record_field')
      .select(['kind', 'record_id'])
      .where('kind', '=', 'learner')
      .where('field', '=', 'class_id')
      .where('value', '=', JSON.stringify(id))
      .execute();
    const assignments = await trx
      .selectFrom('kite_record')
      .select(['kind', 'record_id'])
      .where('kind', '=', 'assignment')
      .where('record_id', 'like', `${id} %`)
      .execute();
    for (const w of [...waiting, ...assignments]) {
      const k = w.kind as RecordKind;
      const fields = await loadFields(trx, k, w.record_id);
      await materialize(trx, k, w.record_id, school, { fields: Object.fromEntries(fields) }, now);
    }
    return;
  }
  if (kind === 'learner') {
    if (v === null || (await isTombstoned(trx, id))) return;
    const classId = str(v.class_id);
    const nickname = str(v.nickname);
    const avatar = str(v.avatar);
    const band = str(v.band);
    const lang = str(v.lang);
    if (!classId || !nickname || !avatar || !band || !lang) return;
    if (!(await hasRow(trx, 'kite_class', classId))) return;
    const fields = {
      class_id: classId,
      nickname,
      avatar,
      band,
      lang,
      pictures: str(v.pictures) ?? null,
    };
    const epoch = typeof v.epoch === 'number' ? v.epoch : 1;
    const exists = await trx
      .selectFrom('kite_learner')
      .select('epoch')
      .where('id', '=', id)
      .executeTakeFirst();
    if (exists) {
      await trx.updateTable('kite_learner').set(fields).where('id', '=', id).execute();
      // Their progress erased on the other side: erased here as an erasure here does
      // (classes/sync.ts eraseProgress): every event goes, the epoch moves on, and a device
      // still holding events of before is told to drop them.
      if (epoch > Number(exists.epoch)) {
        await trx.deleteFrom('kite_learner_event').where('learner_id', '=', id).execute();
        await trx.updateTable('kite_learner').set({ epoch }).where('id', '=', id).execute();
      }
    } else
      await trx
        .insertInto('kite_learner')
        .values({
          id,
          parent_id: null,
          epoch,
          consent_by: null,
          consent_at: null,
          consent_notice: null,
          created_at: toDbTime(now),
          last_active_at: toDbTime(now),
          ...fields,
        })
        .execute();
    return;
  }
  const { classId, activity } = splitAssignmentKey(id);
  if (!(await hasRow(trx, 'kite_class', classId))) return;
  const existing = trx
    .selectFrom('kite_assignment')
    .select('id')
    .where('class_id', '=', classId)
    .where('activity', '=', activity);
  const row = await existing.executeTakeFirst();
  if (v === null) {
    if (row) await trx.deleteFrom('kite_assignment').where('id', '=', row.id).execute();
    return;
  }
  const due = str(v.due) ?? null;
  if (row) await trx.updateTable('kite_assignment').set({ due }).where('id', '=', row.id).execute();
  else
    await trx
      .insertInto('kite_assignment')
      .values({ id: randomToken(), class_id: classId, activity, due, created_at: toDbTime(now) })
      .execute();
}

/**
 * The class's code, or a new one when another class here has it (two codes drawn apart on two
 * sides, one chance in 190 million): the new code is a write of this class's `code`, so it
 * reaches the other side too, and both end with the same codes.
 */
async function freeCode(trx: Trx, classId: string, code: string, now: number): Promise<string> {
  const taken = async (c: string) =>
    (await trx
      .selectFrom('kite_class')
      .select('id')
      .where('code', '=', c)
      .where('id', '!=', classId)
      .executeTakeFirst()) !== undefined;
  if (!(await taken(code))) return code;
  let fresh = newClassCode();
  while (await taken(fresh)) fresh = newClassCode();
  const school = await recordSchool(trx, 'class', classId);
  if (school === undefined) throw new Error(`class ${classId} has no shared record`);
  await stampRecord(trx, now, 'class', classId, school, { code: fresh });
  return fresh;
}

/** The email of a placeholder teacher account (no one's address: `.invalid` is reserved). */
const placeholderEmail = (id: string) => `${id}@placeholder.invalid`;

/**
 * The teacher a class names, as a disabled placeholder account when this side does not know
 * them: it holds the class (kite_class.teacher_id must name an account) and cannot sign in.
 */
async function ensureTeacher(trx: Trx, id: string, now: number): Promise<void> {
  if (await hasRow(trx, 'kite_user', id)) return;
  const at = toDbTime(now);
  await trx
    .insertInto('kite_user')
    .values({
      id,
      email: placeholderEmail(id),
      display_name: 'Teacher (another site)',
      role: 'teacher',
      status: 'disabled',
      password_hash: '!',
      mfa_secret: null,
      mfa_pending_secret: null,
      mfa_enabled_at: null,
      mfa_last_step: null,
      created_at: at,
      updated_at: at,
      last_active_at: at,
      invited_by: null,
    })
    .execute();
}

/**
 * A class deleted on the other side (its teacher's account was): its children still here are
 * erased for good (tombstones, as any erasure), the class goes with its assignments, and a
 * placeholder teacher left with no class goes too.
 */
async function deleteClass(trx: Trx, id: string, now: number): Promise<void> {
  const cls = await trx
    .selectFrom('kite_class')
    .select('teacher_id')
    .where('id', '=', id)
    .executeTakeFirst();
  await keepOnlyTombstone(trx, 'class', id);
  if (!cls) return;
  const children = await trx
    .selectFrom('kite_learner')
    .select('id')
    .where('class_id', '=', id)
    .execute();
  for (const c of children) await removeLearner(trx, c.id, now);
  await trx.deleteFrom('kite_class').where('id', '=', id).execute();
  const others = await trx
    .selectFrom('kite_class')
    .select('id')
    .where('teacher_id', '=', cls.teacher_id)
    .executeTakeFirst();
  if (!others)
    await trx
      .deleteFrom('kite_user')
      .where('id', '=', cls.teacher_id)
      .where('email', '=', placeholderEmail(cls.teacher_id))
      .where('password_hash', '=', '!')
      .execute();
}

/**
 * On the hub, after the server clamped some of its readings (its clock was more than a day
 * ahead): each field still at the reading it sent takes the reading the server kept, so both
 * sides hold the same one and a later write on the server wins on the hub too. The clamp is the
 * server's to make; the server takes no such correction from a hub.
 */
export async function takeClamped(trx: Trx, fields: readonly ClampedField[]): Promise<number> {
  let n = 0;
  for (const f of fields) {
    const r = await trx
      .updateTable('kite_record_field')
      .set({ wall: f.to.wall, counter: f.to.counter, node: f.to.node })
      .where('kind', '=', f.kind)
      .where('record_id', '=', f.id)
      .where('field', '=', f.field)
      .where('wall', '=', f.from.wall)
      .where('counter', '=', f.from.counter)
      .where('node', '=', f.from.node)
      .executeTakeFirst();
    n += Number(r.numUpdatedRows);
  }
  return n;
}
