import { z } from 'zod';
import { CROSS_CUTTING, RISKS } from '../../types/catalogue';
import type { Topic } from '../../types/catalogue';
import { schemaRef, skillId, text, topicId } from './common';
import { frameworkMapping } from './framework';

/** One topic with its skills. */
export const topic = z.strictObject({
  id: topicId,
  title: text,
  summary: text,
  risks: z.array(z.enum(RISKS)).min(1, 'map the topic to at least one of the 4 Cs'),
  crossCutting: z.array(z.enum(CROSS_CUTTING)).optional(),
  skills: z.array(z.strictObject({ id: skillId, title: text })).min(1),
  frameworks: frameworkMapping.optional(),
}) satisfies z.ZodType<Topic>;

/** `content/topics.json`. */
export const topicsSchema = z.strictObject({
  $schema: schemaRef,
  topics: z.array(topic).min(1),
});
