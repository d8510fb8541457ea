// npm run drill:failover — the national failover drill (issue #18, SCALE-16; docs/deploy.md).
// As root on a machine with PostgreSQL 15 (nginx is installed from Debian when missing):
// a primary (cluster pri, port 5433) with a synchronous streaming standby (rep, 5434), three
// compiled Kite processes whose DATABASE_URL lists both, nginx in front (bench/rig/). Devices
// send sync batches through nginx the whole time and record every event id acknowledged; a
// device keeps a batch that got no answer, or an error, and sends it again, as the app does.
// Meanwhile one app gets SIGTERM, another SIGKILL, then the primary is killed (kill -9) and
// the standby promoted. After that the load goes on for a while, every device's last batch is
// sent until acknowledged, and the new primary must hold every acknowledged event exactly once.
// Prints acknowledged, stored, lost, duplicates, the errors clients saw by status, and how
// long writes took to resume after the promotion. Exits 1 when an event was lost or doubled.
// Everything it made (clusters, processes, nginx's folder) is removed at the end, also when it
// fails or is interrupted.
import pg from 'pg';
import { nextBatch, WORKLOADS } from './ingest-batches';
import type { BenchDevice } from './ingest-batches';
import { nationalRigUnavailable, startNationalRig } from './rig/national';
import type { NationalRig } from './rig/national';

const out = (line: string) => process.stdout.write(`${line}\n`);

const APPS = 3;
const DEVICES = 40;
/** The devices send what a device back from a day offline sends: batches of 10–30 events. */
const CATCH_UP = WORKLOADS['catch-up'];
/** When each step happens, in seconds after the load starts. */
const AT = { sigterm: 4, sigkill: 8, killPrimary: 12, promote: 14, stopLoad: 28 };
/** How long a device waits for an answer (beyond the apps' 30 s of retries and nginx's 60 s). */
const REQUEST_TIMEOUT_MS = 70_000;

const unavailable = nationalRigUnavailable();
if (unavailable) {
  out(`drill:failover: not available here (${unavailable})`);
  process.exit(2);
}

/** What the devices saw. */
interface Seen {
  readonly acked: Set<string>;
  /** Every id sent, acknowledged or not. */
  readonly sent: Set<string>;
  /** Answers that were not 200, by status ("network" when none came). */
  readonly errors: Map<string, number>;
  /** When (ms since the load started) each 200 answer came, and how long its request took. */
  readonly answers: { at: number; ms: number }[];
}

const since0 = { t: 0 };
const now = () => performance.now() - since0.t;
const sleep = (ms: number) => new Promise((r) => setTimeout(r, ms));

/** One device: sends its next batch, or the one not yet acknowledged, until told to stop. */
async function device(origin: string, d: BenchDevice, seen: Seen, stop: { load: boolean }) {
  let pending: { body: string; ids: string[] } | undefined;
  let n = 0;
  const giveUp = () => now() > (AT.stopLoad + 90) * 1000;
  while ((stop.load || pending) && !giveUp()) {
    if (!pending) {
      if (!stop.load) break;
      pending = nextBatch(d, CATCH_UP.size(n++));
      for (const id of pending.ids) seen.sent.add(id);
    }
    const started = now();
    let status: string;
    try {
      const res = await fetch(`${origin}/api/child/sync`, {
        method: 'POST',
        headers: { 'content-type': 'application/json', authorization: `Bearer ${d.token}` },
        body: pending.body,
        signal: AbortSignal.timeout(REQUEST_TIMEOUT_MS),
      });
      status = String(res.status);
      if (res.status === 200) {
        const answer = (await res.json()) as { acked: string[]; cursor: string | null };
        for (const id of answer.acked) seen.acked.add(id);
        seen.answers.push({ at: now(), ms: now() - started });
        if (answer.cursor !== null && Number(answer.cursor) > Number(d.since ?? 0)) {
          d.since = answer.cursor;
        }
        if (answer.acked.length === pending.ids.length) pending = undefined;
        continue;
      }
      await res.arrayBuffer();
    } catch {
      status = 'network';
    }
    seen.errors.set(status, (seen.errors.get(status) ?? 0) + 1);
    await sleep(500);
  }
}

/** The new primary's count of each acknowledged id: stored, and stored more than once. */
async function check(rig: NationalRig, seen: Seen) {
  const client = new pg.Client({ connectionString: rig.pair.standbyUrl });
  await client.connect();
  try {
    const role = await client.query<{ recovery: boolean }>(
      'select pg_is_in_recovery() as recovery',
    );
    const ids = [...seen.acked];
    const { rows } = await client.query<{ id: string; n: string }>(
      'select id, count(*) as n from kite_learner_event where id = any($1::text[]) group by id',
      [ids],
    );
    const table = await client.query<{ rows: string; ids: string }>(
      'select count(*) as rows, count(distinct id) as ids from kite_learner_event',
    );
    const sentStored = await client.query<{ n: string }>(
      'select count(*) as n from kite_learner_event where id = any($1::text[])',
      [[...seen.sent]],
    );
    return {
      promoted: !role.rows[0]!.recovery,
      stored: rows.length,
      duplicates: rows.filter((r) => Number(r.n) > 1).length,
      tableRows: Number(table.rows[0]!.rows),
      tableIds: Number(table.rows[0]!.ids),
      sentStored: Number(sentStored.rows[0]!.n),
    };
  } finally {
    await client.end();
  }
}

const s = (ms: number) => `${(ms / 1000).toFixed(2)} s`;

