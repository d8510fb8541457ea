import type { Text } from '../types/text';
import type { InteractionKind } from './kind';

/** A story beat with a single button; it has no rules, only a default outcome. */
export interface ContinueArgs {
  /** Button label; the app shows its own "Next" when absent. */
  readonly label?: Text;
}

/** Pressing the button. */
export interface ContinueAnswer {
  readonly type: 'continue';
}

/** `continue` has no rules. */
export type ContinueRule = never;

/** Behaviour of `continue` (not graded; the learner model ignores it). */
export const continueKind: InteractionKind<ContinueArgs, ContinueAnswer, ContinueRule> = {
  isValidAnswer: () => true,
  matches: () => false,
  samples: () => [],
  probes: () => [{ type: 'continue' }],
  checkRule: () => [],
  checkArgs: () => [],
};
