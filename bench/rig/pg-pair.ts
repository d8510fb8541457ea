// A PostgreSQL primary and its synchronous streaming standby on this machine, as two Debian
// clusters (pg_createcluster), for the failover drill and bench:ingest --via nginx: the
// commands of docs/deploy.md "National deployment" (and research/scale.md §4), run as root.
// The standby is a pg_basebackup of the primary with a replication slot; once it streams, the
// primary waits for it to flush every commit (synchronous_standby_names), so a commit the
// app acknowledged is on both. `kill()` ends the primary as a crash would (kill -9 of its
// postmaster) and `promote()` makes the standby the primary. `drop()` removes both clusters.
import { execFileSync } from 'node:child_process';
import { existsSync, readFileSync } from 'node:fs';
import { appendFileSync } from 'node:fs';

export const PG_VERSION = '15';

export interface PgPairOptions {
  /** Cluster names (default pri and rep) and ports (default 5433 and 5434). */
  readonly primary?: { name: string; port: number };
  readonly standby?: { name: string; port: number };
  /** The application's role, its password and its database. */
  readonly user?: string;
  readonly password?: string;
  readonly database?: string;
  /** Progress lines. */
  readonly log?: (line: string) => void;
}

export interface PgPair {
  /** `postgres://kite:…@127.0.0.1:5433,127.0.0.1:5434/kite`: the primary first, then the standby. */
  readonly databaseUrl: string;
  /** The standby alone, as a read replica (DATABASE_READ_URL). */
  readonly standbyUrl: string;
  /** A one-host URL of each node, for the drill's own checks. */
  readonly primaryUrl: string;
  readonly primaryName: string;
  readonly standbyName: string;
  /** Ends the primary at once: kill -9 of its postmaster, as a crash or a power cut. */
  kill(): void;
  /** Promotes the standby (pg_ctlcluster … promote, which waits until it is done). */
  promote(): void;
  /** Stops and removes both clusters; safe to call twice, and after a failed start. */
  drop(): void;
}

const REPLICATOR_PASSWORD = 'drill-replication';

function run(cmd: string, args: string[], input?: string): string {
  return execFileSync(cmd, args, {
    encoding: 'utf8',
    stdio: ['pipe', 'pipe', 'pipe'],
    ...(input === undefined ? {} : { input }),
  });
}

/** A command as the postgres user (psql, pg_basebackup). */
const asPostgres = (args: string[], input?: string) =>
  run('runuser', ['-u', 'postgres', '--', ...args], input);

const psql = (port: number, ...commands: string[]) =>
  asPostgres([
    'psql',
    '-X',
    '-q',
    '-v',
    'ON_ERROR_STOP=1',
    '-p',
    String(port),
    '-At',
    ...commands.flatMap((c) => ['-c', c]),
  ]);

function clusterExists(name: string): boolean {
  return existsSync(`/etc/postgresql/${PG_VERSION}/${name}`);
}

/** Why this machine cannot make the pair, or undefined when it can. */
export function pgPairUnavailable(): string | undefined {
  if (process.getuid?.() !== 0) return 'making PostgreSQL clusters needs root (pg_createcluster)';
  for (const tool of ['pg_createcluster', 'pg_ctlcluster', 'pg_dropcluster', 'runuser']) {
    try {
      run('sh', ['-c', `command -v ${tool}`]);
    } catch {
      return `${tool} is not installed (apt-get install postgresql-${PG_VERSION})`;
    }
  }
  return undefined;
}

/** Waits until `check` is true, polling every 200 ms, or throws after `ms`. */
async function waitFor(what: string, ms: number, check: () => Promise<boolean>): Promise<void> {
  const deadline = Date.now() + ms;
  for (;;) {
    if (await check().catch(() => false)) return;
    if (Date.now() > deadline) throw new Error(`timed out waiting for ${what}`);
    await new Promise((r) => setTimeout(r, 200));
  }
}

