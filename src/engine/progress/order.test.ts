import { describe, expect, it } from 'vitest';
import type { DeviceId, EventId } from '../ids';
import { event } from '../testing/events';
import { canonicalEvents, compareEvents } from './order';

describe('canonical order', () => {
  it('sorts by time, device, sequence number, then id', () => {
    const a = event({ id: 'b' as EventId, at: 1, device: 'd2' as DeviceId, seq: 1 });
    const b = event({ id: 'a' as EventId, at: 1, device: 'd2' as DeviceId, seq: 1 });
    const c = event({ id: 'c' as EventId, at: 1, device: 'd1' as DeviceId, seq: 9 });
    const d = event({ id: 'd' as EventId, at: 0, device: 'd9' as DeviceId, seq: 9 });
    expect(canonicalEvents([a, b, c, d]).map((e) => e.id)).toEqual(['d', 'c', 'a', 'b']);
  });

  it('keeps one event per id', () => {
    const e = event();
    expect(canonicalEvents([e, { ...e }, e])).toHaveLength(1);
  });

  it('picks the same one of two different records under one id, whatever the order', () => {
    const x = event({ correct: true });
    const y = event({ correct: false });
    expect(compareEvents(x, y)).not.toBe(0);
    expect(canonicalEvents([x, y])).toEqual(canonicalEvents([y, x]));
  });
});
