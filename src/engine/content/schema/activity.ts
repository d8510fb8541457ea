import { z } from 'zod';
import type { Activity } from '../../types/activity';
import {
  activityId,
  band,
  challengeId,
  level,
  media,
  minutes,
  schemaRef,
  sceneId,
  skillId,
  slug,
  text,
  topicId,
} from './common';
import { frameworkMapping } from './framework';
import { interactionSchema } from './interaction';
import { worksheet } from './worksheet';

const difficulty = z.number().min(-4).max(4);

/** One scene: content and one interaction. */
export const scene = z.strictObject({
  body: text,
  media: media.optional(),
  interaction: interactionSchema,
  checkpoint: z.boolean().optional(),
  playTogether: text.optional(),
  difficulty: difficulty.optional(),
});

/** An activity file: `packs/<pack>/activities/<id>.json`. */
export const activitySchema = z.strictObject({
  $schema: schemaRef,
  id: activityId,
  version: z.number().int().min(1),
  topic: topicId,
  band,
  level,
  skills: z.array(skillId).min(1, 'list at least one skill'),
  goal: text,
  title: text,
  summary: text,
  minutes,
  difficulty: difficulty.optional(),
  start: sceneId,
  scenes: z.record(
    slug.refine((s) => s !== 'end', '"end" is reserved for the end of the activity'),
    scene,
  ),
  worksheet,
  adultPrompt: text,
  playTogether: z.array(text).min(1, 'give at least one play-together prompt'),
  vocabulary: z.array(text).max(12, 'keep the word list short (12 words at most)').optional(),
  frameworks: frameworkMapping.optional(),
  challenges: z.array(challengeId).optional(),
  sensitive: z.strictObject({ minBand: band, adultNote: text, childNote: text }).optional(),
});

// Compile-time proof that a parsed activity is an Activity (minus the editor-only `$schema`).
activitySchema satisfies z.ZodType<Activity & { $schema?: string | undefined }>;
