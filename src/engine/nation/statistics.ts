// The statistics of the stealth evidence (MEAS-06) and of the check items (MEAS-11), computed at
// publish time from additive sums: a school's cell keeps n and sums of values, squares and
// cross-products of its children, an area's are its schools' added up element by element, and
// no child-level row is needed to get a correlation or a reliability.

import { ITEM_P_HIGH, ITEM_P_LOW, ITEM_R_LOW } from './policy';
import type { ItemFlag } from './types';

/** The 97.5th percentile of the standard normal distribution. */
const Z_975 = 1.959963984540054;

/** Sums of pairs (x, y): `[Σx, Σy, Σx², Σy², Σxy]` (`evidence` cells). */
export type CorrelationSums = readonly [number, number, number, number, number];

/** One child's sums of a pair, to be added to a cell's. */
export const correlationTerms = (x: number, y: number): CorrelationSums => [
  x,
  y,
  x * x,
  y * y,
  x * y,
];

/**
 * Sums of one scored item of a form over the children who answered the whole form, with T the
 * form's total score (this item included): `[Σx, Σx², Σx·T, ΣT, ΣT²]` (`items` cells).
 */
export type ItemSums = readonly [number, number, number, number, number];

/** One child's sums of an item scoring `x` in a form totalling `total`. */
export const itemTerms = (x: number, total: number): ItemSums => [
  x,
  x * x,
  x * total,
  total,
  total * total,
];

/**
 * Sums of a form over the children who answered all its k scored items: `[ΣT, ΣT², Σx₁, Σx₁²,
 * …, Σx_k, Σx_k²]` (`reliability` cells), 2 + 2k numbers.
 */
export function reliabilityTerms(scores: readonly number[]): number[] {
  const total = scores.reduce((a, b) => a + b, 0);
  const out = [total, total * total];
  for (const x of scores) out.push(x, x * x);
  return out;
}

/** A spread this small (a variance on the scale of scores 0–1) is no spread: all alike. */
const NO_SPREAD = 1e-9;

/** Pearson's r of n pairs from their sums; null with fewer than 2 or without spread on a side. */
export function pearson(n: number, [sx, sy, sxx, syy, sxy]: CorrelationSums): number | null {
  if (n < 2) return null;
  const vx = n * sxx - sx * sx;
  const vy = n * syy - sy * sy;
  if (!(vx > NO_SPREAD * n * n) || !(vy > NO_SPREAD * n * n)) return null;
  const r = (n * sxy - sx * sy) / Math.sqrt(vx * vy);
  return Math.max(-1, Math.min(1, r));
}

/** A correlation and its 95 % interval (Fisher's z: tanh(atanh r ± 1.96/√(n − 3))). */
export interface Correlation {
  readonly r: number | null;
  readonly low: number | null;
  readonly high: number | null;
}

/** The correlation of n pairs from their sums, with its interval (n > 3 for the interval). */
export function correlation(n: number, sums: CorrelationSums): Correlation {
  const r = pearson(n, sums);
  if (r === null || n <= 3) return { r, low: null, high: null };
  if (Math.abs(r) >= 1) return { r, low: r, high: r };
  const z = Math.atanh(r);
  const se = 1 / Math.sqrt(n - 3);
  return { r, low: Math.tanh(z - Z_975 * se), high: Math.tanh(z + Z_975 * se) };
}

/** An item's classical statistics. */
export interface ItemStatistics {
  /** The mean score from 0 to 1 (the proportion right for an item scored 0 or 1). */
  readonly p: number;
  /** r of the item with the total of the form's other items; null without spread. */
  readonly r: number | null;
  readonly flags: readonly ItemFlag[];
}

/** The flags of an item's p and r (heuristics, MEAS-11). */
export function itemFlags(p: number, r: number | null): ItemFlag[] {
  const flags: ItemFlag[] = [];
  if (p > ITEM_P_HIGH) flags.push('p-high');
  if (p < ITEM_P_LOW) flags.push('p-low');
  if (r !== null && r < ITEM_R_LOW) flags.push('r-low');
  return flags;
}

/**
 * An item's p and corrected item–total r from its sums: the rest R = T − x has ΣR = ΣT − Σx,
 * ΣR² = ΣT² − 2Σx·T + Σx², Σx·R = Σx·T − Σx², so the item is never correlated with itself.
 */
export function itemStatistics(n: number, [sx, sxx, sxt, st, stt]: ItemSums): ItemStatistics {
  const p = n > 0 ? sx / n : 0;
  const sr = st - sx;
  const srr = stt - 2 * sxt + sxx;
  const sxr = sxt - sxx;
  const r = pearson(n, [sx, sr, sxx, srr, sxr]);
  return { p, r, flags: itemFlags(p, r) };
}

/**
 * KR-20 of a form of k ≥ 2 items from its sums: k/(k − 1) · (1 − Σ var(xᵢ) / var(T)), variances
 * over the same n children. For items scored 0 or 1, var(xᵢ) = pᵢqᵢ (KR-20 itself); for
 * partial-credit items the same formula is coefficient α. Null for one item or no spread in T.
 */
export function kr20(n: number, sums: readonly number[]): number | null {
  const k = (sums.length - 2) / 2;
  if (n < 2 || k < 2 || !Number.isInteger(k)) return null;
  const variance = (s: number, ss: number) => ss / n - (s / n) ** 2;
  const total = variance(sums[0]!, sums[1]!);
  if (!(total > NO_SPREAD)) return null;
  let items = 0;
  for (let i = 0; i < k; i++) items += variance(sums[2 + 2 * i]!, sums[3 + 2 * i]!);
  return (k / (k - 1)) * (1 - items / total);
}
