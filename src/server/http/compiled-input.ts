import { Ajv } from 'ajv';
import type { FastifySchemaCompiler } from 'fastify';
import { validatorCompiler as zodValidator } from 'fastify-type-provider-zod';
import { z } from 'zod';

/**
 * Input schemas checked by compiled code first (Ajv, as Fastify does by default) rather than by
 * zod's interpreter: for a hot route's large bodies (a sync batch of 100 events), zod took ~13 µs
 * per event, Ajv ~2 (bench:ingest). The zod schema stays the one definition: its JSON Schema is
 * derived from it, and any input the compiled check refuses is parsed by zod again, so errors
 * have the same codes and messages as on every other route.
 */
export const compiledInputs = z.registry<{ compiled: true }>();

/** Marks a route input schema to be checked by compiled code (see {@link compiledInputs}). */
export function compiledInput<T extends z.ZodType>(schema: T): T {
  exactShape(schema, '(schema)');
  compiledInputs.add(schema, { compiled: true });
  return schema;
}

type Def = {
  type: string;
  checks?: { _zod: { def: Record<string, unknown> } }[];
  [key: string]: unknown;
};

const STRING_CHECKS = new Set(['min_length', 'max_length', 'length_equals', 'string_format']);
const NUMBER_CHECKS = new Set(['greater_than', 'less_than', 'number_format']);
const ARRAY_CHECKS = new Set(['min_length', 'max_length', 'length_equals']);

/**
 * Throws unless `schema` is one whose JSON Schema accepts exactly what zod accepts and whose
 * zod output is its input: strict objects, strings with lengths and flagless patterns, numbers
 * with bounds, booleans, literals, enums, arrays, string-keyed records, unions, nullable and
 * optional. No transforms, defaults, refinements or trimming: those change or judge the value
 * in ways a JSON Schema does not express.
 */
function exactShape(schema: z.ZodType, at: string): void {
  const def = (schema as unknown as { _zod: { def: Def } })._zod.def;
  const refuse = (why: string) => {
    throw new Error(`compiledInput: ${at} ${why}; a compiled check would not match zod`);
  };
  const checks = (allowed: Set<string>) => {
    for (const c of def.checks ?? []) {
      const check = c._zod.def;
      if (!allowed.has(check.check as string)) refuse(`has a ${String(check.check)} check`);
      if (check.check === 'string_format') patternOnly(check);
    }
  };
  const patternOnly = (check: Record<string, unknown>) => {
    const pattern = check.pattern as RegExp | undefined;
    if (!pattern || pattern.flags !== '') refuse(`has a format without a plain pattern`);
  };
  switch (def.type) {
    case 'string':
      if (def.check === 'string_format') patternOnly(def);
      return checks(STRING_CHECKS);
    case 'number':
      return checks(NUMBER_CHECKS);
    case 'boolean':
    case 'null':
    case 'literal':
    case 'enum':
      return checks(new Set());
    case 'nullable':
    case 'optional':
      return exactShape(def.innerType as z.ZodType, at);
    case 'array':
      checks(ARRAY_CHECKS);
      return exactShape(def.element as z.ZodType, `${at}[]`);
    case 'record':
      exactShape(def.keyType as z.ZodType, `${at} keys`);
      return exactShape(def.valueType as z.ZodType, `${at}{}`);
    case 'union':
      for (const o of def.options as z.ZodType[]) exactShape(o, at);
      return;
    case 'object': {
      const catchall = def.catchall as { _zod: { def: Def } } | undefined;
      if (catchall?._zod.def.type !== 'never') refuse('is not a strict object');
      for (const [key, value] of Object.entries(def.shape as Record<string, z.ZodType>)) {
        exactShape(value, `${at}.${key}`);
      }
      return checks(new Set());
    }
    default:
      refuse(`is a ${def.type}`);
  }
}

/**
 * Lengths in code points and patterns without the `u` flag, as zod checks them; formats are not
 * checked by name (every format kept has its pattern).
 */
const ajv = new Ajv({
  unicodeRegExp: false,
  validateFormats: false,
  strict: true,
  discriminator: true,
});

type JsonSchema = { [key: string]: unknown };

/**
 * The JSON Schema with a `discriminator` on each `oneOf` whose branches are objects told apart
 * by a required property of a distinct constant string (zod's discriminated unions: an answer's
 * `type`, a measurement event's `kind`). Ajv then checks only the branch the tag names, instead
 * of every branch and an error object for each that fails (most of what a sync's check
 * allocated). It accepts the same values: no two branches share a tag, so at most the named one
 * can pass, and `type: object` keeps refusing whatever is not an object, as every branch did.
 */
export function discriminated(schema: unknown): unknown {
  if (Array.isArray(schema)) return schema.map(discriminated);
  if (schema === null || typeof schema !== 'object') return schema;
  const out: JsonSchema = {};
  for (const [key, value] of Object.entries(schema)) out[key] = discriminated(value);
  const tag = tagOf(out.oneOf);
  if (tag !== undefined && (out.type === undefined || out.type === 'object')) {
    out.type = 'object';
    out.discriminator = { propertyName: tag };
  }
  return out;
}

/** The property every branch requires with a distinct constant string, if there is one. */
function tagOf(oneOf: unknown): string | undefined {
  if (!Array.isArray(oneOf) || oneOf.length < 2) return undefined;
  const branches = oneOf as JsonSchema[];
  if (!branches.every((b) => b.type === 'object' && typeof b.properties === 'object')) return;
  const constOf = (b: JsonSchema, name: string) => {
    const prop = (b.properties as Record<string, JsonSchema | undefined>)[name];
    const required = Array.isArray(b.required) && b.required.includes(name);
    return required && typeof prop?.const === 'string' ? prop.const : undefined;
  };
  return Object.keys(branches[0]!.properties as object).find((name) => {
    const tags = branches.map((b) => constOf(b, name));
    return tags.every((t) => t !== undefined) && new Set(tags).size === tags.length;
  });
}

/** Checks already compiled, by schema: every app of a process compiles a schema once. */
const checks = new WeakMap<z.ZodType, (data: unknown) => boolean>();

/** The compiled check of a schema marked by {@link compiledInput}. */
export function compiledCheck(schema: z.ZodType): (data: unknown) => boolean {
  let compiled = checks.get(schema);
  if (!compiled) {
    const check = ajv.compile(
      discriminated(
        z.toJSONSchema(schema, { io: 'input', target: 'draft-7', unrepresentable: 'throw' }),
      ) as JsonSchema,
    );
    compiled = (data) => check(data);
    checks.set(schema, compiled);
  }
  return compiled;
}

/**
 * The app's validator compiler: zod's (fastify-type-provider-zod), with a compiled check first
 * for schemas marked by {@link compiledInput}.
 */
export const validatorCompiler: FastifySchemaCompiler<z.ZodType> = (route) => {
  const zod = zodValidator(route);
  if (!compiledInputs.has(route.schema)) return zod;
  const check = compiledCheck(route.schema);
  return (data: unknown) => (check(data) ? { value: data } : zod(data));
};
