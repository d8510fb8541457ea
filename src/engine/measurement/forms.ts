import type { MeasureBank, MeasureItem, MeasureUse } from '../types/measurement';
import { isScored } from '../types/measurement';
import type { Band } from '../types/text';

/** Largest gap in mean difficulty (proportion correct) between a pre and a post form (MEAS-02). */
export const MAX_DIFFICULTY_GAP = 0.1;

/**
 * The items of one form: a bank's items for `band` with `use`, in file order. A pre and a post
 * form share no scored item (MEAS-02); the same self-efficacy and intention scales are asked in
 * both, so their change can be seen.
 */
export function measureForm(
  bank: MeasureBank,
  band: Band,
  use: MeasureUse,
): readonly MeasureItem[] {
  return bank.items.filter((i) => i.bands.includes(band) && i.use.includes(use));
}

/**
 * The mean difficulty of a form's scored items (proportion expected to answer right), or null
 * when it has none with a difficulty.
 */
export function meanDifficulty(items: readonly MeasureItem[]): number | null {
  const ps = items.flatMap((i) =>
    isScored(i.construct) && i.difficulty !== undefined ? [i.difficulty.p] : [],
  );
  if (ps.length === 0) return null;
  return ps.reduce((a, b) => a + b, 0) / ps.length;
}

/** Whether any item of the form still carries an author's difficulty estimate. */
export const hasEstimates = (items: readonly MeasureItem[]): boolean =>
  items.some((i) => i.difficulty?.estimate === true);
