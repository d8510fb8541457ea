import { describe, expect, it } from 'vitest';
import { newId, UUID_V4 } from './event-id';

describe('newId', () => {
  it('makes a UUID v4 from the injected random source', () => {
    const zeros = (a: Uint8Array) => a.fill(0);
    expect(newId(zeros)).toBe('00000000-0000-4000-8000-000000000000');
    const ones = (a: Uint8Array) => a.fill(255);
    expect(newId(ones)).toBe('ffffffff-ffff-4fff-bfff-ffffffffffff');
  });

  it('works with the platform getRandomValues and gives distinct ids', () => {
    const rng = globalThis.crypto.getRandomValues.bind(globalThis.crypto);
    const ids = new Set(Array.from({ length: 200 }, () => newId(rng)));
    expect(ids.size).toBe(200);
    for (const id of ids) expect(id).toMatch(UUID_V4);
  });
});
