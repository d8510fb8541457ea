// The data inventory (docs/privacy/data-inventory.yaml) held to the database and to the data
// rights (PRIV-03, PRIV-14): every column of a freshly migrated database is listed and nothing
// else is; "download my data" holds every field the inventory marks exported; "delete my
// account" leaves no row anywhere that names the person. The checks read the database's own
// catalogue and the inventory, so a new table or column is covered without touching this file.

import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { sql } from 'kysely';
import type { FastifyInstance } from 'fastify';
import { createApp } from '../../src/server/app';
import { TEST_ARGON2 } from '../../src/server/accounts/passwords';
import { setupLinkIfNeeded } from '../../src/server/accounts/credentials';
import { throttleBuckets } from '../../src/server/accounts/throttle';
import { totpCode } from '../../src/server/accounts/totp';
import type { Db } from '../../src/db/connect';
import { DIALECTS } from '../helpers/dialects';
import type { TestDb } from '../helpers/dialects';
import { AccountClient, outbox, strongPassword } from '../helpers/account-client';
import type { Outbox } from '../helpers/account-client';
import {
  atPath,
  catalogue,
  comparable,
  exportRows,
  readInventory,
} from '../helpers/data-inventory';
import type { Inventory } from '../helpers/data-inventory';

const T0 = Date.UTC(2026, 11, 4, 9, 0, 0);
const MIN = 60_000;
const inventory: Inventory = readInventory();

/** A person made through the API, with the clients (devices) they used. */
interface Person {
  readonly id: string;
  readonly email: string;
  readonly password: string;
  /** A fully signed-in device. */
  readonly device: AccountClient;
  readonly role: string;
}

/** Throttling counters are keyed by a hash of an email or id (throttle.ts); these name a person. */
const THROTTLE_SCOPES = ['signin', 'mfa', 'reset', 'signup'];
function needlesOf(p: Pick<Person, 'id' | 'email'>): string[] {
  return [
    p.id,
    p.email,
    ...THROTTLE_SCOPES.flatMap((s) => [
      ...throttleBuckets(s, p.id),
      ...throttleBuckets(s, p.email),
    ]),
  ];
}

/** The rows of `table` about the person: a subject column holds their id or email. */
async function rowsAbout(db: Db, table: string, subject: readonly string[], p: Person) {
  if (subject.length === 0) return [];
  const conds = subject.map((c) => sql`${sql.ref(c)} in (${p.id}, ${p.email})`);
  const r = await sql<Record<string, unknown>>`
    select * from ${sql.table(table)} where ${sql.join(conds, sql` or `)}`.execute(db.kysely);
  return r.rows;
}

/** Every (table, column) of the database whose text contains one of `needles`. */
async function cellsNaming(db: Db, needles: readonly string[]) {
  const hits: string[] = [];
  for (const [table, columns] of await catalogue(db)) {
    for (const column of columns) {
      // One query per column: a count per needle.
      const text = sql`lower(cast(${sql.ref(column)} as text))`;
      const counts = needles.map((needle, i) => {
        const found =
          db.dialect === 'sqlite'
            ? sql`instr(${text}, ${needle.toLowerCase()}) > 0`
            : sql`strpos(${text}, ${needle.toLowerCase()}) > 0`;
        return sql`sum(case when ${found} then 1 else 0 end) as ${sql.ref(`n${i}`)}`;
      });
      const r = await sql<Record<string, number | string | null>>`
        select ${sql.join(counts)} from ${sql.table(table)}`.execute(db.kysely);
      needles.forEach((needle, i) => {
        if (Number(r.rows[0]![`n${i}`] ?? 0) > 0) hits.push(`${table}.${column} holds ${needle}`);
      });
    }
  }
  return hits;
}

