// npm run bench:ingest [-- --db sqlite|postgres] [--via direct|nginx] [--mode server|hub] [--small]
//   [--events both|catch-up|answers]
// Children's devices sending progress: POST /api/child/sync on the compiled server
// (build/server/main.js, NODE_ENV=production, log level warn), 100 connections for 20 s
// (BENCH_SECONDS), each request a new batch of real engine events of one learner with the right
// epoch and `since`. Two workloads (ingest-batches.ts WORKLOADS), one run each, one after the
// other on the same server (`--events` picks one): catch-up, batches of 10–30 events (a device
// back from a day offline), then answers, batches of 1–3 (a device online, which syncs about
// 2 s after an answer: the request of the goal's source, performance.md G7). Each is measured
// against the goals. The class (a teacher with TOTP, N children each signed in once)
// is made through the HTTP API of an in-memory app on the same database before the server
// starts; only the sync route is measured. Prints req/s, events/s, p50/p99 latency, non-2xx
// answers and the server's CPU µs per event (its cpuUsage through bench/cpu-probe.mjs) with the
// goals of SPEC §4 (PATH-4), then checks that the database holds exactly the events the server
// acknowledged (batches still in flight when the run stops are sent again first: sync is
// idempotent, so they are acknowledged once they are stored). On PostgreSQL it also prints the
// database's CPU per request (every `postgres` process on this machine, bench/postgres-cpu.ts).
// --via nginx: the national set-up instead (bench/rig/national.ts, as `npm run drill:failover`):
// a PostgreSQL primary with a synchronous standby (two clusters made with pg_createcluster; root
// only), three server processes whose DATABASE_URL lists both nodes, nginx in front; the CPU
// per event is the sum of the three processes'; nginx's own CPU is not in it, and PostgreSQL's
// (both clusters') is printed apart.
// --mode hub: the server as a school hub runs it (KITE_MODE=hub: SQLite syncs each commit to the
// disk before answering, docs/deploy.md); SQLite only.
// --small: a small school server: 40 learners, the server on one core (taskset -c 0) with
// --max-old-space-size=512.
import autocannon from 'autocannon';
import { freshPostgres, freshSqlite } from '../test/helpers/dialects';
// @ts-expect-error: a plain .mjs script without type declarations
import { buildServerIfStale } from '../scripts/server-build.mjs';
import { nextBatch, WORKLOADS } from './ingest-batches';
import type { BenchDevice, Workload } from './ingest-batches';
import { classDevices } from './rig/class-devices';
import { serverCpu, startServer, stopServer } from './server-process';
import { nationalRigUnavailable, startNationalRig } from './rig/national';
import { openDb } from '../src/db/connect';
import { postgresCpu } from './postgres-cpu';
import type { Db } from '../src/db/connect';

const out = (line: string) => process.stdout.write(`${line}\n`);
const argv = process.argv.slice(2);
const option = (name: string, allowed: string[]): string => {
  const at = argv.indexOf(`--${name}`);
  const value = at >= 0 ? argv[at + 1] : allowed[0];
  if (!value || !allowed.includes(value)) {
    console.error(`--${name} takes one of ${allowed.join(', ')}`);
    process.exit(2);
  }
  return value;
};
const via = option('via', ['direct', 'nginx']);
// --via nginx is the national set-up, on PostgreSQL: there it is the default.
const dbName = option('db', via === 'nginx' ? ['postgres', 'sqlite'] : ['sqlite', 'postgres']);
const mode = option('mode', ['server', 'hub']);
if (mode === 'hub' && dbName !== 'sqlite') {
  console.error('--mode hub runs on SQLite only (a school hub has no PostgreSQL)');
  process.exit(2);
}
const small = argv.includes('--small');
const events = option('events', ['both', ...Object.keys(WORKLOADS)]);
/** The workloads to run, in WORKLOADS' order (catch-up first). */
const workloads = Object.entries(WORKLOADS).filter(([w]) => events === 'both' || events === w);
/** `--profile`: the server writes a V8 CPU profile (node --cpu-prof) into this folder. */
const profileDir = argv.includes('--profile') ? 'bench/profiles' : undefined;

if (via === 'nginx' && (dbName !== 'postgres' || mode !== 'server' || small)) {
  console.error(
    '--via nginx runs three processes on PostgreSQL (not with --db sqlite, --mode hub or --small)',
  );
  process.exit(2);
}
if (via === 'nginx' && nationalRigUnavailable()) {
  out(`bench:ingest --via nginx: not available here (${nationalRigUnavailable()})`);
  process.exit(0);
}

const SECONDS = Number(process.env.BENCH_SECONDS ?? 20);
const WARM_UP_SECONDS = 3;
const CONNECTIONS = 100;
const LEARNERS = small ? 40 : 200;
const PORT = 3296;
const APPS = 3;
/** bench:ingest --via nginx: events per second through the proxy on this machine (issue #18). */
const NGINX_EVENTS_GOAL = 5000;
const goal = small
  ? { reqPerSec: 0, p99: 200 }
  : dbName === 'sqlite'
    ? { reqPerSec: 2000, p99: 50 }
    : { reqPerSec: 1000, p99: 100 };

