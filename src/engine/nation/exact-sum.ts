// Sums that come out the same whatever order their terms are added in. A national-only table is
// folded into one cell per worker thread and the workers' cells are added up afterwards; with
// plain floating-point sums the last bits would depend on how the learners were split among the
// workers. Here each term is cut into whole numbers on a fixed grid (its integer part, then three
// 26-bit slices of its fraction) and only whole numbers are added, which floating point does
// exactly below 2^53: any split and any order give the same limbs, hence the same value.

/** Numbers kept per sum: the integer part, then the fraction's slices at 2^-26, 2^-52, 2^-78. */
export const LIMBS = 4;

const SLICE = 2 ** 26;
const INVERSE = 2 ** -26;

/**
 * Adds `v` (finite, 0 ≤ v < 2^26) to the sum kept in `limbs[at]…limbs[at + 3]`. Exact for
 * every double from 2^-25 up (its last bit lies on the grid); a smaller value loses what lies
 * below 2^-78 (≈ 3·10⁻²⁴), the same way wherever it is added. Each limb grows by less than 2^26 a
 * term, so a sum stays exact for 2^27 (134 million) terms: more children than any cell has.
 */
export function addExact(limbs: number[], at: number, v: number): void {
  const whole = Math.floor(v);
  let rest = (v - whole) * SLICE;
  const a = Math.floor(rest);
  rest = (rest - a) * SLICE;
  const b = Math.floor(rest);
  const c = Math.floor((rest - b) * SLICE);
  limbs[at]! += whole;
  limbs[at + 1]! += a;
  limbs[at + 2]! += b;
  limbs[at + 3]! += c;
}

/** The value of the sum kept at `at`, rounded once to a double (the same limbs, the same value). */
export function exactValue(limbs: readonly number[], at: number): number {
  return (
    limbs[at]! + (limbs[at + 1]! + (limbs[at + 2]! + limbs[at + 3]! * INVERSE) * INVERSE) * INVERSE
  );
}
