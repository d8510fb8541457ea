// The compiled server started as a school hub with a national server (KITE_MODE=hub,
// KITE_UPSTREAM_URL, KITE_HUB_ID, KITE_HUB_TOKEN): it uploads its events from the start, logs
// that it caught up, and stops cleanly on SIGTERM with its acknowledgement recorded.
import { mkdtempSync, rmSync } from 'node:fs';
import type { AddressInfo } from 'node:net';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { openDb } from '../../src/db/connect';
import { migrateToLatest } from '../../src/db/migrate';
import { addHub } from '../../src/server/hubs/provisioning';
import { freshSqlite } from '../helpers/dialects';
import type { TestDb } from '../helpers/dialects';
import { seedHubEvents, seedRoster } from '../helpers/hub-fixtures';
import { startKite } from '../helpers/kite-process';
import { createTestApp } from '../helpers/test-app';
import type { TestApp } from '../helpers/test-app';
import { freePort } from '../helpers/free-port';

const ROSTER = { schoolId: 'dune', learners: ['dune-1', 'dune-2'] };

describe('a hub process with a national server', () => {
  let server: TestDb;
  let serverApp: TestApp;
  let hubDir: string;
  let ids: string[];

  beforeAll(async () => {
    const now = Date.now();
    server = await freshSqlite();
    await seedRoster(server.db, ROSTER, now);
    serverApp = await createTestApp(server);
    await serverApp.app.listen({ port: 0, host: '127.0.0.1' });
    hubDir = mkdtempSync(join(tmpdir(), 'kite-hub-process-'));
    const hubDb = await openDb({ dataDir: hubDir });
    await migrateToLatest(hubDb);
    await seedRoster(hubDb, ROSTER, now);
    ids = await seedHubEvents(hubDb, ROSTER.learners, 600, now);
    await hubDb.close();
  });
  afterAll(async () => {
    rmSync(hubDir, { recursive: true, force: true });
    await serverApp.close();
    await server.dispose();
  });

  it(
    'uploads every event once from the start and stops cleanly',
    { timeout: 120_000 },
    async () => {
      const { id, token } = await addHub(server.db, 'dune', Date.now());
      const { port } = serverApp.app.server.address() as AddressInfo;
      const hubPort = await freePort();
      const hub = await startKite(
        {
          KITE_DATA_DIR: hubDir,
          KITE_MODE: 'hub',
          KITE_LOG_LEVEL: 'info',
          KITE_UPSTREAM_URL: `http://127.0.0.1:${port}`,
          KITE_HUB_ID: id,
          KITE_HUB_TOKEN: token,
        },
        hubPort,
      );
      const stored = async () =>
        (await server.db.kysely.selectFrom('kite_learner_event').select('id').execute()).map(
          (r) => r.id,
        );
      for (let i = 0; i < 200 && (await stored()).length < ids.length; i++)
        await new Promise((r) => setTimeout(r, 100));
      for (let i = 0; i < 50 && !hub.output().includes('hub upload caught up'); i++)
        await new Promise((r) => setTimeout(r, 100));
      await hub.stop();
      expect(hub.child.exitCode).toBe(0);
      const logs = hub.output();
      expect([...(await stored())].sort()).toEqual([...ids].sort());
      expect(logs).toContain('this hub uploads to its national server');
      expect(logs).toContain('hub upload caught up');
      expect(logs).not.toContain(token);
      const hubDb = await openDb({ dataDir: hubDir });
      try {
        const state = await hubDb.kysely
          .selectFrom('kite_hub_upstream')
          .selectAll()
          .executeTakeFirstOrThrow();
        expect(state).toMatchObject({
          hub_id: id,
          acked: ids.length,
          backlog: 0,
          last_error: null,
        });
      } finally {
        await hubDb.close();
      }
    },
  );
});
