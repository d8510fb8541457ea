// Bounded enumerations behind each interaction's `probes`: every answer when there are few,
// a spread of typical answers when there are many.

/** Above this many answers, enumerations fall back to a spread of typical ones. */
export const PROBE_LIMIT = 512;

/** Every subset of `ids` when small; else none, all, each single and all-but-each. */
export function subsets(ids: readonly string[]): string[][] {
  if (2 ** ids.length <= PROBE_LIMIT) {
    return ids.reduce<string[][]>((acc, id) => [...acc, ...acc.map((s) => [...s, id])], [[]]);
  }
  return [[], [...ids], ...ids.map((id) => [id]), ...ids.map((id) => ids.filter((x) => x !== id))];
}

/** Every order of `ids` when small; else rotations of the order and of its reverse. */
export function orders(ids: readonly string[]): string[][] {
  const all = (xs: readonly string[]): string[][] =>
    xs.length <= 1
      ? [[...xs]]
      : xs.flatMap((x, i) => all([...xs.slice(0, i), ...xs.slice(i + 1)]).map((p) => [x, ...p]));
  if (ids.length <= 5) return all(ids);
  const rotations = (xs: readonly string[]) =>
    xs.map((_, i) => [...xs.slice(i), ...xs.slice(0, i)]);
  return [...rotations(ids), ...rotations([...ids].reverse())];
}

/**
 * Every map from `keys` to one of its values when small; else each value for every key, and
 * each single key moved from the first value to each other value.
 */
export function assignments(
  keys: readonly string[],
  valuesOf: (key: string) => readonly string[],
): Record<string, string>[] {
  const count = keys.reduce((n, k) => n * Math.max(1, valuesOf(k).length), 1);
  if (count <= PROBE_LIMIT) {
    return keys.reduce<Record<string, string>[]>(
      (acc, k) => acc.flatMap((m) => valuesOf(k).map((v) => ({ ...m, [k]: v }))),
      [{}],
    );
  }
  const widest = Math.max(...keys.map((k) => valuesOf(k).length));
  const uniform = Array.from({ length: widest }, (_, i) =>
    Object.fromEntries(
      keys.map((k) => [k, valuesOf(k)[Math.min(i, valuesOf(k).length - 1)] as string]),
    ),
  );
  const base = uniform[0] ?? {};
  const moved = keys.flatMap((k) => valuesOf(k).map((v) => ({ ...base, [k]: v })));
  return [...uniform, ...moved];
}
