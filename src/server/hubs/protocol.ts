// What a school hub sends the national server and what it hears back (issue #18, SCALE-04):
// one chunk of at most 500 of the hub's events, in the hub's own order, gzipped. Both sides use
// these schemas: the server's route checks a chunk with them, the hub's uploader its answers.

import { z } from 'zod';
import { learnerEventSchema } from '../../engine/content';
import { compiledInput } from '../http/compiled-input';
import { coded } from '../http/input-errors';

/** Most events in one chunk (SCALE-04). */
export const MAX_CHUNK = 500;

/** Most erasures in one chunk. */
export const MAX_ERASURES = 500;

/** The largest chunk body once gunzipped, in bytes (a chunk of real events is ~250 KB). */
export const MAX_CHUNK_BYTES = 4 * 1024 * 1024;

/** A hub's id, fixed at provisioning (`kite hub add`). */
export const HubIdSchema = z
  .string()
  .min(8)
  .max(40)
  .regex(/^[A-Za-z0-9_-]+$/, 'is not a hub id');

/** A hub credential as printed by `kite hub add`. */
export const HubTokenSchema = z
  .string()
  .min(32)
  .max(100)
  .regex(/^[A-Za-z0-9_-]+$/, 'is not a hub credential');

/**
 * The instance of a hub's database (SCALE-06): random, made by the hub when its database is
 * first used and made again when the database turns out to be a copy (instance.ts).
 */
export const InstanceIdSchema = z
  .string()
  .min(1)
  .max(40)
  .regex(/^[A-Za-z0-9_-]+$/, 'is not an instance id');

/** The instance a hub that uploaded before instance ids existed continues as. */
export const INITIAL_INSTANCE = 'initial';

const sequence = z.number().int().min(0).max(Number.MAX_SAFE_INTEGER);

/**
 * One chunk: every event of the hub's `instance` with a sequence number in (`after`,
 * `through`], in order. `after` is where the hub believes the server stands for that instance;
 * `backlog` how many events it has after `through`, for the server's view of the hubs. A chunk
 * without `instance` (a hub from before instance ids) is of the instance `initial`.
 */
export const HubChunkSchema = compiledInput(
  z.strictObject({
    hub: HubIdSchema,
    instance: InstanceIdSchema.optional(),
    after: sequence,
    through: sequence,
    backlog: sequence,
    events: coded(
      z
        .array(
          z.strictObject({
            /** The hub's sequence number of the event (its `kite_learner_event.n`). */
            n: sequence,
            /** The learner's epoch on the hub: behind the server's, the events were erased. */
            epoch: z.number().int().min(1),
            event: learnerEventSchema,
          }),
        )
        .max(MAX_CHUNK),
      'batch_too_large',
      () => `Send at most ${MAX_CHUNK} events at once`,
    ),
    /**
     * Learners of the hub's school a teacher (or the hub's retention purge) erased for good on
     * the hub: the server erases them too.
     */
    erasures: z
      .array(
        z
          .string()
          .min(1)
          .max(64)
          .regex(/^[A-Za-z0-9_-]+$/, 'is not a learner id'),
      )
      .max(MAX_ERASURES)
      .optional(),
  }),
);
export type HubChunk = z.infer<typeof HubChunkSchema>;

/** The server's answer to a chunk it took. */
export const HubAckSchema = z.object({
  /** The hub's sequence up to which the server has every event: the high-water mark. */
  highWater: z.number().int().min(0),
  /** Events of the chunk stored now. */
  stored: z.number().int().min(0),
  /** Events of the chunk the server had already (a chunk sent again). */
  known: z.number().int().min(0),
  /** Events of the chunk not kept: erased learners' and, with measurement off, measurements. */
  dropped: z.number().int().min(0),
  /** Learners of the chunk erased for good here: the hub may forget them. */
  erased: z.array(z.string()),
});
export type HubAck = z.infer<typeof HubAckSchema>;
