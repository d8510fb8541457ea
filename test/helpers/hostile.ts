// fast-check arbitraries of hostile input for the fuzz test, and how to judge a JSON body
// against the OpenAPI document's schema: which defects make it certainly invalid.
import fc from 'fast-check';
import type { JsonSchema } from './openapi-operations';

/** A JSON object kept as its entries, so keys like `__proto__` survive into the text. */
export class Obj {
  constructor(readonly entries: readonly (readonly [string, Json])[]) {}
}

/** JSON text written as is (a number JavaScript would change: `1e999`, `-0`, big integers). */
export class RawNumber {
  constructor(readonly text: string) {}
}

export type Json = null | boolean | number | string | RawNumber | Obj | readonly Json[];

/** The JSON text of a value, every key kept in order (duplicates and `__proto__` included). */
export function jsonText(v: Json): string {
  if (v instanceof RawNumber) return v.text;
  if (v instanceof Obj)
    return `{${v.entries.map(([k, x]) => `${JSON.stringify(k)}:${jsonText(x)}`).join(',')}}`;
  if (Array.isArray(v)) return `[${v.map(jsonText).join(',')}]`;
  return JSON.stringify(v) ?? 'null';
}

/** Percent-encodes the UTF-8 form (a lone surrogate becomes U+FFFD, as UTF-8 has no form for it). */
export function pct(s: string): string {
  return encodeURIComponent(Buffer.from(s, 'utf8').toString('utf8'));
}

const NASTY = [
  '',
  ' ',
  '\u0000',
  'a\u0000b',
  '\u0007\u001b[31m',
  '\r\nSet-Cookie: x=1',
  '\u202eevil\u202c',
  '\u2028\u2029',
  '\ufeff',
  '\ud800',
  '\udfff\ud800',
  'e\u0301\u0301\u0301',
  '😀'.repeat(40),
  '../../../etc/passwd',
  '..%2f..%2f',
  '%00',
  '%zz',
  '<script>alert(1)</script>',
  "' OR '1'='1' --",
  '"; DROP TABLE kite_user; --',
  '${7*7}{{7*7}}',
  '__proto__',
  'constructor',
  'prototype',
  'toString',
  'null',
  'undefined',
  'true',
  'NaN',
  '-0',
  '1e309',
  '0x1f',
  '123456',
  '  123456  ',
  'abcd-efgh',
  'admin',
  'company',
  'someone@example.org',
  ' SOMEONE@Example.ORG ',
  'a@b',
  '@@',
  'x'.repeat(101),
  'x'.repeat(255),
  'x'.repeat(1001),
];

/**
 * Strings meant to break things: controls, bidi, surrogates, injections, numbers as text, and
 * long runs (up to 70,000 characters: over the body limit as 4-byte emoji).
 */
export const hostileString: fc.Arbitrary<string> = fc.oneof(
  { weight: 3, arbitrary: fc.constantFrom(...NASTY) },
  { weight: 2, arbitrary: fc.string({ unit: 'binary', maxLength: 30 }) },
  { weight: 1, arbitrary: fc.string({ unit: 'grapheme', maxLength: 30 }) },
  { weight: 1, arbitrary: fc.oneof(fc.integer(), fc.double()).map(String) },
  {
    weight: 1,
    arbitrary: fc
      .tuple(fc.constantFrom('a', ' ', '\u0000', '😀', 'é'), fc.integer({ min: 200, max: 70_000 }))
      .map(([c, n]) => c.repeat(n)),
  },
);

/** A hostile string short enough for an address or a header (a long one is refused by Node). */
export const hostileShortString: fc.Arbitrary<string> = hostileString.map((x) => x.slice(0, 3000));

/** Object keys an attacker tries: prototype pollution, empties, near-misses of real names. */
export const hostileKey: fc.Arbitrary<string> = fc.oneof(
  fc.constantFrom(
    '__proto__',
    'constructor',
    'prototype',
    '',
    ' ',
    'Email',
    'role ',
    'isAdmin',
    'status',
    'id',
    'userId',
    '$where',
    'a.b',
    'a[b]',
  ),
  fc.string({ unit: 'binary', maxLength: 12 }),
);

const rawNumbers = fc
  .constantFrom('1e999', '-1e999', '-0', '123456789012345678901234567890', '0.1e-400', '1E+2')
  .map((t) => new RawNumber(t));

/** Any JSON value, hostile at every level. */
export const hostileJson: fc.Arbitrary<Json> = fc.letrec<{ value: Json }>((tie) => ({
  value: fc.oneof(
    { depthSize: 'small', maxDepth: 4 },
    hostileString,
    fc.integer(),
    fc.double({ noNaN: true, noDefaultInfinity: true }),
    rawNumbers,
    fc.boolean(),
    fc.constant(null),
    fc.array(tie('value'), { maxLength: 4 }),
    fc
      .array(fc.tuple(hostileKey, tie('value')), { maxLength: 4 })
      .map((entries) => new Obj(entries)),
  ),
})).value;

