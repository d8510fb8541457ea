import { describe, expect, it } from 'vitest';
import { mentions } from './erase';

const id = 'Lq3xv9Tn2Kp8Zr4W';

describe('mentions (what erasing a learner matches)', () => {
  it('finds the id as a value, inside a string key, and at any depth', () => {
    expect(mentions(id, id)).toBe(true);
    expect(mentions(`checkpoint:${id}:scams-8-10`, id)).toBe(true);
    expect(mentions({ learner: id, seq: 3 }, id)).toBe(true);
    expect(mentions({ a: [{ b: { c: [id] } }] }, id)).toBe(true);
    expect(mentions([1, 'x', [id]], id)).toBe(true);
  });

  it("does not match another learner's records or the device's own", () => {
    expect(mentions({ learner: 'Mm7yQ2bX5cV1nR8s', seq: 1 }, id)).toBe(false);
    expect(mentions('checkpoint:Mm7yQ2bX5cV1nR8s:scams-8-10', id)).toBe(false);
    expect(mentions(42, id)).toBe(false);
    expect(mentions(null, id)).toBe(false);
    expect(mentions(new Date(0), id)).toBe(false);
  });
});
