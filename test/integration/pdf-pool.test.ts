// The PDF routes through the worker pool: the bytes are the ones the main thread would render,
// and a full queue is refused with 503 + Retry-After in the API's error shape. The database
// holds only the rate-limit counters here, so these run on SQLite; the counters' own tests run
// on both dialects (rate-limit.test.ts).
import { mkdirSync, mkdtempSync, readdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { pathToFileURL } from 'node:url';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { shippedContent } from '../helpers/content';
import type { Catalogue } from '../../src/engine';
import { API_SECURITY_HEADERS } from '../../src/server/http/security-headers';
import { createPdfRenderPool, workerEntry } from '../../src/server/pdf/pool';
import type { PdfRenderPool } from '../../src/server/pdf/pool';
import { createPdfRenderer } from '../../src/server/pdf/renderer';
import type { PdfRenderer } from '../../src/server/pdf/renderer';
import { englishWorksheet, khmerWorksheet } from '../../src/server/pdf/samples';
import { freshSqlite } from '../helpers/dialects';
import type { TestDb } from '../helpers/dialects';
import { createTestApp } from '../helpers/test-app';
import type { TestApp } from '../helpers/test-app';

let content: Catalogue;
let inThread: PdfRenderer;
const pools: PdfRenderPool[] = [];
const opened: { t: TestApp; db: TestDb }[] = [];

async function appWith(deps: Parameters<typeof createTestApp>[1]) {
  const db = await freshSqlite();
  const t = await createTestApp(db, {
    catalogue: content,
    pdfRateLimit: { max: 1000, timeWindow: '1 minute' },
    ...deps,
  });
  opened.push({ t, db });
  return t.app;
}

beforeAll(async () => {
  content = (await shippedContent()).catalogue;
  inThread = await createPdfRenderer();
});
afterAll(async () => {
  for (const { t, db } of opened) {
    await t.close();
    await db.dispose();
  }
  for (const pool of pools) await pool.close();
});

describe('PDF worker pool', () => {
  it('renders the same bytes as the main thread, in English and Khmer', async () => {
    const pool = await createPdfRenderPool({ size: 2, maxQueue: 10 });
    pools.push(pool);
    const models = [englishWorksheet(), khmerWorksheet(), englishWorksheet({ largeType: true })];
    const pooled = await Promise.all(models.map((m) => pool.render(m)));
    for (const [i, model] of models.entries()) {
      const expected = await inThread.render(model);
      expect(pooled[i]!.subarray(0, 5).toString('latin1')).toBe('%PDF-');
      expect(pooled[i]!.equals(expected), `model ${i}`).toBe(true);
    }
  });

  it('serves the route through its own pool with the bytes of an in-thread render', async () => {
    const app = await appWith({ pdfPool: { size: 1, maxQueue: 10 } });
    const reference = await appWith({ pdfRenderer: inThread });
    for (const url of [
      '/api/worksheets/sample-prize-message.pdf?answers=1',
      '/api/guides/scams-8-10.pdf?paper=letter',
    ]) {
      const pooled = await app.inject({ url });
      const direct = await reference.inject({ url });
      expect(pooled.statusCode).toBe(200);
      expect(pooled.headers['x-kite-cache']).toBe('miss');
      expect(pooled.rawPayload.equals(direct.rawPayload)).toBe(true);
      // The cache stays in the main thread: asked again, the pool is not involved.
      expect((await app.inject({ url })).headers['x-kite-cache']).toBe('hit');
    }
  });

  it('answers 503 with Retry-After in the error shape when the queue is full', async () => {
    const app = await appWith({ pdfPool: { size: 1, maxQueue: 1 } });
    const ids = [...content.activities.keys()].slice(0, 12);
    const responses = await Promise.all(
      ids.map((id) => app.inject({ url: `/api/worksheets/${id}.pdf` })),
    );
    const ok = responses.filter((r) => r.statusCode === 200);
    const busy = responses.filter((r) => r.statusCode === 503);
    expect(ok.length + busy.length).toBe(ids.length);
    expect(ok.length).toBeGreaterThanOrEqual(1);
    expect(busy.length).toBeGreaterThanOrEqual(1);
    for (const r of ok) expect(r.rawPayload.subarray(0, 5).toString('latin1')).toBe('%PDF-');
    for (const r of busy) {
      expect(r.json()).toEqual({ error: { code: 'server_busy', message: expect.any(String) } });
      expect(r.headers['retry-after']).toMatch(/^[1-9]\d*$/);
      expect(Number(r.headers['retry-after'])).toBeLessThanOrEqual(60);
      // Nothing about a refused render may be cached as the document.
      expect(r.headers.etag).toBeUndefined();
      expect(r.headers['cache-control'] ?? '').not.toContain('max-age=3600');
      // The refusal is a JSON answer of the API, not the document.
      for (const [name, value] of Object.entries(API_SECURITY_HEADERS)) {
        expect(r.headers[name], name).toBe(value);
      }
      expect(r.headers['permissions-policy']).toBeUndefined();
    }
    // Once the queue drains, the documents refused are served.
    const refused = ids.filter((_, i) => responses[i]!.statusCode === 503);
    for (const id of refused) {
      expect((await app.inject({ url: `/api/worksheets/${id}.pdf` })).statusCode).toBe(200);
    }
  });

  it.runIf(process.platform === 'linux')(
    'runs its workers at a lower CPU priority than the main thread',
    async () => {
      /** The nice value of each thread of this process (field 19 of /proc/…/stat). */
      const niceness = () =>
        readdirSync('/proc/self/task').map((tid) => {
          const stat = readFileSync(`/proc/self/task/${tid}/stat`, 'utf8');
          return { tid, nice: Number(stat.slice(stat.lastIndexOf(')') + 2).split(' ')[16]) };
        });
      const before = new Set(niceness().map((t) => t.tid));
      const pool = await createPdfRenderPool({ size: 1, maxQueue: 4 });
      pools.push(pool);
      await pool.render(englishWorksheet());
      const added = niceness().filter((t) => !before.has(t.tid));
      expect(added.some((t) => t.nice === 10)).toBe(true);
      expect(niceness().find((t) => t.tid === String(process.pid))?.nice).toBe(0);
    },
  );

  it('stops its worker threads on close', async () => {
    const pool = await createPdfRenderPool({ size: 2, maxQueue: 4 });
    await pool.render(englishWorksheet());
    expect(pool.threads).toBe(2);
    await pool.close();
    expect(pool.threads).toBe(0);
    await expect(pool.render(englishWorksheet())).rejects.toThrow();
  });
});

describe('the worker entry file', () => {
  const dir = mkdtempSync(join(tmpdir(), 'kite-worker-entry-'));
  afterAll(() => rmSync(dir, { recursive: true, force: true }));
  const base = (sub: string) => pathToFileURL(join(dir, sub, 'pool.js')).href;

  it('is the compiled render-worker.js beside the module when there is one', () => {
    mkdirSync(join(dir, 'built'));
    writeFileSync(join(dir, 'built', 'render-worker.js'), '');
    writeFileSync(join(dir, 'built', 'render-worker-source.mjs'), '');
    expect(workerEntry(base('built'))).toBe(join(dir, 'built', 'render-worker.js'));
  });

  it('is the TypeScript shim when running from the sources', () => {
    expect(workerEntry()).toMatch(/src\/server\/pdf\/render-worker-source\.mjs$/);
  });

  it('says which file is missing when there is neither', () => {
    mkdirSync(join(dir, 'empty'));
    expect(() => workerEntry(base('empty'))).toThrow(/render-worker\.js\) is missing beside/);
  });
});
