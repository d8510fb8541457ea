// Play-throughs of each activity made once with the engine's own `play()` (a sure one, answering
// each scene right, and a stumbling one, wrong first), then copied for every synthetic learner
// with new ids and times: realistic progress events at the cost of a string join.

import { eventFromPlay, play, sampleAnswers, startActivity } from '../../../engine';
import type {
  Activity,
  Answer,
  AttemptId,
  DeviceId,
  EventId,
  LearnerId,
  PlayState,
} from '../../../engine';

/** One answer of a play-through: its event's JSON without who, when and which attempt. */
export interface TemplateStep {
  /** The event's fixed fields as JSON members (`"activity":…,"ended":false`), no braces. */
  readonly body: string;
}

/** A play-through of an activity, answered right every time or wrong first. */
export interface Template {
  readonly activity: string;
  readonly steps: readonly TemplateStep[];
}

const PLACEHOLDER = {
  id: '' as EventId,
  learner: '' as LearnerId,
  device: '' as DeviceId,
  seq: 0,
  attempt: '' as AttemptId,
  at: 0,
};
const PER_EVENT = new Set(Object.keys(PLACEHOLDER));

function playThrough(activity: Activity, stumble: boolean): Template | null {
  const steps: TemplateStep[] = [];
  let state: PlayState = startActivity(activity);
  const answer = (a: Answer) => {
    const r = play(activity, state, a);
    if (!r.ok) return false;
    const e = eventFromPlay(r, PLACEHOLDER) as unknown as Record<string, unknown>;
    const fixed = Object.fromEntries(Object.entries(e).filter(([k]) => !PER_EVENT.has(k)));
    steps.push({ body: JSON.stringify(fixed).slice(1, -1) });
    state = r.state;
    return true;
  };
  for (let guard = 0; state.scene !== null && guard < 50; guard++) {
    const scene = activity.scenes[state.scene]!;
    const pick = (correct: boolean) => {
      for (const g of scene.interaction.answerGroups) {
        if (g.outcome.correct !== correct) continue;
        for (const rule of g.rules) {
          const [a] = sampleAnswers(scene.interaction, rule);
          if (a) return a;
        }
      }
      return undefined;
    };
    const before = state.scene;
    const wrong = stumble ? pick(false) : undefined;
    if (wrong) {
      if (!answer(wrong)) return null;
      if (state.scene !== before || state.scene === null) continue;
    }
    const right = pick(true) ?? pick(false);
    if (!right || !answer(right)) return null;
  }
  return state.scene === null ? { activity: activity.id, steps } : null;
}

/** The sure and the stumbling play-through of each playable activity, by activity id. */
export function playTemplates(
  activities: Iterable<Activity>,
): Map<string, { sure: Template; stumbling: Template }> {
  const out = new Map<string, { sure: Template; stumbling: Template }>();
  for (const a of activities) {
    const sure = playThrough(a, false);
    if (!sure) continue;
    out.set(a.id, { sure, stumbling: playThrough(a, true) ?? sure });
  }
  return out;
}
