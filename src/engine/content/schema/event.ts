import { z } from 'zod';
import type { ActivityId, AttemptId, DeviceId, EventId, LearnerId, SceneId } from '../../ids';
import type { ProgressEvent } from '../../progress/event';
import { answer } from './answers';
import { safety, slug } from './common';

const opaque = z
  .string()
  .min(1)
  .max(64)
  .regex(/^[A-Za-z0-9_-]+$/);

/** A progress event as received from a device (server ingest validates with this). */
export const eventSchema = z.strictObject({
  id: z.uuid().transform((s) => s as EventId),
  learner: opaque.transform((s) => s as LearnerId),
  device: opaque.transform((s) => s as DeviceId),
  seq: z.number().int().min(0),
  attempt: opaque.transform((s) => s as AttemptId),
  activity: slug.transform((s) => s as ActivityId),
  version: z.number().int().min(1),
  scene: slug.transform((s) => s as SceneId),
  answer,
  group: z.number().int().min(-1),
  correct: z.boolean(),
  safety,
  hinted: z.boolean(),
  whatIf: z.boolean(),
  ended: z.boolean(),
  at: z.number().int().min(0),
}) satisfies z.ZodType<ProgressEvent>;
