import { deepFreeze } from '../freeze';
import { classify, isValidAnswer } from '../interactions/registry';
import type { Activity } from '../types/activity';
import type { Answer } from '../types/interaction';
import { END } from '../types/outcome';
import type { Outcome } from '../types/outcome';
import type { SceneId } from '../ids';
import { releaseHelp } from './help';
import { NO_HELP, pathKey, sceneOf } from './state';
import type { PlayState, Step } from './state';

/** Why `play()` refused an answer. */
export type PlayRejection = 'ended' | 'wrong-activity' | 'unknown-scene' | 'invalid-answer';

/** The result of {@link play}: a new state and the outcome, or a rejection. */
export type PlayResult =
  | { readonly ok: true; readonly state: PlayState; readonly outcome: Outcome; readonly step: Step }
  | { readonly ok: false; readonly state: PlayState; readonly reason: PlayRejection };

function insertSorted(list: readonly string[], key: string): readonly string[] {
  if (list.includes(key)) return list;
  return Object.freeze([...list, key].sort());
}

function reject(state: PlayState, reason: PlayRejection): PlayResult {
  return Object.freeze({ ok: false, state, reason });
}

/**
 * Plays one answer on the current scene: matches it against the ordered answer groups (first
 * match wins, else the default outcome) and moves to the outcome's next scene. A wrong answer
 * that stays on the scene releases the next hint. Pure: returns new frozen values.
 *
 * @example
 * const r = play(activity, startActivity(activity), { type: 'choice', option: 'tell' });
 * if (r.ok) show(r.outcome.feedback);
 */
export function play(activity: Activity, state: PlayState, answer: Answer): PlayResult {
  if (state.activity !== activity.id || state.version !== activity.version)
    return reject(state, 'wrong-activity');
  if (state.scene === null) return reject(state, 'ended');
  const scene = sceneOf(activity, state.scene);
  if (scene === undefined) return reject(state, 'unknown-scene');
  const interaction = scene.interaction;
  if (!isValidAnswer(interaction, answer)) return reject(state, 'invalid-answer');

  const group = classify(interaction, answer);
  const outcome =
    group < 0 ? interaction.defaultOutcome : (interaction.answerGroups[group]?.outcome as Outcome);
  const step: Step = Object.freeze({
    scene: state.scene,
    answer: deepFreeze(answer),
    group,
    next: outcome.next,
    correct: outcome.correct,
    safety: outcome.safety,
    hinted: state.help.hints > 0 || state.help.solution,
    whatIf: state.whatIf,
  });
  const ended = outcome.next === END;
  const stays = outcome.next === state.scene;
  const help = !stays ? NO_HELP : outcome.correct ? state.help : releaseHelp(scene, state.help);
  const next: PlayState = Object.freeze({
    activity: state.activity,
    version: state.version,
    scene: ended ? null : (outcome.next as SceneId),
    steps: Object.freeze([...state.steps, step]),
    help,
    ending: ended ? Object.freeze({ correct: outcome.correct, safety: outcome.safety }) : null,
    explored: insertSorted(state.explored, pathKey(state.scene, group)),
    whatIf: state.whatIf,
  });
  return Object.freeze({ ok: true, state: next, outcome, step });
}
