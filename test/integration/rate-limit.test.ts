import { createHash } from 'node:crypto';
// Rate-limit counters in the database (SQLite and PostgreSQL): atomic under concurrent hits,
// windows that end, sweeping, and the PDF routes' limit holding across two app instances on one
// database and across a restart.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { shippedContent } from '../helpers/content';
import type { Catalogue } from '../../src/engine';
import { rateLimitCounters } from '../../src/db/rate-limit';
import { dbRateLimitStore } from '../../src/server/http/rate-limit-store';
import { createPdfRenderer } from '../../src/server/pdf/renderer';
import type { PdfRenderer } from '../../src/server/pdf/renderer';
import { DIALECTS } from '../helpers/dialects';
import type { TestDb } from '../helpers/dialects';
import { createTestApp } from '../helpers/test-app';
import type { TestApp } from '../helpers/test-app';

let content: Catalogue;
let renderer: PdfRenderer;

beforeAll(async () => {
  content = (await shippedContent()).catalogue;
  renderer = await createPdfRenderer();
});

for (const dialect of DIALECTS) {
  describe(`${dialect.name}: rate-limit counters`, async () => {
    const enabled = await dialect.available();
    let testDb: TestDb;
    beforeAll(async () => {
      if (enabled) testDb = await dialect.fresh();
    });
    afterAll(async () => {
      if (enabled) await testDb.dispose();
    });

    it.skipIf(!enabled)('counts hits in a window and starts a new one after it', async () => {
      const c = rateLimitCounters(testDb.db);
      const t0 = 1_700_000_000_000;
      expect(await c.hit('w', 1000, t0)).toEqual({ hits: 1, resetAt: t0 + 1000 });
      expect(await c.hit('w', 1000, t0 + 500)).toEqual({ hits: 2, resetAt: t0 + 1000 });
      expect(await c.peek('w', t0 + 600)).toEqual({ hits: 2, resetAt: t0 + 1000 });
      expect(await c.hit('w', 1000, t0 + 1000)).toEqual({ hits: 1, resetAt: t0 + 2000 });
      expect(await c.peek('w', t0 + 2000)).toEqual({ hits: 0, resetAt: t0 + 2000 });
      expect(await c.hit('other', 1000, t0 + 1000)).toEqual({ hits: 1, resetAt: t0 + 2000 });
    });

    it.skipIf(!enabled)(
      'gives concurrent hits distinct counts (one atomic statement)',
      async () => {
        const c = rateLimitCounters(testDb.db);
        const t = 1_800_000_000_000;
        const results = await Promise.all(
          Array.from({ length: 40 }, () => c.hit('race', 60_000, t)),
        );
        expect(results.map((r) => r.hits).sort((a, b) => a - b)).toEqual(
          Array.from({ length: 40 }, (_, i) => i + 1),
        );
      },
    );

    it.skipIf(!enabled)('sweeps only the counters whose window ended', async () => {
      const c = rateLimitCounters(testDb.db);
      const t = 1_900_000_000_000;
      await c.hit('sweep-old', 1000, t);
      await c.hit('sweep-new', 5000, t);
      expect(await c.sweep(t + 1000)).toBeGreaterThanOrEqual(1);
      const left = await testDb.db.kysely
        .selectFrom('kite_rate_limit')
        .select('bucket')
        .where('bucket', 'like', 'sweep-%')
        .execute();
      expect(left.map((r) => r.bucket)).toEqual(['sweep-new']);
    });

    it.skipIf(!enabled)(
      'serves the plugin: route scopes, ttl, and a sweep now and then',
      async () => {
        let now = 2_000_000_000_000;
        const Store = dbRateLimitStore(rateLimitCounters(testDb.db), {
          now: () => now,
          sweepEveryMs: 10_000,
        });
        const root = new Store({});
        const route = root.child({ routeInfo: { method: 'GET', url: '/api/x' } } as never);
        const incr = (store: typeof root, key: string, windowMs: number) =>
          new Promise<{ current: number; ttl: number }>((resolve, reject) =>
            store.incr(key, (e, r) => (e ? reject(e) : resolve(r!)), windowMs, 10),
          );
        expect(await incr(route, '10.0.0.1', 1000)).toEqual({ current: 1, ttl: 1000 });
        now += 400;
        expect(await incr(route, '10.0.0.1', 1000)).toEqual({ current: 2, ttl: 600 });
        expect(await incr(root, '10.0.0.1', 1000)).toEqual({ current: 1, ttl: 1000 });
        // The address is stored only as its SHA-256 (PRIV-07).
        const h = (ip: string) => createHash('sha256').update(ip).digest('base64url');
        const all = () => testDb.db.kysely.selectFrom('kite_rate_limit').select('bucket').execute();
        const rows = async () =>
          (await all()).filter((r) => /^(GET \/api\/x|global)\|/.test(r.bucket));
        expect((await all()).filter((r) => r.bucket.includes('10.0.0.'))).toEqual([]);
        expect((await rows()).map((r) => r.bucket).sort()).toEqual([
          `GET /api/x|${h('10.0.0.1')}`,
          `global|${h('10.0.0.1')}`,
        ]);
        now += 10_000;
        await incr(route, '10.0.0.2', 60_000);
        await expect
          .poll(async () => (await rows()).map((r) => r.bucket))
          .toEqual([`GET /api/x|${h('10.0.0.2')}`]);
      },
    );

    it.skipIf(!enabled)('stores a very long bucket name by its hash', async () => {
      const c = rateLimitCounters(testDb.db);
      const long = 'x'.repeat(500);
      await c.hit(long, 1000, 1);
      expect((await c.hit(long, 1000, 2)).hits).toBe(2);
      expect((await c.hit(`${long}y`, 1000, 2)).hits).toBe(1);
    });
  });

  describe(`${dialect.name}: the PDF limit across app instances and restarts`, async () => {
    const enabled = await dialect.available();
    let testDb: TestDb;
    const apps: TestApp[] = [];
    const start = async () => {
      const t = await createTestApp(testDb, {
        catalogue: content,
        pdfRenderer: renderer,
        pdfRateLimit: { max: 3, timeWindow: '1 minute' },
      });
      apps.push(t);
      return t.app;
    };
    beforeAll(async () => {
      if (enabled) testDb = await dialect.fresh();
    });
    afterAll(async () => {
      if (!enabled) return;
      for (const t of apps) await t.close();
      await testDb.dispose();
    });

    it.skipIf(!enabled)('holds across two instances, then after both restart', async () => {
      const url = '/api/challenges/three-adverts.pdf';
      const a = await start();
      const b = await start();
      expect((await a.inject({ url })).statusCode).toBe(200);
      expect((await b.inject({ url })).statusCode).toBe(200);
      const third = await a.inject({ url });
      expect(third.statusCode).toBe(200);
      expect(third.headers['x-ratelimit-remaining']).toBe('0');
      const refused = await b.inject({ url });
      expect(refused.statusCode).toBe(429);
      expect(refused.json().error.code).toBe('rate_limited');
      expect(Number(refused.headers['retry-after'])).toBeGreaterThan(0);

      // Restart: close both, start a new one on the same database.
      for (const t of apps.splice(0)) await t.close();
      const c = await start();
      expect((await c.inject({ url })).statusCode).toBe(429);
      // Each route keeps its own count, as before.
      expect((await c.inject({ url: '/api/guides/scams-8-10.pdf' })).statusCode).toBe(200);
    });
  });
}
