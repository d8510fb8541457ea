import { describe, expect, it } from 'vitest';
import type { AttemptId, DeviceId, EventId, LearnerId } from '../ids';
import { play } from '../play/play';
import { startActivity } from '../play/state';
import { twoSceneActivity } from '../testing/builders';
import { eventFromPlay } from './event';

describe('eventFromPlay', () => {
  it('records the answer, its outcome and who/where/when', () => {
    const a = twoSceneActivity();
    const r = play(a, startActivity(a), { type: 'choice', option: 'b' });
    if (!r.ok) throw new Error();
    const e = eventFromPlay(r, {
      id: 'e1' as EventId,
      learner: 'l1' as LearnerId,
      device: 'd1' as DeviceId,
      seq: 7,
      attempt: 'x' as AttemptId,
      at: 123,
    });
    expect(e).toEqual({
      id: 'e1',
      learner: 'l1',
      device: 'd1',
      seq: 7,
      attempt: 'x',
      activity: 'test-activity',
      version: 1,
      scene: 's1',
      answer: { type: 'choice', option: 'b' },
      group: 1,
      correct: false,
      safety: 'unsafe',
      hinted: false,
      whatIf: false,
      ended: false,
      at: 123,
    });
    expect(Object.isFrozen(e)).toBe(true);
  });
});
