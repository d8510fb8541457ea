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

/**
 * A string schema typed as one of the engine's branded ids. A cast, not a transform: the parse
 * is the same, and the schema stays a plain shape (the server's sync route compiles it).
 */
const branded = <B extends string>(schema: z.ZodType<string, string>) =>
  schema as unknown as z.ZodType<B, string>;

/** A progress event as received from a device (server ingest validates with this). */
export const eventSchema = z.strictObject({
  id: branded<EventId>(z.uuid()),
  learner: branded<LearnerId>(opaque),
  device: branded<DeviceId>(opaque),
  // A device's counter; stored as a 32-bit integer (PostgreSQL `integer`).
  seq: z.number().int().min(0).max(2_147_483_647),
  attempt: branded<AttemptId>(opaque),
  activity: branded<ActivityId>(slug),
  version: z.number().int().min(1),
  scene: branded<SceneId>(slug),
  answer,
  group: z.number().int().min(-1),
  correct: z.boolean(),
  safety,
  hinted: z.boolean(),
  whatIf: z.boolean(),
  ended: z.boolean(),
  at: z.number().int().min(0),
}) satisfies z.ZodType<ProgressEvent>;
