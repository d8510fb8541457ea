import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { MAX_DRIFT_MS, compareHlc, receiveHlc, startHlc, tickHlc } from './hlc';
import type { Hlc } from './hlc';
import { deleteRecord, mergeRecords, recordValue, writeField } from './lww';
import type { LwwRecord } from './lww';

const NOW = 1_780_000_000_000;
const hlc = fc.record({
  wall: fc.integer({ min: NOW - 5, max: NOW + 5 }),
  counter: fc.integer({ min: 0, max: 3 }),
  node: fc.constantFrom('hub-a', 'hub-b', 'national'),
});
const value = fc.oneof(
  fc.constantFrom('Comet', 'Star', 'Moon'),
  fc.integer({ min: 0, max: 3 }),
  fc.boolean(),
  fc.constant(null),
);
const field = fc.constantFrom('nickname', 'band', 'class', 'deleted');
/** Records written by a few machines with clocks close together, so readings collide often. */
const record: fc.Arbitrary<LwwRecord> = fc
  .array(fc.tuple(field, value, hlc), { maxLength: 6 })
  .map((writes) =>
    writes.reduce<LwwRecord>((r, [f, v, at]) => writeField(r, f, v, at), { fields: {} }),
  );

describe('per-field last-writer-wins merge (SCALE-08)', () => {
  it('is commutative, associative and idempotent', () => {
    fc.assert(
      fc.property(record, record, record, (a, b, c) => {
        expect(mergeRecords(a, b)).toEqual(mergeRecords(b, a));
        expect(mergeRecords(mergeRecords(a, b), c)).toEqual(mergeRecords(a, mergeRecords(b, c)));
        expect(mergeRecords(a, a)).toEqual(a);
        expect(mergeRecords(mergeRecords(a, b), b)).toEqual(mergeRecords(a, b));
      }),
      { numRuns: 2000 },
    );
  });

  it('ends the same whatever order and however often the writes arrive', () => {
    fc.assert(
      fc.property(
        fc.array(record, { minLength: 1, maxLength: 6 }),
        fc.integer(),
        (records, seed) => {
          const once = records.reduce(mergeRecords, { fields: {} });
          // A shuffled replay with every record sent twice.
          const twice = [...records, ...records]
            .map((r, i) => ({ r, k: (i * 7919 + seed) % 97 }))
            .sort((x, y) => x.k - y.k)
            .map((x) => x.r);
          expect(twice.reduce(mergeRecords, { fields: {} })).toEqual(once);
        },
      ),
    );
  });

  it('keeps the later write of each field, the node breaking a tie of times', () => {
    const hubA = { wall: NOW, counter: 0, node: 'hub-a' };
    const hubB = { wall: NOW, counter: 0, node: 'hub-b' };
    const a = writeField({ fields: {} }, 'nickname', 'Comet', hubA);
    const b = writeField(
      writeField({ fields: {} }, 'nickname', 'Star', hubB),
      'band',
      '8-10',
      hubA,
    );
    expect(recordValue(mergeRecords(a, b))).toEqual({ nickname: 'Star', band: '8-10' });
    const later = writeField(a, 'nickname', 'Moon', { ...hubA, counter: 1 });
    expect(recordValue(mergeRecords(later, b))).toEqual({ nickname: 'Moon', band: '8-10' });
  });

  it('a delete wins over earlier writes, and a later edit made apart brings the record back', () => {
    const t = (counter: number): Hlc => ({ wall: NOW, counter, node: 'hub-a' });
    const made = writeField({ fields: {} }, 'nickname', 'Comet', t(0));
    const gone = deleteRecord(made, t(1));
    expect(recordValue(gone)).toBeNull();
    expect(recordValue(mergeRecords(gone, made))).toBeNull();
    const edited = writeField(made, 'nickname', 'Star', { wall: NOW, counter: 2, node: 'hub-b' });
    expect(recordValue(mergeRecords(gone, edited))).toEqual({ nickname: 'Star' });
    expect(recordValue(mergeRecords(edited, gone))).toEqual({ nickname: 'Star' });
  });
});

describe('hybrid logical clocks (SCALE-09)', () => {
  it('never goes back, whatever the wall clock does', () => {
    fc.assert(
      fc.property(
        fc.array(
          fc.oneof(
            fc.integer({ min: NOW - 10_000, max: NOW + 10_000 }).map((n) => ({ n })),
            fc
              .tuple(hlc, fc.integer({ min: NOW - 10_000, max: NOW + 10_000 }))
              .map(([r, n]) => ({ r, n })),
          ),
          { maxLength: 30 },
        ),
        (steps) => {
          let clock = startHlc('hub-a');
          for (const s of steps) {
            const next = 'r' in s ? receiveHlc(clock, s.r, s.n).clock : tickHlc(clock, s.n);
            expect(compareHlc(next, clock)).toBeGreaterThan(0);
            if ('r' in s)
              expect(compareHlc(next, receiveHlc(clock, s.r, s.n).remote)).toBeGreaterThan(0);
            clock = next;
          }
        },
      ),
    );
  });

  it('follows the wall clock when it moves on', () => {
    const c = tickHlc(startHlc('hub-a'), NOW);
    expect(c).toEqual({ wall: NOW, counter: 0, node: 'hub-a' });
    expect(tickHlc(c, NOW)).toEqual({ wall: NOW, counter: 1, node: 'hub-a' });
    expect(tickHlc(c, NOW - 60_000)).toEqual({ wall: NOW, counter: 1, node: 'hub-a' });
    expect(tickHlc(c, NOW + 1)).toEqual({ wall: NOW + 1, counter: 0, node: 'hub-a' });
  });

  it('clamps a reading more than a day ahead and says so', () => {
    const mine = tickHlc(startHlc('national'), NOW);
    const wrong = { wall: NOW + 3 * MAX_DRIFT_MS, counter: 4, node: 'hub-b' };
    const r = receiveHlc(mine, wrong, NOW);
    expect(r.clamped).toBe(true);
    expect(r.remote).toEqual({ wall: NOW + MAX_DRIFT_MS, counter: 0, node: 'hub-b' });
    expect(r.clock.wall).toBe(NOW + MAX_DRIFT_MS);
    const fine = receiveHlc(mine, { wall: NOW + 1000, counter: 0, node: 'hub-b' }, NOW);
    expect(fine.clamped).toBe(false);
    expect(fine.clock).toEqual({ wall: NOW + 1000, counter: 1, node: 'national' });
  });
});