/** JSON nested `depth` levels deep: arrays, or objects under one key. */
export const deepJson: fc.Arbitrary<string> = fc
  .tuple(fc.constantFrom('array', 'object'), fc.integer({ min: 50, max: 60_000 }))
  .map(([kind, depth]) =>
    kind === 'array'
      ? `${'['.repeat(depth)}${']'.repeat(depth)}`
      : `${'{"a":'.repeat(depth)}1${'}'.repeat(depth)}`,
  );

/** Body texts that are not JSON, or barely. */
export const brokenJson: fc.Arbitrary<string> = fc.constantFrom(
  '{',
  '{"email":',
  "{'email':'a'}",
  '{"a":1,}',
  'nul',
  '\ufeff{}',
  '{}garbage',
  '\u0000',
  '[1,2',
  '"unterminated',
  '{"__proto__":{"isAdmin":true}}',
  '{"constructor":{"prototype":{"isAdmin":true}}}',
);

/** A plausible (well-typed) value for a property, by its schema and name. */
function plausible(name: string, s: JsonSchema): fc.Arbitrary<Json> {
  if (s.enum) return fc.constantFrom(...(s.enum as Json[]));
  const type = Array.isArray(s.type) ? s.type[0] : s.type;
  if (type === 'integer' || type === 'number') return fc.integer({ min: 1, max: 5 });
  if (type === 'boolean') return fc.boolean();
  if (/email/i.test(name)) return fc.constantFrom('someone@example.org', ' Fuzz@Example.org ');
  if (/token/i.test(name)) return fc.stringMatching(/^[A-Za-z0-9_-]{8,60}$/);
  if (/code/i.test(name)) return fc.constantFrom('123456', 'abcd-efgh', ' 000000 ');
  if (/name/i.test(name)) return fc.constantFrom('Fuzzy Name', 'Ana María');
  if (/password/i.test(name)) return fc.constantFrom('not the password 123', 'password');
  return fc.string({ maxLength: 10 });
}

/**
 * An object shaped like the schema: each documented property absent, plausible or hostile,
 * and a few extra keys.
 */
export function shapedBody(schema: JsonSchema): fc.Arbitrary<Json> {
  const props = Object.entries(schema.properties ?? {});
  const known = new Set(props.map(([k]) => k));
  return fc
    .tuple(
      fc.tuple(
        ...props.map(([name, s]) =>
          fc.oneof(
            { weight: 1, arbitrary: fc.constant(undefined) },
            { weight: 3, arbitrary: plausible(name, s) },
            { weight: 2, arbitrary: hostileJson },
          ),
        ),
      ),
      fc.array(
        fc.tuple(
          hostileKey.filter((k) => !known.has(k)),
          hostileJson,
        ),
        { maxLength: 2 },
      ),
    )
    .map(
      ([values, extra]) =>
        new Obj([
          ...props.flatMap(([name], i) =>
            values[i] === undefined ? [] : [[name, values[i]!] as const],
          ),
          ...extra,
        ]),
    );
}

function typeOf(v: Json): string {
  if (v === null) return 'null';
  if (v instanceof RawNumber) return 'number';
  if (v instanceof Obj) return 'object';
  if (Array.isArray(v)) return 'array';
  return typeof v;
}

function fits(type: string, v: Json): boolean {
  const t = typeOf(v);
  if (type === 'integer') return typeof v === 'number' && Number.isInteger(v);
  return t === type;
}

/**
 * Why a value is certainly invalid against the schema, or [] when it may be valid. Certain
 * means what the document itself says: a wrong type, a missing required property, a property
 * the schema does not allow, a value outside an enum, a string longer than its maximum even
 * trimmed. (Patterns and formats are left to the server: they only make it stricter.)
 */
export function violations(v: Json, s: JsonSchema, at = 'body'): string[] {
  const types = s.type === undefined ? [] : Array.isArray(s.type) ? s.type : [s.type];
  if (s.enum && !s.enum.some((e) => e === v)) return [`${at} is not one of its values`];
  if (types.length && !types.some((t) => fits(t as string, v))) {
    return [`${at} is a ${typeOf(v)}, not ${types.join('|')}`];
  }
  if (typeof v === 'string' && s.maxLength !== undefined && [...v.trim()].length > s.maxLength) {
    return [`${at} is longer than ${s.maxLength}`];
  }
  if (!(v instanceof Obj)) return [];
  const out: string[] = [];
  // A key given twice counts once, with its last value (as JSON.parse reads it).
  const last = new Map(v.entries);
  for (const r of s.required ?? []) if (!last.has(r)) out.push(`${at}.${r} is missing`);
  for (const [k, x] of last) {
    const p = Object.hasOwn(s.properties ?? {}, k) ? s.properties![k] : undefined;
    if (p) out.push(...violations(x, p, `${at}.${k}`));
    else if (s.additionalProperties === false) {
      out.push(`${at} has the unknown key ${JSON.stringify(k)}`);
    }
  }
  return out;
}
