import type { Media, Text } from '../types/text';
import { duplicateIds, idSet, issue, unknownIds } from './kind';
import type { InteractionKind, LocalIssue } from './kind';

/** One answer option of a `choice` interaction. */
export interface ChoiceOption {
  readonly id: string;
  readonly text: Text;
  /** A picture of the answer, so children who cannot read yet can choose (ages 5–7). */
  readonly media?: Media;
}

/** A quiz question with per-option feedback (one answer group per option). */
export interface ChoiceArgs {
  readonly options: readonly ChoiceOption[];
}

/** The option the child picked. */
export interface ChoiceAnswer {
  readonly type: 'choice';
  readonly option: string;
}

/** `Equals`: the picked option is `option`. `OneOf`: the picked option is in `options`. */
export type ChoiceRule =
  | { readonly rule: 'Equals'; readonly option: string }
  | { readonly rule: 'OneOf'; readonly options: readonly string[] };

/** Behaviour of `choice`. */
export const choice: InteractionKind<ChoiceArgs, ChoiceAnswer, ChoiceRule> = {
  isValidAnswer: (args, answer) =>
    typeof answer.option === 'string' && args.options.some((o) => o.id === answer.option),

  matches: (rule, answer) =>
    rule.rule === 'Equals' ? answer.option === rule.option : rule.options.includes(answer.option),

  samples: (rule) =>
    rule.rule === 'Equals'
      ? [{ type: 'choice', option: rule.option }]
      : rule.options.map((option) => ({ type: 'choice', option })),

  probes: (args) => args.options.map((o) => ({ type: 'choice', option: o.id })),

  checkRule: (rule, args): LocalIssue[] => {
    const known = idSet(args.options);
    if (rule.rule === 'Equals') {
      return known.has(rule.option)
        ? []
        : [issue('option', `option "${rule.option}" does not exist`)];
    }
    return unknownIds(rule.options, known, 'options', 'option');
  },

  checkArgs: (args) => {
    const out = duplicateIds(args.options, 'options');
    if (args.options.length < 2) out.push(issue('options', 'a choice needs at least 2 options'));
    return out;
  },
};
