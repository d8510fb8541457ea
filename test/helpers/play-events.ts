import { randomUUID } from 'node:crypto';
import { eventFromPlay, play, sampleAnswers, startActivity } from '../../src/engine';
import type {
  Activity,
  Answer,
  AttemptId,
  DeviceId,
  EventId,
  LearnerId,
  PlayState,
  ProgressEvent,
} from '../../src/engine';

export interface PlayOptions {
  readonly learner: string;
  readonly device: string;
  /** The device's next sequence number (advanced as events are made). */
  readonly seq: { next: number };
  /** Device time of the first answer, in ms; each answer 20 s later. */
  readonly at: number;
  /** Answer wrongly first on every scene (then correctly), like a child finding out. */
  readonly stumble?: boolean;
}

/**
 * Plays `activity` from its start to an ending through the engine's own `play()`, choosing the
 * first matching sample answer of the first correct answer group (after a wrong one when
 * `stumble`), and returns the events a device would have recorded.
 */
export function playThrough(activity: Activity, o: PlayOptions): ProgressEvent[] {
  const events: ProgressEvent[] = [];
  const attempt = randomUUID() as AttemptId;
  let state: PlayState = startActivity(activity);
  let at = o.at;
  const answerOnce = (answer: Answer) => {
    const r = play(activity, state, answer);
    if (!r.ok) throw new Error(`${activity.id}: ${r.reason}`);
    events.push(
      eventFromPlay(r, {
        id: randomUUID() as EventId,
        learner: o.learner as LearnerId,
        device: o.device as DeviceId,
        seq: o.seq.next++,
        attempt,
        at,
      }),
    );
    at += 20_000;
    state = r.state;
    return r;
  };
  for (let guard = 0; state.scene !== null && guard < 50; guard++) {
    const scene = activity.scenes[state.scene]!;
    const groups = scene.interaction.answerGroups;
    const pick = (correct: boolean) => {
      for (const g of groups) {
        if (g.outcome.correct !== correct) continue;
        for (const rule of g.rules) {
          const [answer] = sampleAnswers(scene.interaction, rule);
          if (answer) return answer;
        }
      }
      return undefined;
    };
    const wrong = o.stumble ? pick(false) : undefined;
    const sceneBefore = state.scene;
    if (wrong) {
      answerOnce(wrong);
      if (state.scene !== sceneBefore || state.scene === null) continue;
    }
    const right = pick(true) ?? pick(false);
    if (!right) throw new Error(`${activity.id}/${state.scene}: no sample answer`);
    answerOnce(right);
  }
  return events;
}
