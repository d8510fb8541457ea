// A real school hub app (SQLite, KITE_MODE=hub's synchronous=FULL) uploading to a real national
// server app, both listening on loopback, through a proxy that cuts the link (issue #18,
// SCALE-02..05/10/11): the hub catches up with no loss and no duplicate; a cut at the moment
// the server's answer comes back (the chunk stored, the hub never told) re-sends exactly that
// one chunk; a 429 is waited out; nothing is deleted on the hub.
import type { AddressInfo } from 'node:net';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { openDb } from '../../src/db/connect';
import type { Db } from '../../src/db/connect';
import { migrateToLatest } from '../../src/db/migrate';
import { addHub } from '../../src/server/hubs/provisioning';
import { classesContext } from '../../src/server/classes/context';
import { eraseLearner } from '../../src/server/classes/sync';
import { freshSqlite } from '../helpers/dialects';
import type { TestDb } from '../helpers/dialects';
import { cutProxy } from '../helpers/cut-proxy';
import type { CutProxy } from '../helpers/cut-proxy';
import { seedHubEvents, seedRoster } from '../helpers/hub-fixtures';
import { createTestApp } from '../helpers/test-app';
import type { TestApp } from '../helpers/test-app';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';

const T0 = Date.UTC(2027, 0, 18, 7, 0, 0);
const ROSTER = { schoolId: 'river', learners: ['river-1', 'river-2', 'river-3', 'river-4'] };
/** 4 learners × 300 events: 1,200 events, 12 chunks of 100. */
const PER_LEARNER = 300;
const CHUNK = 100;

