import { z } from 'zod';
import type { Framework } from '../../types/catalogue';
import { localId, schemaRef, slug, text } from './common';

/** Framework id → strand ids, on a topic or an activity. */
export const frameworkMapping = z
  .record(slug, z.array(localId).min(1, 'name at least one strand'))
  .meta({ id: 'FrameworkMapping', description: 'Framework id → strand ids' });

/** `content/frameworks/<id>.json`: a learning framework and the strands Kite maps to. */
export const frameworkSchema = z.strictObject({
  $schema: schemaRef,
  id: slug,
  title: text,
  publisher: z.string().min(1),
  edition: z.string().min(1),
  source: z.url('give the URL where the strands were read'),
  note: z.string().optional(),
  strands: z
    .array(
      z.strictObject({
        id: localId,
        title: text,
        section: z.string().min(1, 'cite where the framework names this strand'),
      }),
    )
    .min(1),
}) satisfies z.ZodType<Framework & { $schema?: string | undefined }>;