/** Where the load goes and what it measures: one server, or nginx in front of three. */
interface Target {
  readonly origin: string;
  readonly devices: BenchDevice[];
  /** The server processes' CPU time so far (µs). */
  cpu(): Promise<number>;
  storedEvents(): Promise<number>;
  stop(): Promise<void>;
}

async function storedIn(db: Db): Promise<number> {
  const row = await db.kysely
    .selectFrom('kite_learner_event')
    .select((eb) => eb.fn.countAll<number | string>().as('n'))
    .executeTakeFirstOrThrow();
  return Number(row.n);
}

/** One server process on a fresh database (SQLite or the default PostgreSQL). */
async function directTarget(): Promise<Target> {
  await (buildServerIfStale as (o: { quiet: boolean }) => Promise<boolean>)({ quiet: true });
  const testDb = dbName === 'sqlite' ? await freshSqlite() : await freshPostgres();
  try {
    const devices = await classDevices(testDb.db, LEARNERS, out);
    const server = await startServer({
      env: {
        ...testDb.env,
        NODE_ENV: 'production',
        KITE_LOG_LEVEL: 'warn',
        PORT: String(PORT),
        KITE_MODE: mode,
      },
      nodeFlags: [
        ...(small ? ['--max-old-space-size=512'] : []),
        ...(profileDir ? ['--cpu-prof', `--cpu-prof-dir=${profileDir}`] : []),
      ],
      ...(small ? { core: 0 } : {}),
    });
    return {
      origin: `http://127.0.0.1:${PORT}`,
      devices,
      cpu: () => serverCpu(server),
      storedEvents: () => storedIn(testDb.db),
      stop: async () => {
        await stopServer(server);
        if (profileDir)
          out(`  CPU profile of the server in ${profileDir}/ (open in Chrome DevTools)`);
        await testDb.dispose();
      },
    };
  } catch (e) {
    await testDb.dispose();
    throw e;
  }
}

/** nginx in front of three processes on a primary with a synchronous standby. */
async function nginxTarget(): Promise<Target> {
  const rig = await startNationalRig({ apps: APPS, learners: LEARNERS, log: out });
  let db: Db | undefined;
  return {
    origin: rig.nginx.origin,
    devices: rig.devices,
    cpu: () => rig.cpu(),
    storedEvents: async () => {
      db ??= await openDb({ databaseUrl: rig.pair.databaseUrl, createDatabase: false });
      return storedIn(db);
    },
    stop: async () => {
      await db?.close();
      await rig.stop();
    },
  };
}

const target = via === 'nginx' ? await nginxTarget() : await directTarget();

/** What the load generator saw: acknowledged events, and batches sent but not answered. */
interface Tally {
  acked: number;
  wrongAcks: number;
  readonly inFlight: Map<string, { device: BenchDevice; body: string; ids: string[] }>;
}

/** One autocannon run: each request the next batch of a device not already waiting. */
function drive(devices: BenchDevice[], seconds: number, tally: Tally, workload: Workload) {
  const free = [...devices];
  let spare = 0;
  let n = 0;
  return autocannon({
    url: target.origin,
    connections: CONNECTIONS,
    duration: seconds,
    requests: [
      {
        method: 'POST',
        path: '/api/child/sync',
        setupRequest: (req) => {
          // A device whose answer was an error never comes back to `free`: borrow any device.
          const device = free.shift() ?? devices[spare++ % devices.length]!;
          const batch = nextBatch(device, workload.size(n++));
          tally.inFlight.set(batch.ids[0]!, { device, ...batch });
          return {
            ...req,
            headers: {
              'content-type': 'application/json',
              authorization: `Bearer ${device.token}`,
            },
            body: batch.body,
          };
        },
        onResponse: (status, body) => {
          if (status !== 200) return;
          const answer = JSON.parse(body) as { acked: string[]; cursor: string | null };
          // The batch is known by its first event's id; acks come in any order.
          const first = answer.acked.find((id) => tally.inFlight.has(id));
          if (first === undefined) return;
          const sent = tally.inFlight.get(first)!;
          tally.inFlight.delete(first);
          if (answer.acked.length !== sent.ids.length) tally.wrongAcks++;
          tally.acked += answer.acked.length;
          const d = sent.device;
          if (answer.cursor !== null && Number(answer.cursor) > Number(d.since ?? 0)) {
            d.since = answer.cursor;
          }
          free.push(d);
        },
      },
    ],
  });
}