describe('the data inventory file', () => {
  it('names, for each table, columns of its own as subject and references', () => {
    for (const [name, t] of Object.entries(inventory.tables)) {
      for (const c of [...t.subject, ...(t.references ?? [])]) {
        expect(Object.keys(t.columns), `${name}: subject/references ${c}`).toContain(c);
      }
    }
  });

  it('puts each exported column under its table export (or on account.id for a link)', () => {
    for (const [name, t] of Object.entries(inventory.tables)) {
      for (const [col, c] of Object.entries(t.columns)) {
        const where = `${name}.${col}`;
        if (t.export === 'none') {
          expect(c.exported, `${where}: its table is not exported`).toBe(false);
          continue;
        }
        const key = c.exported ? c.export_key : c.named_as;
        if (key === undefined) continue;
        if (c.exported && c.export_as === 'link') {
          expect(key, where).toBe('account.id');
          expect(t.subject, `${where}: a link is a subject column`).toContain(col);
        } else {
          expect(key.startsWith(`${t.export}.`), `${where}: ${key} under ${t.export}`).toBe(true);
        }
      }
    }
  });

  it('never exports or shows a secret, and says who sees each personal column', () => {
    for (const [name, t] of Object.entries(inventory.tables)) {
      for (const [col, c] of Object.entries(t.columns)) {
        if (!c.exported && c.not_exported === 'secret') {
          expect(c.seen_by, `${name}.${col}`).not.toContain('admin');
          expect(c.seen_by, `${name}.${col}`).not.toContain('coordinator');
        }
      }
    }
  });
});

