// The national set-up on one machine, shared by `npm run drill:failover` and
// `npm run bench:ingest -- --via nginx`: a PostgreSQL primary with a synchronous standby
// (pg-pair.ts), the schema migrated and a class of signed-in children made, N compiled Kite
// processes whose DATABASE_URL lists both nodes (the app finds the primary,
// src/db/primary-pool.ts) and whose read replica is the standby, and nginx in front of them
// (nginx.ts). `stop()` undoes all of it, also after a failed start.
import type { ChildProcess } from 'node:child_process';
import { createServer } from 'node:net';
import { openDb } from '../../src/db/connect';
import { migrateToLatest } from '../../src/db/migrate';
// @ts-expect-error: a plain .mjs script without type declarations
import { buildServerIfStale } from '../../scripts/server-build.mjs';
import type { BenchDevice } from '../ingest-batches';
import { serverCpu, startServer, stopServer } from '../server-process';
import { classDevices } from './class-devices';
import { ensureNginx, startNginx } from './nginx';
import type { NginxProxy } from './nginx';
import { createPgPair, pgPairUnavailable } from './pg-pair';
import type { PgPair } from './pg-pair';

export interface RigApp {
  readonly port: number;
  readonly child: ChildProcess;
  /** The app's log lines about the primary (src/server/main.ts), as they came. */
  readonly primaryLog: { at: number; primary: string | undefined }[];
}

/** Collects an app's `database:` log lines (pino JSON on its stdout). */
function watchPrimaryLog(child: ChildProcess, into: RigApp['primaryLog']): void {
  let rest = '';
  child.stdout!.on('data', (d: Buffer) => {
    const lines = (rest + d.toString()).split('\n');
    rest = lines.pop() ?? '';
    for (const line of lines) {
      if (!line.includes('"msg":"database:')) continue;
      try {
        const entry = JSON.parse(line) as { primary?: string };
        into.push({ at: performance.now(), primary: entry.primary });
      } catch {
        // not a log line
      }
    }
  });
}

export interface NationalRig {
  readonly pair: PgPair;
  readonly apps: readonly RigApp[];
  readonly nginx: NginxProxy;
  readonly devices: BenchDevice[];
  /** The apps' CPU time so far (user + system, µs), summed over those still running. */
  cpu(): Promise<number>;
  /** Stops nginx and every app still running, and drops the clusters. */
  stop(): Promise<void>;
}

export interface NationalRigOptions {
  readonly apps: number;
  readonly learners: number;
  /** Extra environment of every app (e.g. KITE_DRAIN_MS). */
  readonly env?: Record<string, string>;
  readonly log: (line: string) => void;
}

/** A free TCP port of 127.0.0.1 (the kernel's choice). */
export function freePort(): Promise<number> {
  return new Promise((resolve, reject) => {
    const s = createServer();
    s.once('error', reject);
    s.listen(0, '127.0.0.1', () => {
      const port = (s.address() as { port: number }).port;
      s.close(() => resolve(port));
    });
  });
}

/** Why the rig cannot run here, or undefined when it can. */
export function nationalRigUnavailable(): string | undefined {
  return pgPairUnavailable();
}

/** Builds the rig; on failure everything started so far is stopped before the error is thrown. */
export async function startNationalRig(o: NationalRigOptions): Promise<NationalRig> {
  ensureNginx(o.log);
  await (buildServerIfStale as (x: { quiet: boolean }) => Promise<boolean>)({ quiet: true });
  const apps: RigApp[] = [];
  let nginx: NginxProxy | undefined;
  const pair = await createPgPair({ log: o.log });
  const stop = async () => {
    await nginx?.stop().catch(() => {});
    await Promise.all(
      apps.map(async (a) => {
        if (a.child.exitCode !== null || a.child.signalCode !== null) return;
        const timer = setTimeout(() => a.child.kill('SIGKILL'), 12_000);
        await stopServer(a.child).catch(() => {});
        clearTimeout(timer);
      }),
    );
    pair.drop();
  };
  try {
    const db = await openDb({ databaseUrl: pair.databaseUrl, createDatabase: false });
    let devices: BenchDevice[];
    try {
      await migrateToLatest(db);
      o.log(`migrated; making a class of ${o.learners} signed-in children`);
      devices = await classDevices(db, o.learners, o.log);
    } finally {
      await db.close();
    }
    for (let i = 0; i < o.apps; i++) {
      const port = await freePort();
      const child = await startServer({
        env: {
          DATABASE_URL: pair.databaseUrl,
          DATABASE_READ_URL: pair.standbyUrl,
          NODE_ENV: 'production',
          KITE_LOG_LEVEL: 'warn',
          KITE_TRUST_PROXY: '1',
          KITE_WEB_DIR: 'no-such-dir',
          PORT: String(port),
          ...o.env,
        },
      });
      const primaryLog: RigApp['primaryLog'] = [];
      watchPrimaryLog(child, primaryLog);
      apps.push({ port, child, primaryLog });
    }
    o.log(`${o.apps} Kite processes on ports ${apps.map((a) => a.port).join(', ')}`);
    nginx = await startNginx(
      await freePort(),
      apps.map((a) => a.port),
    );
    o.log(`nginx on ${nginx.origin} in front of them`);
    const proxy = nginx;
    return {
      pair,
      apps,
      nginx: proxy,
      devices,
      async cpu() {
        const live = apps.filter((a) => a.child.exitCode === null && a.child.signalCode === null);
        const each = await Promise.all(live.map((a) => serverCpu(a.child)));
        return each.reduce((s, n) => s + n, 0);
      },
      stop,
    };
  } catch (e) {
    await stop();
    throw e;
  }
}
