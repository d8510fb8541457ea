import { mkdirSync, mkdtempSync, rmSync, statSync, writeFileSync } from 'node:fs';
import { connect } from 'node:net';
import type { Socket } from 'node:net';
import { tmpdir } from 'node:os';
import { dirname, join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { shippedContent } from '../helpers/content';
import { contentBundles } from '../../src/content/bundle';
import type { Catalogue } from '../../src/engine';
import { openDb } from '../../src/db/connect';
import type { Db } from '../../src/db/connect';
import { migrateToLatest } from '../../src/db/migrate';
import { createApp } from '../../src/server/app';
import {
  API_SECURITY_HEADERS,
  DENIED_FEATURES,
  SECURITY_HEADERS,
} from '../../src/server/http/security-headers';
import { DIALECTS } from '../helpers/dialects';
import type { TestDb } from '../helpers/dialects';
import { createTestApp } from '../helpers/test-app';
import type { TestApp } from '../helpers/test-app';
import { portOf, rawExchange, rawRequest } from '../helpers/raw-http';

let content: Catalogue;
beforeAll(async () => {
  content = (await shippedContent()).catalogue;
});

for (const dialect of DIALECTS) {
  describe(`${dialect.name}: hardening`, async () => {
    const enabled = await dialect.available();
    let testDb: TestDb;
    const apps: TestApp[] = [];
    const make = async (deps: Parameters<typeof createTestApp>[1] = {}) => {
      const t = await createTestApp(testDb, deps);
      apps.push(t);
      return t;
    };

    beforeAll(async () => {
      if (enabled) testDb = await dialect.fresh();
    });
    afterAll(async () => {
      if (!enabled) return;
      for (const t of apps) await t.close();
      await testDb.dispose();
    });

    it.skipIf(!enabled)(
      'keeps no API answer in a cache; PDFs keep their ETag caching',
      async () => {
        const t = await make({ catalogue: content });
        for (const [method, url, status] of [
          ['GET', '/api/health', 200],
          ['GET', '/api/ready', 200],
          ['GET', '/api/openapi.json', 200],
          ['GET', '/api/nowhere', 404],
          ['DELETE', '/api/health', 405],
          ['GET', '/api/health?x=1', 400],
          ['GET', '/api/worksheets/no-such.pdf', 404],
        ] as const) {
          const res = await t.app.inject({ method, url });
          expect(res.statusCode, url).toBe(status);
          expect(res.headers['cache-control'], `${method} ${url}`).toBe('no-store');
        }
        const pdf = await t.app.inject({ url: '/api/challenges/three-adverts.pdf' });
        expect(pdf.statusCode).toBe(200);
        expect(pdf.headers['cache-control']).toBe('public, max-age=3600');
        expect(pdf.headers.etag).toBeTruthy();
      },
    );

    it.skipIf(!enabled)('denies every powerful feature and isolates the origin', async () => {
      const t = await make({ catalogue: content });
      // A document the browser shows (a printed worksheet); the web app's pages get the same
      // set (test/e2e/home.test.ts).
      const res = await t.app.inject({ url: '/api/challenges/three-adverts.pdf' });
      expect(res.statusCode).toBe(200);
      for (const [name, value] of Object.entries(SECURITY_HEADERS)) {
        expect(res.headers[name], name).toBe(value);
      }
      const policy = String(res.headers['permissions-policy']);
      const denied = policy.split(', ');
      for (const feature of [
        'camera',
        'microphone',
        'geolocation',
        'payment',
        'usb',
        'serial',
        'bluetooth',
        'hid',
        'midi',
        'display-capture',
        'screen-wake-lock',
        'xr-spatial-tracking',
        'accelerometer',
        'gyroscope',
        'magnetometer',
        'ambient-light-sensor',
        'encrypted-media',
        'picture-in-picture',
        'publickey-credentials-get',
        'idle-detection',
        'interest-cohort',
        'browsing-topics',
      ]) {
        expect(denied, feature).toContain(`${feature}=()`);
      }
      expect(denied).toHaveLength(DENIED_FEATURES.length);
      expect(policy).not.toMatch(/=\((?!\))/); // nothing is allowed to anyone
      expect(res.headers['cross-origin-opener-policy']).toBe('same-origin');
      expect(res.headers['cross-origin-resource-policy']).toBe('same-origin');
    });

    it.skipIf(!enabled)(
      'gives an API answer a policy under which nothing loads, runs or frames it',
      async () => {
        const t = await make();
        for (const url of ['/api/health', '/api/client-config', '/api/nowhere']) {
          const res = await t.app.inject({ url });
          expect(res.headers['content-security-policy'], url).toBe(
            "default-src 'none'; frame-ancestors 'none'",
          );
          expect(res.headers['x-content-type-options'], url).toBe('nosniff');
          expect(res.headers['cross-origin-resource-policy'], url).toBe('same-origin');
          expect(res.headers['referrer-policy'], url).toBe('no-referrer');
          // Only documents have features to deny or openers to cut off.
          expect(res.headers['permissions-policy'], url).toBeUndefined();
          expect(res.headers['cross-origin-opener-policy'], url).toBeUndefined();
        }
      },
    );

    it.skipIf(!enabled)('sends HSTS only when the public URL is https', async () => {
      const none = await make();
      const http = await make({ publicUrl: 'http://school.lan:3000' });
      const https = await make({ publicUrl: 'https://kite.example.org' });
      for (const t of [none, http]) {
        const res = await t.app.inject({ url: '/api/health' });
        expect(res.headers['strict-transport-security']).toBeUndefined();
      }
      for (const url of ['/api/health', '/api/nowhere']) {
        const res = await https.app.inject({ url });
        expect(res.headers['strict-transport-security']).toBe('max-age=31536000');
        for (const [name, value] of Object.entries(API_SECURITY_HEADERS)) {
          expect(res.headers[name]).toBe(value);
        }
      }
    });

    it.skipIf(!enabled)(
      'follows X-Forwarded-For only from the proxies it is told to trust',
      async () => {
        // The PDF rate limit counts per client address (request.ip): one request each.
        const limit = { max: 1, timeWindow: '1 minute' };
        const url = '/api/challenges/three-adverts.pdf';
        const from = (t: TestApp, remoteAddress: string, xff: string) =>
          t.app.inject({ url, remoteAddress, headers: { 'x-forwarded-for': xff } });

        // Off (the default): every child behind the school's proxy is one address.
        const off = await make({ catalogue: content, pdfRateLimit: limit });
        expect((await from(off, '10.0.0.1', '203.0.113.1')).statusCode).toBe(200);
        expect((await from(off, '10.0.0.1', '203.0.113.2')).statusCode).toBe(429);

        // Trusting the proxy's address: each client is itself. (Addresses differ between the
        // apps, so the test holds whether the counters are per app or shared in the database.)
        const listed = await make({
          catalogue: content,
          pdfRateLimit: limit,
          trustProxy: ['10.0.0.0/8'],
        });
        expect((await from(listed, '10.0.0.2', '203.0.113.11')).statusCode).toBe(200);
        expect((await from(listed, '10.0.0.2', '203.0.113.12')).statusCode).toBe(200);
        expect((await from(listed, '10.0.0.2', '203.0.113.12')).statusCode).toBe(429);
        // A client that is not the proxy cannot choose its address.
        expect((await from(listed, '198.51.100.7', '203.0.113.13')).statusCode).toBe(200);
        expect((await from(listed, '198.51.100.7', '203.0.113.14')).statusCode).toBe(429);

        // One hop: the address the proxy saw, not what the client wrote before it.
        const hops = await make({ catalogue: content, pdfRateLimit: limit, trustProxy: 1 });
        expect((await from(hops, '10.0.0.3', '1.1.1.1, 203.0.113.21')).statusCode).toBe(200);
        expect((await from(hops, '10.0.0.3', '2.2.2.2, 203.0.113.21')).statusCode).toBe(429);
        expect((await from(hops, '10.0.0.3', '203.0.113.22')).statusCode).toBe(200);
      },
    );

    it.skipIf(!enabled)('answers readiness from a result at most a second old', async () => {
      let now = 1_000_000;
      let pings = 0;
      const other = await dialect.fresh();
      const counted: Db = {
        ...other.db,
        ping: () => {
          pings += 1;
          return other.db.ping();
        },
      };
      const app = await createApp({ db: counted, now: () => now });
      const ready = () => app.inject({ url: '/api/ready' });
      // A flood of concurrent probes costs one query.
      const flood = await Promise.all(Array.from({ length: 50 }, ready));
      expect(flood.every((r) => r.statusCode === 200)).toBe(true);
      expect(pings).toBe(1);
      now += 1000;
      expect((await ready()).statusCode).toBe(200);
      expect(pings).toBe(1);
      // The database goes away: for up to a second the last answer stands, then it is asked.
      await other.db.close();
      expect((await ready()).statusCode).toBe(200);
      now += 1;
      const down = await ready();
      expect(down.statusCode).toBe(503);
      expect(down.json().error.code).toBe('database_unavailable');
      expect(pings).toBe(2);
      now += 500;
      expect((await ready()).statusCode).toBe(503);
      expect(pings).toBe(2);
      await app.close();
      await other.dispose().catch(() => {});
    });

    it.skipIf(!enabled)('masks credentials in log lines', async () => {
      const t = await make();
      const pw = 'Pw-5b1e0c77';
      const url = `postgres://kite:${pw}@db.internal:5432/kite`;
      t.app.log.error({ err: new Error(`cannot reach ${url}`), databaseUrl: url }, `bad ${url}`);
      t.app.log.warn({ detail: { password: pw } }, `host=db password=${pw}`);
      const text = t.logs.join('\n');
      expect(text).toContain('postgres://kite:***@db.internal:5432/kite');
      expect(text).not.toContain(pw);
    });
  });
}

describe('socket timeouts and the connection cap', () => {
  let testDb: TestDb;
  let app: Awaited<ReturnType<typeof createApp>>;
  let port: number;
  beforeAll(async () => {
    testDb = await DIALECTS[0]!.fresh();
    app = await createApp({
      db: testDb.db,
      limits: {
        headersTimeoutMs: 300,
        requestTimeoutMs: 600,
        keepAliveTimeoutMs: 300,
        maxConnections: 3,
      },
    });
    await app.listen({ port: 0, host: '127.0.0.1' });
    port = portOf(app);
  });
  afterAll(async () => {
    await app.close();
    await testDb.dispose();
  });

  it('closes a socket whose headers never finish, with 408', async () => {
    const res = await rawExchange(
      port,
      (s) => s.write('GET /api/health HTTP/1.1\r\nHost: kite\r\nX-Slow: '),
      5000,
    );
    expect(res.closed).toBe(true);
    expect(res.status).toBe(408);
    expect(JSON.parse(res.body).error.code).toBe('request_timeout');
    expect(res.ms).toBeLessThan(3000);
  });

  it('closes a socket whose body never finishes', async () => {
    const res = await rawExchange(
      port,
      (s) => {
        s.write(
          'POST /api/health HTTP/1.1\r\nHost: kite\r\nContent-Type: application/json\r\nContent-Length: 100\r\n\r\n{"a":',
        );
        // A trickle that would keep an idle-timeout alive forever.
        const drip = setInterval(() => (s.writable ? s.write(' ') : clearInterval(drip)), 100);
        s.on('close', () => clearInterval(drip));
      },
      5000,
    );
    expect(res.closed).toBe(true);
    expect(res.ms).toBeLessThan(3000);
    expect(res.status).toBe(408);
    expect(JSON.parse(res.body).error.code).toBe('request_timeout');
    expect(res.ms).toBeGreaterThanOrEqual(500);
  });

  it('closes an idle keep-alive connection', async () => {
    const res = await rawRequest(port, 'GET /api/health HTTP/1.1\r\nHost: kite\r\n\r\n', 5000);
    expect(res.status).toBe(200);
    expect(res.closed).toBe(true);
    expect(res.ms).toBeLessThan(3000);
    // Node adds a second of grace to the keep-alive timeout.
    expect(res.ms).toBeGreaterThanOrEqual(250);
  });

  it('refuses connections over the cap', async () => {
    const open = (): Promise<Socket> =>
      new Promise((resolve) => {
        const s = connect(port, '127.0.0.1', () => resolve(s));
        s.on('error', () => {});
      });
    // Three connections that send a request slowly hold the three places.
    const held = await Promise.all([open(), open(), open()]);
    for (const s of held) s.write('GET /api/health HTTP/1.1\r\n');
    await new Promise((r) => setTimeout(r, 50));
    const extra = await rawRequest(
      port,
      'GET /api/health HTTP/1.1\r\nHost: kite\r\nConnection: close\r\n\r\n',
      2000,
    );
    expect(extra.closed).toBe(true);
    expect(extra.status).toBeUndefined();
    for (const s of held) s.destroy();
    await new Promise((r) => setTimeout(r, 50));
    const after = await rawRequest(
      port,
      'GET /api/health HTTP/1.1\r\nHost: kite\r\nConnection: close\r\n\r\n',
      2000,
    );
    expect(after.status).toBe(200);
  });
});

describe('SQLite files are private to the server user', () => {
  const root = mkdtempSync(join(tmpdir(), 'kite-modes-'));
  afterAll(() => rmSync(root, { recursive: true, force: true }));

  it('creates the data folder 0700 and the database, WAL and shm files 0600', async () => {
    const dataDir = join(root, 'new', 'data');
    const db = await openDb({ dataDir });
    await migrateToLatest(db);
    const mode = (p: string) => statSync(p).mode & 0o777;
    expect(mode(dataDir).toString(8)).toBe('700');
    for (const f of ['kite.sqlite', 'kite.sqlite-wal', 'kite.sqlite-shm']) {
      expect(mode(join(dataDir, f)).toString(8), f).toBe('600');
    }
    await db.close();
  });
});

describe('disabled topics on the served content bundles', () => {
  const webDir = mkdtempSync(join(tmpdir(), 'kite-web-'));
  let testDb: TestDb;
  let app: Awaited<ReturnType<typeof createApp>>;
  beforeAll(async () => {
    writeFileSync(join(webDir, 'index.html'), '<!doctype html><title>Kite</title>');
    for (const f of contentBundles(content, 'test')) {
      if (!('json' in f)) continue;
      const file = join(webDir, 'content', f.path);
      mkdirSync(dirname(file), { recursive: true });
      writeFileSync(file, JSON.stringify(f.json));
    }
    testDb = await DIALECTS[0]!.fresh();
    app = await createApp({ db: testDb.db, webDir, disabledTopics: ['scams'] });
  });
  afterAll(async () => {
    await app?.close();
    await testDb?.dispose();
    rmSync(webDir, { recursive: true, force: true });
  });

  it('leaves the topic out of the index and band bundles', async () => {
    const res = await app.inject({ url: '/content/en/index.json' });
    expect(res.statusCode).toBe(200);
    expect(res.headers['content-type']).toBe('application/json; charset=utf-8');
    const index = res.json() as Record<string, { id: string; topic?: string }[]>;
    const listed = ['activities', 'guides', 'challenges'].flatMap((k) => index[k]!);
    expect(listed.length).toBeGreaterThan(0);
    expect(listed.filter((i) => i.topic === 'scams')).toEqual([]);
    expect(index.topics!.map((t) => t.id)).not.toContain('scams');
    expect(index.topics!.length).toBe(content.topics.size - 1);
    // …and names what it left out, so a page can say "not offered here".
    const withheld = (index as unknown as { notOffered: string[] }).notOffered;
    expect(withheld).toContain('sample-prize-message');
    expect(withheld.length).toBe(
      [
        ...content.activities.values(),
        ...content.guides.values(),
        ...content.challenges.values(),
      ].filter((i) => i.topic === 'scams').length,
    );
    const band = content.activities.get('sample-prize-message' as never)!.band;
    const bundle = (await app.inject({ url: `/content/en/bands/${band}.json` })).json() as {
      activities: { topic: string }[];
    };
    expect(bundle.activities.some((a) => a.topic === 'scams')).toBe(false);
    // The quick checks' item banks of the topic are left out too (docs/measurement.md).
    const measures = (await app.inject({ url: `/content/en/measurement/${band}.json` })).json() as {
      banks: { topic: string }[];
    };
    expect(measures.banks.length).toBe(content.topics.size - 1);
    expect(measures.banks.some((b) => b.topic === 'scams')).toBe(false);
    const again = await app.inject({
      url: '/content/en/index.json',
      headers: { 'if-none-match': res.headers.etag as string },
    });
    expect(again.statusCode).toBe(304);
  });

  it('answers an activity of the topic with 404 not_offered, and serves the others', async () => {
    const off = await app.inject({ url: '/content/en/activities/sample-prize-message.json' });
    expect(off.statusCode).toBe(404);
    expect(off.json().error.code).toBe('not_offered');
    const other = [...content.activities.values()].find((a) => a.topic !== 'scams')!;
    const on = await app.inject({ url: `/content/en/activities/${other.id}.json` });
    expect(on.statusCode).toBe(200);
    expect(on.json().id).toBe(other.id);
  });
});

describe('shutting down', () => {
  it('answers requests still arriving on an open connection with 503 in the one shape', async () => {
    const testDb = await DIALECTS[0]!.fresh();
    const app = await createApp({ db: testDb.db });
    await app.listen({ port: 0, host: '127.0.0.1' });
    const wait = (ms: number) => new Promise((r) => setTimeout(r, ms));
    let closing: Promise<void> | undefined;
    const res = await rawExchange(portOf(app), (s) => {
      // A request in flight (its body still arriving) keeps the connection open while the
      // server starts closing; a second request follows it on the same connection.
      s.write('GET /api/health HTTP/1.1\r\nHost: kite\r\nContent-Length: 5\r\n\r\nab');
      void wait(100).then(async () => {
        closing = app.close();
        await wait(50);
        s.write('cde');
        await wait(100);
        s.write('GET /api/health?x=1 HTTP/1.1\r\nHost: kite\r\n\r\n');
      });
    });
    await closing;
    await testDb.dispose();
    const second = res.raw.slice(res.raw.indexOf('{"status":"ok"}') + 15);
    expect(res.raw.startsWith('HTTP/1.1 200 OK')).toBe(true);
    expect(second.startsWith('HTTP/1.1 503 ')).toBe(true);
    expect(second).toContain('connection: close');
    for (const [name, value] of Object.entries(API_SECURITY_HEADERS)) {
      expect(second).toContain(`${name}: ${value}`);
    }
    expect(second.slice(second.indexOf('\r\n\r\n') + 4)).toBe(
      JSON.stringify({
        error: { code: 'shutting_down', message: 'The server is shutting down; try again shortly' },
      }),
    );
  });
});