for (const dialect of DIALECTS) {
  describe(`${dialect.name}: the data inventory against the database and the data rights`, async () => {
    const enabled = await dialect.available();
    let testDb: TestDb;
    let app: FastifyInstance;
    let mail: Outbox;
    let clock = T0;
    let ip = 10;
    const client = () => new AccountClient(app, undefined, `198.51.100.${ip++}`);
    const people: Person[] = [];

    async function enrolTotp(c: AccountClient): Promise<{ secret: string; codes: string[] }> {
      const setup = (await c.post('/api/account/mfa/setup')).json() as { secret: string };
      const confirmed = await c.post('/api/account/mfa/confirm', {
        code: await totpCode(setup.secret, clock),
      });
      expect(confirmed.statusCode, confirmed.body).toBe(200);
      return { secret: setup.secret, codes: confirmed.json().recoveryCodes as string[] };
    }

    /** Signs in with the password, then a TOTP code or a recovery code; a new step each time. */
    async function signInWithCode(c: AccountClient, email: string, password: string, code: string) {
      const first = await c.post('/api/auth/signin', { email, password });
      expect(first.json().stage, first.body).toBe('mfa');
      const second = await c.post('/api/auth/signin/mfa', { code });
      expect(second.statusCode, second.body).toBe(200);
    }

    async function idOf(c: AccountClient): Promise<string> {
      return ((await c.get('/api/account')).json() as { id: string }).id;
    }

    /** The first admin, through the one-time setup link, with a second factor. */
    async function makeAdmin(): Promise<AccountClient> {
      const setup = await setupLinkIfNeeded(app.accounts);
      if (typeof setup !== 'object') throw new Error(`no setup link: ${setup}`);
      const admin = client();
      const email = 'admin@example.org';
      const password = strongPassword();
      const made = await admin.post('/api/auth/setup', {
        token: setup.link.split('#token=')[1],
        email,
        displayName: 'Admin',
        password,
      });
      expect(made.statusCode, made.body).toBe(201);
      expect((await admin.post('/api/auth/signin', { email, password })).json().stage).toBe(
        'enrol',
      );
      await enrolTotp(admin);
      return admin;
    }

    /**
     * A parent with everything filled in: an invitation sent to their address before they
     * signed up themselves, sign-up and verification, TOTP with recovery codes (one used),
     * two devices, a failed password and a failed code, a live reset link.
     */
    async function makeParent(admin: AccountClient): Promise<Person> {
      const email = 'full.parent@example.org';
      const password = strongPassword();
      const inv = await admin.post('/api/admin/invites', { email, role: 'teacher' });
      expect(inv.statusCode, inv.body).toBe(201);
      const phone = client();
      const up = await phone.post('/api/auth/signup', {
        email,
        displayName: 'Sokha',
        password,
        role: 'parent',
      });
      expect(up.statusCode, up.body).toBe(201);
      const v = await phone.post('/api/auth/verify-email', {
        token: mail.lastToken(email, '/account/verify'),
      });
      expect(v.json().status, v.body).toBe('active');
      expect((await phone.post('/api/auth/signin', { email, password })).json().stage).toBe('full');
      const { secret, codes } = await enrolTotp(phone);
      clock += MIN;
      const laptop = new AccountClient(
        app,
        'Mozilla/5.0 (Windows NT 10.0; Win64; x64) Firefox/120.0',
        `198.51.100.${ip++}`,
      );
      await signInWithCode(laptop, email, password, await totpCode(secret, clock));
      const spare = client();
      await signInWithCode(spare, email, password, codes[0]!);
      expect((await spare.post('/api/auth/signout')).statusCode).toBe(204);
      const wrong = client();
      expect(
        (await wrong.post('/api/auth/signin', { email, password: 'not it at all' })).statusCode,
      ).toBe(401);
      await wrong.post('/api/auth/signin', { email, password });
      expect((await wrong.post('/api/auth/signin/mfa', { code: '000000' })).statusCode).toBe(401);
      expect((await client().post('/api/auth/reset/request', { email })).statusCode).toBe(202);
      clock += MIN;
      return { id: await idOf(phone), email, password, device: phone, role: 'parent' };
    }

    /** A coordinator invited by the admin, who invites a company in turn. */
    async function makeCoordinator(admin: AccountClient): Promise<Person> {
      const email = 'coordinator@example.org';
      const password = strongPassword();
      await admin.post('/api/admin/invites', { email, role: 'coordinator' });
      const c = client();
      const acc = await c.post('/api/auth/invite/accept', {
        token: mail.lastToken(email, '/account/invite'),
        displayName: 'Coordinator',
        password,
      });
      expect(acc.statusCode, acc.body).toBe(201);
      expect((await c.post('/api/auth/signin', { email, password })).json().stage).toBe('enrol');
      const { secret } = await enrolTotp(c);
      clock += MIN;
      const other = client();
      await signInWithCode(other, email, password, await totpCode(secret, clock));
      const inv = await c.post('/api/admin/invites', {
        email: 'company@example.org',
        role: 'company',
      });
      expect(inv.statusCode, inv.body).toBe(201);
      const company = await client().post('/api/auth/invite/accept', {
        token: mail.lastToken('company@example.org', '/account/invite'),
        displayName: 'Company',
        password: strongPassword(),
      });
      expect(company.statusCode, company.body).toBe(201);
      expect((await client().post('/api/auth/reset/request', { email })).statusCode).toBe(202);
      clock += MIN;
      return { id: await idOf(c), email, password, device: c, role: 'coordinator' };
    }

    beforeAll(async () => {
      if (!enabled) return;
      testDb = await dialect.fresh();
      mail = outbox();
      app = await createApp({
        db: testDb.db,
        now: () => clock,
        accounts: { argon2: TEST_ARGON2, mailer: mail.mailer },
      });
      const admin = await makeAdmin();
      people.push(await makeParent(admin), await makeCoordinator(admin));
    });
    afterAll(async () => {
      if (!enabled) return;
      await app.close();
      await testDb.dispose();
    });

    it.skipIf(!enabled)(
      'lists every table and column of a freshly migrated database, and nothing that is not there',
      async () => {
        const fresh = await dialect.fresh();
        try {
          const real = await catalogue(fresh.db);
          const inDb = [...real].flatMap(([t, cols]) => cols.map((c) => `${t}.${c}`));
          const listed = Object.entries(inventory.tables).flatMap(([t, def]) =>
            Object.keys(def.columns).map((c) => `${t}.${c}`),
          );
          expect(inDb.length).toBeGreaterThan(40);
          expect(
            inDb.filter((c) => !listed.includes(c)),
            'columns missing from docs/privacy/data-inventory.yaml',
          ).toEqual([]);
          expect(
            listed.filter((c) => !inDb.includes(c)),
            'columns in docs/privacy/data-inventory.yaml that the database does not have',
          ).toEqual([]);
        } finally {
          await fresh.dispose();
        }
      },
    );

    it.skipIf(!enabled)(
      'exports every field the inventory marks exported, as stored, for each person',
      async () => {
        /** Exported columns seen with a value (not null) for someone: all of them must be. */
        const filled = new Set<string>();
        for (const p of people) {
          // A request at the export's clock first, so the export's own request writes nothing
          // the export reads (a session's last_seen_at is refreshed at most once a minute).
          expect((await p.device.get('/api/account')).statusCode).toBe(200);
          const held = new Map<string, Record<string, unknown>[]>();
          for (const [name, t] of Object.entries(inventory.tables)) {
            if (t.export !== 'none') held.set(name, await rowsAbout(testDb.db, name, t.subject, p));
          }
          const res = await p.device.get('/api/account/export');
          expect(res.statusCode, res.body).toBe(200);
          expect(res.headers['content-disposition']).toMatch(
            /attachment; filename="kite-my-data.json"/,
          );
          const data = res.json() as Record<string, unknown>;
          expect(atPath(data, 'account.id')[0]!.value).toBe(p.id);

          for (const [name, t] of Object.entries(inventory.tables)) {
            if (t.export === 'none') continue;
            const rows = held.get(name)!;
            const out = exportRows(data, t.export);
            const who = `${p.role} ${name} → ${t.export}`;
            expect(rows.length, `${who}: the person has rows here`).toBeGreaterThan(0);
            expect(out.length, `${who}: one exported entry per row about the person`).toBe(
              rows.length,
            );
            for (const [col, c] of Object.entries(t.columns)) {
              const where = `${who}: ${col}`;
              const key = c.exported ? c.export_key : c.named_as;
              if (key === undefined) continue;
              const at = atPath(data, key);
              expect(at.length, `${where} at ${key}`).toBe(
                c.exported && c.export_as === 'link' ? 1 : out.length,
              );
              expect(
                at.every((a) => a.found),
                `${where}: ${key} in every entry`,
              ).toBe(true);
              if (!c.exported) continue;
              if (rows.some((r) => r[col] !== null)) filled.add(`${name}.${col}`);
              if (c.export_as === 'value') {
                const stored = rows.map((r) => comparable(r[col])).sort();
                const shown = at.map((a) => comparable(a.value)).sort();
                expect(shown, `${where}: the stored values`).toEqual(stored);
              } else if (c.export_as === 'link') {
                for (const r of rows) {
                  if (r[col] !== null) expect(r[col], `${where}: links to the person`).toBe(p.id);
                }
              }
            }
          }
          clock += MIN;
        }
        const exported = Object.entries(inventory.tables).flatMap(([name, t]) =>
          Object.entries(t.columns)
            .filter(([, c]) => c.exported)
            .map(([col]) => `${name}.${col}`),
        );
        expect(
          exported.filter((c) => !filled.has(c)),
          'exported columns this test never filled in',
        ).toEqual([]);
      },
    );

    it.skipIf(!enabled)(
      'deletes the account and every row naming the person; the audit log keeps an entry naming nobody',
      async () => {
        const company = await testDb.db.kysely
          .selectFrom('kite_user')
          .select(['id', 'invited_by'])
          .where('email', '=', 'company@example.org')
          .executeTakeFirstOrThrow();
        for (const p of people) {
          const needles = needlesOf(p);
          expect(
            (await cellsNaming(testDb.db, needles)).length,
            `${p.role}: the database names the person before deletion`,
          ).toBeGreaterThan(0);
          const deletedBefore = await testDb.db.kysely
            .selectFrom('kite_audit')
            .selectAll()
            .where('event', '=', 'account.deleted')
            .execute();
          const wrong = await p.device.post('/api/account/delete', { password: 'not my password' });
          expect(wrong.json().error.code).toBe('password_incorrect');
          const res = await p.device.post('/api/account/delete', { password: p.password });
          expect(res.statusCode, res.body).toBe(204);
          expect((await p.device.get('/api/account')).statusCode).toBe(401);
          expect(await cellsNaming(testDb.db, needles), `${p.role}: rows left behind`).toEqual([]);
          const deleted = await testDb.db.kysely
            .selectFrom('kite_audit')
            .selectAll()
            .where('event', '=', 'account.deleted')
            .execute();
          expect(deleted.length).toBe(deletedBefore.length + 1);
          const entry = deleted.find((d) => !deletedBefore.some((b) => b.id === d.id))!;
          expect(entry).toMatchObject({ outcome: 'ok', actor_id: null, subject_id: null });
          expect(JSON.parse(comparable(entry.detail))).toEqual({ role: p.role });
          clock += MIN;
        }
        // The company the coordinator invited keeps its account, no longer linked to them.
        expect(company.invited_by).toBe(people[1]!.id);
        const after = await testDb.db.kysely
          .selectFrom('kite_user')
          .select(['id', 'invited_by'])
          .where('id', '=', company.id)
          .executeTakeFirstOrThrow();
        expect(after.invited_by).toBeNull();
        // The admin's own rows were not touched by the others' deletions.
        expect(
          await testDb.db.kysely
            .selectFrom('kite_user')
            .select('id')
            .where('email', '=', 'admin@example.org')
            .executeTakeFirst(),
        ).toBeDefined();
      },
    );
  });
}
