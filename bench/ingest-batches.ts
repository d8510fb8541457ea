// Sync bodies for bench:ingest: each learner's device has a bank of real engine events (the
// catalogue's activities played through with playThrough), and every batch is the bank's next
// 10–30 events made new (a new event id and the device's next sequence number), so that no
// two requests ever send the same event. Event ids are made as the web app makes them: time
// ordered (the engine's newTimeOrderedId, UUID v7).
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

/** The size of the `n`th batch: 10 to 30 events, spread evenly. */
export const batchSize = (n: number) => 10 + ((n * 7) % 21);

/** The next sync body of `d`: new ids, the device's next seqs; returns the ids sent. */
export function nextBatch(d: BenchDevice, size: number): { body: string; ids: string[] } {
  const ids: string[] = [];
  const parts: string[] = [];
  for (let i = 0; i < size; i++) {
    const id = newTimeOrderedId<string>(Date.now(), (b) => webcrypto.getRandomValues(b));
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
