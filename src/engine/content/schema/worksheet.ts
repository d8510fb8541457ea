import { z } from 'zod';
import type { Worksheet } from '../../types/worksheet';
import { localId, media, text } from './common';

const item = z.strictObject({ id: localId, text, media: media.optional() });
const q = { id: localId, prompt: text, media: media.optional() };

/** The printable twin of an activity, with the adults' answer key. */
export const worksheet = z.strictObject({
  intro: text.optional(),
  media: media.optional(),
  questions: z
    .array(
      z.discriminatedUnion('kind', [
        z.strictObject({
          ...q,
          kind: z.literal('short'),
          lines: z.number().int().min(1).max(12),
          answer: text,
        }),
        z.strictObject({
          ...q,
          kind: z.literal('tick'),
          options: z.array(item).min(2),
          correct: z.array(localId),
        }),
        z.strictObject({
          ...q,
          kind: z.literal('match'),
          left: z.array(item).min(2),
          right: z.array(item).min(2),
          pairs: z.record(localId, localId),
        }),
        z.strictObject({
          ...q,
          kind: z.literal('order'),
          items: z.array(item).min(2),
          correct: z.array(localId),
          guidance: text.optional(),
        }),
        z.strictObject({
          ...q,
          kind: z.literal('draw'),
          size: z.enum(['small', 'medium', 'large']),
          guidance: text.optional(),
        }),
      ]),
    )
    .min(1, 'a worksheet needs at least one question'),
}) satisfies z.ZodType<Worksheet>;
