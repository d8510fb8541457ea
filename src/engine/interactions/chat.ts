import type { Media, Text } from '../types/text';
import { duplicateIds, idSet, issue, joinPath, unknownIds } from './kind';
import type { InteractionKind, LocalIssue } from './kind';

/** Someone in the simulated chat other than the child. Names usually use `{name:…}`. */
export interface ChatParticipant {
  readonly id: string;
  readonly name: Text;
}

/** One message already in the thread; `from` is a participant id or `me` (the child). */
export interface ChatMessage {
  readonly from: string;
  readonly text: Text;
}

/** A reply the child can send (`message`) or an action button such as Block (`action`). */
export interface ChatReply {
  readonly id: string;
  readonly text: Text;
  readonly kind?: 'message' | 'action';
  /** A picture of the reply, for children who cannot read yet. */
  readonly media?: Media;
}

/** A simulated messenger: the thread so far and the replies to choose from. */
export interface ChatArgs {
  /** Chat or group name in the header, e.g. `{app:chat}` or a group name. */
  readonly title?: Text;
  readonly participants: readonly ChatParticipant[];
  readonly messages: readonly ChatMessage[];
  readonly replies: readonly ChatReply[];
}

/** The reply the child chose. */
export interface ChatAnswer {
  readonly type: 'chat';
  readonly reply: string;
}

/** `Reply`: the chosen reply is `reply`. `ReplyOneOf`: it is one of `replies`. */
export type ChatRule =
  | { readonly rule: 'Reply'; readonly reply: string }
  | { readonly rule: 'ReplyOneOf'; readonly replies: readonly string[] };

/** The reserved participant id for the child. */
export const ME = 'me';

/** Behaviour of `chat`. */
export const chat: InteractionKind<ChatArgs, ChatAnswer, ChatRule> = {
  isValidAnswer: (args, answer) =>
    typeof answer.reply === 'string' && args.replies.some((r) => r.id === answer.reply),

  matches: (rule, answer) =>
    rule.rule === 'Reply' ? answer.reply === rule.reply : rule.replies.includes(answer.reply),

  samples: (rule) =>
    rule.rule === 'Reply'
      ? [{ type: 'chat', reply: rule.reply }]
      : rule.replies.map((reply) => ({ type: 'chat', reply })),

  probes: (args) => args.replies.map((r) => ({ type: 'chat', reply: r.id })),

  checkRule: (rule, args): LocalIssue[] => {
    const known = idSet(args.replies);
    if (rule.rule === 'Reply') {
      return known.has(rule.reply) ? [] : [issue('reply', `reply "${rule.reply}" does not exist`)];
    }
    return unknownIds(rule.replies, known, 'replies', 'reply');
  },

  checkArgs: (args) => {
    const out = [
      ...duplicateIds(args.participants, 'participants'),
      ...duplicateIds(args.replies, 'replies'),
    ];
    const people = idSet(args.participants);
    args.participants.forEach((p, i) => {
      if (p.id === ME)
        out.push(
          issue(joinPath(joinPath('participants', i), 'id'), '"me" is reserved for the child'),
        );
    });
    args.messages.forEach((m, i) => {
      if (m.from !== ME && !people.has(m.from)) {
        out.push(
          issue(
            joinPath(joinPath('messages', i), 'from'),
            `participant "${m.from}" does not exist`,
          ),
        );
      }
    });
    return out;
  },
};
