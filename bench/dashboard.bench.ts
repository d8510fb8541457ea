// npm run bench:dashboard [-- --db sqlite|postgres] [--events <n>] [--schools <n>] [--port <n>]
// The national release of a term (issue #17, docs/national.md "Releases"): writes a term of
// synthetic data (the generator of `kite nation seed`: regions, districts, schools with classes of
// every band, ~25 children a class, progress and measurement events and feedback; by default
// 10 million events over ~200,000 learners in 2,000 schools), starts the compiled server
// (build/server/main.js, NODE_ENV=production) on that database, signs a coordinator in over HTTP
// (password and TOTP) and builds the release with POST /api/nation/releases: the build's time
// (goal < 60 s) and the server's CPU time for it. Then it serves every table of the release from
// the server's cache, GET /api/nation/releases/{term}?table=<id> 20 times each in turn (and the
// whole release, and one table's CSV): p50/p99 per table request (goal < 200 ms). Both dialects
// by default, one after the other, each on a fresh database.
import { loadCatalogue } from '../src/content/catalogue';
import { TEST_ARGON2 } from '../src/server/accounts/passwords';
import { createApp } from '../src/server/app';
import { seedSynthetic } from '../src/server/nation/synthetic/seed';
import { outbox } from '../test/helpers/account-client';
import { freshPostgres, freshSqlite, isPostgresReachable } from '../test/helpers/dialects';
import type { TestDb } from '../test/helpers/dialects';
// @ts-expect-error: a plain .mjs script without type declarations
import { buildServerIfStale } from '../scripts/server-build.mjs';
import { makeCoordinator, signInOverHttp } from './coordinator-account';
import { serverCpu, startServer, stopServer } from './server-process';

const out = (line: string) => process.stdout.write(`${line}\n`);
const argv = process.argv.slice(2);
const value = (name: string): string | undefined => {
  const at = argv.indexOf(`--${name}`);
  return at >= 0 ? argv[at + 1] : undefined;
};
const whole = (name: string, fallback: number): number => {
  const v = value(name);
  if (v === undefined) return fallback;
  if (!/^\d+$/.test(v)) {
    console.error(`--${name} takes a whole number`);
    process.exit(2);
  }
  return Number(v);
};
const dbArg = value('db');
if (dbArg !== undefined && dbArg !== 'sqlite' && dbArg !== 'postgres') {
  console.error('--db takes sqlite or postgres');
  process.exit(2);
}
const EVENTS = whole('events', 10_000_000);
const SCHOOLS = whole('schools', 2000);
const CLASSES = 4;
const CHILDREN = 25;
const REQUESTS_PER_TABLE = 20;
/** The server's port: `--port`, for a machine where another bench holds the default. */
const PORT = whole('port', 3297);
const BASE = `http://127.0.0.1:${PORT}`;
const GOAL = { buildSeconds: 60, serveMs: 200 };
const DAY = 86_400_000;

// The term: 91 days ending 30 days ago (it has ended, as a release needs).
const day = (ms: number) => new Date(ms).toISOString().slice(0, 10);
const term = {
  term: 'bench-t1',
  from: day(Date.now() - 120 * DAY),
  to: day(Date.now() - 30 * DAY),
};

const verdict = (good: boolean) => (good ? 'OK' : 'BELOW GOAL');
const seconds = (ms: number) => `${(ms / 1000).toFixed(1)} s`;
const quantile = (sorted: readonly number[], q: number) =>
  sorted[Math.min(sorted.length - 1, Math.floor(q * sorted.length))]!;

