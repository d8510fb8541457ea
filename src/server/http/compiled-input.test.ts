import { describe, expect, it } from 'vitest';
import { z } from 'zod';
import { SyncRequestSchema } from '../routes/classes/schemas';
import { compiledCheck, compiledInput, discriminated, validatorCompiler } from './compiled-input';

const compile = (schema: z.ZodType) =>
  validatorCompiler({ schema, method: 'POST', url: '/t', httpPart: 'body' }) as (data: unknown) => {
    value?: unknown;
    error?: unknown;
  };

describe('compiledInput', () => {
  it.each([
    ['a transform', z.strictObject({ a: z.string().transform((s) => s.length) })],
    ['a default', z.strictObject({ a: z.string().default('x') })],
    ['trimming', z.strictObject({ a: z.string().trim() })],
    ['a refinement', z.strictObject({ a: z.string().refine((s) => s !== 'end') })],
    ['a loose object (zod strips unknown keys)', z.object({ a: z.string() })],
    ['a pattern with flags', z.strictObject({ a: z.string().regex(/^a$/i) })],
  ])('refuses a schema with %s', (_, schema) => {
    expect(() => compiledInput(schema)).toThrow(/compiledInput/);
  });

  it('checks only the branch a discriminated union names, and only for objects', () => {
    const tagged = (name: string, tags: unknown[], required = true) => ({
      oneOf: tags.map((t) => ({
        type: 'object',
        properties: { [name]: { type: 'string', const: t }, v: { type: 'string' } },
        required: required ? [name] : ['v'],
        additionalProperties: false,
      })),
    });
    const marked = (s: unknown) => (discriminated(s) as { discriminator?: unknown }).discriminator;
    expect(marked(tagged('type', ['a', 'b']))).toEqual({ propertyName: 'type' });
    expect((discriminated(tagged('type', ['a', 'b'])) as { type: string }).type).toBe('object');
    // Nested, as an answer's union sits inside an event's.
    expect(
      marked((discriminated({ items: tagged('kind', ['x', 'y']) }) as { items: unknown }).items),
    ).toEqual({ propertyName: 'kind' });
    // Left as they are: a tag two branches share, one not required, one not a string.
    expect(marked(tagged('type', ['a', 'a']))).toBeUndefined();
    expect(marked(tagged('type', ['a', 'b'], false))).toBeUndefined();
    expect(marked(tagged('type', [1, 2]))).toBeUndefined();
    expect(marked({ oneOf: [{ type: 'string' }, { type: 'null' }] })).toBeUndefined();
    // The sync body's unions are marked: an answer's type, a measurement event's kind.
    const sync = JSON.stringify(
      discriminated(z.toJSONSchema(SyncRequestSchema, { io: 'input', target: 'draft-7' })),
    );
    expect(sync.match(/"discriminator":\{"propertyName":"(\w+)"\}/g)).toEqual([
      '"discriminator":{"propertyName":"type"}',
      '"discriminator":{"propertyName":"type"}',
      '"discriminator":{"propertyName":"kind"}',
    ]);
  });

  it('hands what it refuses to zod, for the same issues', () => {
    const check = compile(SyncRequestSchema);
    const bad = { ...body(), epoch: 0 };
    expect(check(bad).error).toEqual(
      (compile(z.strictObject(SyncRequestSchema.shape))(bad) as { error: unknown }).error,
    );
  });
});

const ID = '0f8fad5b-d9cb-469f-a165-70867728950e';
const ANSWERS: unknown[] = [
  { type: 'choice', option: 'a' },
  { type: 'sort', placement: { a: 'b', c: 'd' } },
  { type: 'chat', reply: 'r1' },
  { type: 'inbox', flagged: ['m1', 'm2'] },
  { type: 'password', score: 3, flags: ['dictionary', 'short'] },
  { type: 'settings', values: { s: 'on' } },
  { type: 'hotspot', found: ['x'] },
  { type: 'sequence', order: ['a', 'b'] },
  { type: 'feed', actions: { p1: 'report' } },
  { type: 'continue' },
];

