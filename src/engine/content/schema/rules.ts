import { z } from 'zod';
import { PASSWORD_FLAGS } from '../../interactions/password';
import type { InteractionTypes } from '../../types/interaction';
import { localId } from './common';

const ids = z.array(localId).min(1);
const idMap = z.record(localId, localId);
const rule = <N extends string, S extends z.ZodRawShape>(name: N, shape: S) =>
  z.strictObject({ rule: z.literal(name), ...shape });

/** Rules of `choice`. */
export const choiceRule = z.discriminatedUnion('rule', [
  rule('Equals', { option: localId }),
  rule('OneOf', { options: ids }),
]) satisfies z.ZodType<InteractionTypes['choice']['rule']>;

/** Rules of `sort`. */
export const sortRule = z.discriminatedUnion('rule', [
  rule('ExactPlacement', { placement: idMap }),
  rule('ItemIn', { item: localId, bin: localId }),
]) satisfies z.ZodType<InteractionTypes['sort']['rule']>;

/** Rules of `chat`. */
export const chatRule = z.discriminatedUnion('rule', [
  rule('Reply', { reply: localId }),
  rule('ReplyOneOf', { replies: ids }),
]) satisfies z.ZodType<InteractionTypes['chat']['rule']>;

/** Rules of `inbox`. */
export const inboxRule = z.strictObject({
  rule: z.enum(['Flagged', 'FlaggedExactly', 'FlaggedAny', 'UnflaggedAny']),
  messages: ids,
}) satisfies z.ZodType<InteractionTypes['inbox']['rule']>;

const score = z.number().int().min(0).max(4);

/** Rules of `password`. */
export const passwordRule = z.discriminatedUnion('rule', [
  rule('StrengthAtLeast', { score }),
  rule('StrengthBelow', { score }),
  rule('HasFlag', { flag: z.enum(PASSWORD_FLAGS) }),
]) satisfies z.ZodType<InteractionTypes['password']['rule']>;

/** Rules of `settings`. */
export const settingsRule = z.strictObject({
  rule: z.enum(['AllOf', 'AnyOf']),
  values: idMap,
}) satisfies z.ZodType<InteractionTypes['settings']['rule']>;

/** Rules of `hotspot`. */
export const hotspotRule = z.strictObject({
  rule: z.enum(['Found', 'FoundExactly', 'FoundAny', 'MissedAny']),
  spots: ids,
}) satisfies z.ZodType<InteractionTypes['hotspot']['rule']>;

/** Rules of `sequence`. */
export const sequenceRule = z.discriminatedUnion('rule', [
  rule('Ordering', { order: ids }),
  rule('XBeforeY', { x: localId, y: localId }),
  rule('FirstIs', { step: localId }),
]) satisfies z.ZodType<InteractionTypes['sequence']['rule']>;

/** Rules of `feed`. */
export const feedRule = z.discriminatedUnion('rule', [
  rule('PostAction', { post: localId, action: localId }),
  rule('AllActions', { actions: idMap }),
]) satisfies z.ZodType<InteractionTypes['feed']['rule']>;
