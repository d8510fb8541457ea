import type { Activity, Scene } from '../types/activity';
import type { Text } from '../types/text';
import type { Solution } from '../types/outcome';
import type { Answer } from '../types/interaction';
import { sceneOf } from './state';
import type { HelpState, PlayState } from './state';

/**
 * Releases the next piece of help on a scene: the next hint in order, then (after every hint)
 * the solution if there is one. Never driven by a timer: only wrong answers and requests.
 */
export function releaseHelp(scene: Scene, help: HelpState): HelpState {
  const { hints, solution } = scene.interaction;
  if (help.hints < hints.length) return Object.freeze({ hints: help.hints + 1, solution: false });
  if (solution !== undefined && !help.solution)
    return Object.freeze({ hints: help.hints, solution: true });
  return help;
}

/** What help the child can see now on the current scene. */
export interface VisibleHelp {
  readonly hints: readonly Text[];
  readonly solution: Solution<Answer> | null;
  /** Whether asking again would release something new. */
  readonly more: boolean;
}

/** The hints (and solution) released so far on the current scene. */
export function visibleHelp(activity: Activity, state: PlayState): VisibleHelp {
  const scene = sceneOf(activity, state.scene);
  if (scene === undefined) return Object.freeze({ hints: [], solution: null, more: false });
  const { hints, solution } = scene.interaction;
  const shown = hints.slice(0, state.help.hints);
  const sol = state.help.solution && solution !== undefined ? (solution as Solution<Answer>) : null;
  const more = releaseHelp(scene, state.help) !== state.help;
  return Object.freeze({ hints: Object.freeze(shown), solution: sol, more });
}

/** The child asked for a hint: releases the next hint, or the solution after all hints. */
export function requestHelp(activity: Activity, state: PlayState): PlayState {
  const scene = sceneOf(activity, state.scene);
  if (scene === undefined) return state;
  const help = releaseHelp(scene, state.help);
  return help === state.help ? state : Object.freeze({ ...state, help });
}
