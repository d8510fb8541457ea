// Primary suppression (STAT-01, STAT-10): which cells may not be shown for what they are.

import { MIN_SCHOOLS } from './policy';
import type { Cell } from './aggregate';

/**
 * Whether a cell must be hidden on its own account: fewer than `minimum` children (pairs for
 * gains), **zero included**, or, below national level, children from fewer than 3 schools.
 *
 * Why a true 0 is hidden too (as UK LLC does): shown, it would tell that every child of the area
 * is outside the column (attribute disclosure: "none of this district's children mastered
 * passwords"), and it would tell an observer that every "[c]" in a table of counts holds 1–9,
 * which pins each hidden group to 1–9 before any arithmetic.
 */
export function isPrimary(cell: Cell, minimum: number): boolean {
  if (cell.children < minimum) return true;
  return cell.level !== 'national' && cell.schools < MIN_SCHOOLS;
}
