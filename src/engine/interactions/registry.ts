import type {
  Answer,
  Interaction,
  InteractionType,
  InteractionTypes,
  Rule,
} from '../types/interaction';
import { chat } from './chat';
import { choice } from './choice';
import { continueKind } from './continue';
import { feed } from './feed';
import { hotspot } from './hotspot';
import { inbox } from './inbox';
import type { InteractionKind, LocalIssue } from './kind';
import { password } from './password';
import { sequence } from './sequence';
import { settings } from './settings';
import { sort } from './sort';

type Kinds = {
  [T in InteractionType]: InteractionKind<
    InteractionTypes[T]['args'],
    InteractionTypes[T]['answer'],
    InteractionTypes[T]['rule']
  >;
};

/** The behaviour of every interaction type. */
export const KINDS: Kinds = {
  choice,
  sort,
  chat,
  inbox,
  password,
  settings,
  hotspot,
  sequence,
  feed,
  continue: continueKind,
};

// One place where the per-type union is erased: callers pass an interaction and values of its
// own type (checked by `answer.type === interaction.type` before use).
type Erased = InteractionKind<unknown, Answer, Rule>;

function kindOf(type: InteractionType): Erased {
  return KINDS[type] as unknown as Erased;
}

/** The fields each answer has; anything else is refused, so no stray text is ever recorded. */
const ANSWER_FIELDS: { [T in InteractionType]: readonly string[] } = {
  choice: ['option'],
  sort: ['placement'],
  chat: ['reply'],
  inbox: ['flagged'],
  password: ['score', 'flags'],
  settings: ['values'],
  hotspot: ['found'],
  sequence: ['order'],
  feed: ['actions'],
  continue: [],
};

function hasOnlyFields(answer: object, type: InteractionType): boolean {
  const fields = ANSWER_FIELDS[type];
  const keys = Object.keys(answer);
  return keys.length === fields.length + 1 && keys.every((k) => k === 'type' || fields.includes(k));
}

/**
 * Whether `answer` answers this interaction: same type, exactly the answer's fields (a
 * password answer with a stray `text` field is refused), complete, and known ids only.
 */
export function isValidAnswer(interaction: Interaction, answer: Answer): boolean {
  if (typeof answer !== 'object' || answer === null || answer.type !== interaction.type) {
    return false;
  }
  if (!hasOnlyFields(answer, interaction.type)) return false;
  return kindOf(interaction.type).isValidAnswer(interaction.args, answer);
}

/** Whether one rule of this interaction matches a valid answer. */
export function ruleMatches(interaction: Interaction, rule: Rule, answer: Answer): boolean {
  return kindOf(interaction.type).matches(rule, answer, interaction.args);
}

/** Sample answers that satisfy `rule` (see {@link InteractionKind.samples}). */
export function sampleAnswers(interaction: Interaction, rule: Rule): Answer[] {
  return kindOf(interaction.type).samples(rule, interaction.args);
}

/** Answers spread over the whole answer space (see {@link InteractionKind.probes}). */
export function probeAnswers(interaction: Interaction): Answer[] {
  return kindOf(interaction.type).probes(interaction.args);
}

/** Rule-input problems, relative to the rule. */
export function checkRuleInputs(interaction: Interaction, rule: Rule): LocalIssue[] {
  return kindOf(interaction.type).checkRule(rule, interaction.args);
}

/** Argument problems, relative to `args`. */
export function checkArgs(interaction: Interaction): LocalIssue[] {
  return kindOf(interaction.type).checkArgs(interaction.args);
}

/**
 * Index of the first answer group with a matching rule, or -1 for the default outcome.
 * The answer must be valid for the interaction.
 */
export function classify(interaction: Interaction, answer: Answer): number {
  const kind = kindOf(interaction.type);
  const groups = interaction.answerGroups as readonly { readonly rules: readonly Rule[] }[];
  for (let g = 0; g < groups.length; g++) {
    const rules = (groups[g] as { readonly rules: readonly Rule[] }).rules;
    for (const rule of rules) if (kind.matches(rule, answer, interaction.args)) return g;
  }
  return -1;
}
