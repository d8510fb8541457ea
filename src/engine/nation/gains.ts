// Learning gains from pre/post pairs (MEAS-09): Hake's normalised gain on the group's means and
// the paired standardised mean difference d_z with a 95 % interval.
//
// d_z = mean(post − pre) / sd(post − pre), sd with n − 1. Its standard error is the large-sample
// one, SE = √(1/n + d_z²/(2n)), and the interval d_z ± 1.96·SE: a normal approximation, fair from
// the 30 pairs a gain needs before it is shown (MEAS-09), slightly narrow below ~50 pairs, which
// is also where "[u]" (under 90 pairs) warns the reader.

import type { PairSums } from './types';

/** A gain's estimates; null where undefined (a pre-test mean of 100, or no spread at all). */
export interface Gain {
  readonly pairs: number;
  readonly preMean: number;
  readonly postMean: number;
  /** (post − pre) / (100 − pre) on the means: < 0.3 low, 0.3–0.7 medium, > 0.7 high. */
  readonly hake: number | null;
  readonly d: number | null;
  readonly low: number | null;
  readonly high: number | null;
}

/** The 97.5th percentile of the standard normal distribution. */
const Z_975 = 1.959963984540054;

/** One child's pre and post scores on the same measure, in percent (0–100). */
export interface Pair {
  readonly pre: number;
  readonly post: number;
}

/** The additive sums of pairs, for one school or class (what the release builder stores). */
export function pairSums(pairs: readonly Pair[]): PairSums {
  let pre = 0;
  let post = 0;
  let diffSquares = 0;
  for (const p of pairs) {
    pre += p.pre;
    post += p.post;
    diffSquares += (p.post - p.pre) ** 2;
  }
  return { n: pairs.length, pre, post, diffSquares };
}

/** The gain of pairs given by their sums (`n` ≥ 2 for d; Hake's g needs only the means). */
export function gainOf(s: PairSums): Gain {
  const preMean = s.n > 0 ? s.pre / s.n : 0;
  const postMean = s.n > 0 ? s.post / s.n : 0;
  const hake = s.n > 0 && preMean < 100 ? (postMean - preMean) / (100 - preMean) : null;
  const meanDiff = postMean - preMean;
  const variance = s.n > 1 ? (s.diffSquares - s.n * meanDiff ** 2) / (s.n - 1) : 0;
  // Sums of squares can come out a hair below zero in floating point for identical differences.
  const sd = Math.sqrt(Math.max(0, variance));
  if (s.n < 2 || sd < 1e-9)
    return { pairs: s.n, preMean, postMean, hake, d: null, low: null, high: null };
  const d = meanDiff / sd;
  const se = Math.sqrt(1 / s.n + (d * d) / (2 * s.n));
  return { pairs: s.n, preMean, postMean, hake, d, low: d - Z_975 * se, high: d + Z_975 * se };
}

/** The gain of a list of pairs: `gainOf(pairSums(pairs))`. */
export function gains(pairs: readonly Pair[]): Gain {
  return gainOf(pairSums(pairs));
}
