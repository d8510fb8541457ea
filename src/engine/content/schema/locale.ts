import { z } from 'zod';
import { contentId, schemaRef } from './common';

/**
 * How far a translation has come (I18N-1): `machine` (made by a machine, unread), `draft` (a
 * person wrote or corrected it, not yet reviewed) or `reviewed` (a native speaker checked it).
 * Adults see it; a sensitive activity is offered only in a language where it is `reviewed`.
 */
export const translationStatusSchema = z.enum(['machine', 'draft', 'reviewed']);

/** `content/locales/<lang>/<any>.json`: translations keyed by content id. */
export const localeSchema = z.strictObject({
  $schema: schemaRef,
  strings: z.record(
    z.string(),
    z.strictObject({
      text: z.string().min(1),
      sourceHash: z.string().regex(/^[0-9a-f]{8}$/, 'the 8-hex-digit hash of the English source'),
      status: translationStatusSchema,
    }),
  ),
});

/** Validates a content id key of a locale file. */
export const localeKey = contentId;
