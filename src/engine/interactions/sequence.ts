import type { Media, Text } from '../types/text';
import { orders } from './probe';
import { duplicateIds, idSet, issue } from './kind';
import type { InteractionKind, LocalIssue } from './kind';

/** One step to put in order. */
export interface SequenceStep {
  readonly id: string;
  readonly text: Text;
  /** A picture of the step, for children who cannot read yet. */
  readonly media?: Media;
}

/** Put the safe steps in order. The app shuffles the steps before showing them. */
export interface SequenceArgs {
  readonly steps: readonly SequenceStep[];
}

/** The child's order: every step id exactly once. */
export interface SequenceAnswer {
  readonly type: 'sequence';
  readonly order: readonly string[];
}

/**
 * `Ordering`: the order is exactly `order`. `XBeforeY`: step `x` comes before step `y`.
 * `FirstIs`: step `step` comes first.
 */
export type SequenceRule =
  | { readonly rule: 'Ordering'; readonly order: readonly string[] }
  | { readonly rule: 'XBeforeY'; readonly x: string; readonly y: string }
  | { readonly rule: 'FirstIs'; readonly step: string };

function answer(order: string[]): SequenceAnswer {
  return { type: 'sequence', order };
}

function xBeforeYSamples(x: string, y: string, ids: readonly string[]): SequenceAnswer[] {
  const rest = ids.filter((id) => id !== x && id !== y);
  const inPlace = [...ids];
  const xi = inPlace.indexOf(x);
  const yi = inPlace.indexOf(y);
  if (xi > yi) [inPlace[xi], inPlace[yi]] = [y, x];
  return [
    answer(inPlace),
    answer([x, y, ...rest]),
    answer([...rest, x, y]),
    answer([x, ...rest, y]),
  ];
}

/** Behaviour of `sequence`. */
export const sequence: InteractionKind<SequenceArgs, SequenceAnswer, SequenceRule> = {
  isValidAnswer: (args, a) => {
    if (!Array.isArray(a.order) || a.order.length !== args.steps.length) return false;
    const known = idSet(args.steps);
    return new Set(a.order).size === a.order.length && a.order.every((id) => known.has(id));
  },

  matches: (rule, a) => {
    if (rule.rule === 'Ordering') return rule.order.every((id, i) => a.order[i] === id);
    if (rule.rule === 'FirstIs') return a.order[0] === rule.step;
    return a.order.indexOf(rule.x) < a.order.indexOf(rule.y);
  },

  samples: (rule, args) => {
    const ids = args.steps.map((s) => s.id);
    if (rule.rule === 'Ordering') return [answer([...rule.order])];
    if (rule.rule === 'XBeforeY') return xBeforeYSamples(rule.x, rule.y, ids);
    const rest = ids.filter((id) => id !== rule.step);
    return [answer([rule.step, ...rest]), answer([rule.step, ...rest.reverse()])];
  },

  probes: (args) => orders(args.steps.map((s) => s.id)).map(answer),

  checkRule: (rule, args): LocalIssue[] => {
    const known = idSet(args.steps);
    const missing = (field: string, id: string) =>
      known.has(id) ? [] : [issue(field, `step "${id}" does not exist`)];
    if (rule.rule === 'FirstIs') return missing('step', rule.step);
    if (rule.rule === 'XBeforeY') {
      const out = [...missing('x', rule.x), ...missing('y', rule.y)];
      if (rule.x === rule.y) out.push(issue('y', 'x and y must be different steps'));
      return out;
    }
    const valid = sequence.isValidAnswer(args, answer([...rule.order]));
    return valid ? [] : [issue('order', 'must list every step exactly once')];
  },

  checkArgs: (args) => {
    const out = duplicateIds(args.steps, 'steps');
    if (args.steps.length < 2) out.push(issue('steps', 'a sequence needs at least 2 steps'));
    return out;
  },
};
