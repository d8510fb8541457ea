// A seeded source of randomness for synthetic data (sfc32): the same seed always gives the same
// data, so a bench, a test and a demo can be made again exactly. Never used for anything real.

/** Draws from a seeded generator. */
export interface Rng {
  /** A float in [0, 1). */
  next(): number;
  /** A whole number in [0, max). */
  int(max: number): number;
  /** true with probability `p`. */
  chance(p: number): boolean;
  /** One of `items`. */
  pick<T>(items: readonly T[]): T;
  /** A standard normal draw (Box–Muller). */
  normal(): number;
  /** 32 random bits as 8 hex digits. */
  hex8(): string;
}

/** A generator from a whole-number seed. */
export function seededRng(seed: number): Rng {
  let a = 0x9e3779b9 ^ seed;
  let b = 0x243f6a88 ^ Math.imul(seed, 0x85ebca6b);
  let c = 0xb7e15162;
  let d = 1;
  const u32 = () => {
    a >>>= 0;
    b >>>= 0;
    c >>>= 0;
    d >>>= 0;
    const t = (a + b + d) >>> 0;
    d = (d + 1) >>> 0;
    a = b ^ (b >>> 9);
    b = (c + (c << 3)) >>> 0;
    c = ((c << 21) | (c >>> 11)) >>> 0;
    c = (c + t) >>> 0;
    return t;
  };
  for (let i = 0; i < 15; i++) u32();
  const next = () => u32() / 4294967296;
  return {
    next,
    int: (max) => Math.floor(next() * max),
    chance: (p) => next() < p,
    pick: (items) => items[Math.floor(next() * items.length)]!,
    normal: () => {
      const u = 1 - next();
      return Math.sqrt(-2 * Math.log(u)) * Math.cos(2 * Math.PI * next());
    },
    hex8: () => u32().toString(16).padStart(8, '0'),
  };
}

/**
 * A UUID-shaped id whose first 12 hex digits are `prefix` (4 hex) then a counter (8 hex), so ids
 * made in order sort in order (bulk inserts append to the index instead of scattering); the
 * rest is random. Not a real UUID v4: synthetic data only.
 */
export function orderedId(rng: Rng, prefix: string, counter: number): string {
  const head = `${prefix}${counter.toString(16).padStart(8, '0')}`;
  const r1 = rng.hex8();
  const r2 = rng.hex8();
  return `${head.slice(0, 8)}-${head.slice(8, 12)}-4${r1.slice(0, 3)}-8${r1.slice(3, 6)}-${r1.slice(6, 8)}${r2}${rng.hex8().slice(0, 2)}`;
}
