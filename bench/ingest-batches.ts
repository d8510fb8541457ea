// Sync bodies for bench:ingest: each learner's device has a bank of real engine events (the
// catalogue's activities played through with playThrough), and every batch is the bank's next
// events made new (a new event id and the device's next sequence number), so that no two
// requests ever send the same event; how many a batch holds is the workload's (WORKLOADS). Event
// ids are made as the web app makes them: time ordered (the engine's newTimeOrderedId, UUID v7).
import { webcrypto } from 'node:crypto';
import { newTimeOrderedId } from '../src/engine';
import type { Activity, ProgressEvent } from '../src/engine';
import { playThrough } from '../test/helpers/play-events';

/** A learner's device as the bench drives it. */
export interface BenchDevice {
  readonly learner: string;
  readonly token: string;
  readonly device: string;
  /** Each bank event as JSON without its id and seq: `"learner":…}`. */
  readonly tails: string[];
  next: number;
  seq: number;
  since: string | null;
}

const MIN_BANK = 60;

/** The activities playThrough can play to an end with sample answers, stumbling or not. */
export function playable(activities: readonly Activity[]): Activity[] {
  const plays = (activity: Activity, stumble: boolean) => {
    try {
      const seq = { next: 1 };
      return (
        playThrough(activity, { learner: 'probe', device: 'probe', seq, at: 0, stumble }).length > 0
      );
    } catch {
      return false;
    }
  };
  return activities.filter((a) => plays(a, false) && plays(a, true));
}

/** A device for `learner` with a bank of at least 60 events played over `activities`. */
export function benchDevice(
  learner: string,
  token: string,
  index: number,
  activities: readonly Activity[],
): BenchDevice {
  const device = `bench-${index}`;
  const seq = { next: 1 };
  const events: ProgressEvent[] = [];
  for (let i = index; events.length < MIN_BANK; i++) {
    const activity = activities[i % activities.length]!;
    events.push(
      ...playThrough(activity, {
        learner,
        device,
        seq,
        at: Date.UTC(2026, 11, 4),
        stumble: i % 3 === 0,
      }),
    );
  }
  const tails = events.map(({ id: _id, seq: _seq, ...rest }) => JSON.stringify(rest).slice(1));
  return { learner, token, device, tails, next: 0, seq: seq.next, since: null };
}

/** What the devices send: how many events each batch holds. */
export interface Workload {
  /** As the bench's output names it, e.g. "batches of 1–3 events". */
  readonly label: string;
  /** The size of the `n`th batch. */
  size(n: number): number;
}

/**
 * The two kinds of sync a device makes (one event per answer, src/engine/progress/event.ts):
 * - `catch-up`: a device back online after a day of play offline, or a quick game's whole
 *   activity: 10 to 30 events, spread evenly (mean 20).
 * - `answers`: a device online while the child plays. The web app syncs about 2 s after an
 *   answer (src/web/sync/runner.ts), so most syncs carry the answer just given, a quick game's
 *   two or three: 1 to 3 events, spread evenly (mean 2). This is the request of performance.md's
 *   goal G7 (one answer a request), which SPEC §4's "answer ingest ≥ 2,000 req/s" comes from.
 */
export const WORKLOADS = {
  'catch-up': {
    label: 'batches of 10–30 events (a device catching up: 20 answers a request)',
    size: (n: number) => 10 + ((n * 7) % 21),
  },
  answers: {
    // SPEC §4's goal is for answer ingest; its source, performance.md G7, is one answer a request.
    label: "batches of 1–3 events (answer ingest: the goals' request)",
    size: (n: number) => 1 + ((n * 7) % 3),
  },
} as const satisfies Record<string, Workload>;

/**
 * Random bytes for event ids, drawn from the system 4 KB at a time: one call a request costed
 * the load generator, which shares the machine's two cores with the server, about 6 % of its
 * time (a CPU profile of it).
 */
const pool = new Uint8Array(4096);
let pooled = 0;
function pooledRandom(b: Uint8Array): void {
  if (pooled < b.length) {
    webcrypto.getRandomValues(pool);
    pooled = pool.length;
  }
  b.set(pool.subarray(pooled - b.length, pooled));
  pooled -= b.length;
}

/** The next sync body of `d`: new ids, the device's next seqs; returns the ids sent. */
export function nextBatch(d: BenchDevice, size: number): { body: string; ids: string[] } {
  const ids: string[] = [];
  const parts: string[] = [];
  for (let i = 0; i < size; i++) {
    const id = newTimeOrderedId<string>(Date.now(), pooledRandom);
    ids.push(id);
    parts.push(`{"id":"${id}","seq":${d.seq++},${d.tails[d.next]!}`);
    d.next = (d.next + 1) % d.tails.length;
  }
  const since = d.since === null ? 'null' : `"${d.since}"`;
  return {
    body: `{"device":"${d.device}","epoch":1,"since":${since},"events":[${parts.join(',')}]}`,
    ids,
  };
}
