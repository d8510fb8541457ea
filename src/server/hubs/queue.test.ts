import { describe, expect, it } from 'vitest';
import { admit, retryAfterSeconds } from './queue';

describe('hub upload queue (SCALE-11)', () => {
  const now = 10_000_000;

  it('tells hubs that waited longer to come back sooner', () => {
    expect(retryAfterSeconds(null, now)).toBe(1);
    expect(retryAfterSeconds(now - 600_000, now)).toBe(1);
    expect(retryAfterSeconds(now - 599_999, now)).toBe(2);
    expect(retryAfterSeconds(now - 60_000, now)).toBe(2);
    expect(retryAfterSeconds(now - 59_999, now)).toBe(4);
    expect(retryAfterSeconds(now, now)).toBe(4);
  });

  it('takes any hub while more than one slot is free', () => {
    expect(admit([], 4, now, now)).toEqual({ admit: true });
    expect(admit([now, now], 4, now, now)).toEqual({ admit: true });
  });

  it('keeps the last slot for a hub that has waited at least as long as every one served', () => {
    const served = [now - 1000, now - 5000, now - 2000];
    // Uploaded 500 ms ago: more recently than every hub served → turned away.
    expect(admit(served, 4, now - 500, now)).toEqual({ admit: false, retryAfterS: 4 });
    // Waited longer than the hub served longest-waiting: taken.
    expect(admit(served, 4, now - 5000, now)).toEqual({ admit: true });
    expect(admit(served, 4, now - 3_600_000, now)).toEqual({ admit: true });
    // Never uploaded: the longest wait of all.
    expect(admit(served, 4, null, now)).toEqual({ admit: true });
    expect(admit([null, now, now], 4, null, now)).toEqual({ admit: true });
    expect(admit([null, now, now], 4, now - 3_600_000, now)).toEqual({
      admit: false,
      retryAfterS: 1,
    });
  });

  it('turns every hub away when full; one slot alone is not kept', () => {
    expect(admit([now, now], 2, null, now)).toEqual({ admit: false, retryAfterS: 1 });
    expect(admit([now - 120_000], 1, now, now)).toEqual({ admit: false, retryAfterS: 4 });
    expect(admit([], 1, now, now)).toEqual({ admit: true });
  });
});
