// Complementary suppression (research/measurement.md (b) 3): more cells are hidden until no
// relation of a table (a row total and its columns, an area and the areas inside it) lets an
// observer subtract their way to a hidden cell. Deterministic: relations and candidates are taken
// in key order, so the same cells always give the same hidden set.

import type { Cell, Relation } from './aggregate';

/**
 * Why a relation is not yet safe, or null: a relation with a hidden cell needs a second one (or
 * the hidden one is its total minus the shown ones), and when its total is shown, the hidden
 * parts together must hold at least `minimum` children (their sum is the total minus the shown
 * parts, a group of its own that rounding alone must not pin to 1–9).
 */
const unsafe = (
  rel: Relation,
  hidden: ReadonlySet<string>,
  children: ReadonlyMap<string, number>,
  minimum: number,
): boolean => {
  const hiddenParts = rel.parts.filter((p) => hidden.has(p));
  const totalHidden = hidden.has(rel.total);
  const count = hiddenParts.length + (totalHidden ? 1 : 0);
  if (count === 0) return false;
  if (count === 1) return true;
  if (totalHidden) return false;
  const mass = hiddenParts.reduce((s, p) => s + children.get(p)!, 0);
  return mass < minimum;
};

/** The shown cell of a relation to hide next: a part before the total, the smallest, by key. */
const candidate = (
  rel: Relation,
  hidden: ReadonlySet<string>,
  children: ReadonlyMap<string, number>,
): string | null => {
  const byValue = (a: string, b: string) =>
    children.get(a)! - children.get(b)! || (a < b ? -1 : a > b ? 1 : 0);
  const parts = rel.parts.filter((p) => !hidden.has(p)).sort(byValue);
  if (parts.length > 0) return parts[0]!;
  return hidden.has(rel.total) ? null : rel.total;
};

/**
 * The hidden cells of a table: its primary cells and, added one at a time in a fixed order,
 * the complementary cells that make every relation safe (see `unsafe`).
 */
export function suppress(
  cells: readonly Cell[],
  relations: readonly Relation[],
  primary: ReadonlySet<string>,
  minimum: number,
): ReadonlySet<string> {
  const children = new Map(cells.map((c) => [c.key, c.children]));
  const hidden = new Set(primary);
  const order = [...relations].sort((a, b) => (a.total < b.total ? -1 : a.total > b.total ? 1 : 0));
  for (let changed = true; changed;) {
    changed = false;
    for (const rel of order) {
      while (unsafe(rel, hidden, children, minimum)) {
        const next = candidate(rel, hidden, children);
        if (next === null) break;
        hidden.add(next);
        changed = true;
      }
    }
  }
  return hidden;
}
