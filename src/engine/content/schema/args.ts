import { z } from 'zod';
import type { InteractionTypes } from '../../types/interaction';
import { localId, media, text } from './common';

const item = z.strictObject({ id: localId, text });
/** An answer that may carry a picture, so children who cannot read yet can answer. */
const pictured = z.strictObject({ id: localId, text, media: media.optional() });
const labelled = z.strictObject({ id: localId, label: text });

/** Arguments of `choice` (see `interactions/choice.ts`). */
export const choiceArgs = z.strictObject({
  options: z.array(pictured).min(2, 'a choice needs at least 2 options'),
}) satisfies z.ZodType<InteractionTypes['choice']['args']>;

/** Arguments of `sort` (see `interactions/sort.ts`). */
export const sortArgs = z.strictObject({
  bins: z.array(labelled).min(2, 'a sort needs at least 2 bins'),
  items: z.array(z.strictObject({ id: localId, text, media: media.optional() })).min(1),
}) satisfies z.ZodType<InteractionTypes['sort']['args']>;

/** Arguments of `chat` (see `interactions/chat.ts`). */
export const chatArgs = z.strictObject({
  title: text.optional(),
  participants: z.array(z.strictObject({ id: localId, name: text })).min(1),
  messages: z.array(z.strictObject({ from: localId, text })),
  replies: z
    .array(
      z.strictObject({
        id: localId,
        text,
        kind: z.enum(['message', 'action']).optional(),
        media: media.optional(),
      }),
    )
    .min(1),
}) satisfies z.ZodType<InteractionTypes['chat']['args']>;

/** Arguments of `inbox` (see `interactions/inbox.ts`). */
export const inboxArgs = z.strictObject({
  messages: z
    .array(
      z.strictObject({
        id: localId,
        from: text,
        address: text,
        subject: text,
        body: text,
        link: text.optional(),
        attachment: text.optional(),
      }),
    )
    .min(1),
}) satisfies z.ZodType<InteractionTypes['inbox']['args']>;

/** Arguments of `password` (see `interactions/password.ts`). */
export const passwordArgs = z.strictObject({
  tiles: z.array(item).optional(),
  personal: z.array(text).optional(),
  goal: z.number().int().min(0).max(4).optional(),
}) satisfies z.ZodType<InteractionTypes['password']['args']>;

const toggle = z.strictObject({
  id: localId,
  kind: z.literal('toggle'),
  label: text,
  help: text.optional(),
  initial: z.enum(['on', 'off']),
});
const select = z.strictObject({
  id: localId,
  kind: z.literal('select'),
  label: text,
  help: text.optional(),
  options: z.array(labelled).min(2),
  initial: localId,
});

/** Arguments of `settings` (see `interactions/settings.ts`). */
export const settingsArgs = z.strictObject({
  app: text.optional(),
  settings: z.array(z.discriminatedUnion('kind', [toggle, select])).min(1),
}) satisfies z.ZodType<InteractionTypes['settings']['args']>;

const percent = z.number().min(0).max(100);

/** Arguments of `hotspot` (see `interactions/hotspot.ts`). */
export const hotspotArgs = z.strictObject({
  media: media.optional(),
  parts: z.array(z.strictObject({ text, spot: localId.optional() })).optional(),
  spots: z
    .array(
      z.strictObject({
        id: localId,
        label: text,
        rect: z.strictObject({ x: percent, y: percent, w: percent, h: percent }).optional(),
      }),
    )
    .min(1),
}) satisfies z.ZodType<InteractionTypes['hotspot']['args']>;

/** Arguments of `sequence` (see `interactions/sequence.ts`). */
export const sequenceArgs = z.strictObject({
  steps: z.array(pictured).min(2, 'a sequence needs at least 2 steps'),
}) satisfies z.ZodType<InteractionTypes['sequence']['args']>;

/** Arguments of `feed` (see `interactions/feed.ts`). */
export const feedArgs = z.strictObject({
  posts: z
    .array(
      z.strictObject({
        id: localId,
        author: text,
        text,
        media: media.optional(),
        source: text.optional(),
      }),
    )
    .min(1),
  actions: z.array(labelled).min(2, 'a feed needs at least 2 actions'),
}) satisfies z.ZodType<InteractionTypes['feed']['args']>;

/** Arguments of `continue` (see `interactions/continue.ts`). */
export const continueArgs = z.strictObject({
  label: text.optional(),
}) satisfies z.ZodType<InteractionTypes['continue']['args']>;
