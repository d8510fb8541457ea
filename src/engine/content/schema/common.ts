import { z } from 'zod';
import { CONTENT_ID_PATTERN, SLUG_PATTERN } from '../../ids';
import type { ActivityId, ChallengeId, ContentId, SceneId, SkillId, TopicId } from '../../ids';
import { BANDS, LEVELS, SAFETY } from '../../types/text';
import type { Media, Text } from '../../types/text';

const SLUG_HELP = 'use lower-case letters, digits and single hyphens, e.g. "phish-inbox-1"';

/** A URL-safe slug. */
export const slug = z.string().regex(SLUG_PATTERN, SLUG_HELP);

/** A local id inside one interaction (option, bin, item, step, message, post, spot, setting). */
export const localId = slug;

/** Words that may not be activity ids, because content ids of other kinds start with them. */
export const RESERVED_IDS = ['topic', 'skill', 'pack', 'guide', 'challenge', 'country', 'end'];

const notReserved = (s: string) => !RESERVED_IDS.includes(s);

/** An activity id: a slug that is not a reserved word. */
export const activityId = slug
  .refine(notReserved, `this word is reserved (${RESERVED_IDS.join(', ')})`)
  .transform((s) => s as ActivityId);
/** A scene id: a slug other than `end`. */
export const sceneId = slug
  .refine((s) => s !== 'end', '"end" is reserved for the end of the activity')
  .transform((s) => s as SceneId);
/** A topic id. */
export const topicId = slug.transform((s) => s as TopicId);
/** A skill id. */
export const skillId = slug.transform((s) => s as SkillId);
/** A challenge id. */
export const challengeId = slug.transform((s) => s as ChallengeId);
/** A content id: dot-separated slugs. */
export const contentId = z
  .string()
  .regex(CONTENT_ID_PATTERN, 'a content id is dot-separated slugs, e.g. "phish-inbox-1.s1.body"')
  .transform((s) => s as ContentId);

/** A learner- or adult-facing string with its stable content id. */
export const text = z
  .strictObject({
    id: contentId,
    text: z.string().refine((s) => s.trim() !== '', 'text must not be empty'),
    note: z.string().optional(),
  })
  .meta({
    id: 'Text',
    description: 'A learner- or adult-facing string: { "id": "<content id>", "text": "English" }',
  }) satisfies z.ZodType<Text>;

/** An image with alt text. */
export const media = z
  .strictObject({
    src: z
      .string()
      .regex(
        /^(?:media|art)\/(?:[a-z0-9][a-z0-9._-]*\/)*[a-z0-9][a-z0-9._-]*\.(?:svg|png|jpg|webp)$/,
        'use "media/<file>" (in this pack) or "art/<path>" (shared art), e.g. "art/scenes/park-selfie.svg"',
      ),
    alt: text,
  })
  .meta({
    id: 'Media',
    description: 'An image in the pack media/ folder with alt text',
  }) satisfies z.ZodType<Media>;

/** An age band. */
export const band = z.enum(BANDS);
/** A level. */
export const level = z.enum(LEVELS);
/** A safety label. */
export const safety = z.enum(SAFETY);

/** Minutes of play or work. */
export const minutes = z.number().int().min(1).max(240);

/** The optional `$schema` key that points editors at the JSON Schema file. */
export const schemaRef = z.string().optional();
