import { describe, expect, it } from 'vitest';
import { newId, newTimeOrderedId, UUID_V4, UUID_V7 } from './event-id';

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

describe('newTimeOrderedId', () => {
  it('puts the milliseconds first and the version 7 and variant bits in place', () => {
    const zeros = (a: Uint8Array) => a.fill(0);
    expect(newTimeOrderedId(0, zeros)).toBe('00000000-0000-7000-8000-000000000000');
    const ones = (a: Uint8Array) => a.fill(255);
    // 2026-12-04T09:00:00.000Z is 1,796,374,800,000 ms, 0x01a240482680 in 48 bits.
    expect(newTimeOrderedId(Date.UTC(2026, 11, 4, 9, 0, 0), ones)).toBe(
      '01a24048-2680-7fff-bfff-ffffffffffff',
    );
  });

  it('sorts by time, whatever the random part', () => {
    const rng = globalThis.crypto.getRandomValues.bind(globalThis.crypto);
    const t0 = Date.UTC(2026, 11, 4);
    const ids = Array.from({ length: 500 }, (_, i) => newTimeOrderedId(t0 + i * 7, rng));
    expect([...ids].sort()).toEqual(ids);
    expect(new Set(ids).size).toBe(500);
    for (const id of ids) expect(id).toMatch(UUID_V7);
  });
});
