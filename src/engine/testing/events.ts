// Shared fixtures for the progress tests.
import type { ActivityId, AttemptId, DeviceId, EventId, LearnerId, SceneId } from '../ids';
import type { Safety } from '../types/text';
import type { ProgressEvent } from '../progress/event';

/** A progress event with defaults. */
export function event(over: Partial<ProgressEvent> = {}): ProgressEvent {
  return {
    id: 'e1' as EventId,
    learner: 'l1' as LearnerId,
    device: 'd1' as DeviceId,
    seq: 1,
    attempt: 'x1' as AttemptId,
    activity: 'test-activity' as ActivityId,
    version: 1,
    scene: 's1' as SceneId,
    answer: { type: 'choice', option: 'a' },
    group: 0,
    correct: true,
    safety: 'safe' as Safety,
    hinted: false,
    whatIf: false,
    ended: false,
    at: 1_000,
    ...over,
  };
}
