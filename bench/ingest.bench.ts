// npm run bench:ingest [-- --db sqlite|postgres] [--via direct|nginx] [--mode server|hub] [--small]
// Children's devices sending progress: POST /api/child/sync on the compiled server
// (build/server/main.js, NODE_ENV=production, log level warn), 100 connections for 20 s
// (BENCH_SECONDS), each request a new batch of 10–30 real engine events of one learner with
// the right epoch and `since`. The class (a teacher with TOTP, N children each signed in once)
// is made through the HTTP API of an in-memory app on the same database before the server
// starts; only the sync route is measured. Prints req/s, events/s, p50/p99 latency, non-2xx
// answers and the server's CPU µs per event (its cpuUsage through bench/cpu-probe.mjs) with the
// goals of SPEC §4 (PATH-4), then checks that the database holds exactly the events the server
// acknowledged (batches still in flight when the run stops are sent again first: sync is
// idempotent, so they are acknowledged once they are stored).
// --mode hub: the server as a school hub runs it (KITE_MODE=hub: SQLite syncs each commit to the
// disk before answering, docs/deploy.md); SQLite only.
// --small: a small school server: 40 learners, the server on one core (taskset -c 0) with
// --max-old-space-size=512.
import { spawnSync } from 'node:child_process';
import autocannon from 'autocannon';
import { loadCatalogue } from '../src/content/catalogue';
import { TEST_ARGON2 } from '../src/server/accounts/passwords';
import { createApp } from '../src/server/app';
import { outbox } from '../test/helpers/account-client';
import { setUpClass } from '../test/helpers/class-fixture';
import { freshPostgres, freshSqlite } from '../test/helpers/dialects';
// @ts-expect-error: a plain .mjs script without type declarations
import { buildServerIfStale } from '../scripts/server-build.mjs';
import { batchSize, benchDevice, nextBatch, playable } from './ingest-batches';
import type { BenchDevice } from './ingest-batches';
import { serverCpu, startServer, stopServer } from './server-process';

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
const dbName = option('db', ['sqlite', 'postgres']);
const mode = option('mode', ['server', 'hub']);
if (mode === 'hub' && dbName !== 'sqlite') {
  console.error('--mode hub runs on SQLite only (a school hub has no PostgreSQL)');
  process.exit(2);
}
const small = argv.includes('--small');
/** `--profile`: the server writes a V8 CPU profile (node --cpu-prof) into this folder. */
const profileDir = argv.includes('--profile') ? 'bench/profiles' : undefined;

if (via === 'nginx') {
  const found = spawnSync('nginx', ['-v']).status === 0;
  out(
    found
      ? 'bench:ingest --via nginx: not wired yet (the scale issue adds the proxy configuration)'
      : 'bench:ingest --via nginx: not available on this machine (nginx is not installed)',
  );
  process.exit(found ? 1 : 0);
}

const SECONDS = Number(process.env.BENCH_SECONDS ?? 20);
const WARM_UP_SECONDS = 3;
const CONNECTIONS = 100;
const LEARNERS = small ? 40 : 200;
const PORT = 3296;
const goal = small
  ? { reqPerSec: 0, p99: 200 }
  : dbName === 'sqlite'
    ? { reqPerSec: 2000, p99: 50 }
    : { reqPerSec: 1000, p99: 100 };

await (buildServerIfStale as (o: { quiet: boolean }) => Promise<boolean>)({ quiet: true });
const testDb = dbName === 'sqlite' ? await freshSqlite() : await freshPostgres();

/** The class, its children signed in, and each child's device with its bank of events. */
async function prepare(): Promise<BenchDevice[]> {
  const catalogue = (await loadCatalogue('content')).catalogue;
  const clock = { now: Date.now() };
  const mail = outbox();
  const app = await createApp({
    db: testDb.db,
    now: () => clock.now,
    catalogue,
    accounts: { argon2: TEST_ARGON2, mailer: mail.mailer, now: () => clock.now },
  });
  try {
    const fixture = await setUpClass(app, mail, clock, LEARNERS, '8-10');
    const activities = playable(
      [...catalogue.activities.values()].filter((a) => a.band === '8-10' && !a.sensitive),
    );
    out(`${activities.length} playable activities of the 8-10 band`);
    return fixture.children.map((c, i) => benchDevice(c.id, c.token, i, activities));
  } finally {
    await app.close();
  }
}

