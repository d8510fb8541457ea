// Crash safety of sync (PATH-4): the real server as a process, children's devices sending
// batches continuously, the server killed with SIGKILL mid-ingest and started again on the same
// database. Every event acknowledged before the kill must be stored; sending everything again
// must store nothing twice.
import { randomUUID } from 'node:crypto';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { shippedContent } from '../helpers/content';
import type { Activity, Catalogue, EventId, ProgressEvent } from '../../src/engine';
import { TEST_ARGON2 } from '../../src/server/accounts/passwords';
import { createApp } from '../../src/server/app';
import { outbox } from '../helpers/account-client';
import { setUpClass } from '../helpers/class-fixture';
import type { SignedChild } from '../helpers/class-fixture';
import { DIALECTS } from '../helpers/dialects';
import type { TestDb } from '../helpers/dialects';
import { startKite } from '../helpers/kite-process';
import { compiledBuildBeforeAll } from '../helpers/compiled-server';
import type { KiteProcess } from '../helpers/kite-process';
import { playThrough } from '../helpers/play-events';
import { freePort } from '../helpers/free-port';

const LEARNERS = 4;
const BATCH = 10;
/** Answers with acks to wait for before the kill (sent with the next batch on its way). */
const ACKED_BEFORE_KILL = 40;

let catalogue: Catalogue;
compiledBuildBeforeAll();
beforeAll(async () => {
  catalogue = (await shippedContent()).catalogue;
});

/** `count` batches of a learner's real events (activities played again with new ids). */
function batches(child: SignedChild, device: string, activities: Activity[], count: number) {
  const seq = { next: 1 };
  const events: ProgressEvent[] = [];
  for (let i = 0; events.length < count * BATCH; i++) {
    const activity = activities[i % activities.length]!;
    const at = Date.UTC(2026, 11, 4) + i * 600_000;
    for (const e of playThrough(activity, { learner: child.id, device, seq, at })) {
      events.push({ ...e, id: randomUUID() as EventId });
    }
  }
  return Array.from({ length: count }, (_, i) => events.slice(i * BATCH, (i + 1) * BATCH));
}

async function send(origin: string, token: string, device: string, events: ProgressEvent[]) {
  const res = await fetch(`${origin}/api/child/sync`, {
    method: 'POST',
    headers: { 'content-type': 'application/json', authorization: `Bearer ${token}` },
    body: JSON.stringify({ device, epoch: 1, since: null, events }),
  });
  return { status: res.status, body: (await res.json()) as { acked?: string[] } };
}

for (const dialect of DIALECTS) {
  describe(`${dialect.name}: sync survives a SIGKILL mid-ingest`, async () => {
    const enabled = await dialect.available();
    let testDb: TestDb;
    let children: SignedChild[] = [];
    let server: KiteProcess | undefined;

    beforeAll(async () => {
      if (!enabled) return;
      testDb = await dialect.fresh();
      const clock = { now: Date.now() };
      const mail = outbox();
      const app = await createApp({
        db: testDb.db,
        now: () => clock.now,
        catalogue,
        accounts: { argon2: TEST_ARGON2, mailer: mail.mailer, now: () => clock.now },
      });
      try {
        children = (await setUpClass(app, mail, clock, LEARNERS, '8-10')).children;
      } finally {
        await app.close();
      }
    });
    afterAll(async () => {
      if (!enabled) return;
      await server?.kill();
      await testDb.dispose();
    });

    const stored = async () =>
      (
        await testDb.db.kysely
          .selectFrom('kite_learner_event')
          .select(['id', 'learner_id'])
          .execute()
      ).map((r) => r.id);

    it.skipIf(!enabled)(
      'keeps every acknowledged event, and stores none twice when all is sent again',
      async () => {
        const activities = [...catalogue.activities.values()]
          .filter((a) => a.band === '8-10' && !a.sensitive)
          .slice(0, 4);
        const plan = children.map((c, i) => ({
          child: c,
          device: `crash-${i}`,
          batches: batches(c, `crash-${i}`, activities, 60),
        }));
        const port = await freePort();
        server = await startKite(testDb.env, port);
        const acked = new Set<string>();
        const sent: ProgressEvent[][] = [];
        let answers = 0;
        let killed: Promise<void> | undefined;
        const origin = server.origin;
        // Each device sends its batches one after the other until the server goes away.
        await Promise.all(
          plan.map(async ({ child, device, batches: own }) => {
            for (const batch of own) {
              if (killed) return;
              sent.push(batch);
              const answer = send(origin, child.token, device, batch);
              // Killed as this batch leaves, while the other devices' batches are on their way,
              // so the kill always cuts a batch off. (Killed on the 40th answer instead, on a
              // loaded machine the other devices' batches were sometimes all answered first.)
              if (answers >= ACKED_BEFORE_KILL && !killed) killed = server!.kill();
              let res;
              try {
                res = await answer;
              } catch {
                return; // the connection died with the server
              }
              expect(res.status).toBe(200);
              for (const id of res.body.acked!) acked.add(id);
              ++answers;
            }
          }),
        );
        await killed;
        expect(answers).toBeGreaterThanOrEqual(ACKED_BEFORE_KILL);
        // Batches were still being sent when it died: some had no answer.
        expect(sent.length).toBeGreaterThan(answers);

        server = await startKite(testDb.env, port);
        const afterRestart = new Set(await stored());
        const lost = [...acked].filter((id) => !afterRestart.has(id));
        expect(lost).toEqual([]);

        // Every batch sent again, to the restarted server: acknowledged in full, stored once.
        const byDevice = new Map(plan.map((p) => [p.device, p.child]));
        for (const batch of sent) {
          const device = batch[0]!.device;
          const res = await send(server.origin, byDevice.get(device)!.token, device, batch);
          expect(res.status).toBe(200);
          expect(res.body.acked!.sort()).toEqual(batch.map((e) => e.id).sort());
        }
        const ids = await stored();
        const distinctSent = new Set(sent.flat().map((e) => e.id));
        expect(ids.length).toBe(distinctSent.size);
        expect(new Set(ids)).toEqual(distinctSent);
      },
      60_000,
    );
  });
}
