import { z } from 'zod';
import type { Course } from '../../types/course';
import { activityId, band, localId, schemaRef, slug, text } from './common';

const choice = z.strictObject({
  id: localId,
  text,
  correct: z.boolean(),
  feedback: text,
});

const courseModule = z.strictObject({
  // Module pages are `/course/<course>/<module>`, beside `/course/<course>/certificate`.
  id: slug.refine((s) => s !== 'certificate', '"certificate" is reserved for the certificate page'),
  title: text,
  story: z.array(text).min(1).max(6),
  activities: z.array(activityId).min(2).max(4),
  check: z.strictObject({
    question: text,
    choices: z.array(choice).min(2).max(4),
  }),
  help: text,
});

/**
 * `packs/<pack>/courses/<id>.json`: a guided course for one band (COURSE-1), modules in order.
 * Each module: Kiri's story (1–6 lines), 2–4 activities of the band, a closing check (2–4
 * choices, at least one right, checked in `checks/courses.ts`), and who can help.
 */
export const courseSchema = z.strictObject({
  $schema: schemaRef,
  id: slug,
  band,
  title: text,
  summary: text,
  modules: z.array(courseModule).min(1),
}) satisfies z.ZodType<Course & { $schema?: string | undefined }>;
