import { describe, expect, it } from 'vitest';
import { LruCache } from './lru';
import { unsolved } from './worksheet';

describe('unsolved', () => {
  it('keeps items that are not in the key order', () => {
    expect(unsolved(['b', 'a', 'c'], false, 'q1')).toEqual(['b', 'a', 'c']);
  });

  it('shuffles items written in the key order, the same way every time, never as written', () => {
    for (let n = 2; n <= 8; n++) {
      const items = Array.from({ length: n }, (_, i) => `item${i}`);
      for (const seed of ['q1', 'q2', 'order', 'x']) {
        const out = unsolved(items, true, seed);
        expect(out).not.toEqual(items);
        expect([...out].sort()).toEqual([...items].sort());
        expect(unsolved(items, true, seed)).toEqual(out);
      }
    }
  });
});

describe('LruCache', () => {
  it('evicts the least recently used entry by count and by size', () => {
    const cache = new LruCache<string>(2, 10, (s) => s.length);
    cache.set('a', 'aaa');
    cache.set('b', 'bbb');
    expect(cache.get('a')).toBe('aaa');
    cache.set('c', 'ccc');
    expect(cache.get('b')).toBeUndefined();
    expect(cache.get('a')).toBe('aaa');
    cache.set('d', 'dddddddd');
    expect(cache.size).toBe(1);
    expect(cache.totalSize).toBe(8);
    cache.set('huge', 'x'.repeat(11));
    expect(cache.get('huge')).toBeUndefined();
    expect(cache.get('d')).toBe('dddddddd');
  });
});
