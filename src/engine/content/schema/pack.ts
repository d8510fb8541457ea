import { z } from 'zod';
import type { PackId } from '../../ids';
import type { Challenge, Guide, Pack } from '../../types/catalogue';
import { band, challengeId, minutes, schemaRef, slug, text, topicId } from './common';
import type { GuideId } from '../../ids';

/** `packs/<pack>/pack.json`. */
export const packSchema = z.strictObject({
  $schema: schemaRef,
  id: slug.transform((s) => s as PackId),
  title: text,
  description: text,
}) satisfies z.ZodType<Pack & { $schema?: string | undefined }>;

const texts = z.array(text);
const someTexts = z.array(text).min(1);

/** `packs/<pack>/guides/<id>.json`: the adults' guide for one topic and band. */
export const guideSchema = z.strictObject({
  $schema: schemaRef,
  id: slug.transform((s) => s as GuideId),
  topic: topicId,
  band,
  title: text,
  risk: someTexts,
  practises: someTexts,
  parents: z.strictObject({
    conversationStarters: someTexts,
    settingsChecklist: texts,
    ifSomethingHappened: someTexts,
  }),
  teachers: z.strictObject({
    conversationStarters: someTexts,
    inClass: someTexts,
    ifSomethingHappened: someTexts,
  }),
  adapting: someTexts.optional(),
}) satisfies z.ZodType<Guide & { $schema?: string | undefined }>;

/** `packs/<pack>/challenges/<id>.json`: an offline mission. */
export const challengeSchema = z.strictObject({
  $schema: schemaRef,
  id: challengeId,
  topic: topicId,
  bands: z.array(band).min(1),
  for: z.enum(['child', 'family', 'class']),
  title: text,
  summary: text,
  steps: someTexts,
  minutes,
}) satisfies z.ZodType<Challenge & { $schema?: string | undefined }>;
