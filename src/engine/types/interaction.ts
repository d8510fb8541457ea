import type { ChatAnswer, ChatArgs, ChatRule } from '../interactions/chat';
import type { ChoiceAnswer, ChoiceArgs, ChoiceRule } from '../interactions/choice';
import type { ContinueAnswer, ContinueArgs, ContinueRule } from '../interactions/continue';
import type { FeedAnswer, FeedArgs, FeedRule } from '../interactions/feed';
import type { HotspotAnswer, HotspotArgs, HotspotRule } from '../interactions/hotspot';
import type { InboxAnswer, InboxArgs, InboxRule } from '../interactions/inbox';
import type { PasswordAnswer, PasswordArgs, PasswordRule } from '../interactions/password';
import type { SequenceAnswer, SequenceArgs, SequenceRule } from '../interactions/sequence';
import type { SettingsAnswer, SettingsArgs, SettingsRule } from '../interactions/settings';
import type { SortAnswer, SortArgs, SortRule } from '../interactions/sort';
import type { AnswerGroup, Outcome, Solution } from './outcome';
import type { Text } from './text';

/** Per-type arguments, answer and rule shapes, keyed by interaction type. */
export interface InteractionTypes {
  choice: { args: ChoiceArgs; answer: ChoiceAnswer; rule: ChoiceRule };
  sort: { args: SortArgs; answer: SortAnswer; rule: SortRule };
  chat: { args: ChatArgs; answer: ChatAnswer; rule: ChatRule };
  inbox: { args: InboxArgs; answer: InboxAnswer; rule: InboxRule };
  password: { args: PasswordArgs; answer: PasswordAnswer; rule: PasswordRule };
  settings: { args: SettingsArgs; answer: SettingsAnswer; rule: SettingsRule };
  hotspot: { args: HotspotArgs; answer: HotspotAnswer; rule: HotspotRule };
  sequence: { args: SequenceArgs; answer: SequenceAnswer; rule: SequenceRule };
  feed: { args: FeedArgs; answer: FeedAnswer; rule: FeedRule };
  continue: { args: ContinueArgs; answer: ContinueAnswer; rule: ContinueRule };
}

/** The interaction types: the nine games of PLAY-2 plus `continue` for story beats. */
export type InteractionType = keyof InteractionTypes;

/** Every interaction type, in documentation order. */
export const INTERACTION_TYPES = [
  'choice',
  'sort',
  'chat',
  'inbox',
  'password',
  'settings',
  'hotspot',
  'sequence',
  'feed',
  'continue',
] as const satisfies readonly InteractionType[];

// The list is complete: a type missing from INTERACTION_TYPES fails to compile here.
type AssertNone<T extends never> = T;
type _EveryTypeListed = AssertNone<Exclude<InteractionType, (typeof INTERACTION_TYPES)[number]>>;

/** An interaction of type `T`: its arguments, ordered answer groups, hints and solution. */
export interface InteractionOf<T extends InteractionType> {
  readonly type: T;
  readonly args: InteractionTypes[T]['args'];
  /** Tried in order; the first group with a matching rule wins. */
  readonly answerGroups: readonly AnswerGroup<InteractionTypes[T]['rule']>[];
  /** Used when no group matches. */
  readonly defaultOutcome: Outcome;
  /** Released in order, one per wrong answer or request. */
  readonly hints: readonly Text[];
  readonly solution?: Solution<InteractionTypes[T]['answer']>;
}

/** Any interaction. */
export type Interaction = { [T in InteractionType]: InteractionOf<T> }[InteractionType];

/** Any answer; `type` names the interaction it answers. */
export type Answer = InteractionTypes[InteractionType]['answer'];

/** Any rule of any interaction. */
export type Rule = InteractionTypes[InteractionType]['rule'];

/** Whether an interaction type is graded (updates the learner model). */
export function isGraded(type: InteractionType): boolean {
  return type !== 'continue';
}
