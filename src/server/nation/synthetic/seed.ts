// Synthetic data for demos, tests and the dashboard bench (`kite nation seed`): regions,
// districts and schools with classes of every band, children, a term of their progress and
// measurement events and feedback answers, written straight into the database. Everything is
// named "Synthetic …" and made from a seed, so the same seed makes the same data. Never for
// production: these are not children, and mixed with real data they would count as children.

import type { Db } from '../../../db/connect';
import { bulkInsert, refreshStatistics } from '../../../db/bulk-insert';
import { toDbTime } from '../../../db/time';
import { addMonths, ensureMonths } from '../../../db/event-partitions';
import { BANDS, termWindow } from '../../../engine';
import type { Activity, Band, Catalogue, MeasureBank, TopicId } from '../../../engine';
import { simulateLearner } from './learner';
import type { FeedbackRow, IdSource, World } from './learner';
import { orderedId, seededRng } from './random';
import type { Rng } from './random';
import { playTemplates } from './templates';

export interface SeedOptions {
  readonly seed: number;
  readonly schools: number;
  /** The term's days, `to` included. */
  readonly from: string;
  readonly to: string;
  /** Regions and districts (default: about √schools districts, √districts regions). */
  readonly regions?: number;
  readonly districts?: number;
  /** Classes per school (default 4) and children per class (mean, default 25). */
  readonly classesPerSchool?: number;
  readonly childrenPerClass?: number;
  /** Children made by parents, in no school (default: 2 per school). */
  readonly families?: number;
  /** Topics a child takes up in the term (mean, default 2). */
  readonly topicsPerChild?: number;
  /** Aim for about this many events in all (then topics per child follow from it). */
  readonly targetEvents?: number;
  /** Write measurement events (default true; KITE_MEASUREMENT=off keeps none). */
  readonly measurement?: boolean;
  /** Allowed although the database has learners already (the data is marked synthetic). */
  readonly synthetic?: boolean;
  /** Told a line now and then (progress of a long run). */
  readonly progress?: (line: string) => void;
}

export interface SeedResult {
  readonly regions: number;
  readonly districts: number;
  readonly schools: number;
  readonly unassignedSchools: number;
  readonly classes: number;
  readonly learners: number;
  readonly events: number;
  readonly feedback: number;
}

/** Why the generator did not run. */
export class SeedRefused extends Error {
  override readonly name = 'SeedRefused';
}

const EVENT_COLUMNS = [
  'id',
  'learner_id',
  'device',
  'seq',
  'activity',
  'at',
  'event',
  'received_at',
];
/** Events written per transaction. */
const EVENT_BATCH = 20_000;

function world(catalogue: Catalogue, from: string, to: string, measurement: boolean): World {
  const window = termWindow({ from, to });
  if (!window) throw new SeedRefused('the term needs real days, from ≤ to');
  const playable = [...catalogue.activities.values()].filter((a) => !a.sensitive);
  const templates = playTemplates(playable);
  const activities = new Map<string, Activity[]>();
  const levels = ['identify', 'comprehend', 'evaluate'];
  for (const a of playable) {
    if (!templates.has(a.id)) continue;
    const key = `${a.topic}|${a.band}`;
    activities.set(key, [...(activities.get(key) ?? []), a]);
  }
  for (const list of activities.values())
    list.sort(
      (a, b) => levels.indexOf(a.level) - levels.indexOf(b.level) || (a.id < b.id ? -1 : 1),
    );
  const banks = new Map<TopicId, MeasureBank>();
  if (measurement) for (const b of catalogue.measurement?.values() ?? []) banks.set(b.topic, b);
  const topics = new Map<Band, TopicId[]>();
  for (const band of BANDS)
    topics.set(
      band,
      [...catalogue.topics.keys()].filter((t) => activities.has(`${t}|${band}`)).sort(),
    );
  return { window, activities, templates, banks, topics };
}

/** A whole number near `mean` (at least 1): a normal draw with a fifth of it as deviation. */
const around = (rng: Rng, mean: number) =>
  Math.max(1, Math.round(mean + 0.2 * mean * rng.normal()));

