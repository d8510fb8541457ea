// The CPU time of the PostgreSQL server processes on this machine (µs), read from /proc: every
// process named `postgres` (the postmaster, its background workers and each connection's
// backend), with the time of its children that have ended (a backend that closed counts with
// the postmaster). The ingest bench prints it per request beside the Kite server's own: on a
// 2-core machine the database shares the cores with the server and the load generator.
import { readdirSync, readFileSync } from 'node:fs';

/** Clock ticks a second of /proc's times (USER_HZ: 100 on Linux). */
const TICKS_PER_SECOND = 100;

/** The summed CPU time of the `postgres` processes (µs), or undefined where /proc is not. */
export function postgresCpu(): number | undefined {
  let pids: string[];
  try {
    pids = readdirSync('/proc').filter((name) => /^\d+$/.test(name));
  } catch {
    return undefined;
  }
  let ticks = 0;
  for (const pid of pids) {
    let stat: string;
    try {
      stat = readFileSync(`/proc/${pid}/stat`, 'utf8');
    } catch {
      continue; // ended while being read
    }
    // pid (comm) state ppid …: the name is in parentheses and may hold spaces.
    const close = stat.lastIndexOf(')');
    if (stat.slice(stat.indexOf('(') + 1, close) !== 'postgres') continue;
    const fields = stat.slice(close + 2).split(' ');
    // utime, stime, cutime, cstime: fields 14–17 of the line, 12–15 after the name.
    for (const i of [11, 12, 13, 14]) ticks += Number(fields[i] ?? 0);
  }
  return (ticks / TICKS_PER_SECOND) * 1e6;
}
