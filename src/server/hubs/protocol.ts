// What a school hub sends the national server and what it hears back (issue #18, SCALE-04):
// one chunk of at most 500 of the hub's events, in the hub's own order, gzipped. Both sides use
// these schemas: the server's route checks a chunk with them, the hub's uploader its answers.

import { z } from 'zod';
import { learnerEventSchema } from '../../engine/content';
import { BANDS } from '../../engine';
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

// Rosters and assignments between a hub and its server (src/server/records/, SCALE-07/08/09):
// the hub asks for the changes of its school's records after the server's change number it has
// (`GET /api/hubs/records?after=N`) and sends its own (`POST /api/hubs/records`), each record
// with every field's value and the hybrid logical clock reading of its last write.

/** Most records in one page or one push. */
export const MAX_RECORDS = 500;

/** A hybrid logical clock reading (src/engine/sync/hlc.ts). */
const HlcSchema = z.strictObject({
  wall: sequence,
  counter: z.number().int().min(0).max(2_147_483_647),
  node: z
    .string()
    .min(1)
    .max(40)
    .regex(/^[A-Za-z0-9_-]+$/, 'is not a node id'),
});

const idOf = (max: number, what: string) =>
  z
    .string()
    .min(1)
    .max(max)
    .regex(/^[A-Za-z0-9_-]+$/, `is not ${what}`);
const stamped = <T extends z.ZodType>(value: T) =>
  z.strictObject({ value, at: HlcSchema }).optional();
const band = z.enum(BANDS);
const deleted = stamped(z.boolean());

/** A class, a class's child or an assignment, as src/server/records/records.ts shares it. */
export const SharedRecordSchema = z.discriminatedUnion('kind', [
  z.strictObject({
    kind: z.literal('class'),
    id: idOf(32, 'a class id'),
    school: idOf(32, 'a school id'),
    fields: z.strictObject({
      teacher: stamped(idOf(32, 'an account id')),
      name: stamped(z.string().min(1).max(80)),
      band: stamped(band),
      lang: stamped(z.string().min(1).max(16)),
      code: stamped(z.string().min(1).max(8)),
      deleted,
    }),
  }),
  z.strictObject({
    kind: z.literal('learner'),
    id: idOf(40, 'a learner id'),
    school: idOf(32, 'a school id'),
    fields: z.strictObject({
      class_id: stamped(idOf(32, 'a class id')),
      nickname: stamped(z.string().min(1).max(40)),
      avatar: stamped(z.string().min(1).max(40)),
      band: stamped(band),
      lang: stamped(z.string().min(1).max(16)),
      pictures: stamped(z.string().min(1).max(130).nullable()),
      /** Raised by each erasure of the child's progress; the larger wins. */
      epoch: stamped(z.number().int().min(1).max(2_147_483_647)),
      deleted,
    }),
  }),
  z.strictObject({
    kind: z.literal('assignment'),
    /** The class id, a space, the activity id. */
    id: z
      .string()
      .min(3)
      .max(161)
      .regex(/^[A-Za-z0-9_-]{1,32} [^\s]{1,128}$/, 'is not a class id and an activity'),
    school: idOf(32, 'a school id'),
    fields: z.strictObject({
      due: stamped(
        z
          .string()
          .regex(/^\d{4}-\d{2}-\d{2}$/, 'is not a day')
          .nullable(),
      ),
      deleted,
    }),
  }),
]);
export type SharedRecordWire = z.infer<typeof SharedRecordSchema>;

/** What the hub asks: changes after the server's change number `after`. */
export const RecordsQuerySchema = z.strictObject({
  after: z.string().regex(/^\d{1,15}$/, 'is not a change number'),
});

/** The hub's school as the server has it (the server's alone: it is not merged). */
export const HubSchoolSchema = z.object({
  id: z.string(),
  name: z.string(),
  agreedBy: z.string().nullable(),
  agreedAt: z.string().nullable(),
  agreementNotice: z.string().nullable(),
});

/** One page of the server's changes for a hub's school. */
export const RecordsPageSchema = z.object({
  school: HubSchoolSchema,
  records: z.array(SharedRecordSchema).max(MAX_RECORDS),
  /** The change number of the page's last record: ask after it next. */
  through: z.number().int().min(0),
  more: z.boolean(),
});
export type RecordsPage = z.infer<typeof RecordsPageSchema>;

/** A hub's own changes. */
export const RecordsPushSchema = z.strictObject({
  hub: HubIdSchema,
  records: coded(
    z.array(SharedRecordSchema).max(MAX_RECORDS),
    'batch_too_large',
    () => `Send at most ${MAX_RECORDS} records at once`,
  ),
});
export type RecordsPush = z.infer<typeof RecordsPushSchema>;

/** The server's answer to a push. */
export const RecordsAckSchema = z.object({
  /** Records that changed on the server. */
  changed: z.number().int().min(0),
  /** Field readings more than a day ahead of the server's clock, clamped (SCALE-09). */
  clamped: z.number().int().min(0),
  /** Each clamped reading (`from`) and the one the server kept (`to`): the hub takes it too. */
  kept: z.array(
    z.object({
      kind: z.enum(['class', 'learner', 'assignment']),
      id: z.string().max(161),
      field: z.string().max(16),
      from: HlcSchema,
      to: HlcSchema,
    }),
  ),
});
