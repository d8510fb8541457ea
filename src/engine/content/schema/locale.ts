import { z } from 'zod';
import { contentId, schemaRef } from './common';

/** `content/locales/<lang>/<any>.json`: translations keyed by content id. */
export const localeSchema = z.strictObject({
  $schema: schemaRef,
  strings: z.record(
    z.string(),
    z.strictObject({
      text: z.string().min(1),
      sourceHash: z.string().regex(/^[0-9a-f]{8}$/, 'the 8-hex-digit hash of the English source'),
    }),
  ),
});

/** Validates a content id key of a locale file. */
export const localeKey = contentId;