/** Sends again every batch that had no answer when a run stopped; counts their acks. */
async function settle(tally: Tally): Promise<void> {
  for (const [first, sent] of tally.inFlight) {
    const res = await fetch(`${target.origin}/api/child/sync`, {
      method: 'POST',
      headers: { 'content-type': 'application/json', authorization: `Bearer ${sent.device.token}` },
      body: sent.body,
    });
    if (res.status !== 200) throw new Error(`resending a batch: ${res.status} ${await res.text()}`);
    const answer = (await res.json()) as { acked: string[] };
    tally.acked += answer.acked.length;
    if (answer.acked.length !== sent.ids.length) tally.wrongAcks++;
    tally.inFlight.delete(first);
  }
}

const verdict = (good: boolean) => (good ? 'OK' : 'BELOW GOAL');

/** One workload: a warm-up, the measured run, its figures against the goals; true if it held. */
async function measure(name: string, workload: Workload, tally: Tally): Promise<boolean> {
  const devices = target.devices;
  await drive(devices, WARM_UP_SECONDS, tally, workload);
  await settle(tally);
  const ackedBefore = tally.acked;
  const cpuBefore = await target.cpu();
  const pgBefore = dbName === 'postgres' ? postgresCpu() : undefined;
  const generatorBefore = process.cpuUsage();
  const run = await drive(devices, SECONDS, tally, workload);
  const generator = process.cpuUsage(generatorBefore);
  const cpu = (await target.cpu()) - cpuBefore;
  const pgAfter = pgBefore === undefined ? undefined : postgresCpu();
  const runEvents = tally.acked - ackedBefore;
  await settle(tally);
  const reqPerSec = run.requests.average;
  const p99 = run.latency.p99;
  out(
    `bench:ingest --db ${dbName} --via ${via} --mode ${mode}${small ? ' --small' : ''} --events ${name}: ` +
      `${LEARNERS} learners, ${CONNECTIONS} connections, ${SECONDS} s, ${workload.label}` +
      (small ? ', server on core 0 with --max-old-space-size=512' : '') +
      (via === 'nginx'
        ? `, nginx in front of ${APPS} processes, PostgreSQL primary with a synchronous standby`
        : ''),
  );
  out(
    `  req/s ${Math.round(reqPerSec)}` +
      (goal.reqPerSec ? ` (goal ≥ ${goal.reqPerSec}) ${verdict(reqPerSec >= goal.reqPerSec)}` : ''),
  );
  const eventsPerSec = runEvents / SECONDS;
  out(
    `  events/s ${Math.round(eventsPerSec)}` +
      (via === 'nginx'
        ? ` (goal ≥ ${NGINX_EVENTS_GOAL}) ${verdict(eventsPerSec >= NGINX_EVENTS_GOAL)}`
        : ''),
  );
  out(
    `  latency p50 ${run.latency.p50} ms, p99 ${p99} ms (goal ≤ ${goal.p99} ms) ${verdict(p99 <= goal.p99)}`,
  );
  out(`  non-2xx ${run.non2xx}, errors ${run.errors}, timeouts ${run.timeouts}`);
  out(
    `  server CPU ${(cpu / Math.max(1, runEvents)).toFixed(1)} µs/event, ` +
      `${(cpu / Math.max(1, run.requests.total)).toFixed(0)} µs/request` +
      (via === 'nginx' ? ` (sum of the ${APPS} processes)` : ''),
  );
  if (pgBefore !== undefined && pgAfter !== undefined) {
    // The database shares the cores too: its CPU per request, beside the server's above.
    const pg = pgAfter - pgBefore;
    out(
      `  PostgreSQL CPU ${(pg / Math.max(1, run.requests.total)).toFixed(0)} µs/request ` +
        `(every postgres process on this machine: ${Math.round((pg / 1e6 / SECONDS) * 100)} % of one core)`,
    );
  }
  // The load generator shares the machine: near 100 % of a core, it may be what bounds the run.
  const generatorSeconds = (generator.user + generator.system) / 1e6;
  out(
    `  load generator (this process) CPU ${generatorSeconds.toFixed(1)} s in the ${SECONDS} s run ` +
      `(${Math.round((generatorSeconds / SECONDS) * 100)} % of one core)`,
  );
  return run.non2xx === 0 && run.errors === 0;
}

let failed = false;
try {
  const tally: Tally = { acked: 0, wrongAcks: 0, inFlight: new Map() };
  for (const [name, workload] of workloads) {
    if (!(await measure(name, workload, tally))) failed = true;
  }
  // Every event acknowledged in all the runs (warm-ups and resends included) is stored, once.
  const stored = await target.storedEvents();
  const same = stored === tally.acked && tally.wrongAcks === 0;
  out(
    `stored events ${stored}, acknowledged ${tally.acked}` +
      (tally.wrongAcks ? `, ${tally.wrongAcks} answers acknowledged a different count` : '') +
      ` ${same ? 'OK' : 'MISMATCH'}`,
  );
  if (!same) failed = true;
} finally {
  await target.stop();
}
process.exit(failed ? 1 : 0);