/** What the load generator saw: acknowledged events, and batches sent but not answered. */
interface Tally {
  acked: number;
  wrongAcks: number;
  readonly inFlight: Map<string, { device: BenchDevice; body: string; ids: string[] }>;
}

/** One autocannon run: each request the next batch of a device not already waiting. */
function drive(devices: BenchDevice[], seconds: number, tally: Tally) {
  const free = [...devices];
  let spare = 0;
  let n = 0;
  return autocannon({
    url: `http://127.0.0.1:${PORT}`,
    connections: CONNECTIONS,
    duration: seconds,
    requests: [
      {
        method: 'POST',
        path: '/api/child/sync',
        setupRequest: (req) => {
          // A device whose answer was an error never comes back to `free`: borrow any device.
          const device = free.shift() ?? devices[spare++ % devices.length]!;
          const batch = nextBatch(device, batchSize(n++));
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
    const res = await fetch(`http://127.0.0.1:${PORT}/api/child/sync`, {
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

async function storedEvents(): Promise<number> {
  const row = await testDb.db.kysely
    .selectFrom('kite_learner_event')
    .select((eb) => eb.fn.countAll<number | string>().as('n'))
    .executeTakeFirstOrThrow();
  return Number(row.n);
}

const verdict = (good: boolean) => (good ? 'OK' : 'BELOW GOAL');

let failed = false;
try {
  const devices = await prepare();
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
  try {
    const tally: Tally = { acked: 0, wrongAcks: 0, inFlight: new Map() };
    await drive(devices, WARM_UP_SECONDS, tally);
    await settle(tally);
    const ackedBefore = tally.acked;
    const cpuBefore = await serverCpu(server);
    const run = await drive(devices, SECONDS, tally);
    const cpu = (await serverCpu(server)) - cpuBefore;
    const runEvents = tally.acked - ackedBefore;
    await settle(tally);
    const stored = await storedEvents();
    const reqPerSec = run.requests.average;
    const p99 = run.latency.p99;
    out(
      `bench:ingest --db ${dbName} --via ${via} --mode ${mode}${small ? ' --small' : ''}: ${LEARNERS} learners, ` +
        `${CONNECTIONS} connections, ${SECONDS} s, batches of 10–30 events` +
        (small ? ', server on core 0 with --max-old-space-size=512' : ''),
    );
    out(
      `  req/s ${Math.round(reqPerSec)}` +
        (goal.reqPerSec
          ? ` (goal ≥ ${goal.reqPerSec}) ${verdict(reqPerSec >= goal.reqPerSec)}`
          : ''),
    );
    out(`  events/s ${Math.round(runEvents / SECONDS)}`);
    out(
      `  latency p50 ${run.latency.p50} ms, p99 ${p99} ms (goal ≤ ${goal.p99} ms) ${verdict(p99 <= goal.p99)}`,
    );
    out(`  non-2xx ${run.non2xx}, errors ${run.errors}, timeouts ${run.timeouts}`);
    out(
      `  server CPU ${(cpu / Math.max(1, runEvents)).toFixed(1)} µs/event, ` +
        `${(cpu / Math.max(1, run.requests.total)).toFixed(0)} µs/request`,
    );
    const same = stored === tally.acked && tally.wrongAcks === 0;
    out(
      `  stored events ${stored}, acknowledged ${tally.acked}` +
        (tally.wrongAcks ? `, ${tally.wrongAcks} answers acknowledged a different count` : '') +
        ` ${same ? 'OK' : 'MISMATCH'}`,
    );
    failed = !same || run.non2xx > 0 || run.errors > 0;
  } finally {
    await stopServer(server);
    if (profileDir) out(`  CPU profile of the server in ${profileDir}/ (open in Chrome DevTools)`);
  }
} finally {
  await testDb.dispose();
}
process.exit(failed ? 1 : 0);