/** Writes a term of synthetic data; refuses when learners exist unless `synthetic` says so. */
export async function seedSynthetic(
  db: Db,
  catalogue: Catalogue,
  o: SeedOptions,
  now: number,
): Promise<SeedResult> {
  const existing = await db.kysely
    .selectFrom('kite_learner')
    .select('id')
    .limit(1)
    .executeTakeFirst();
  if (existing && !o.synthetic)
    throw new SeedRefused(
      'the database has learners already: synthetic children would be counted with them; give --synthetic to add them anyway (demo and test databases only)',
    );
  const tag = (o.seed >>> 0).toString(36);
  const prefix = `5${(o.seed >>> 0).toString(16).padStart(3, '0').slice(-3)}`;
  const taken = await db.kysely
    .selectFrom('kite_region')
    .select('id')
    .where('id', 'like', `syn-${tag}-%`)
    .limit(1)
    .executeTakeFirst();
  if (taken) throw new SeedRefused(`seed ${o.seed} was used on this database already`);
  const w = world(catalogue, o.from, o.to, o.measurement ?? true);
  // PostgreSQL: the term's months of the event log (a past term has none yet), so its events do
  // not wait in the default partition (docs/classes.md).
  if (db.dialect === 'postgres')
    await db.kysely
      .transaction()
      .execute((trx) =>
        ensureMonths(trx, Math.max(now, w.window.end), addMonths(w.window.start, -1)),
      );
  const rng = seededRng(o.seed);
  const at = toDbTime(now);
  const say = o.progress ?? (() => {});

  const districtCount = o.districts ?? Math.max(1, Math.round(Math.sqrt(o.schools) * 1.1));
  const regionCount = Math.min(
    districtCount,
    o.regions ?? Math.max(1, Math.round(Math.sqrt(districtCount))),
  );
  const regions = Array.from({ length: regionCount }, (_, i) => ({
    id: `syn-${tag}-r${i + 1}`,
    name: `Synthetic region ${i + 1}`,
  }));
  const districts = Array.from({ length: districtCount }, (_, i) => ({
    id: `syn-${tag}-d${i + 1}`,
    region: regions[i % regionCount]!.id,
    name: `Synthetic district ${i + 1}`,
  }));
  await bulkInsert(
    db,
    'kite_region',
    ['id', 'name', 'created_at'],
    regions.map((r) => [r.id, r.name, at]),
  );
  await bulkInsert(
    db,
    'kite_district',
    ['id', 'region_id', 'name', 'created_at'],
    districts.map((d) => [d.id, d.region, d.name, at]),
  );

  // One teacher account per school, disabled (nobody signs in as it), and one parent.
  const users: unknown[][] = [];
  const user = (id: string, role: string, name: string) =>
    users.push([id, `${id}@synthetic.invalid`, name, role, 'disabled', '!synthetic', at, at, at]);
  // Districts of very different sizes, as real ones are; a few schools not placed yet.
  const weights = districts.map(() => 0.3 + rng.next() * 1.7);
  const total = weights.reduce((a, b) => a + b, 0);
  const schools = Array.from({ length: o.schools }, (_, i) => {
    let x = rng.next() * total;
    let d = 0;
    while (d < districts.length - 1 && (x -= weights[d]!) > 0) d++;
    const id = `syn-${tag}-s${i + 1}`;
    user(`syn-${tag}-t${i + 1}`, 'teacher', `Synthetic teacher ${i + 1}`);
    return {
      id,
      teacher: `syn-${tag}-t${i + 1}`,
      name: `Synthetic school ${i + 1}`,
      district: rng.chance(0.03) ? null : districts[d]!.id,
    };
  });
  const families = o.families ?? 2 * o.schools;
  const parent = `syn-${tag}-p`;
  if (families > 0) user(parent, 'parent', 'Synthetic parent');
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
    users,
  );
  await bulkInsert(
    db,
    'kite_school',
    ['id', 'name', 'created_by', 'created_at', 'district_id'],
    schools.map((s) => [s.id, s.name, s.teacher, at, s.district]),
  );

  // Classes of every band. Codes in lower case never clash with a real one (upper case); random
  // from the seed, so two runs' codes clash only by a chance of about 1 in 10,000.
  const classes: { id: string; school: string; teacher: string; band: Band }[] = [];
  for (const s of schools)
    for (let c = 0; c < (o.classesPerSchool ?? 4); c++)
      classes.push({
        id: `syn-${tag}-c${classes.length + 1}`,
        school: s.id,
        teacher: s.teacher,
        band: rng.pick(BANDS),
      });
  const codes = classes.map(
    () =>
      `s${Math.floor(rng.next() * 36 ** 7)
        .toString(36)
        .padStart(7, '0')}`,
  );
  await bulkInsert(
    db,
    'kite_class',
    ['id', 'school_id', 'teacher_id', 'name', 'band', 'lang', 'code', 'created_at'],
    classes.map((c, i) => [
      c.id,
      c.school,
      c.teacher,
      `Synthetic class ${i + 1}`,
      c.band,
      'en',
      codes[i],
      at,
    ]),
  );

  const learners: { id: string; classId: string | null; band: Band }[] = [];
  for (const c of classes)
    for (let k = around(rng, o.childrenPerClass ?? 25); k > 0; k--)
      learners.push({ id: '', classId: c.id, band: c.band });
  for (let k = 0; k < families; k++)
    learners.push({ id: '', classId: null, band: rng.pick(BANDS) });
  // Ids in the order they are written, so the event index grows at its end.
  learners.forEach((l, i) => (l.id = orderedId(rng, prefix, i)));
  const learnerRows = learners.map((l, i) => [
    l.id,
    l.classId,
    l.classId === null ? parent : null,
    `Synthetic ${i + 1}`,
    'kite',
    l.band,
    'en',
    l.classId === null ? null : 'synthetic synthetic synthetic',
    1,
    at,
    at,
  ]);
  for (let i = 0; i < learnerRows.length; i += EVENT_BATCH)
    await bulkInsert(
      db,
      'kite_learner',
      [
        'id',
        'class_id',
        'parent_id',
        'nickname',
        'avatar',
        'band',
        'lang',
        'pictures',
        'epoch',
        'created_at',
        'last_active_at',
      ],
      learnerRows.slice(i, i + EVENT_BATCH),
    );
  say(
    `${regions.length} regions, ${districts.length} districts, ${schools.length} schools, ${classes.length} classes, ${learners.length} learners`,
  );

  const ids: IdSource = { prefix: `e${prefix.slice(1)}`, events: 0, attempts: 0 };
  const mean = o.topicsPerChild ?? 2;
  let events = 0;
  let topicsTaken = 0;
  let feedbackCount = 0;
  let batch: unknown[][] = [];
  let feedback: FeedbackRow[] = [];
  const flush = async () => {
    await bulkInsert(db, 'kite_learner_event', EVENT_COLUMNS, batch);
    batch = [];
  };
  for (const [i, l] of learners.entries()) {
    // Toward the target: topics for this learner from the events per topic so far.
    let topics: number;
    if (o.targetEvents !== undefined) {
      const perTopic = topicsTaken > 0 ? events / topicsTaken : 40;
      const wanted = (o.targetEvents - events) / (learners.length - i) / perTopic;
      topics = Math.floor(wanted) + (rng.chance(wanted - Math.floor(wanted)) ? 1 : 0);
    } else topics = Math.max(0, Math.round(mean + 0.8 * rng.normal()));
    const device = orderedId(rng, 'de0e', i);
    const sim = simulateLearner(
      w,
      rng,
      ids,
      { id: l.id, device, band: l.band, ability: rng.normal() },
      topics,
    );
    topicsTaken += sim.rows.length > 0 ? topics : 0;
    events += sim.rows.length;
    for (const r of sim.rows)
      batch.push([r.id, l.id, r.device, r.seq, r.activity, r.at, r.event, at]);
    feedback.push(...sim.feedback);
    if (batch.length >= EVENT_BATCH) await flush();
    if (feedback.length >= EVENT_BATCH) {
      await writeFeedback(db, feedback);
      feedbackCount += feedback.length;
      feedback = [];
    }
    if ((i + 1) % 20_000 === 0) say(`${i + 1} learners, ${events} events`);
  }
  await flush();
  await writeFeedback(db, feedback);
  feedbackCount += feedback.length;
  await refreshStatistics(db);
  return {
    regions: regions.length,
    districts: districts.length,
    schools: schools.length,
    unassignedSchools: schools.filter((s) => s.district === null).length,
    classes: classes.length,
    learners: learners.length,
    events,
    feedback: feedbackCount,
  };
}

async function writeFeedback(db: Db, rows: readonly FeedbackRow[]): Promise<void> {
  await bulkInsert(
    db,
    'kite_feedback',
    ['id', 'activity', 'activity_version', 'band', 'lang', 'answer', 'day'],
    rows.map((f) => [f.id, f.activity, f.version, f.band, 'en', f.answer, f.day]),
  );
}
