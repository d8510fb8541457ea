import { z } from 'zod';
import { ANSWER_LEVELS, SERVICE_FEATURES } from '../../industry/types';
import type { IndustryFramework } from '../../industry/types';
import { localId, schemaRef, slug, text } from './common';

const question = z.strictObject({
  id: localId,
  section: localId,
  text,
  guidance: text,
  weight: z.literal([1, 2, 3]),
  critical: z.boolean(),
  evidence: z.enum(['none', 'document']),
  appliesIf: z.array(z.enum(SERVICE_FEATURES)).min(1).optional(),
  mappings: z.array(z.string().min(1)),
  target: z.literal(ANSWER_LEVELS).optional(),
  recommendation: z.strictObject({
    text,
    resources: z.array(z.url('give the URL of a public resource')).min(1),
  }),
});

/**
 * `industry/<id>/v<version>.json`: one version of an industry self-assessment framework
 * (research/industry.md (a)): sections with their share of the score, and questions. A
 * published version never changes (`industry/published.json`); checks in `checks/industry.ts`.
 */
export const industrySchema = z.strictObject({
  $schema: schemaRef,
  id: slug,
  version: z.number().int().min(1),
  title: text,
  publisher: z.string().min(1),
  sections: z
    .array(
      z.strictObject({
        id: localId,
        title: text,
        weight: z.number().positive().max(100),
      }),
    )
    .min(1),
  questions: z.array(question).min(1),
}) satisfies z.ZodType<IndustryFramework & { $schema?: string | undefined }>;

/** `industry/published.json`: `<id>@v<version>` → `sourceHash` of that file's exact text. */
export const industryPublishedSchema = z.record(
  z.string().regex(/^[a-z0-9]+(?:-[a-z0-9]+)*@v[1-9][0-9]*$/, 'use "<id>@v<version>"'),
  z.string().regex(/^[0-9a-f]{8}$/, 'the sourceHash of the file: 8 hex digits'),
);
