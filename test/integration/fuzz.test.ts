// Hostile input against every operation of the OpenAPI document (fast-check): malformed and
// hostile bodies (wrong types, huge strings, deep nesting, prototype-pollution keys, controls,
// null bytes, numbers as text, extra keys, text that is not JSON), path parameters, query
// strings and headers (content types, bogus cookies, bogus CSRF tokens), sent by nobody, by a
// signed-in admin and by a session waiting for its second factor, each with its CSRF pair.
//
// Every answer must be a 4xx in the one error shape with a known code, or a status the
// document lists for the operation — and a 2xx only when the request has none of the defects
// the generator knows it put in (a wrong type, an unknown key, no CSRF token, nobody signed
// in…). Never a 5xx. A request that is not answered 2xx must write nothing: the database is
// compared, every table, after every request (what counts as written: db-snapshot.ts), and
// Object.prototype must keep its own properties (the app runs in the test's process).
//
// Runs are bounded and seeded: KITE_FUZZ_RUNS (runs per operation, default 25) and
// KITE_FUZZ_SEED (default fixed, so a run is repeatable; fast-check prints the seed and path
// of a failure).
import { mkdirSync, mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import fc from 'fast-check';
import type { FastifyInstance, InjectOptions } from 'fastify';
import { shippedContent } from '../helpers/content';
import type { Catalogue } from '../../src/engine';
import { TEST_ARGON2 } from '../../src/server/accounts/passwords';
import { createApp } from '../../src/server/app';
import { ERROR_CODES } from '../../src/server/http/errors';
import { createPdfRenderer } from '../../src/server/pdf/renderer';
import type { PdfRenderer } from '../../src/server/pdf/renderer';
import { outbox } from '../helpers/account-client';
import type { AccountClient, ChildClient } from '../helpers/account-client';
import { changedTables, snapshotDb } from '../helpers/db-snapshot';
import type { DbSnapshot } from '../helpers/db-snapshot';
import { DIALECTS } from '../helpers/dialects';
import type { TestDb } from '../helpers/dialects';
import {
  brokenJson,
  deepJson,
  hostileJson,
  hostileKey,
  hostileShortString,
  hostileString,
  jsonText,
  Obj,
  pct,
  shapedBody,
  violations,
} from '../helpers/hostile';
import type { Json } from '../helpers/hostile';
import { childDevice, classFixture, waitingCompany } from '../helpers/operation-calls';
import type { Kit } from '../helpers/operation-calls';
import { fillPath, operationsOf } from '../helpers/openapi-operations';
import { addHub } from '../../src/server/hubs/provisioning';
import type { JsonSchema, Operation } from '../helpers/openapi-operations';
import { People } from '../helpers/people';
import type { Person } from '../helpers/people';

const RUNS = Number(process.env.KITE_FUZZ_RUNS ?? 25);
const SEED = Number(process.env.KITE_FUZZ_SEED ?? 20_261_204);
const T0 = Date.UTC(2027, 5, 1, 10, 0, 0);

/** The operations a session still waiting for its second factor may call. */
const SESSION_STAGE_OPS = new Set(['POST /api/auth/signin/mfa', 'POST /api/auth/signout']);
/** Object.prototype's own properties before any request. */
const PROTO = Object.getOwnPropertyNames(Object.prototype).sort();
/** The answers of the CSRF check and the session guard, before any input is read. */
const GUARD_CODES = new Set(['csrf_rejected', 'unauthenticated', 'forbidden', 'mfa_required']);
/** What an operation without a body takes: nothing, or an empty object. */
const NO_BODY: JsonSchema = { type: 'object', properties: {}, additionalProperties: false };

type ModeName = 'anonymous' | 'admin' | 'mfa' | 'teacher' | 'parent' | 'company' | 'child' | 'hub';
const MODES: readonly ModeName[] = [
  'anonymous',
  'admin',
  'mfa',
  'teacher',
  'parent',
  'company',
  'child',
  'hub',
];
/** Industry operations of the coordinator's side; the rest are a company's. */
const INDUSTRY_COORDINATOR =
  /^\/api\/industry\/(statistics|extensions\/|assessments\/\{id\}\/reviewer)/;

/** Who an operation is for, so that most requests come through its own front door. */
function naturalMode(op: Operation): ModeName {
  if (op.path.startsWith('/api/child/')) return 'child';
  if (op.path.startsWith('/api/hubs/')) return 'hub';
  if (/^\/api\/(classes|schools)\b/.test(op.path)) return 'teacher';
  if (op.path.startsWith('/api/family/')) return 'parent';
  if (op.path.startsWith('/api/industry/') && !INDUSTRY_COORDINATOR.test(op.path)) return 'company';
  return 'admin';
}
type CookieChoice = 'real' | 'none' | 'bogus-session' | 'bogus-csrf' | 'garbage';
type CsrfChoice = 'real' | 'absent' | 'bogus' | 'foreign';
type BodyChoice =
  | { readonly kind: 'none' }
  | { readonly kind: 'json'; readonly value: Json }
  | { readonly kind: 'text'; readonly text: string };

/** One generated request, before the current sessions' cookies are filled in. */
interface Draft {
  readonly mode: ModeName;
  readonly params: Readonly<Record<string, string>>;
  readonly query: readonly (readonly [string, string])[];
  readonly rawQuery: string;
  readonly contentType: string | undefined;
  readonly body: BodyChoice;
  readonly cookie: CookieChoice;
  readonly cookieJunk: string;
  readonly csrf: CsrfChoice;
  readonly csrfJunk: string;
  readonly headers: readonly (readonly [string, string])[];
  readonly ip: string;
}

/** Header text: printable ASCII and Latin-1, what HTTP can carry. */
const headerText = fc.string({
  unit: fc
    .integer({ min: 0x20, max: 0xff })
    .filter((c) => c < 0x7f || c > 0x9f)
    .map((c) => String.fromCharCode(c)),
  maxLength: 120,
});

const contentTypes = fc.constantFrom(
  'application/json',
  'application/json',
  'application/json',
  'application/json; charset=utf-8',
  'application/json; charset=utf-16',
  'Application/JSON',
  'text/plain',
  'application/x-www-form-urlencoded',
  'multipart/form-data; boundary=x',
  'application/xml',
  'application/json-patch+json',
  '',
  'garbage',
  undefined,
);

/** JSON text in the body's context: parsed as Fastify would, shallowly, for judging. */
function parsedForJudging(text: string): Json | undefined {
  const t = text.charCodeAt(0) === 0xfeff ? text.slice(1) : text;
  let v: unknown;
  try {
    v = JSON.parse(t);
  } catch {
    return undefined;
  }
  const shallow = (x: unknown, depth: number): Json => {
    if (Array.isArray(x)) return depth > 1 ? [] : x.map((y) => shallow(y, depth + 1));
    if (x && typeof x === 'object') {
      return new Obj(
        depth > 1 ? [] : Object.entries(x).map(([k, y]) => [k, shallow(y, depth + 1)] as const),
      );
    }
    return x as Json;
  };
  return shallow(v, 0);
}

/** The defects a request certainly has, by the document and the house rules. */
function defectsOf(op: Operation, d: Draft): string[] {
  const out: string[] = [];
  const writes = op.method !== 'GET';
  const isPublic = Array.isArray(op.security) && op.security.length === 0;
  if (writes) {
    if (d.csrf !== 'real') out.push(`CSRF token ${d.csrf}`);
    if (d.cookie === 'none' || d.cookie === 'bogus-csrf' || d.cookie === 'garbage') {
      out.push(`CSRF cookie ${d.cookie}`);
    }
  }
  const session = d.mode !== 'anonymous' && (d.cookie === 'real' || d.cookie === 'bogus-csrf');
  if (!isPublic && !session) out.push('nobody signed in');
  if (!isPublic && session && d.mode === 'mfa' && !SESSION_STAGE_OPS.has(op.key)) {
    out.push('the session waits for its second factor');
  }
  if (op.key === 'POST /api/auth/signin/mfa' && session && d.mode === 'admin') {
    out.push('no second step is waiting');
  }
  // Query: every parameter documented, given once, of its type (input objects are strict).
  const documented = new Map(op.query.map((q) => [q.name, q.schema]));
  const seen = new Set<string>();
  for (const [k, v] of d.query) {
    const s = documented.get(k);
    if (!s) out.push(`unknown query parameter ${JSON.stringify(k)}`);
    else if (seen.has(k)) out.push(`query parameter ${k} twice`);
    else if (s.enum && !s.enum.includes(v)) out.push(`query ${k} not one of its values`);
    else if (s.type === 'integer' || s.type === 'number') {
      const n = Number(v);
      const { minimum, maximum } = s as { minimum?: number; maximum?: number };
      if (
        !Number.isFinite(n) ||
        (s.type === 'integer' && !Number.isInteger(n)) ||
        (minimum !== undefined && n < minimum) ||
        (maximum !== undefined && n > maximum)
      ) {
        out.push(`query ${k} out of its range`);
      }
    }
    seen.add(k);
  }
  // Body (Fastify reads none on GET).
  if (writes) {
    const schema = op.body ?? NO_BODY;
    const required = op.body ? op.bodyRequired : false;
    if (d.body.kind === 'none') {
      if (required) out.push('no body');
    } else {
      const ct = (d.contentType ?? '').split(';')[0]!.trim().toLowerCase();
      if (ct !== 'application/json') out.push(`a body of type ${JSON.stringify(d.contentType)}`);
      else {
        const value = d.body.kind === 'json' ? d.body.value : parsedForJudging(d.body.text);
        if (value === undefined) out.push('a body that is not JSON');
        else out.push(...violations(value, schema));
      }
    }
  }
  return out;
}

function draftsFor(op: Operation, pools: Readonly<Record<string, readonly string[]>>) {
  const param = (name: string) =>
    fc.oneof(
      { weight: 2, arbitrary: fc.constantFrom(...(pools[name] ?? pools.id!)) },
      { weight: 3, arbitrary: hostileShortString },
    );
  const params = fc.record(
    Object.fromEntries(op.pathParams.map((p) => [p, param(p)])) as Record<
      string,
      fc.Arbitrary<string>
    >,
  );
  const queryPair = fc.oneof(
    ...(op.query.length
      ? [
          fc.tuple(
            fc.constantFrom(...op.query.map((q) => q.name)),
            fc.oneof(
              hostileShortString,
              ...op.query.flatMap((q) =>
                q.schema.enum ? [fc.constantFrom(...(q.schema.enum as string[]))] : [],
              ),
              fc.constantFrom('1', '5', '1000', '1001', '0'),
            ),
          ),
        ]
      : []),
    fc.tuple(hostileKey, hostileShortString),
  );
  const body: fc.Arbitrary<BodyChoice> = fc.oneof(
    { weight: 1, arbitrary: fc.constant({ kind: 'none' as const }) },
    {
      weight: 4,
      arbitrary: shapedBody(op.body ?? NO_BODY).map((value) => ({ kind: 'json' as const, value })),
    },
    { weight: 2, arbitrary: hostileJson.map((value) => ({ kind: 'json' as const, value })) },
    {
      weight: 1,
      arbitrary: fc
        .oneof(brokenJson, deepJson, hostileString)
        .map((text) => ({ kind: 'text' as const, text })),
    },
  );
  // Three requests in four come through the front door (a real session or none, the cookies
  // and token of that browser), so that the body, query and path are what they test; the
  // fourth tries the door itself: bogus or missing cookies and tokens, any session.
  const goodDoor = fc.record({
    mode: fc.constantFrom<ModeName>('anonymous', naturalMode(op), naturalMode(op), 'mfa'),
    cookie: fc.constant<CookieChoice>('real'),
    csrf: fc.constant<CsrfChoice>('real'),
  });
  const anyDoor = fc.record({
    mode: fc.constantFrom(...MODES),
    cookie: fc.constantFrom<CookieChoice>('real', 'none', 'bogus-session', 'bogus-csrf', 'garbage'),
    csrf: fc.constantFrom<CsrfChoice>('real', 'absent', 'bogus', 'foreign'),
  });
  const rest = fc.record({
    params,
    query: fc.array(queryPair, { maxLength: 3 }),
    rawQuery: fc.oneof(
      { weight: 5, arbitrary: fc.constant('') },
      { weight: 1, arbitrary: fc.constantFrom('%zz', '&&=&', '%', '=x', 'a=%E0%A4%A', '?') },
    ),
    contentType: contentTypes,
    body,
    cookieJunk: fc.oneof(hostileShortString, headerText),
    csrfJunk: headerText,
    headers: fc.array(
      fc.tuple(
        fc.constantFrom(
          'x-forwarded-for',
          'user-agent',
          'accept',
          'accept-language',
          'origin',
          'referer',
          'x-http-method-override',
          'if-none-match',
        ),
        headerText,
      ),
      { maxLength: 2 },
    ),
    ip: fc.oneof(fc.ipV4(), fc.ipV6()),
  });
  return fc
    .tuple(fc.oneof({ weight: 3, arbitrary: goodDoor }, { weight: 1, arbitrary: anyDoor }), rest)
    .map(([door, r]): Draft => ({ ...r, ...door }));
}

let content: Catalogue;
let renderer: PdfRenderer;

beforeAll(async () => {
  content = (await shippedContent()).catalogue;
  renderer = await createPdfRenderer();
});

for (const dialect of DIALECTS) {
  describe(`${dialect.name}: hostile input to every operation`, async () => {
    const enabled = await dialect.available();
    const clock = { now: T0 };
    let testDb: TestDb;
    let app: FastifyInstance;
    let people: People;
    const studioDir = mkdtempSync(join(tmpdir(), 'kite-fuzz-studio-'));
    mkdirSync(join(studioDir, 'packs'));
    let ops: Operation[];
    let pools: Record<string, string[]>;
    let foreignToken: string;
    let kit: Kit;
    let teacherClient: AccountClient;

    /** The fixture's child again, after the fuzz erased it (a valid erase is a success). */
    async function renewFixture() {
      const added = await teacherClient.post(`/api/classes/${kit.classes.classId}/children`, {
        nicknames: [`Comet ${Date.now() % 100000}`],
      });
      const child = added.json().children[0] as { id: string; pictures: string[] };
      kit = { ...kit, classes: { ...kit.classes, child } } as Kit;
      pools.learnerId = [child.id];
    }
    let baseline: DbSnapshot;
    let hubToken = '';
    const modes = new Map<ModeName, { client: AccountClient; csrf: string; person?: Person }>();

    async function mode(name: ModeName, person?: Person) {
      const client =
        name === 'anonymous' || name === 'hub'
          ? people.client()
          : name === 'child'
            ? await childDevice(kit)
            : await people.signIn(person!, { finish: name !== 'mfa' });
      modes.set(name, { client, csrf: await client.csrfToken(), ...(person ? { person } : {}) });
    }

    const STAGE: Record<ModeName, string | null> = {
      anonymous: null,
      admin: 'full',
      mfa: 'mfa',
      teacher: 'full',
      parent: 'full',
      company: 'full',
      child: null,
      hub: null,
    };

    /** Sessions the fuzz ended (a valid sign-out) signed in again; the new baseline. */
    async function resync() {
      for (const name of MODES) {
        const m = modes.get(name)!;
        if (name === 'child') {
          // A device signed out or erased by the fuzz signs in again (the fixture's child is
          // made anew when it was erased).
          if ((await m.client.get('/api/child/me')).statusCode !== 200) {
            if ((await m.client.get('/api/child/me')).statusCode === 410) await renewFixture();
            await mode('child');
          }
          continue;
        }
        const stage = (await m.client.get('/api/auth/session')).json().stage ?? null;
        if (stage !== STAGE[name]) await mode(name, m.person);
      }
      // Every session's idle timer refreshed at the current time: a later request has
      // nothing to touch.
      for (const name of MODES) await modes.get(name)!.client.get('/api/auth/session');
      baseline = await snapshotDb(testDb.db);
    }

    beforeAll(async () => {
      if (!enabled) return;
      testDb = await dialect.fresh();
      const mail = outbox();
      app = await createApp({
        db: testDb.db,
        now: () => clock.now,
        catalogue: content,
        pdfRenderer: renderer,
        accounts: { argon2: TEST_ARGON2, mailer: mail.mailer },
        // The recording studio writes into a folder of this test's own.
        studio: { dir: studioDir },
      });
      people = new People(app, mail, clock);
      await people.bootstrap();
      const admin = await people.make('admin');
      const teacher = await people.make('teacher');
      const parent = await people.make('parent');
      const company = await people.make('company');
      const pending = await waitingCompany({ people, mail });
      teacherClient = await people.signIn(teacher.person);
      kit = {
        people,
        mail,
        classes: await classFixture(teacherClient, content),
        client: async () => teacherClient,
      } as unknown as Kit;
      await mode('anonymous');
      await mode('admin', admin.person);
      await mode('mfa', teacher.person);
      await mode('teacher', teacher.person);
      await mode('parent', parent.person);
      await mode('company', company.person);
      await mode('child');
      hubToken = (await addHub(testDb.db, kit.classes.schoolId, clock.now)).token;
      await mode('hub');
      foreignToken = await people.client().csrfToken();
      const sessions = (await modes.get('admin')!.client.get('/api/account/sessions')).json()
        .sessions as { id: string }[];
      const first = (m: ReadonlyMap<string, unknown>) => [...m.keys()][0]!;
      pools = {
        id: [admin.person.id, parent.person.id, pending, people.operators.coordinator.id]
          .concat(sessions.map((s) => s.id))
          .concat(['0', 'no-such-id']),
        activityId: [first(content.activities)],
        schoolId: [kit.classes.schoolId],
        classId: [kit.classes.classId],
        learnerId: [kit.classes.child.id],
        assignmentId: ['no-such-assignment'],
        linkId: ['no-such-link'],
        challengeId: [first(content.challenges)],
        guideId: [first(content.guides)],
      };
      ops = await operationsOf(app);
      await resync();
    });
    afterAll(async () => {
      rmSync(studioDir, { recursive: true, force: true });
      if (!enabled) return;
      await app.close();
      await testDb.dispose();
    });

    function request(op: Operation, d: Draft): InjectOptions {
      const m = modes.get(d.mode)!;
      const jar = new Map(m.client.cookies);
      const junk = pct(d.cookieJunk);
      if (d.cookie === 'bogus-session') jar.set('kite_session', junk);
      if (d.cookie === 'bogus-csrf') jar.set('kite_csrf', junk);
      const cookie =
        d.cookie === 'none'
          ? undefined
          : d.cookie === 'garbage'
            ? d.cookieJunk.replace(/[^\x20-\x7e\x80-\xff]/g, '')
            : [...jar].map(([k, v]) => `${k}=${v}`).join('; ');
      const headers: Record<string, string> = Object.fromEntries(d.headers);
      if (cookie !== undefined) headers.cookie = cookie;
      const token = { real: m.csrf, absent: undefined, bogus: d.csrfJunk, foreign: foreignToken }[
        d.csrf
      ];
      if (token !== undefined) headers['x-csrf-token'] = token;
      if (d.mode === 'child') {
        headers.authorization = `Bearer ${(m.client as ChildClient).token}`;
      }
      // A school hub of the fixture's school, with its credential (docs/deploy.md).
      if (d.mode === 'hub') headers.authorization = `Bearer ${hubToken}`;
      if (d.contentType !== undefined) headers['content-type'] = d.contentType;
      const query = [
        ...d.query.map(([k, v]) => `${pct(k)}=${pct(v)}`),
        ...(d.rawQuery ? [d.rawQuery] : []),
      ].join('&');
      const path = fillPath(op.path, d.params, pct);
      const payload =
        d.body.kind === 'none'
          ? undefined
          : d.body.kind === 'json'
            ? jsonText(d.body.value)
            : d.body.text;
      return {
        method: op.method as 'GET',
        url: query ? `${path}?${query}` : path,
        headers,
        remoteAddress: d.ip,
        ...(payload === undefined ? {} : { payload }),
      };
    }

    it.skipIf(!enabled)('finds the operations in the OpenAPI document', () => {
      expect(ops.length).toBeGreaterThan(30);
    });

    // One test per operation, named from the document at collection time would need the app;
    // the operations are read in beforeAll, so one test walks them with a fresh seed each.
    it.skipIf(!enabled)(
      'answers every hostile request with a 4xx and its error code (or a documented success for a valid one), never a 5xx, and writes nothing when it refuses',
      { timeout: 600_000 },
      async () => {
        const tally = { requests: 0, refused: 0, succeeded: 0 };
        /** Per operation, whether some request got past the CSRF and session checks. */
        const reached = new Map<string, boolean>();
        for (const [i, op] of ops.entries()) {
          await fc.assert(
            fc.asyncProperty(draftsFor(op, pools), async (d) => {
              const defects = defectsOf(op, d);
              const req = request(op, d);
              const res = await app.inject(req);
              tally.requests++;
              const what = `${op.key}: ${req.method} ${String(req.url).slice(0, 200)} as ${d.mode} → ${res.statusCode} ${res.body.slice(0, 200)}`;
              expect(res.statusCode, what).toBeLessThan(500);
              // The app runs in this process: a polluted prototype would show here.
              expect(Object.getOwnPropertyNames(Object.prototype).sort(), what).toEqual(PROTO);
              const after = await snapshotDb(testDb.db);
              if (res.statusCode >= 400) {
                tally.refused++;
                expect(res.headers['content-type'], what).toMatch(/^application\/json/);
                const body = res.json() as { error?: { code?: unknown; message?: unknown } };
                expect(Object.keys(body), what).toEqual(['error']);
                expect(Object.keys(body.error!).sort(), what).toEqual(['code', 'message']);
                expect(ERROR_CODES, what).toContain(body.error!.code);
                expect(
                  typeof body.error!.message === 'string' && body.error!.message.length > 0,
                  what,
                ).toBe(true);
                expect(changedTables(baseline, after), `written on a refusal: ${what}`).toEqual([]);
                if (!GUARD_CODES.has(body.error!.code as string)) reached.set(op.key, true);
                return;
              }
              tally.succeeded++;
              reached.set(op.key, true);
              // A success may write (and may end a session): the new state is the baseline,
              // before anything is judged, so that a failure found here is not blamed on the
              // next request.
              if (changedTables(baseline, after).length) await resync();
              expect(op.responses, `undocumented status: ${what}`).toContain(res.statusCode);
              expect(defects, `accepted despite its defects: ${what}`).toEqual([]);
            }),
            { numRuns: RUNS, seed: SEED + i },
          );
        }
        console.warn(
          `[fuzz ${dialect.name}] ${ops.length} operations × ${RUNS} runs: ${JSON.stringify(tally)}`,
        );
        // Not a fuzz of the front door only: every operation's validation or handler was reached.
        expect(ops.filter((op) => !reached.get(op.key)).map((op) => op.key)).toEqual([]);
      },
    );

    it.skipIf(!enabled)(
      'refuses a body or a query parameter an operation does not take (found by the fuzz: sign-out took any body)',
      async () => {
        const { client } = await people.make('parent');
        const token = await client.csrfToken();
        const send = (url: string, payload?: string, type = 'application/json') =>
          app.inject({
            method: 'POST',
            url,
            headers: {
              cookie: [...client.cookies].map(([k, v]) => `${k}=${v}`).join('; '),
              'x-csrf-token': token,
              ...(payload === undefined ? {} : { 'content-type': type }),
            },
            ...(payload === undefined ? {} : { payload }),
          });
        for (const [payload, type, code] of [
          ['{"everywhere":true}', 'application/json', 'unknown_parameter'],
          ['[]', 'application/json', 'validation_failed'],
          ['null', 'application/json', 'validation_failed'],
          ['bye', 'text/plain', 'validation_failed'],
        ] as const) {
          const before = await snapshotDb(testDb.db);
          const res = await send('/api/auth/signout', payload, type);
          expect(res.statusCode, payload).toBe(400);
          expect(res.json().error.code, payload).toBe(code);
          expect(changedTables(before, await snapshotDb(testDb.db))).toEqual([]);
        }
        const query = await send('/api/auth/signout?everywhere=1', '{}');
        expect(query.statusCode).toBe(400);
        expect(query.json().error.code).toBe('unknown_parameter');
        expect((await client.get('/api/account')).statusCode).toBe(200);
        // No body, or an empty object, is what these operations take.
        expect((await send('/api/account/mfa/setup')).statusCode).toBe(200);
        expect((await send('/api/account/mfa/setup', '{}')).statusCode).toBe(200);
        expect((await send('/api/auth/signout')).statusCode).toBe(204);
      },
    );
  });
}
