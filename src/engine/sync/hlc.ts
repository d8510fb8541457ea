// Hybrid logical clocks (research/scale.md §1 "Mutable records", SCALE-08/09): a timestamp that
// follows the wall clock where it can, never goes back when the clock steps back, and orders any
// two events of a deployment the same way on every machine (the node id breaks ties). The
// machines' clocks are read by their callers and passed in: the engine reads no clock.

/** A hybrid logical clock's reading: wall-clock ms, a counter within that ms, the node. */
export interface Hlc {
  readonly wall: number;
  readonly counter: number;
  /** The machine that made it (a hub's id, the national server's); breaks ties. */
  readonly node: string;
}

/** How far ahead of this machine's clock a remote reading may be before it is clamped. */
export const MAX_DRIFT_MS = 24 * 60 * 60 * 1000;

/** Orders two readings: by wall time, then counter, then node id. 0 only for equal readings. */
export function compareHlc(a: Hlc, b: Hlc): number {
  if (a.wall !== b.wall) return a.wall < b.wall ? -1 : 1;
  if (a.counter !== b.counter) return a.counter < b.counter ? -1 : 1;
  return a.node < b.node ? -1 : a.node > b.node ? 1 : 0;
}

/** The first reading of a node that has made none. */
export const startHlc = (node: string): Hlc => ({ wall: 0, counter: 0, node });

/**
 * The reading for a change made here at `now` (this machine's clock): later than every reading
 * this node has made or seen (`last`), even when the clock went back.
 */
export function tickHlc(last: Hlc, now: number): Hlc {
  if (now > last.wall) return { wall: now, counter: 0, node: last.node };
  return { wall: last.wall, counter: last.counter + 1, node: last.node };
}

/** What receiving a remote reading does to this node's clock. */
export interface Received {
  /** This node's clock afterwards: later than both its last reading and the remote one. */
  readonly clock: Hlc;
  /** The remote reading as kept: clamped to `now + MAX_DRIFT_MS` when it was further ahead. */
  readonly remote: Hlc;
  /** True when the remote reading was clamped (SCALE-09: the caller reports it). */
  readonly clamped: boolean;
}

/**
 * Takes in a reading from another machine at `now`. A reading more than a day ahead of this
 * machine's clock (a hub whose clock is wrong) is clamped to a day ahead, so one bad clock cannot
 * win every later merge for years; the caller reports it.
 */
export function receiveHlc(last: Hlc, remote: Hlc, now: number): Received {
  const limit = now + MAX_DRIFT_MS;
  const clamped = remote.wall > limit;
  const kept: Hlc = clamped ? { wall: limit, counter: 0, node: remote.node } : remote;
  const wall = Math.max(last.wall, kept.wall, now);
  let counter = 0;
  if (wall === last.wall && wall === kept.wall) counter = Math.max(last.counter, kept.counter) + 1;
  else if (wall === last.wall) counter = last.counter + 1;
  else if (wall === kept.wall) counter = kept.counter + 1;
  return { clock: { wall, counter, node: last.node }, remote: kept, clamped };
}