async function run(dialect: 'sqlite' | 'postgres'): Promise<boolean> {
  const testDb: TestDb = dialect === 'sqlite' ? await freshSqlite() : await freshPostgres();
  try {
    const catalogue = (await loadCatalogue('content')).catalogue;
    out(`\nbench:dashboard --db ${dialect}: term ${term.term}, ${term.from} to ${term.to}`);
    let started = Date.now();
    const seeded = await seedSynthetic(
      testDb.db,
      catalogue,
      {
        seed: 17,
        schools: SCHOOLS,
        from: term.from,
        to: term.to,
        classesPerSchool: CLASSES,
        childrenPerClass: CHILDREN,
        targetEvents: EVENTS,
      },
      Date.now(),
    );
    out(
      `  synthetic data: ${seeded.regions} regions, ${seeded.districts} districts, ${seeded.schools} schools ` +
        `(${seeded.unassignedSchools} not placed), ${seeded.classes} classes of ~${CHILDREN} children, ` +
        `${seeded.learners} learners (families' children included), ${seeded.events} events, ` +
        `${seeded.feedback} feedback answers; written in ${seconds(Date.now() - started)}`,
    );

    // A coordinator, made through the API of an in-memory app on the same database.
    const clock = { now: Date.now() - 3_600_000 };
    const mail = outbox();
    const app = await createApp({
      db: testDb.db,
      now: () => clock.now,
      accounts: { argon2: TEST_ARGON2, mailer: mail.mailer, now: () => clock.now },
    });
    const coordinator = await makeCoordinator(app, mail, clock).finally(() => app.close());

    const server = await startServer({
      env: { ...testDb.env, NODE_ENV: 'production', KITE_LOG_LEVEL: 'warn', PORT: String(PORT) },
    });
    try {
      const session = await signInOverHttp(BASE, coordinator);
      const cpuBefore = await serverCpu(server);
      started = Date.now();
      const built = await fetch(`${BASE}/api/nation/releases`, {
        method: 'POST',
        headers: { ...session.headers, 'content-type': 'application/json' },
        body: JSON.stringify(term),
      });
      const buildMs = Date.now() - started;
      const cpu = (await serverCpu(server)) - cpuBefore;
      if (built.status !== 201) throw new Error(`build: ${built.status} ${await built.text()}`);
      const summary = ((await built.json()) as { release: { tables: { id: string }[] } }).release;
      out(
        `  build (POST /api/nation/releases): ${seconds(buildMs)} (goal < ${GOAL.buildSeconds} s) ` +
          `${verdict(buildMs < GOAL.buildSeconds * 1000)}; server CPU ${seconds(cpu / 1000)}, ` +
          `${summary.tables.length} tables`,
      );

      const get = async (path: string) => {
        const t = performance.now();
        const res = await fetch(`${BASE}${path}`, { headers: session.headers });
        const body = await res.arrayBuffer();
        const ms = performance.now() - t;
        if (res.status !== 200) throw new Error(`${path}: ${res.status}`);
        return { ms, bytes: body.byteLength };
      };
      const all: number[] = [];
      let worst = { id: '', p99: 0 };
      const lines: string[] = [];
      for (const t of summary.tables) {
        const times: number[] = [];
        let bytes = 0;
        for (let i = 0; i < REQUESTS_PER_TABLE; i++) {
          const r = await get(
            `/api/nation/releases/${term.term}?table=${encodeURIComponent(t.id)}`,
          );
          times.push(r.ms);
          bytes = r.bytes;
        }
        times.sort((a, b) => a - b);
        all.push(...times);
        const p99 = quantile(times, 0.99);
        if (p99 > worst.p99) worst = { id: t.id, p99 };
        lines.push(
          `    ${t.id.padEnd(24)} p50 ${quantile(times, 0.5).toFixed(1).padStart(6)} ms, p99 ${p99.toFixed(1).padStart(6)} ms, ${(bytes / 1024).toFixed(0)} KB`,
        );
      }
      all.sort((a, b) => a - b);
      const p99 = quantile(all, 0.99);
      out(
        `  serving each table (${REQUESTS_PER_TABLE} requests a table, ${all.length} in all): ` +
          `p50 ${quantile(all, 0.5).toFixed(1)} ms, p99 ${p99.toFixed(1)} ms, slowest table ${worst.id} ` +
          `(p99 ${worst.p99.toFixed(1)} ms) (goal < ${GOAL.serveMs} ms) ${verdict(worst.p99 < GOAL.serveMs)}`,
      );
      for (const l of lines) out(l);
      const whole = await get(`/api/nation/releases/${term.term}`);
      const csv = await get(`/api/nation/releases/${term.term}/csv?table=reach&lang=km`);
      out(
        `  the whole release: ${whole.ms.toFixed(1)} ms (${(whole.bytes / 1024).toFixed(0)} KB); ` +
          `reach as Khmer CSV: ${csv.ms.toFixed(1)} ms`,
      );
      return buildMs < GOAL.buildSeconds * 1000 && worst.p99 < GOAL.serveMs;
    } finally {
      await stopServer(server);
    }
  } finally {
    await testDb.dispose();
  }
}

await (buildServerIfStale as (o: { quiet: boolean }) => Promise<boolean>)({ quiet: true });
const dialects: ('sqlite' | 'postgres')[] = dbArg
  ? [dbArg]
  : (await isPostgresReachable())
    ? ['sqlite', 'postgres']
    : ['sqlite'];
if (!dbArg && dialects.length === 1) out('PostgreSQL is not reachable: SQLite only');
let good = true;
for (const d of dialects) good = (await run(d)) && good;
process.exit(good ? 0 : 1);
