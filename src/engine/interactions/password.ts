import type { Text } from '../types/text';
import { duplicateIds, issue } from './kind';
import type { InteractionKind, LocalIssue } from './kind';

/**
 * Weak patterns the device's strength meter found, mapped from `@zxcvbn-ts` match patterns.
 * `personal`: contains one of the activity's `personal` words (zxcvbn user inputs).
 * `short`: fewer than 8 characters. The typed text itself never leaves the meter.
 */
export const PASSWORD_FLAGS = [
  'dictionary',
  'spatial',
  'repeat',
  'sequence',
  'date',
  'personal',
  'short',
] as const;
/** One weak-pattern flag. */
export type PasswordFlag = (typeof PASSWORD_FLAGS)[number];

/** A word tile the child can add to a passphrase (optional; the child may also type). */
export interface PasswordTile {
  readonly id: string;
  readonly text: Text;
}

/** Build a passphrase against a live strength meter. */
export interface PasswordArgs {
  readonly tiles?: readonly PasswordTile[];
  /** Words from the story (a pet's name, a birthday) the meter treats as easy to guess. */
  readonly personal?: readonly Text[];
  /** The meter score (0–4) the app shows as the goal. */
  readonly goal?: number;
}

/** What the device sends instead of the password: the zxcvbn score 0–4 and flags. */
export interface PasswordAnswer {
  readonly type: 'password';
  readonly score: number;
  readonly flags: readonly PasswordFlag[];
}

/**
 * `StrengthAtLeast`: score ≥ `score`. `StrengthBelow`: score < `score`.
 * `HasFlag`: the meter raised `flag`.
 */
export type PasswordRule =
  | { readonly rule: 'StrengthAtLeast'; readonly score: number }
  | { readonly rule: 'StrengthBelow'; readonly score: number }
  | { readonly rule: 'HasFlag'; readonly flag: PasswordFlag };

const SCORES = [0, 1, 2, 3, 4];

function answer(score: number, flags: PasswordFlag[] = []): PasswordAnswer {
  return { type: 'password', score, flags };
}

/** Behaviour of `password`. */
export const password: InteractionKind<PasswordArgs, PasswordAnswer, PasswordRule> = {
  isValidAnswer: (_args, a) =>
    Number.isInteger(a.score) &&
    a.score >= 0 &&
    a.score <= 4 &&
    Array.isArray(a.flags) &&
    new Set(a.flags).size === a.flags.length &&
    a.flags.every((f) => (PASSWORD_FLAGS as readonly string[]).includes(f)),

  matches: (rule, a) => {
    if (rule.rule === 'StrengthAtLeast') return a.score >= rule.score;
    if (rule.rule === 'StrengthBelow') return a.score < rule.score;
    return a.flags.includes(rule.flag);
  },

  samples: (rule) => {
    if (rule.rule === 'HasFlag') return SCORES.map((s) => answer(s, [rule.flag]));
    const fits = SCORES.filter((s) =>
      rule.rule === 'StrengthAtLeast' ? s >= rule.score : s < rule.score,
    );
    return [...fits.map((s) => answer(s)), ...fits.map((s) => answer(s, ['short']))];
  },

  probes: () =>
    SCORES.flatMap((s) => [
      answer(s),
      answer(s, [...PASSWORD_FLAGS]),
      ...PASSWORD_FLAGS.map((f) => answer(s, [f])),
    ]),

  checkRule: (rule): LocalIssue[] => {
    if (rule.rule === 'StrengthBelow' && rule.score === 0) {
      return [issue('score', 'no score is below 0, so this rule never matches')];
    }
    return [];
  },

  checkArgs: (args) => duplicateIds(args.tiles ?? [], 'tiles'),
};
