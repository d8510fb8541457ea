import { z } from 'zod';
import type { TopicId } from '../../ids';
import { CONSTRUCTS, MEASURE_USES } from '../../types/measurement';
import type { MeasureBank } from '../../types/measurement';
import { choiceArgs, sortArgs } from './args';
import { band, localId, schemaRef, slug, text } from './common';

const choiceKey = z.strictObject({
  type: z.literal('choice'),
  best: z.array(localId).min(1),
  acceptable: z.array(localId).optional(),
});

const sortKey = z.strictObject({
  type: z.literal('sort'),
  placement: z.record(localId, localId),
  signal: localId.optional(),
});

// Only players the app has, and none that takes typed words (MEAS-10: no free text, no passwords).
const interaction = z.discriminatedUnion('type', [
  z.strictObject({ type: z.literal('choice'), args: choiceArgs }),
  z.strictObject({ type: z.literal('sort'), args: sortArgs }),
]);

const item = z.strictObject({
  id: localId,
  bands: z.array(band).min(1),
  construct: z.enum(CONSTRUCTS),
  digcomp: z
    .string()
    .regex(/^[1-5]\.[1-6]$/, 'a DigComp 2.2 competence, area.competence, e.g. "4.2"'),
  use: z.array(z.enum(MEASURE_USES)).min(1),
  context: slug,
  difficulty: z
    .strictObject({
      p: z.number().min(0).max(1),
      estimate: z.boolean(),
    })
    .optional(),
  prompt: text,
  interaction,
  notSure: localId.optional(),
  key: z.discriminatedUnion('type', [choiceKey, sortKey]).optional(),
});

/**
 * `packs/<pack>/measurement/<topic>.json`: a topic's outcome-measurement item bank (NATION-3,
 * MEAS-01). Each item names its bands, construct, DigComp competence, use (pre, post,
 * transfer), surface context, difficulty estimate and, when scored, its answer key; the forms
 * and their rules are checked in `checks/measurement.ts`.
 */
export const measurementSchema = z.strictObject({
  $schema: schemaRef,
  id: slug,
  topic: slug.transform((s) => s as TopicId),
  version: z.number().int().min(1),
  items: z.array(item).min(1),
}) satisfies z.ZodType<MeasureBank & { $schema?: string | undefined }>;
