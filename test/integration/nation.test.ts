// National releases (issue #17, NATION-2, docs/national.md "Releases") through the HTTP API on
// every dialect: a small deployment made as people would (places, schools, classes, children
// signing in and syncing real engine events, anonymous feedback), a term's release built once by
// a coordinator, its values against counts worked out by hand, suppression where a district has
// one school, the refusals (rebuild, a term not ended, overlapping terms, unlisted filters), the
// CSV equal to the layout of the JSON table, and no school, class or child id anywhere in it.
import { randomUUID } from 'node:crypto';
import { afterAll, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import type { FastifyInstance } from 'fastify';
import {
  answeredEvent,
  formatShown,
  isScored,
  layoutCsv,
  measureForm,
  nationLayoutLabels,
  scoreItem,
  summarize,
  tableLayout,
  topicMastery,
  translateAreas,
  isMastered,
  PROGRESSION_DEFAULTS,
  START_LEVEL,
  STEALTH_RULES_VERSION,
} from '../../src/engine';
import type {
  Activity,
  Catalogue,
  DeviceId,
  EventId,
  LearnerId,
  MeasureAnswer,
  MeasureItem,
  ProgressEvent,
  PublishedTable,
  ReleaseArea,
  TopicId,
} from '../../src/engine';
import { TEST_ARGON2 } from '../../src/server/accounts/passwords';
import { createApp } from '../../src/server/app';
import { nationTranslator } from '../../src/server/nation/strings';
import { outbox } from '../helpers/account-client';
import type { AccountClient } from '../helpers/account-client';
import { shippedContent } from '../helpers/content';
import { changedTables, snapshotDb } from '../helpers/db-snapshot';
import { DIALECTS } from '../helpers/dialects';
import type { TestDb } from '../helpers/dialects';
import { People } from '../helpers/people';
import type { Clock } from '../helpers/people';
import { playThrough } from '../helpers/play-events';

const DAY = 86_400_000;
/** Inside the term: places made, children play, feedback sent. */
const PLAYING = Date.UTC(2026, 2, 2, 9, 0, 0);
/** After it: the release is built. */
const AFTER = Date.UTC(2026, 3, 20, 9, 0, 0);
const TERM = { term: '2026-t1', from: '2026-01-05', to: '2026-04-03' };

let content: Catalogue;

beforeAll(async () => {
  content = (await shippedContent()).catalogue;
});

interface Made {
  /** District name → its id. */
  districts: Record<string, string>;
  regionId: string;
  schoolIds: string[];
  classIds: string[];
  learnerIds: string[];
  erasedId: string;
  /** Per child (kept ones), their progress events and their post-check's item scores. */
  played: { id: string; events: ProgressEvent[]; scores: number[] }[];
}

/** Pearson's r of two lists, the textbook way (deviations from the means). */
function pearsonOf(xs: readonly number[], ys: readonly number[]): number | null {
  const mean = (v: readonly number[]) => v.reduce((a, b) => a + b, 0) / v.length;
  const mx = mean(xs);
  const my = mean(ys);
  let sxy = 0;
  let sxx = 0;
  let syy = 0;
  xs.forEach((x, i) => {
    sxy += (x - mx) * (ys[i]! - my);
    sxx += (x - mx) ** 2;
    syy += (ys[i]! - my) ** 2;
  });
  return sxx < 1e-12 || syy < 1e-12 ? null : sxy / Math.sqrt(sxx * syy);
}
const two = (v: number | null) => (v === null ? null : Math.round(v * 100) / 100 + 0);

for (const dialect of DIALECTS) {
  describe(`${dialect.name}: national releases`, async () => {
    const enabled = await dialect.available();
    const clock: Clock = { now: PLAYING };
    let testDb: TestDb;
    let app: FastifyInstance;
    let people: People;
    let coordinator: AccountClient;
    let teacher: AccountClient;
    let made: Made;
    /** The activity every child plays (8–10, not sensitive), and the post item of its topic. */
    let activity: Activity;
    let item: MeasureItem;
    /** The scored items of the topic's 8–10 post-check, in form order. */
    let postItems: MeasureItem[];

    const build = (c: AccountClient, body: object) => c.post('/api/nation/releases', body);
    const release = async (query = '') => {
      const res = await coordinator.get(`/api/nation/releases/${TERM.term}${query}`);
      expect(res.statusCode, res.body).toBe(200);
      return res.json() as {
        areas: ReleaseArea[];
        tables: PublishedTable[];
        builtBy: string | null;
      };
    };
    const cell = (t: PublishedTable, area: string, column: string) =>
      t.cells.find((c) => c.area === area && c.column === column);
    const shown = (
      t: PublishedTable,
      area: string,
      column: string,
      field: 'count' | 'percent' = 'count',
    ) => {
      const s = cell(t, area, column)?.[field];
      if (!s) return undefined;
      return s.shown === 'count'
        ? String(s.value)
        : s.shown === 'percent'
          ? `${s.value}%`
          : s.shown === 'c'
            ? '[c]'
            : s.shown;
    };

    /** Signs a child in on a new device and syncs `events` (in batches of 100). */
    const syncChild = async (
      code: string,
      learner: { id: string; pictures: string[] },
      events: unknown[],
    ) => {
      const signIn = await app.inject({
        method: 'POST',
        url: '/api/child/sign-in',
        payload: { code, learner: learner.id, pictures: learner.pictures },
        remoteAddress: `10.9.${Math.floor(Math.random() * 250)}.${Math.floor(Math.random() * 250)}`,
      });
      expect(signIn.statusCode, signIn.body).toBe(201);
      const token = signIn.json().token as string;
      for (let i = 0; i < events.length; i += 100) {
        const res = await app.inject({
          method: 'POST',
          url: '/api/child/sync',
          headers: { authorization: `Bearer ${token}` },
          payload: {
            device: (events[0] as { device: string }).device,
            epoch: 1,
            since: null,
            events: events.slice(i, i + 100),
          },
        });
        expect(res.statusCode, res.body).toBe(200);
        expect(res.json().acked).toHaveLength(Math.min(100, events.length - i));
      }
    };

    beforeAll(async () => {
      if (!enabled) return;
      testDb = await dialect.fresh();
      const mail = outbox();
      app = await createApp({
        db: testDb.db,
        now: () => clock.now,
        catalogue: content,
        accounts: { argon2: TEST_ARGON2, mailer: mail.mailer, now: () => clock.now },
      });
      people = new People(app, mail, clock);
      await people.bootstrap();
      coordinator = await people.coordinator();
      teacher = (await people.make('teacher')).client;

      // An activity of 8–10 at its start level whose play-through has 3 graded answers or more
      // (enough evidence for mastery), whose topic's post-check has a choice item.
      activity = [...content.activities.values()]
        .filter((a) => a.band === '8-10' && !a.sensitive && a.level === START_LEVEL['8-10'])
        .sort((a, b) => (a.id < b.id ? -1 : 1))
        .find(
          (a) =>
            playThrough(a, { learner: 'x', device: 'x', seq: { next: 1 }, at: 0 }).filter(
              (e) => e.answer.type !== 'continue',
            ).length >= 3,
        )!;
      const bank = [...content.measurement!.values()].find((b) => b.topic === activity.topic)!;
      item = measureForm(bank, '8-10', 'post').find(
        (i) => i.interaction.type === 'choice' && i.key?.type === 'choice',
      )!;
      postItems = measureForm(bank, '8-10', 'post').filter((i) => isScored(i.construct));
      expect(postItems.length).toBeGreaterThan(1);

      // Places: region North with districts Hill, Vale (3 schools each) and Lake (1 school).
      const region = await coordinator.post('/api/deployment/regions', { name: 'North' });
      expect(region.statusCode, region.body).toBe(201);
      const regionId = region.json().id as string;
      const districts: Record<string, string> = {};
      for (const name of ['Hill', 'Vale', 'Lake']) {
        const d = await coordinator.post(`/api/deployment/regions/${regionId}/districts`, { name });
        expect(d.statusCode, d.body).toBe(201);
        districts[name] = d.json().id as string;
      }
      // An empty region: no school, so not in the release.
      expect(
        (await coordinator.post('/api/deployment/regions', { name: 'Empty' })).statusCode,
      ).toBe(201);

      // Schools with one class of 8–10 each: 4 children in each Hill and Vale school, 11 in Lake's,
      // and a fifth child in the first school, erased after syncing.
      const plan = [
        ['Hill', 4],
        ['Hill', 4],
        ['Hill', 4],
        ['Vale', 4],
        ['Vale', 4],
        ['Vale', 4],
        ['Lake', 11],
      ] as const;
      made = {
        districts,
        regionId,
        schoolIds: [],
        classIds: [],
        learnerIds: [],
        erasedId: '',
        played: [],
      };
      const t0 = Date.UTC(2026, 1, 2, 9, 0, 0);
      let n = 0;
      const bankVersion = [...content.measurement!.values()].find(
        (b) => b.topic === activity.topic,
      )!.version;
      for (const [i, [district, size]] of plan.entries()) {
        const school = await teacher.post('/api/schools', { name: `School ${i + 1}` });
        expect(school.statusCode, school.body).toBe(201);
        const schoolId = school.json().school.id as string;
        made.schoolIds.push(schoolId);
        expect(
          (
            await teacher.request('PUT', `/api/schools/${schoolId}/agreement`, {
              agreedBy: 'Head',
              noticeVersion: '2026-12',
            })
          ).statusCode,
        ).toBe(200);
        const placed = await coordinator.request(
          'PUT',
          `/api/deployment/schools/${schoolId}/district`,
          {
            districtId: districts[district],
          },
        );
        expect(placed.statusCode, placed.body).toBe(200);
        const cls = await teacher.post('/api/classes', {
          schoolId,
          name: `Class ${i + 1}`,
          band: '8-10',
          lang: 'en',
        });
        expect(cls.statusCode, cls.body).toBe(201);
        const { id: classId, code } = cls.json().class as { id: string; code: string };
        made.classIds.push(classId);
        const names = Array.from({ length: size + (i === 0 ? 1 : 0) }, (_, k) => `Star ${i}${k}`);
        const added = await teacher.post(`/api/classes/${classId}/children`, { nicknames: names });
        expect(added.statusCode, added.body).toBe(201);
        for (const child of added.json().children as { id: string; pictures: string[] }[]) {
          const device = randomUUID();
          const seq = { next: 1 };
          // Every child plays the activity to its end once, in the term; every other one
          // stumbles; one child played it before the term too.
          const at = t0 + (n * DAY) / 4;
          const events: unknown[] = playThrough(activity, {
            learner: child.id,
            device,
            seq,
            at,
            stumble: n % 2 === 1,
          });
          if (n === 0)
            events.unshift(
              ...playThrough(activity, {
                learner: child.id,
                device,
                seq,
                at: Date.UTC(2025, 11, 1),
              }),
            );
          // Every child answers the whole post-check an hour later, each item right or wrong by a
          // fixed pattern (a right answer: the best option, or every card in its bin; a wrong one:
          // an option neither best nor acceptable, or every card in another bin).
          const scores: number[] = [];
          for (const [i, it] of postItems.entries()) {
            const right = (n * 7 + i * 3 + (n % 2) * i) % 5 < 3;
            let answer: MeasureAnswer;
            if (it.interaction.type === 'choice' && it.key?.type === 'choice') {
              const key = it.key;
              const wrong = it.interaction.args.options.find(
                (o) => !key.best.includes(o.id) && !key.acceptable?.includes(o.id),
              )!.id;
              answer = { type: 'choice', option: right ? key.best[0]! : wrong };
            } else if (it.interaction.type === 'sort' && it.key?.type === 'sort') {
              const placement = it.key.placement;
              const bins = it.interaction.args.bins.map((b) => b.id);
              answer = {
                type: 'sort',
                placement: Object.fromEntries(
                  Object.entries(placement).map(([card, bin]) => [
                    card,
                    right ? bin : bins.find((b) => b !== bin)!,
                  ]),
                ),
              };
            } else throw new Error(`no answer for ${it.id}`);
            const result = scoreItem(it, answer);
            expect(result?.kind).toBe('scored');
            scores.push(result!.kind === 'scored' ? result!.score : Number.NaN);
            events.push(
              answeredEvent(
                {
                  id: randomUUID() as EventId,
                  learner: child.id as LearnerId,
                  device: device as DeviceId,
                  seq: seq.next++,
                  at: at + 3_600_000 + i * 10_000,
                  topic: activity.topic as TopicId,
                  band: '8-10' as const,
                },
                { use: 'post', version: bankVersion },
                it,
                answer,
              ),
            );
          }
          await syncChild(code, child, events);
          const erased = i === 0 && made.learnerIds.length === size;
          if (erased) made.erasedId = child.id;
          else
            made.played.push({
              id: child.id,
              events: events.filter((e) => !('kind' in (e as object))) as ProgressEvent[],
              scores,
            });
          made.learnerIds.push(child.id);
          n++;
        }
      }
      // The erased child: their events go, a tombstone stays.
      const gone = await teacher.request(
        'DELETE',
        `/api/classes/${made.classIds[0]}/children/${made.erasedId}`,
      );
      expect(gone.statusCode, gone.body).toBe(204);

      // Feedback in the term: 12 "fun", 3 "scary"; and one "fun" after it (not counted).
      const feedback = async (answer: string, day: string) => {
        const res = await app.inject({
          method: 'POST',
          url: '/api/feedback',
          payload: {
            id: randomUUID(),
            activity: activity.id,
            version: activity.version,
            band: '8-10',
            lang: 'en',
            answer,
            day,
          },
        });
        expect(res.statusCode, res.body).toBe(200);
      };
      for (let k = 0; k < 12; k++) await feedback('fun', '2026-03-01');
      for (let k = 0; k < 3; k++) await feedback('scary', '2026-03-02');
      clock.now = Date.UTC(2026, 3, 5, 9);
      await feedback('fun', '2026-04-04');
      clock.now = AFTER;
    }, 120_000);
    afterAll(async () => {
      if (!enabled) return;
      await app.close();
      await testDb.dispose();
    });
    beforeEach(async () => {
      if (!enabled) return;
      coordinator = await people.coordinator();
    });

    it.skipIf(!enabled)(
      'refuses a term that has not ended, or with days that are not a term, writing nothing',
      async () => {
        const before = await snapshotDb(testDb.db);
        const notEnded = await build(coordinator, {
          term: '2026-t2',
          from: '2026-04-13',
          to: '2026-04-20',
        });
        expect(notEnded.statusCode, notEnded.body).toBe(422);
        expect(notEnded.json().error.code).toBe('term_not_ended');
        for (const body of [
          { term: '2026-t2', from: '2026-04-13', to: '2026-04-12' },
          { term: '2026-t2', from: '2026-02-30', to: '2026-03-12' },
          { term: '2026 T2', from: '2026-01-13', to: '2026-03-12' },
          { term: '2026-t2', from: '2026-01-13' },
        ]) {
          const res = await build(coordinator, body);
          expect(res.statusCode, res.body).toBe(400);
          expect(res.json().error.code).toBe('validation_failed');
        }
        expect(changedTables(before, await snapshotDb(testDb.db))).toEqual([]);
      },
    );

    it.skipIf(!enabled)(
      'builds the release once, from the term’s events, with hand-counted values',
      async () => {
        const res = await build(coordinator, TERM);
        expect(res.statusCode, res.body).toBe(201);
        const summary = res.json().release;
        expect(summary).toMatchObject({ ...TERM, builtBy: 'Coordinator 2' });
        const topics = [...content.topics.keys()].sort();
        expect(summary.tables.map((t: { id: string }) => t.id)).toEqual(
          [
            'activities',
            'detection',
            'feedback',
            ...topics.map((t) => `evidence/${t}`),
            ...topics.map((t) => `gains/${t}`),
            ...topics.map((t) => `items/${t}`),
            ...topics.map((t) => `mastery/${t}`),
            'most-missed',
            'reach',
            'reliability',
          ].sort(),
        );
        const r = await release();
        const byId = new Map(r.tables.map((t) => [t.id, t]));
        const { Hill, Vale, Lake } = made.districts;
        // Areas: the nation, North (Empty has no school), its three districts.
        expect(r.areas.map((a) => [a.level, a.name])).toEqual([
          ['national', 'International'],
          ['region', 'North'],
          // By name, as the places list shows them.
          ['district', 'Hill'],
          ['district', 'Lake'],
          ['district', 'Vale'],
        ]);

        // Hits and false alarms (MEAS-08): two columns per classification item, nation only.
        const detection = byId.get('detection')!;
        expect(detection.columns.length).toBeGreaterThan(0);
        expect(detection.columns.every((c) => /\/(hits|false-alarms)$/.test(c))).toBe(true);
        expect(new Set(detection.cells.map((c) => c.area))).toEqual(new Set(['national']));

        // Reach: 35 children of 8–10 (the erased one is not counted). Every other band is a
        // hidden 0, so 8–10 is hidden with them (else it would be the total minus nothing) and
        // the total shows: 35.
        const reach = byId.get('reach')!;
        expect(shown(reach, 'national', 'total')).toBe('35');
        expect(shown(reach, 'national', '8-10')).toBe('[c]');
        expect(shown(reach, made.regionId, 'total')).toBe('35');
        // Lake: 11 children but one school: hidden. Then one of Hill and Vale (12 children each:
        // 10 rounded) goes with it, or North minus the other would give Lake.
        expect(shown(reach, Lake!, 'total')).toBe('[c]');
        expect([shown(reach, Hill!, 'total'), shown(reach, Vale!, 'total')].sort()).toEqual([
          '10',
          '[c]',
        ]);
        // Activities: one completion each in the term (the first child's earlier one is before it).
        expect(shown(byId.get('activities')!, 'national', 'total')).toBe('35');
        // Mastery of the topic: every child assessed; the share mastered as the engine's own
        // mastery rule gives it for each child's events up to the term's end.
        const mastery = byId.get(`mastery/${activity.topic}`)!;
        const mastered = made.played.filter((p) => {
          const model = summarize(p.events, content, '8-10').learner;
          return isMastered(
            topicMastery(content, model, activity.topic as TopicId, START_LEVEL['8-10']),
          );
        }).length;
        expect(shown(mastery, 'national', 'total')).toBe('35');
        const pct = (100 * mastered) / 35;
        expect(shown(mastery, 'national', 'total', 'percent')).toBe(
          pct < 5 ? 'below' : pct > 95 ? 'above' : `${Math.round(pct)}%`,
        );
        // Another topic: nobody played it.
        const other = topics.find((t) => t !== activity.topic)!;
        expect(shown(byId.get(`mastery/${other}`)!, 'national', 'total')).toBe('[c]');
        // Most missed: all 35 children answered the post item; those the pattern made wrong
        // missed it.
        const missed = byId.get('most-missed')!;
        const column = `${activity.topic}/${item.id}`;
        const at = postItems.indexOf(item);
        const missedBy = made.played.filter((p) => p.scores[at]! < 0.5).length;
        expect(missedBy).toBeGreaterThan(5);
        expect(shown(missed, 'national', column)).toBe('35');
        expect(shown(missed, 'national', column, 'percent')).toBe(
          `${Math.round((100 * missedBy) / 35)}%`,
        );
        expect(missed.cells.every((c) => c.level === 'national')).toBe(true);

        // Stealth evidence (MEAS-06): each child's mastery estimate of the topic from their play
        // beside their post-check's knowledge and skill scores, r worked out here from the lists.
        const evidence = byId.get(`evidence/${activity.topic}`)!;
        expect(evidence.rulesVersion).toBe(STEALTH_RULES_VERSION);
        expect(new Set(evidence.cells.map((c) => c.area))).toEqual(new Set(['national']));
        const xs = made.played.map((p) => {
          const model = summarize(p.events, content, '8-10').learner;
          const m = topicMastery(content, model, activity.topic as TopicId, START_LEVEL['8-10']);
          expect(m.evidence).toBeGreaterThanOrEqual(PROGRESSION_DEFAULTS.minEvidence);
          return m.value;
        });
        for (const construct of ['knowledge', 'skill'] as const) {
          const mine = postItems.flatMap((it, i) => (it.construct === construct ? [i] : []));
          const c = cell(evidence, 'national', `post/${construct}`)!;
          if (mine.length === 0) {
            expect(shown(evidence, 'national', `post/${construct}`)).toBe('[c]');
            continue;
          }
          const ys = made.played.map(
            (p) => mine.reduce((s, i) => s + p.scores[i]!, 0) / mine.length,
          );
          const r = pearsonOf(xs, ys);
          expect(r).not.toBeNull();
          const z = Math.atanh(r!);
          const half = 1.959963984540054 / Math.sqrt(35 - 3);
          expect(shown(evidence, 'national', `post/${construct}`)).toBe('35');
          expect(c.statistic).toEqual({
            r: two(r),
            low: two(Math.tanh(z - half)),
            high: two(Math.tanh(z + half)),
          });
        }
        // No transfer check was taken: too few pairs, hidden.
        expect(shown(evidence, 'national', 'transfer/knowledge')).toBe('[c]');

        // Item statistics (MEAS-11): p, the item's r with the rest of the form, and the flags.
        const items = byId.get(`items/${activity.topic}`)!;
        expect(new Set(items.cells.map((c) => c.area))).toEqual(new Set(['national']));
        const totals = made.played.map((p) => p.scores.reduce((a, b) => a + b, 0));
        for (const [i, it] of postItems.entries()) {
          const c = cell(items, 'national', `8-10/post/${it.id}`)!;
          const xi = made.played.map((p) => p.scores[i]!);
          const p = xi.reduce((a, b) => a + b, 0) / 35;
          const r = pearsonOf(
            xi,
            totals.map((t, k) => t - xi[k]!),
          );
          const flags = [
            ...(p > 0.95 ? ['p-high'] : []),
            ...(p < 0.2 ? ['p-low'] : []),
            ...(r !== null && r < 0.2 ? ['r-low'] : []),
          ];
          expect(formatShown(c.count), it.id).toBe('35');
          expect(c.statistic, it.id).toEqual({
            p: { shown: 'percent', value: Math.round(100 * p) },
            r: two(r),
            flags,
          });
        }
        // The pre-check nobody took: hidden.
        const pre = items.columns.find((c) => c.startsWith('8-10/pre/'))!;
        expect(shown(items, 'national', pre)).toBe('[c]');
        // KR-20 needs 200 children: hidden with 35.
        expect(shown(byId.get('reliability')!, 'national', `${activity.topic}/8-10/post`)).toBe(
          '[c]',
        );
        // Gains: no pre-check, no pair.
        expect(shown(byId.get(`gains/${activity.topic}`)!, 'national', 'knowledge')).toBe('[c]');
        // Feedback: 12 "fun" (10 rounded), 3 "scary" hidden; the answer after the term is not in.
        const feedback = byId.get('feedback')!;
        expect(shown(feedback, 'national', 'fun')).toBe('10');
        expect(shown(feedback, 'national', 'scary')).toBe('[c]');

        // Built once: the same term again is refused, and so is one sharing a day with it.
        const again = await build(await people.admin(), TERM);
        expect(again.statusCode, again.body).toBe(409);
        expect(again.json().error.code).toBe('release_exists');
        const overlap = await build(coordinator, {
          term: '2025-t3',
          from: '2025-09-01',
          to: '2026-01-05',
        });
        expect(overlap.statusCode, overlap.body).toBe(409);
        expect(overlap.json().error.code).toBe('term_overlap');
        // The audit log names the build.
        const audit = await testDb.db.kysely
          .selectFrom('kite_audit')
          .select(['detail'])
          .where('event', '=', 'nation.release_built')
          .execute();
        expect(audit).toHaveLength(1);
      },
    );

    it.skipIf(!enabled)('lists releases newest term first, with their tables', async () => {
      const earlier = await build(coordinator, {
        term: '2025-t3',
        from: '2025-09-01',
        to: '2026-01-04',
      });
      expect(earlier.statusCode, earlier.body).toBe(201);
      const res = await coordinator.get('/api/nation/releases');
      expect(res.statusCode, res.body).toBe(200);
      const list = res.json().releases as {
        term: string;
        tables: { id: string; kind: string; columns: string[] }[];
      }[];
      expect(list.map((r) => r.term)).toEqual(['2026-t1', '2025-t3']);
      expect(list[0]!.tables.find((t) => t.id === 'reach')).toEqual({
        id: 'reach',
        kind: 'reach',
        columns: ['5-7', '8-10', '11-13', '14-16'],
      });
      // Nothing of 2026's play in 2025's term except the one earlier play-through.
      const old = await coordinator.get('/api/nation/releases/2025-t3?table=reach&level=national');
      expect(
        old.json().tables[0].cells.find((c: { column: string }) => c.column === 'total').count,
      ).toEqual({ shown: 'c' });
    });

    it.skipIf(!enabled)(
      'answers a table, a level or an area, the same every time, and refuses any other filter',
      async () => {
        const whole = await release();
        const one = await release('?table=reach&level=district');
        expect(one.tables).toHaveLength(1);
        expect(one.tables[0]!.cells.every((c) => c.level === 'district')).toBe(true);
        expect(one.areas).toEqual(whole.areas);
        const area = await release(`?table=reach&area=${made.regionId}`);
        expect(area.tables[0]!.cells.map((c) => c.column)).toEqual([
          '5-7',
          '8-10',
          '11-13',
          '14-16',
          'total',
        ]);
        // STAT-06: identical requests, identical answers.
        const a = await coordinator.get(
          `/api/nation/releases/${TERM.term}?table=mastery/${activity.topic}`,
        );
        const b = await coordinator.get(
          `/api/nation/releases/${TERM.term}?table=mastery/${activity.topic}`,
        );
        expect(a.body).toBe(b.body);
        const refused = async (query: string, status: number, code: string) => {
          const res = await coordinator.get(`/api/nation/releases/${TERM.term}${query}`);
          expect(res.statusCode, `${query}: ${res.body}`).toBe(status);
          expect(res.json().error.code).toBe(code);
          return res.json().error.message as string;
        };
        expect(
          await refused(`?table=reach&school=${made.schoolIds[0]}`, 400, 'unknown_filter'),
        ).toContain('"school"');
        await refused('?table=reach&band=8-10', 400, 'unknown_filter');
        await refused('?from=2026-01-01', 400, 'unknown_filter');
        await refused('?table=reach&level=school', 400, 'unknown_level');
        await refused('?table=nope', 404, 'unknown_table');
        await refused('?level=region', 400, 'unknown_table');
        await refused(`?table=most-missed&area=${made.regionId}`, 404, 'unknown_area');
        await refused('?table=reach&table=activities', 400, 'validation_failed');
        const missing = await coordinator.get('/api/nation/releases/2027-t1');
        expect(missing.statusCode).toBe(404);
      },
    );

    it.skipIf(!enabled)(
      'downloads a table as CSV: the layout of the JSON table, in English or Khmer',
      async () => {
        const r = await release();
        for (const [lang, table] of [
          ['en', 'reach'],
          ['km', `mastery/${activity.topic}`],
          ['en', 'most-missed'],
          ['en', `evidence/${activity.topic}`],
          ['km', `items/${activity.topic}`],
          ['en', 'reliability'],
        ] as const) {
          const res = await coordinator.get(
            `/api/nation/releases/${TERM.term}/csv?table=${table}&lang=${lang}`,
          );
          expect(res.statusCode, res.body).toBe(200);
          expect(res.headers['content-type']).toBe('text/csv; charset=utf-8');
          expect(res.headers['content-disposition']).toBe(
            `attachment; filename="kite-${TERM.term}-${table.replace('/', '-')}.csv"`,
          );
          const t = nationTranslator(content, lang);
          const json = r.tables.find((x) => x.id === table)!;
          expect(res.body).toBe(
            layoutCsv(tableLayout(json, translateAreas(r.areas, t), nationLayoutLabels(t))),
          );
          // Khmer words: a region's level; an item's check ("post-check").
          if (lang === 'km')
            expect(res.body).toContain(table.startsWith('mastery') ? 'ខេត្ត' : 'ការត្រួតពិនិត្យក្រោយ');
        }
        const bad = await coordinator.get(
          `/api/nation/releases/${TERM.term}/csv?table=reach&lang=xx`,
        );
        expect(bad.json().error.code).toBe('unsupported_language');
        const none = await coordinator.get(`/api/nation/releases/${TERM.term}/csv?table=nope`);
        expect(none.statusCode).toBe(404);
        expect(none.json().error.code).toBe('unknown_table');
      },
    );

    it.skipIf(!enabled)(
      'holds no school, class or child id, and a coordinator reaches no child-level record',
      async () => {
        const all = [(await coordinator.get(`/api/nation/releases/${TERM.term}`)).body];
        for (const table of [
          'reach',
          'most-missed',
          `mastery/${activity.topic}`,
          `items/${activity.topic}`,
          `evidence/${activity.topic}`,
        ])
          all.push(
            (await coordinator.get(`/api/nation/releases/${TERM.term}/csv?table=${table}`)).body,
          );
        const stored = await testDb.db.kysely
          .selectFrom('kite_nation_release_table')
          .select('body')
          .execute();
        all.push(...stored.map((s) => s.body));
        for (const id of [...made.schoolIds, ...made.classIds, ...made.learnerIds])
          for (const text of all) expect(text).not.toContain(id);
        for (const path of ['/api/classes', `/api/classes/${made.classIds[1]}`, '/api/schools']) {
          const res = await coordinator.get(path);
          expect(res.statusCode, path).toBe(403);
        }
        // Teachers may not read releases either.
        const res = await (await people.make('teacher')).client.get('/api/nation/releases');
        expect(res.statusCode).toBe(403);
      },
    );
  });
}
