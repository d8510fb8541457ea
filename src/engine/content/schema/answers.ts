import { z } from 'zod';
import { PASSWORD_FLAGS } from '../../interactions/password';
import type { Answer, InteractionTypes } from '../../types/interaction';

// Answers hold ids and numbers only: never free text (a child's words stay on the device).
const id = z.string().max(64);
const ids = z.array(id).max(200);
const idMap = z.record(id, id);

/** The shape of a `choice` answer. */
export const choiceAnswer = z.strictObject({
  type: z.literal('choice'),
  option: id,
}) satisfies z.ZodType<InteractionTypes['choice']['answer']>;
/** The shape of a `sort` answer. */
export const sortAnswer = z.strictObject({ type: z.literal('sort'), placement: idMap });
/** The shape of a `chat` answer. */
export const chatAnswer = z.strictObject({ type: z.literal('chat'), reply: id });
/** The shape of a `inbox` answer. */
export const inboxAnswer = z.strictObject({ type: z.literal('inbox'), flagged: ids });
/** The shape of a `password` answer. */
export const passwordAnswer = z.strictObject({
  type: z.literal('password'),
  score: z.number().int().min(0).max(4),
  flags: z.array(z.enum(PASSWORD_FLAGS)),
});
/** The shape of a `settings` answer. */
export const settingsAnswer = z.strictObject({ type: z.literal('settings'), values: idMap });
/** The shape of a `hotspot` answer. */
export const hotspotAnswer = z.strictObject({ type: z.literal('hotspot'), found: ids });
/** The shape of a `sequence` answer. */
export const sequenceAnswer = z.strictObject({ type: z.literal('sequence'), order: ids });
/** The shape of a `feed` answer. */
export const feedAnswer = z.strictObject({ type: z.literal('feed'), actions: idMap });
/** The shape of a `continue` answer. */
export const continueAnswer = z.strictObject({ type: z.literal('continue') });

/** Any answer (shape only; `play()` checks it against the interaction). */
export const answer = z.discriminatedUnion('type', [
  choiceAnswer,
  sortAnswer,
  chatAnswer,
  inboxAnswer,
  passwordAnswer,
  settingsAnswer,
  hotspotAnswer,
  sequenceAnswer,
  feedAnswer,
  continueAnswer,
]) satisfies z.ZodType<Answer>;
