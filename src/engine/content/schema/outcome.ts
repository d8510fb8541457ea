import { z } from 'zod';
import { END } from '../../types/outcome';
import type { Outcome } from '../../types/outcome';
import { safety, sceneId, slug, text } from './common';

/** Where an outcome leads: `"end"` or a scene id. */
export const next = z.union([z.literal(END), sceneId]);

/** What happens after an answer. */
export const outcome = z
  .strictObject({
    next,
    feedback: text.optional(),
    correct: z.boolean(),
    safety,
    talkToAdult: z.boolean().optional(),
    misconception: slug.optional(),
  })
  .meta({
    id: 'Outcome',
    description: 'What happens after an answer',
  }) satisfies z.ZodType<Outcome>;

/** An answer group over rules of schema `rule`. */
export function answerGroup<R extends z.ZodType>(rule: R) {
  return z.strictObject({
    rules: z.array(rule).min(1, 'an answer group needs at least one rule'),
    outcome,
  });
}

/** A solution whose optional answer has schema `answer`. */
export function solution<A extends z.ZodType>(answer: A) {
  return z.strictObject({ explanation: text, answer: answer.optional() });
}
