// Nickname suggestions for an adult adding children to a class: picked at random from the
// content's list (content/nicknames/<lang>.json), never one the class already uses.

/** A source of numbers in [0, 1), injected so the engine holds no randomness of its own. */
export type Random = () => number;

const key = (s: string) => s.normalize('NFC').trim().toLowerCase();

/**
 * Up to `count` different nicknames from `pool`, none of them in `taken` (compared without
 * case and surrounding spaces), in random order. Fewer when the pool runs out.
 *
 * @example
 * suggestNicknames(['Star', 'Blue Fox', 'Moon'], ['star'], 2, Math.random) // e.g. ['Moon', 'Blue Fox']
 */
export function suggestNicknames(
  pool: readonly string[],
  taken: Iterable<string>,
  count: number,
  random: Random,
): readonly string[] {
  const used = new Set<string>();
  for (const t of taken) used.add(key(t));
  const free: string[] = [];
  for (const name of pool) {
    const k = key(name);
    if (used.has(k)) continue;
    used.add(k); // the pool's own duplicates count once
    free.push(name);
  }
  const want = Number.isNaN(count) ? 0 : Math.max(0, Math.min(Math.floor(count), free.length));
  // A partial Fisher–Yates shuffle: the first `want` places get a uniform pick of the rest.
  for (let i = 0; i < want; i++) {
    const x = random();
    const r = x >= 0 && x < 1 ? x : 0; // a broken source still picks inside the pool
    const j = i + Math.floor(r * (free.length - i));
    [free[i], free[j]] = [free[j] as string, free[i] as string];
  }
  return Object.freeze(free.slice(0, want));
}
