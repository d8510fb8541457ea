import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { Validator } from '@seriousme/openapi-schema-validator';
import { sql } from 'kysely';
import { DIALECTS } from '../helpers/dialects';
import type { TestDb } from '../helpers/dialects';
import { createTestApp } from '../helpers/test-app';
import type { TestApp } from '../helpers/test-app';
import { migrateToLatest } from '../../src/db/migrate';
import { API_SECURITY_HEADERS, SECURITY_HEADERS } from '../../src/server/http/security-headers';

for (const dialect of DIALECTS) {
  describe(`${dialect.name}: foundation`, async () => {
    const enabled = await dialect.available();
    let testDb: TestDb;
    let t: TestApp;

    beforeAll(async () => {
      if (!enabled) return;
      testDb = await dialect.fresh();
      t = await createTestApp(testDb);
    });
    afterAll(async () => {
      if (!enabled) return;
      await t.close();
      await testDb.dispose();
    });

    it.skipIf(!enabled)('answers liveness and readiness', async () => {
      const health = await t.app.inject({ method: 'GET', url: '/api/health' });
      expect(health.statusCode).toBe(200);
      expect(health.json()).toEqual({ status: 'ok' });
      const ready = await t.app.inject({ method: 'GET', url: '/api/ready' });
      expect(ready.statusCode).toBe(200);
      expect(ready.json()).toEqual({
        status: 'ready',
        database: dialect.name,
        // PostgreSQL: the event log's months, three ahead, nothing in the default partition.
        ...(dialect.name === 'postgres'
          ? { events: { monthsAhead: 3, defaultPartition: 0, alert: false } }
          : {}),
      });
    });

    it.skipIf(!enabled)('has migrated: the meta table takes a row', async () => {
      const k = testDb.db.kysely;
      await k.insertInto('kite_meta').values({ key: 'installed', value: 'yes' }).execute();
      const row = await k
        .selectFrom('kite_meta')
        .selectAll()
        .where('key', '=', 'installed')
        .executeTakeFirstOrThrow();
      expect(row.value).toBe('yes');
      expect(row.updated_at).toBeTruthy();
    });

    it.skipIf(!enabled)('migrating again changes nothing', async () => {
      expect(await migrateToLatest(testDb.db)).toEqual([]);
    });

    it.skipIf(!enabled)(
      'serves a valid OpenAPI 3.1 document that declares security everywhere',
      async () => {
        const res = await t.app.inject({ method: 'GET', url: '/api/openapi.json' });
        expect(res.statusCode).toBe(200);
        const doc = res.json();
        expect(doc.openapi).toBe('3.1.0');
        const result = await new Validator().validate(doc);
        expect(result.errors ?? []).toEqual([]);
        expect(result.valid).toBe(true);
        const ops = Object.entries(
          doc.paths as Record<string, Record<string, { security?: unknown }>>,
        ).flatMap(([path, item]) => Object.entries(item).map(([m, op]) => ({ path, m, op })));
        expect(ops.map((o) => `${o.m} ${o.path}`)).toEqual(
          expect.arrayContaining(['get /api/health', 'get /api/ready']),
        );
        for (const { path, m, op } of ops) {
          expect(op.security, `${m} ${path} declares its security`).toBeDefined();
        }
      },
    );

    it.skipIf(!enabled)(
      'puts the security headers on every response, errors included',
      async () => {
        for (const url of ['/api/health', '/api/nowhere', '/api/openapi.json']) {
          const res = await t.app.inject({ method: 'GET', url });
          for (const [name, value] of Object.entries(API_SECURITY_HEADERS)) {
            expect(res.headers[name], `${name} on ${url}`).toBe(value);
          }
        }
        // A printed document, shown by the browser, carries a document's headers
        // (test/integration/hardening.test.ts); so do the web app's pages (test/e2e/home.test.ts).
        const csp = SECURITY_HEADERS['content-security-policy'];
        expect(csp).toContain("default-src 'self'");
        expect(csp).not.toContain('unsafe-inline');
        expect(csp).not.toContain('upgrade-insecure-requests');
        expect(csp).not.toMatch(/https:/);
        expect(SECURITY_HEADERS['permissions-policy']).toContain('geolocation=()');
      },
    );

    it.skipIf(!enabled)('gives one error shape with stable codes, never a stack', async () => {
      const missing = await t.app.inject({ method: 'GET', url: '/api/nowhere?x=1' });
      expect(missing.statusCode).toBe(404);
      expect(missing.json()).toEqual({
        error: { code: 'not_found', message: 'No route for GET /api/nowhere' },
      });
      const badJson = await t.app.inject({
        method: 'POST',
        url: '/api/health',
        headers: { 'content-type': 'application/json' },
        payload: '{nope',
      });
      expect(badJson.statusCode).toBeGreaterThanOrEqual(400);
      expect(badJson.statusCode).toBeLessThan(500);
      expect(badJson.json().error.code).toMatch(/^[a-z_]+$/);
      expect(badJson.body).not.toMatch(/at .*\.ts:\d+/);
    });

    it.skipIf(!enabled)('limits request bodies', async () => {
      const small = await createTestApp(testDb, { bodyLimit: 1024 });
      const res = await small.app.inject({
        method: 'POST',
        url: '/api/health',
        headers: { 'content-type': 'application/json' },
        payload: JSON.stringify({ big: 'x'.repeat(4096) }),
      });
      expect(res.statusCode).toBe(413);
      expect(res.json().error.code).toBe('payload_too_large');
      await small.close();
    });

    it.skipIf(!enabled)(
      'logs without bodies, cookies, query strings or addresses, and not health checks',
      async () => {
        const before = t.logs.length;
        await t.app.inject({ method: 'GET', url: '/api/health' });
        await t.app.inject({ method: 'GET', url: '/api/ready' });
        expect(t.logs.slice(before)).toEqual([]);
        await t.app.inject({
          method: 'POST',
          url: '/api/nowhere?email=child%40example.org',
          headers: { cookie: 'kite_session=SECRETCOOKIE', 'content-type': 'application/json' },
          payload: JSON.stringify({ name: 'SECRETNAME' }),
          remoteAddress: '10.9.8.7',
        });
        const lines = t.logs.slice(before);
        expect(lines.length).toBeGreaterThan(0);
        const text = lines.join('\n');
        for (const secret of ['child', 'SECRETCOOKIE', 'SECRETNAME', '10.9.8.7', 'email']) {
          expect(text).not.toContain(secret);
        }
        const line = JSON.parse(lines.at(-1)!);
        expect(line).toMatchObject({ method: 'POST', path: '/api/nowhere', status: 404 });
      },
    );

    it.skipIf(!enabled)('says not ready when the database is gone', async () => {
      const other = await dialect.fresh();
      const app = await createTestApp(other);
      await other.db.close();
      const res = await app.app.inject({ method: 'GET', url: '/api/ready' });
      expect(res.statusCode).toBe(503);
      expect(res.json().error.code).toBe('database_unavailable');
      await app.close();
      await other.dispose().catch(() => {});
    });

    it.skipIf(!enabled)('uses a fresh database for this run', async () => {
      // Installation secrets (secret:*) are made by the app at start; other rows come from tests.
      const r = await sql<{
        n: number;
      }>`select count(*) as n from kite_meta where key not like 'secret:%'`.execute(
        testDb.db.kysely,
      );
      expect(Number(r.rows[0]?.n)).toBeLessThanOrEqual(1);
    });
  });
}
