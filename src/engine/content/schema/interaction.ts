import { z } from 'zod';
import type { Interaction } from '../../types/interaction';
import * as A from './answers';
import * as G from './args';
import { text } from './common';
import { answerGroup, outcome, solution } from './outcome';
import * as R from './rules';

function interaction<
  T extends string,
  Args extends z.ZodType,
  Rule extends z.ZodType,
  Ans extends z.ZodType,
>(type: T, args: Args, rule: Rule, answer: Ans) {
  return z.strictObject({
    type: z.literal(type),
    args,
    answerGroups: z.array(answerGroup(rule)).default([]),
    defaultOutcome: outcome,
    hints: z.array(text).default([]),
    solution: solution(answer).optional(),
  });
}

const continueInteraction = z.strictObject({
  type: z.literal('continue'),
  args: G.continueArgs.default({}),
  answerGroups: z.array(z.never()).max(0, 'continue has no answer groups').default([]),
  defaultOutcome: outcome,
  hints: z.array(text).max(0, 'continue has no hints').default([]),
});

/** An interaction of any type; `type` selects the arguments, rules and answer shapes. */
export const interactionSchema = z.discriminatedUnion('type', [
  interaction('choice', G.choiceArgs, R.choiceRule, A.choiceAnswer),
  interaction('sort', G.sortArgs, R.sortRule, A.sortAnswer),
  interaction('chat', G.chatArgs, R.chatRule, A.chatAnswer),
  interaction('inbox', G.inboxArgs, R.inboxRule, A.inboxAnswer),
  interaction('password', G.passwordArgs, R.passwordRule, A.passwordAnswer),
  interaction('settings', G.settingsArgs, R.settingsRule, A.settingsAnswer),
  interaction('hotspot', G.hotspotArgs, R.hotspotRule, A.hotspotAnswer),
  interaction('sequence', G.sequenceArgs, R.sequenceRule, A.sequenceAnswer),
  interaction('feed', G.feedArgs, R.feedRule, A.feedAnswer),
  continueInteraction,
]) satisfies z.ZodType<Interaction>;