/** Creates the primary and its synchronous standby, and the application's role and database. */
export async function createPgPair(options: PgPairOptions = {}): Promise<PgPair> {
  const pri = options.primary ?? { name: 'pri', port: 5433 };
  const rep = options.standby ?? { name: 'rep', port: 5434 };
  const user = options.user ?? 'kite';
  const password = options.password ?? 'drill-password';
  const database = options.database ?? 'kite';
  const log = options.log ?? (() => {});
  for (const c of [pri, rep]) {
    if (clusterExists(c.name)) {
      throw new Error(
        `a cluster ${PG_VERSION}/${c.name} exists already; remove it (pg_dropcluster --stop ${PG_VERSION} ${c.name}) if it is a drill's left-over`,
      );
    }
  }
  const dataDir = (name: string) => `/var/lib/postgresql/${PG_VERSION}/${name}`;
  const conf = (name: string) => `/etc/postgresql/${PG_VERSION}/${name}`;
  let made: string[] = [];
  const pair: PgPair = {
    databaseUrl: `postgres://${user}:${password}@127.0.0.1:${pri.port},127.0.0.1:${rep.port}/${database}`,
    standbyUrl: `postgres://${user}:${password}@127.0.0.1:${rep.port}/${database}`,
    primaryUrl: `postgres://${user}:${password}@127.0.0.1:${pri.port}/${database}`,
    primaryName: pri.name,
    standbyName: rep.name,
    kill() {
      const pid = readFileSync(`${dataDir(pri.name)}/postmaster.pid`, 'utf8').split('\n')[0]!;
      process.kill(Number(pid), 'SIGKILL');
    },
    promote() {
      run('pg_ctlcluster', [PG_VERSION, rep.name, 'promote']);
    },
    drop() {
      for (const name of [...made].reverse()) {
        try {
          run('pg_dropcluster', ['--stop', PG_VERSION, name]);
        } catch (e) {
          log(`  could not drop cluster ${name}: ${(e as Error).message.split('\n')[0]}`);
        }
      }
      made = [];
    },
  };
  try {
    log(`creating cluster ${PG_VERSION}/${pri.name} on port ${pri.port} (the primary)`);
    run('pg_createcluster', [
      PG_VERSION,
      pri.name,
      '--port',
      String(pri.port),
      '--',
      '--data-checksums',
    ]);
    made.push(pri.name);
    appendFileSync(
      `${conf(pri.name)}/postgresql.conf`,
      "\n# failover drill\nwal_level = replica\nmax_wal_senders = 5\nlisten_addresses = 'localhost'\n",
    );
    appendFileSync(
      `${conf(pri.name)}/pg_hba.conf`,
      '\nhost replication replicator 127.0.0.1/32 scram-sha-256\n',
    );
    run('pg_ctlcluster', [PG_VERSION, pri.name, 'start']);
    psql(
      pri.port,
      `create role replicator replication login password '${REPLICATOR_PASSWORD}'`,
      `create role ${user} login password '${password}'`,
      `create database ${database} owner ${user}`,
      "select pg_create_physical_replication_slot('rep1')",
    );

    log(
      `creating cluster ${PG_VERSION}/${rep.name} on port ${rep.port} (the standby, pg_basebackup)`,
    );
    run('pg_createcluster', [PG_VERSION, rep.name, '--port', String(rep.port)]);
    made.push(rep.name);
    run('sh', ['-c', `rm -rf ${dataDir(rep.name)}/*`]);
    asPostgres([
      'env',
      `PGPASSWORD=${REPLICATOR_PASSWORD}`,
      'pg_basebackup',
      '-h',
      '127.0.0.1',
      '-p',
      String(pri.port),
      '-U',
      'replicator',
      '-D',
      dataDir(rep.name),
      '-R',
      '-S',
      'rep1',
      '-X',
      'stream',
      '-c',
      'fast',
    ]);
    run('pg_ctlcluster', [PG_VERSION, rep.name, 'start']);
    // Zero loss: every commit waits until the standby (its cluster_name) has flushed it.
    psql(
      pri.port,
      `alter system set synchronous_standby_names = '"${PG_VERSION}/${rep.name}"'`,
      'select pg_reload_conf()',
    );
    // As postgres: pg_stat_replication shows its states to privileged roles only.
    await waitFor('the standby to stream synchronously', 20_000, async () =>
      psql(pri.port, 'select sync_state from pg_stat_replication').split('\n').includes('sync'),
    );
    log(`  ${rep.name} streams from ${pri.name}, synchronous`);
    return pair;
  } catch (e) {
    pair.drop();
    throw e;
  }
}
