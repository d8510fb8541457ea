import type { SceneId } from '../ids';
import type { Safety, Text } from './text';

/** The reserved `next` value that ends the activity. */
export const END = 'end';

/** Where an outcome leads: another scene (possibly the same one, to try again) or the end. */
export type Next = SceneId | typeof END;

/** What happens after an answer (PLAY-1). */
export interface Outcome {
  readonly next: Next;
  /** Shown (and announced) after the answer: what happened and why. */
  readonly feedback?: Text;
  /** Whether the answer was right; drives hints, the learner model and "correct ending". */
  readonly correct: boolean;
  /** How safe the choice was, for feedback styling and reports. */
  readonly safety: Safety;
  /** Show the "talk to a trusted adult" panel with the country's helplines. */
  readonly talkToAdult?: boolean;
  /** Optional misconception tag for authors' reports, e.g. `trusts-official-logos`. */
  readonly misconception?: string;
}

/** An ordered group of rules, ORed together; the first group with a matching rule wins. */
export interface AnswerGroup<R> {
  readonly rules: readonly R[];
  readonly outcome: Outcome;
}

/** Shown after every hint has been released. `answer`, when given, is checked to be correct. */
export interface Solution<A> {
  readonly explanation: Text;
  readonly answer?: A;
}
