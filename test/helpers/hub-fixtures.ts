// A school's roster written straight into a database, and synthetic events written into a
// hub's log in bulk, as if devices had synced them there while it was offline. For hub tests and
// `npm run drill:hub`. The roster flows between a hub and its server by itself
// (src/server/records/, test/integration/hub-records.test.ts); the tests of the event stream
// alone write the same roster into both databases here instead, as rows with no shared record,
// so that no record flows and only their events are exchanged.
import { randomUUID } from 'node:crypto';
import type { Db } from '../../src/db/connect';
import { bulkInsert } from '../../src/db/bulk-insert';
import { toDbTime } from '../../src/db/time';

export interface SchoolRoster {
  readonly schoolId: string;
  readonly learners: readonly string[];
}

/** A teacher account that can be named as a class's teacher (it cannot sign in). */
export async function seedTeacher(db: Db, id: string, now: number): Promise<void> {
  const at = toDbTime(now);
  await bulkInsert(
    db,
    'kite_user',
    [
      'id',
      'email',
      'display_name',
      'role',
      'status',
      'password_hash',
      'created_at',
      'updated_at',
      'last_active_at',
    ],
    [[id, `${id}@hub.invalid`, 'Teacher', 'teacher', 'active', '!', at, at, at]],
  );
}

/** A teacher, a school, one class and its learners (nicknames `Drill n`), epoch 1. */
export async function seedRoster(db: Db, roster: SchoolRoster, now: number): Promise<void> {
  const at = toDbTime(now);
  const s = roster.schoolId;
  const teacher = `t-${s}`.slice(0, 32);
  const classId = `c-${s}`.slice(0, 32);
  await bulkInsert(
    db,
    'kite_user',
    [
      'id',
      'email',
      'display_name',
      'role',
      'status',
      'password_hash',
      'created_at',
      'updated_at',
      'last_active_at',
    ],
    [[teacher, `${teacher}@hub.invalid`, 'Hub teacher', 'teacher', 'disabled', '!', at, at, at]],
  );
  await bulkInsert(db, 'kite_school', ['id', 'name', 'created_at'], [[s, `School ${s}`, at]]);
  await bulkInsert(
    db,
    'kite_class',
    ['id', 'school_id', 'teacher_id', 'name', 'band', 'lang', 'code', 'created_at'],
    [[classId, s, teacher, 'Class', '8-10', 'en', classId.slice(-8).toUpperCase(), at]],
  );
  await bulkInsert(
    db,
    'kite_learner',
    [
      'id',
      'class_id',
      'nickname',
      'avatar',
      'band',
      'lang',
      'epoch',
      'created_at',
      'last_active_at',
    ],
    roster.learners.map((id, i) => [id, classId, `Drill ${i + 1}`, 'owl', '8-10', 'en', 1, at, at]),
  );
}

/** A progress event a device could have sent (valid for the sync schema). */
export function syntheticEvent(learner: string, device: string, seq: number, at: number) {
  return {
    id: randomUUID(),
    learner,
    device,
    seq,
    attempt: `a-${device}-${Math.floor(seq / 8)}`,
    activity: 'drill-activity',
    version: 1,
    scene: `scene-${seq % 8}`,
    answer: { type: 'choice', option: seq % 3 === 0 ? 'b' : 'a' },
    group: 0,
    correct: seq % 3 !== 0,
    safety: 'safe',
    hinted: false,
    whatIf: false,
    ended: seq % 8 === 7,
    at,
  };
}

/**
 * Writes `perLearner` events of each learner into a hub's log, interleaved as a class plays
 * (learner by learner, round after round), back-dated over `days` days before `now`. Returns
 * their ids in the order written (the hub's sequence order).
 */
export async function seedHubEvents(
  db: Db,
  learners: readonly string[],
  perLearner: number,
  now: number,
  days = 7,
): Promise<string[]> {
  const total = learners.length * perLearner;
  const start = now - days * 86_400_000;
  const step = Math.max(1, Math.floor((days * 86_400_000) / Math.max(1, total)));
  const rows: unknown[][] = [];
  const ids: string[] = [];
  let k = 0;
  for (let seq = 0; seq < perLearner; seq++) {
    for (const learner of learners) {
      const at = start + k++ * step;
      const e = syntheticEvent(learner, `dev-${learner.slice(0, 20)}`, seq, at);
      ids.push(e.id);
      rows.push([e.id, learner, e.device, seq, e.activity, at, JSON.stringify(e), toDbTime(at)]);
    }
  }
  await bulkInsert(
    db,
    'kite_learner_event',
    ['id', 'learner_id', 'device', 'seq', 'activity', 'at', 'event', 'received_at'],
    rows,
  );
  return ids;
}