describe('a hub app uploading to a server app through a link that is cut', () => {
  let server: TestDb;
  let serverApp: TestApp;
  let hubDir: string;
  let hubDb: Db;
  let hubApp: TestApp | undefined;
  let proxy: CutProxy;
  let hubIds: string[];
  let credential: { id: string; token: string };
  const sleeps: number[] = [];

  beforeAll(async () => {
    server = await freshSqlite();
    await seedRoster(server.db, ROSTER, T0);
    credential = await addHub(server.db, 'river', T0);
    // One upload at a time on the server: a second hub's upload would hear 429.
    serverApp = await createTestApp(server, { hubUploads: 1 });
    await serverApp.app.listen({ port: 0, host: '127.0.0.1' });
    const { port } = serverApp.app.server.address() as AddressInfo;
    proxy = await cutProxy({ host: '127.0.0.1', port });

    hubDir = mkdtempSync(join(tmpdir(), 'kite-hub-'));
    hubDb = await openDb({ dataDir: hubDir, synchronous: 'full' });
    await migrateToLatest(hubDb);
    await seedRoster(hubDb, ROSTER, T0);
    hubIds = await seedHubEvents(hubDb, ROSTER.learners, PER_LEARNER, T0);
  });
  afterAll(async () => {
    await hubApp?.close();
    await hubDb.close();
    rmSync(hubDir, { recursive: true, force: true });
    await proxy.close();
    await serverApp.close();
    await server.dispose();
  });

  const serverIds = async () =>
    (await server.db.kysely.selectFrom('kite_learner_event').select('id').execute()).map(
      (r) => r.id,
    );

  it('catches up with no loss or duplicate; a cut as the answer comes back re-sends that one chunk', async () => {
    let draws = 0;
    hubApp = await createTestApp(
      { db: hubDb, connectAgain: async () => hubDb, env: {}, dispose: async () => {} },
      {
        hubUpload: {
          upstream: { url: proxy.url, hubId: credential.id, token: credential.token },
          chunkSize: CHUNK,
          idleMs: 60_000,
          backoff: { baseMs: 50, capMs: 200 },
          // Jitter drawn from a known sequence, and every wait recorded (then kept short).
          random: () => [0.5, 0.25, 0.75][draws++ % 3]!,
          sleep: (ms, signal) => {
            sleeps.push(ms);
            return new Promise((r) => {
              // Backoffs kept short; the idle wait (60 s) is waited until the app closes.
              const t = setTimeout(r, ms >= 60_000 ? ms : Math.min(ms, 100));
              signal.addEventListener('abort', () => (clearTimeout(t), r()), { once: true });
            });
          },
        },
      },
    );
    const uploader = hubApp.app.hubUploader!;
    // The fourth answer (chunk 4, stored by the server) never reaches the hub.
    const cutDone = proxy.cutOnAnswer(4);
    const caughtUp = uploader.whenIdle();
    await cutDone;
    expect(proxy.counts.destroyed).toBeGreaterThan(0);
    setTimeout(() => proxy.restore(), 150);
    await caughtUp;

    const ids = await serverIds();
    expect(ids.length).toBe(hubIds.length);
    expect(new Set(ids).size).toBe(ids.length);
    expect([...ids].sort()).toEqual([...hubIds].sort());
    // Exactly the chunk whose answer was lost was sent twice, and the server knew all of it.
    expect(uploader.stats).toMatchObject({
      chunksAcked: 12,
      chunksResent: 1,
      eventsStored: 1200 - CHUNK,
      eventsKnown: CHUNK,
      eventsDropped: 0,
    });
    // Each try while the link was down counts as a post of that same chunk.
    expect(uploader.stats.chunksSent).toBeGreaterThanOrEqual(13);
    expect(uploader.stats.failures).toBeGreaterThanOrEqual(1);
    // The first failure waited by full jitter: half of the first ceiling (50 ms).
    expect(sleeps[0]).toBe(25);

    // The hub records the acknowledgement; the server holds the same mark; nothing was deleted.
    const status = await uploader.status();
    const last = await hubDb.kysely
      .selectFrom('kite_learner_event')
      .select((eb) => eb.fn.max('n').as('n'))
      .executeTakeFirstOrThrow();
    expect(status).toMatchObject({ acked: Number(last.n), backlog: 0, lastError: null });
    const hub = await server.db.kysely
      .selectFrom('kite_hub')
      .select(['high_water', 'backlog'])
      .executeTakeFirstOrThrow();
    expect(Number(hub.high_water)).toBe(Number(last.n));
    expect(Number(hub.backlog)).toBe(0);
    const kept = await hubDb.kysely.selectFrom('kite_learner_event').select('id').execute();
    expect(kept.length).toBe(hubIds.length);
    expect(hubApp.logs.some((l) => l.includes('hub upload caught up'))).toBe(true);
    expect(hubApp.logs.some((l) => l.includes('hub upload failed'))).toBe(true);
    // The credential never reaches the hub's log.
    expect(hubApp.logs.join('\n')).not.toContain(credential.token);
  });

  it('waits out a 429 for at least its Retry-After, then uploads what came since', async () => {
    const uploader = hubApp!.app.hubUploader!;
    // The server's one upload slot is taken by a request that never finishes its body.
    const { port } = serverApp.app.server.address() as AddressInfo;
    const { request } = await import('node:http');
    const blocker = request({
      host: '127.0.0.1',
      port,
      method: 'POST',
      path: '/api/hubs/upload',
      headers: {
        authorization: `Bearer ${credential.token}`,
        'content-type': 'application/json',
        'content-length': 100,
      },
    });
    blocker.on('error', () => {});
    blocker.write('{');
    await new Promise((r) => setTimeout(r, 100));
    const more = await seedHubEvents(hubDb, ['river-1'], 5, T0 + 3_600_000, 0);
    const before = { busy: uploader.stats.busy, sleeps: sleeps.length };
    // It uploaded a moment ago: the longest of the queue's waits (src/server/hubs/queue.ts).
    await expect(uploader.syncOnce()).rejects.toThrow(/busy \(429, Retry-After 4 s\)/);
    blocker.destroy();
    await new Promise((r) => setTimeout(r, 50));
    expect(await uploader.syncOnce()).toBe('sent');
    expect(await uploader.syncOnce()).toBe('idle');
    const ids = new Set(await serverIds());
    for (const id of more) expect(ids.has(id)).toBe(true);
    expect(ids.size).toBe(hubIds.length + more.length);
    // syncOnce itself does not wait; the background loop does, Retry-After at least.
    expect(before.busy).toBe(uploader.stats.busy);
    expect((await uploader.status()).lastError).toBeNull();
  });

  it('tells the server of a learner a teacher erased on the hub, and the server erases them too', async () => {
    const uploader = hubApp!.app.hubUploader!;
    const ofRiver4 = () =>
      server.db.kysely
        .selectFrom('kite_learner_event')
        .select('id')
        .where('learner_id', '=', 'river-4')
        .execute();
    expect((await ofRiver4()).length).toBe(PER_LEARNER);
    await eraseLearner(classesContext(hubDb, { now: () => T0, pictures: [] }), 'river-4');
    // A chunk of the erasure alone (no new event), then nothing left to send.
    expect(await uploader.syncOnce()).toBe('sent');
    expect(await uploader.syncOnce()).toBe('idle');
    expect(await ofRiver4()).toEqual([]);
    const tomb = await server.db.kysely
      .selectFrom('kite_learner_tombstone')
      .select('learner_id')
      .execute();
    expect(tomb.map((r) => r.learner_id)).toEqual(['river-4']);
    const state = await hubDb.kysely
      .selectFrom('kite_hub_upstream')
      .select(['erasures_acked_at', 'last_error'])
      .executeTakeFirstOrThrow();
    expect(state.erasures_acked_at).not.toBeNull();
    expect(state.last_error).toBeNull();
  });
});
