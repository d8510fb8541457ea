import type { GetRandomValues } from '../progress/event-id';

/** The share of learners who skip a topic's pre-check (MEAS-04 asks for 10–20 %). */
export const PRE_SKIP_RATE = 0.15;

/**
 * A whole number from 0 to 99, each equally likely, from the injected random source: bytes of
 * 200 or more are drawn again, so `% 100` favours no value.
 */
export function drawPercent(getRandomValues: GetRandomValues): number {
  const b = new Uint8Array(1);
  for (;;) {
    getRandomValues(b);
    const v = b[0] ?? 255;
    if (v < 200) return v % 100;
  }
}

/**
 * Draws whether a learner skips the pre-check of a topic: true with probability
 * {@link PRE_SKIP_RATE}, exactly (15 of the 100 equally likely values). The caller records the
 * result as a `measure-assigned` event before the topic's first activity.
 *
 * @example
 * const skipPre = drawPreSkip(crypto.getRandomValues.bind(crypto));
 */
export function drawPreSkip(getRandomValues: GetRandomValues): boolean {
  return drawPercent(getRandomValues) < PRE_SKIP_RATE * 100;
}
