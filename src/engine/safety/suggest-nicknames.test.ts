import { describe, expect, it } from 'vitest';
import { suggestNicknames } from './suggest-nicknames';

/** A repeatable source of numbers in [0, 1) (Park–Miller: exact in doubles). */
function seeded(seed: number): () => number {
  let s = seed;
  return () => {
    s = (s * 48_271) % 2_147_483_647;
    return s / 2_147_483_647;
  };
}

const POOL = ['Star', 'Blue Fox', 'Moon', 'Comet', 'Red Panda', 'Tiger', 'Owl', 'Sky'];

describe('suggestNicknames', () => {
  it('never suggests a taken nickname, whatever its case or spaces', () => {
    const taken = ['star', ' BLUE FOX ', 'moon'];
    for (let seed = 1; seed <= 50; seed++) {
      const got = suggestNicknames(POOL, taken, 5, seeded(seed));
      expect(got).toHaveLength(5);
      for (const name of got) expect(['Star', 'Blue Fox', 'Moon']).not.toContain(name);
    }
  });

  it('suggests different nicknames, each from the pool', () => {
    const got = suggestNicknames(POOL, [], 8, seeded(7));
    expect([...got].sort()).toEqual([...POOL].sort());
  });

  it('counts a duplicate in the pool once', () => {
    expect(suggestNicknames(['Owl', 'owl', 'OWL'], [], 3, seeded(1))).toEqual(['Owl']);
  });

  it('gives fewer when the pool runs out, and none for a count of zero or less', () => {
    expect(suggestNicknames(POOL, POOL.slice(0, 6), 5, seeded(3))).toHaveLength(2);
    expect(suggestNicknames(POOL, POOL, 5, seeded(3))).toEqual([]);
    expect(suggestNicknames(POOL, [], 0, seeded(3))).toEqual([]);
    expect(suggestNicknames(POOL, [], -2, seeded(3))).toEqual([]);
    expect(suggestNicknames(POOL, [], Number.NaN, seeded(3))).toEqual([]);
  });

  it('follows the injected randomness: the same source gives the same order', () => {
    expect(suggestNicknames(POOL, [], 4, seeded(11))).toEqual(
      suggestNicknames(POOL, [], 4, seeded(11)),
    );
    expect(suggestNicknames(POOL, [], 3, () => 0)).toEqual(['Star', 'Blue Fox', 'Moon']);
    expect(suggestNicknames(POOL, [], 1, () => 0.999)).toEqual(['Sky']);
  });

  it('reaches every nickname as a first suggestion', () => {
    const first = new Set<string>();
    const random = seeded(5);
    for (let i = 0; i < 400; i++) first.add(suggestNicknames(POOL, [], 1, random)[0] as string);
    expect([...first].sort()).toEqual([...POOL].sort());
  });

  it('stays inside the pool when the source misbehaves', () => {
    for (const bad of [1, -1, Number.NaN, 7])
      expect(POOL).toContain(suggestNicknames(POOL, [], 1, () => bad)[0]);
  });
});
