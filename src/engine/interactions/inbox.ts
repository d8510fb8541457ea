import type { Text } from '../types/text';
import { subsets } from './probe';
import { duplicateIds } from './kind';
import type { InteractionKind } from './kind';
import { checkSetRule, isValidPick, setMatches, setSamples } from './set-rules';
import type { SetMode } from './set-rules';

/** One message in the simulated inbox; every visible field is inspectable text. */
export interface InboxMessage {
  readonly id: string;
  /** Display name of the sender, e.g. `Prize Team`. */
  readonly from: Text;
  /** The sender's address as shown, e.g. `win@prize-now.example` (use `.example` domains). */
  readonly address: Text;
  readonly subject: Text;
  readonly body: Text;
  /** The link as shown when inspected, e.g. `http://kite-bank.example.win/login`. */
  readonly link?: Text;
  readonly attachment?: Text;
}

/** A simulated inbox; the child inspects messages and flags the suspicious ones. */
export interface InboxArgs {
  readonly messages: readonly InboxMessage[];
}

/** The ids of the messages the child flagged. */
export interface InboxAnswer {
  readonly type: 'inbox';
  readonly flagged: readonly string[];
}

/**
 * `Flagged`: every listed message flagged (others may be). `FlaggedExactly`: exactly these.
 * `FlaggedAny`: at least one listed message flagged. `UnflaggedAny`: at least one not flagged.
 */
export type InboxRule = {
  readonly rule: 'Flagged' | 'FlaggedExactly' | 'FlaggedAny' | 'UnflaggedAny';
  readonly messages: readonly string[];
};

const MODE: Record<InboxRule['rule'], SetMode> = {
  Flagged: 'All',
  FlaggedExactly: 'Exactly',
  FlaggedAny: 'Any',
  UnflaggedAny: 'MissedAny',
};

/** Behaviour of `inbox`. */
export const inbox: InteractionKind<InboxArgs, InboxAnswer, InboxRule> = {
  isValidAnswer: (args, answer) => isValidPick(answer.flagged, args.messages),
  matches: (rule, answer) => setMatches(MODE[rule.rule], rule.messages, answer.flagged),
  samples: (rule, args) =>
    setSamples(
      MODE[rule.rule],
      rule.messages,
      args.messages.map((m) => m.id),
    ).map((flagged) => ({ type: 'inbox', flagged })),
  probes: (args) =>
    subsets(args.messages.map((m) => m.id)).map((flagged) => ({ type: 'inbox', flagged })),
  checkRule: (rule, args) =>
    checkSetRule(
      rule.messages,
      args.messages.map((m) => m.id),
      'messages',
      'message',
    ),
  checkArgs: (args) => duplicateIds(args.messages, 'messages'),
};
