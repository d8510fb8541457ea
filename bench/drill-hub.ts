// npm run drill:hub [-- --db postgres|sqlite] [--hubs 50] [--events 26000] [--uploads 4]
// School hubs coming back after a week offline (issue #18, docs/deploy.md "A school hub"): each
// hub's SQLite file is seeded with about 26,000 back-dated events of its school's learners (the
// learners exist on the national server too, in the hub's school), then every hub uploads at
// once through a TCP proxy to the compiled national server (build/server/main.js, PostgreSQL by
// default). Once a share of the events is in (--cut-at, 0.4), the proxy is cut for --cut-ms
// (3000): every connection dropped mid-upload, new ones refused. Then it checks, hub by hub,
// that the server holds exactly the hub's events (same ids, none twice), that no hub re-sent
// more than one chunk, and prints the catch-up times (per hub p50 and max, and all) and the
// events per second. Three processes: this one (seeding, the proxy, the checks), the server,
// and one process running all the hubs' uploaders (bench/drill-hub-hubs.ts).
import { fork } from 'node:child_process';
import type { ChildProcess } from 'node:child_process';
import { mkdirSync, mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { openDb } from '../src/db/connect';
import { migrateToLatest } from '../src/db/migrate';
import { refreshStatistics } from '../src/db/bulk-insert';
import { addHub } from '../src/server/hubs/provisioning';
import { cutProxy } from '../test/helpers/cut-proxy';
import { freshPostgres, freshSqlite } from '../test/helpers/dialects';
import { seedHubEvents, seedRoster } from '../test/helpers/hub-fixtures';
// @ts-expect-error: a plain .mjs script without type declarations
import { buildServerIfStale } from '../scripts/server-build.mjs';
import { serverCpu, startServer, stopServer } from './server-process';
import type { HubResult, HubsPlan } from './drill-hub-hubs';

const out = (line: string) => process.stdout.write(`${line}\n`);
const argv = process.argv.slice(2);
function option(name: string, fallback: string): string {
  const at = argv.indexOf(`--${name}`);
  return at >= 0 && argv[at + 1] !== undefined ? argv[at + 1]! : fallback;
}
function whole(name: string, fallback: number, min: number, max: number): number {
  const v = Number(option(name, String(fallback)));
  if (!Number.isInteger(v) || v < min || v > max) {
    console.error(`--${name} takes a whole number from ${min} to ${max}`);
    process.exit(2);
  }
  return v;
}
const dbName = option('db', 'postgres');
if (dbName !== 'postgres' && dbName !== 'sqlite') {
  console.error('--db takes postgres or sqlite');
  process.exit(2);
}
const HUBS = whole('hubs', 50, 1, 500);
const EVENTS = whole('events', 26_000, 1, 1_000_000);
const UPLOADS = whole('uploads', 4, 1, 1000);
const CUT_MS = whole('cut-ms', 3000, 0, 600_000);
const CUT_AT = Number(option('cut-at', '0.4'));
const LEARNERS = 26;
const PER_LEARNER = Math.ceil(EVENTS / LEARNERS);
const PORT = 3297;
const NOW = Date.now();

const percentile = (sorted: number[], p: number) =>
  sorted[Math.min(sorted.length - 1, Math.floor(p * sorted.length))]!;
const seconds = (ms: number) => `${(ms / 1000).toFixed(1)} s`;

await (buildServerIfStale as (o: { quiet: boolean }) => Promise<boolean>)({ quiet: true });
const server = dbName === 'postgres' ? await freshPostgres() : await freshSqlite();
const work = mkdtempSync(join(tmpdir(), 'kite-drill-hub-'));
const hubs: { dir: string; id: string; token: string; school: string; learners: string[] }[] = [];
let serverProcess: ChildProcess | undefined;
let hubsProcess: ChildProcess | undefined;
const proxy = await cutProxy({ host: '127.0.0.1', port: PORT });

try {
  // Seeding: the rosters on the server, the rosters and a week of events on each hub.
  let t = performance.now();
  for (let h = 0; h < HUBS; h++) {
    const school = `drill-s${h + 1}`;
    const learners = Array.from({ length: LEARNERS }, (_, i) => `drill-s${h + 1}-l${i + 1}`);
    await seedRoster(server.db, { schoolId: school, learners }, NOW);
    const { id, token } = await addHub(server.db, school, NOW);
    const dir = join(work, `hub-${h + 1}`);
    mkdirSync(dir);
    const db = await openDb({ dataDir: dir, backgroundCheckpoints: false });
    await migrateToLatest(db);
    await seedRoster(db, { schoolId: school, learners }, NOW);
    await seedHubEvents(db, learners, PER_LEARNER, NOW, 7);
    await db.close();
    hubs.push({ dir, id, token, school, learners });
  }
  await refreshStatistics(server.db);
  const total = HUBS * LEARNERS * PER_LEARNER;
  out(
    `drill:hub  ${HUBS} hubs × ${LEARNERS * PER_LEARNER} events (${total} in all), server on ${dbName}, KITE_HUB_UPLOADS=${UPLOADS}; seeded in ${seconds(performance.now() - t)}`,
  );

  serverProcess = await startServer({
    env: {
      ...server.env,
      NODE_ENV: 'production',
      KITE_LOG_LEVEL: 'warn',
      PORT: String(PORT),
      KITE_HUB_UPLOADS: String(UPLOADS),
    },
  });

  // Every hub uploads at once; the proxy is cut once a share of the events is in.
  hubsProcess = fork('bench/drill-hub-hubs.ts', [], {
    execArgv: ['--import', 'tsx'],
    stdio: ['ignore', 'inherit', 'inherit', 'ipc'],
  });
  const plan: HubsPlan = {
    url: proxy.url,
    hubs: hubs.map(({ dir, id, token }) => ({ dir, id, token })),
  };
  let hubsCpuMs = 0;
  const done = new Promise<HubResult[]>((resolve, reject) => {
    hubsProcess!.on('message', (m: { results?: HubResult[]; cpuMs?: number }) => {
      if (!m.results) return;
      hubsCpuMs = m.cpuMs ?? 0;
      resolve(m.results);
    });
    hubsProcess!.on('exit', (code) => code !== 0 && reject(new Error(`the hubs exited (${code})`)));
  });
  const cpuBefore = await serverCpu(serverProcess);
  const started = new Promise<void>((resolve) =>
    hubsProcess!.on('message', (m: { started?: number }) => m.started && resolve()),
  );
  hubsProcess.send(plan);
  // Times count from when the hubs' uploaders start (their process loaded and files open).
  await started;
  t = performance.now();
  let finished = false;
  void done.finally(() => (finished = true)).catch(() => {});
  const uploaded = async () =>
    Number(
      (
        await server.db.kysely
          .selectFrom('kite_hub')
          .select((eb) => eb.fn.sum<string>('high_water').as('n'))
          .executeTakeFirstOrThrow()
      ).n ?? 0,
    );
  let cutInfo = 'no cut (the hubs were done first)';
  while (!finished) {
    const n = await uploaded();
    if (n >= CUT_AT * total) {
      const at = performance.now() - t;
      proxy.cut();
      const dropped = proxy.counts.destroyed;
      await new Promise((r) => setTimeout(r, CUT_MS));
      proxy.restore();
      cutInfo = `cut at ${seconds(at)} with ${n} events in (${((100 * n) / total).toFixed(0)}%), ${dropped} sockets dropped, down ${seconds(CUT_MS)}`;
      break;
    }
    await new Promise((r) => setTimeout(r, 100));
  }
  const results = await done;
  const cpuMs = ((await serverCpu(serverProcess)) - cpuBefore) / 1000;

  // Checks: per hub, the server holds exactly the hub's event ids, none twice.
  let lost = 0;
  let extra = 0;
  for (const h of hubs) {
    const db = await openDb({ dataDir: h.dir, backgroundCheckpoints: false });
    const local = (await db.kysely.selectFrom('kite_learner_event').select('id').execute()).map(
      (r) => r.id,
    );
    await db.close();
    const stored = (
      await server.db.kysely
        .selectFrom('kite_learner_event')
        .select('id')
        .where('learner_id', 'in', h.learners)
        .execute()
    ).map((r) => r.id);
    const set = new Set(stored);
    if (set.size !== stored.length) extra += stored.length - set.size;
    for (const id of local) if (!set.has(id)) lost++;
    extra += set.size - local.filter((id) => set.has(id)).length;
  }
  const dup = await server.db.kysely
    .selectFrom('kite_learner_event')
    .select((eb) => [
      eb.fn.countAll<string>().as('all'),
      eb.fn.count<string>('id').distinct().as('ids'),
    ])
    .executeTakeFirstOrThrow();

  const times = results.map((r) => r.catchUpMs).sort((a, b) => a - b);
  const allMs = times[times.length - 1]!;
  const sum = (k: keyof HubResult['stats']) => results.reduce((a, r) => a + r.stats[k], 0);
  const resentMax = Math.max(...results.map((r) => r.stats.chunksResent));
  out(`  ${cutInfo}`);
  out(
    `  catch-up per hub: p50 ${seconds(percentile(times, 0.5))}, max ${seconds(times[times.length - 1]!)}; all hubs ${seconds(allMs)}; ${Math.round(total / (allMs / 1000))} events/s; the server's CPU ${seconds(cpuMs)} (${((1000 * cpuMs) / total).toFixed(0)} µs per event), the hubs' process ${seconds(hubsCpuMs)}`,
  );
  out(
    `  chunks acknowledged ${sum('chunksAcked')}, posts ${sum('chunksSent')}, chunks re-sent after a try with no answer ${sum('chunksResent')} (at most ${resentMax} per hub), events the server already had ${sum('eventsKnown')}, failures ${sum('failures')} (429: ${sum('busy')})`,
  );
  out(
    `  server: ${dup.all} events, ${dup.ids} distinct ids; hub events missing on the server ${lost}, extra or duplicate ${extra}`,
  );
  const ok =
    lost === 0 &&
    extra === 0 &&
    Number(dup.all) === total &&
    Number(dup.ids) === total &&
    resentMax <= 1;
  out(ok ? '  PASS: no loss, no duplicate, at most one chunk re-sent per hub' : '  FAIL');
  process.exitCode = ok ? 0 : 1;
} finally {
  hubsProcess?.kill();
  if (serverProcess) await stopServer(serverProcess);
  await proxy.close();
  await server.dispose();
  rmSync(work, { recursive: true, force: true });
}
