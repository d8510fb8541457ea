import { z } from 'zod';
import type { DeviceId, EventId, LearnerId, TopicId } from '../../ids';
import type { MeasureEvent } from '../../measurement/events';
import { MEASURE_USES } from '../../types/measurement';
import { choiceAnswer, sortAnswer } from './answers';
import { band, slug } from './common';
import { eventSchema } from './event';

const opaque = z
  .string()
  .min(1)
  .max(64)
  .regex(/^[A-Za-z0-9_-]+$/);
// Casts, not transforms, as in event.ts: the server's sync route compiles these schemas.
const branded = <B extends string>(schema: z.ZodType<string, string>) =>
  schema as unknown as z.ZodType<B, string>;

const base = {
  id: branded<EventId>(z.uuid()),
  learner: branded<LearnerId>(opaque),
  device: branded<DeviceId>(opaque),
  // A device's counter; stored as a 32-bit integer (PostgreSQL `integer`).
  seq: z.number().int().min(0).max(2_147_483_647),
  topic: branded<TopicId>(slug),
  band,
  at: z.number().int().min(0),
};

/** A measurement event as received from a device (NATION-3): ids and numbers only. */
export const measureEventSchema = z.discriminatedUnion('kind', [
  z.strictObject({
    ...base,
    kind: z.literal('measure-assigned'),
    skipPre: z.boolean(),
    skipRate: z.number().min(0).max(1),
  }),
  z.strictObject({
    ...base,
    kind: z.literal('measure-answered'),
    use: z.enum(MEASURE_USES),
    version: z.number().int().min(1),
    item: slug,
    answer: z.discriminatedUnion('type', [choiceAnswer, sortAnswer]),
  }),
  z.strictObject({
    ...base,
    kind: z.literal('measure-declined'),
    use: z.enum(MEASURE_USES),
    version: z.number().int().min(1),
  }),
]) satisfies z.ZodType<MeasureEvent>;

/** Anything a device syncs: a progress event (no `kind`) or a measurement event. */
export const learnerEventSchema = z.union([eventSchema, measureEventSchema]);