let rig: NationalRig | undefined;
let interrupted = false;
const onSignal = (signal: string) => {
  if (interrupted) return;
  interrupted = true;
  out(`\n${signal}: tearing down`);
  void (rig?.stop() ?? Promise.resolve()).finally(() => process.exit(130));
};
process.once('SIGINT', () => onSignal('SIGINT'));
process.once('SIGTERM', () => onSignal('SIGTERM'));

let failed = true;
try {
  out('drill:failover: setting up (clusters, migrations, a class, three apps, nginx)');
  rig = await startNationalRig({
    apps: APPS,
    learners: DEVICES,
    // Draining: /api/ready answers 503 for a moment after SIGTERM while requests are served.
    env: { KITE_DRAIN_MS: '1000' },
    log: (line) => out(`  ${line}`),
  });
  const r = rig;
  const seen: Seen = { acked: new Set(), sent: new Set(), errors: new Map(), answers: [] };
  const stop = { load: true };
  const marks: Record<string, number> = {};
  out(`load: ${DEVICES} devices through ${r.nginx.origin}, ${CATCH_UP.label}`);
  since0.t = performance.now();
  const devices = r.devices.map((d) => device(r.nginx.origin, d, seen, stop));
  const step = async (at: number, what: string, act: () => void) => {
    await sleep(Math.max(0, at * 1000 - now()));
    marks[what] = now();
    act();
    out(`  ${s(marks[what])}  ${what} (${seen.acked.size} events acknowledged so far)`);
  };
  await step(AT.sigterm, 'SIGTERM to app 1', () => r.apps[0]!.child.kill('SIGTERM'));
  await step(AT.sigkill, 'SIGKILL to app 2', () => r.apps[1]!.child.kill('SIGKILL'));
  await step(AT.killPrimary, 'kill -9 of the primary', () => r.pair.kill());
  await step(AT.promote, 'promoting the standby', () => r.pair.promote());
  marks.promoted = now();
  out(`  ${s(marks.promoted)}  the standby is the primary (pg_ctlcluster promote returned)`);
  await sleep(Math.max(0, AT.stopLoad * 1000 - now()));
  stop.load = false;
  out(`  ${s(now())}  load stops; each device sends its last batch until it is acknowledged`);
  await Promise.all(devices);
  const settled = now();

  const result = await check(r, seen);
  const lost = seen.acked.size - result.stored;
  // The first acknowledgement after the promotion began; none can come between the kill and
  // the promotion (the primary is gone, the standby takes no writes), only answers in flight.
  const resumed = seen.answers.find((a) => a.at > marks['promoting the standby']!);
  const ats = seen.answers.map((a) => a.at).sort((a, b) => a - b);
  let gap = 0;
  for (let i = 1; i < ats.length; i++) gap = Math.max(gap, ats[i]! - ats[i - 1]!);
  const stillOut = [...seen.sent].filter((id) => !seen.acked.has(id)).length;
  const slowest = Math.max(0, ...seen.answers.map((a) => a.ms));
  const alive = r.apps.filter((a) => a.child.exitCode === null && a.child.signalCode === null);
  out('');
  out(
    `drill:failover: ${APPS} apps behind nginx, primary + synchronous standby, ${DEVICES} devices`,
  );
  out(`  acknowledged events   ${seen.acked.size}`);
  out(`  stored (new primary)  ${result.stored} of the acknowledged`);
  out(`  lost                  ${lost} ${lost === 0 ? 'OK' : 'FAILED'}`);
  out(`  duplicates            ${result.duplicates} ${result.duplicates === 0 ? 'OK' : 'FAILED'}`);
  out(
    `  table                 ${result.tableRows} rows, ${result.tableIds} distinct ids; ` +
      `${result.sentStored} of the ${seen.sent.size} events sent are stored, ${stillOut} sent never acknowledged`,
  );
  const errors = [...seen.errors].map(([k, v]) => `${k}: ${v}`).join(', ');
  out(`  client-visible errors ${errors || 'none'}`);
  out(`  requests answered 200 ${seen.answers.length}; slowest ${s(slowest)}`);
  out(`  longest time without an acknowledgement ${s(gap)}`);
  if (resumed) {
    out(
      `  writes resumed        ${s(resumed.at - marks.promoted)} after the promotion returned ` +
        `(${s(resumed.at - marks['promoting the standby']!)} after it began, ` +
        `${s(resumed.at - marks['kill -9 of the primary']!)} after the primary was killed; goal ≤ 30 s)`,
    );
  } else {
    out('  writes resumed        never');
  }
  out(`  new primary           ${result.promoted ? 'out of recovery' : 'STILL IN RECOVERY'}`);
  out(`  apps still running    ${alive.length} (app 3 must be; apps 1 and 2 were stopped)`);
  const switches = r.apps[2]!.primaryLog.map(
    (e) => `${s(e.at - since0.t)} ${e.primary ? `primary is ${e.primary}` : 'primary lost'}`,
  );
  out(`  app 3's log           ${switches.join('; ') || 'no change of primary'}`);
  out(`  settled               ${s(settled - AT.stopLoad * 1000)} after the load stopped`);
  failed =
    lost !== 0 ||
    result.duplicates !== 0 ||
    !resumed ||
    !result.promoted ||
    stillOut !== 0 ||
    !alive.includes(r.apps[2]!);
} catch (e) {
  out(`drill:failover failed: ${(e as Error).stack ?? String(e)}`);
} finally {
  if (!interrupted) {
    out('tearing down: apps, nginx, clusters');
    await rig?.stop();
  }
}
process.exit(failed ? 1 : 0);