function body(): Record<string, unknown> {
  return {
    device: 'dev-1',
    epoch: 1,
    since: '42',
    events: ANSWERS.map((answer, i): Record<string, unknown> => ({
      id: ID,
      learner: 'learner_1',
      device: 'dev-1',
      seq: i,
      attempt: 'att-1',
      activity: 'phish-inbox',
      version: 1,
      scene: 's1',
      answer,
      group: i % 2 === 0 ? 0 : -1,
      correct: i % 2 === 0,
      safety: 'safe',
      hinted: false,
      whatIf: false,
      ended: i === ANSWERS.length - 1,
      at: 1_765_000_000_000 + i,
    })).concat(MEASURE_EVENTS),
  };
}

/** One measurement event of each kind (NATION-3), synced in the same batches. */
const measure = {
  id: ID,
  learner: 'learner_1',
  device: 'dev-1',
  seq: 20,
  topic: 'scams',
  band: '8-10',
  at: 1_765_000_000_100,
};
const MEASURE_EVENTS: Record<string, unknown>[] = [
  { ...measure, kind: 'measure-assigned', skipPre: true, skipRate: 0.15 },
  {
    ...measure,
    kind: 'measure-answered',
    use: 'pre',
    version: 1,
    item: 'm-pre-1',
    answer: { type: 'choice', option: 'a' },
  },
  {
    ...measure,
    kind: 'measure-answered',
    use: 'post',
    version: 1,
    item: 'm-post-3',
    answer: { type: 'sort', placement: { 'card-1': 'scam' } },
  },
  { ...measure, kind: 'measure-declined', use: 'transfer', version: 2 },
];

/** Values to put in place of any value: wrong types, edges of lengths, numbers and patterns. */
const REPLACEMENTS: unknown[] = [
  null,
  true,
  0,
  -1,
  1.5,
  2 ** 53,
  '',
  'a',
  'A',
  '42',
  'end',
  'not-a-uuid',
  ID.toUpperCase(),
  'x'.repeat(64),
  'x'.repeat(65),
  '😀'.repeat(32),
  '😀'.repeat(33),
  'a b',
  'a\n',
  [],
  ['a'],
  {},
  { type: 'choice' },
  { type: 'continue' },
  { type: 'unknown-kind' },
  { type: 7 },
  { kind: 'measure-declined' },
  'safe',
  'dictionary',
];

/** Every variant of `value` with one change: each value replaced, each key dropped or added. */
function* mutations(value: unknown): Generator<unknown> {
  if (Array.isArray(value)) {
    for (let i = 0; i < value.length; i++) {
      for (const m of mutations(value[i])) yield value.map((v, j) => (j === i ? m : v));
    }
    yield [...value, value[0]];
    yield value.slice(1);
  } else if (value !== null && typeof value === 'object') {
    const o = value as Record<string, unknown>;
    for (const key of Object.keys(o)) {
      for (const m of mutations(o[key])) yield { ...o, [key]: m };
      const { [key]: _dropped, ...rest } = o;
      yield rest;
    }
    yield { ...o, extra: 1 };
  }
  yield* REPLACEMENTS;
}

describe('the sync body checked by compiled code', () => {
  it('accepts and refuses exactly what zod does, on thousands of variants of a batch', () => {
    const compiled = compiledCheck(SyncRequestSchema);
    const check = (data: unknown) => ({ error: compiled(data) ? undefined : 'refused' });
    const sample = body();
    // One event of each answer type, mutated alone, keeps the count manageable.
    let compared = 0;
    let refused = 0;
    const events = sample.events as unknown[];
    for (let e = 0; e < events.length; e++) {
      for (const m of mutations(events[e])) {
        const variant = { ...sample, events: [m] };
        const zod = SyncRequestSchema.safeParse(variant).success;
        expect({ variant, compiled: check(variant).error === undefined }).toEqual({
          variant,
          compiled: zod,
        });
        compared++;
        if (!zod) refused++;
      }
    }
    for (const m of mutations({ ...sample, events: [] })) {
      const zod = SyncRequestSchema.safeParse(m).success;
      expect({ m, compiled: check(m).error === undefined }).toEqual({ m, compiled: zod });
      compared++;
    }
    const tooMany = { ...sample, events: Array.from({ length: 101 }, () => events[0]) };
    expect(check(tooMany).error).toBeDefined();
    expect(compile(SyncRequestSchema)(sample)).toEqual({ value: sample });
    expect(compared).toBeGreaterThan(2000);
    expect(refused).toBeGreaterThan(compared / 2);
  });
});
