// The hubs of `npm run drill:hub`, all in this one process: each a school hub's own SQLite file
// and the real uploader (src/server/hubs/uploader.ts) with the real clock, randomness, sleep
// and fetch, uploading through the drill's proxy. Told what to do over IPC by
// bench/drill-hub.ts; reports each hub's catch-up time and counters back.
import { openDb } from '../src/db/connect';
import type { Db } from '../src/db/connect';
import { HubUploader } from '../src/server/hubs/uploader';
import type { UploaderStats } from '../src/server/hubs/uploader';

export interface HubsPlan {
  readonly url: string;
  readonly hubs: readonly { readonly dir: string; readonly id: string; readonly token: string }[];
}

export interface HubResult {
  readonly id: string;
  readonly catchUpMs: number;
  readonly stats: UploaderStats;
}

process.once('message', (plan: HubsPlan) => {
  void run(plan).catch((e: unknown) => {
    console.error(e);
    process.exit(1);
  });
});

async function run(plan: HubsPlan): Promise<void> {
  const dbs: Db[] = [];
  const uploaders: HubUploader[] = [];
  for (const h of plan.hubs) {
    const db = await openDb({ dataDir: h.dir, synchronous: 'full', backgroundCheckpoints: false });
    dbs.push(db);
    uploaders.push(
      new HubUploader({
        db,
        upstream: { url: plan.url, hubId: h.id, token: h.token },
        // Caught up means caught up: the drill ends there.
        idleMs: 3_600_000,
        // Shorter than production's so the drill shows the cut rather than a 5-minute wait.
        backoff: { baseMs: 500, capMs: 10_000 },
        requestTimeoutMs: 30_000,
      }),
    );
  }
  const cpu = process.cpuUsage();
  const started = performance.now();
  process.send!({ started: Date.now() });
  const results = await Promise.all(
    uploaders.map(async (u, i) => {
      const idle = u.whenIdle();
      u.start();
      await idle;
      return { id: plan.hubs[i]!.id, catchUpMs: performance.now() - started, stats: u.stats };
    }),
  );
  await Promise.all(uploaders.map((u) => u.stop()));
  for (const db of dbs) await db.close();
  const used = process.cpuUsage(cpu);
  process.send!({ results, cpuMs: (used.user + used.system) / 1000 }, () => process.exit(0));
}
